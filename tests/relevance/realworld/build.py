"""Assemble documents.jsonl: the hand-written documents (handwritten.toml) first, then
documents generated from the hand-written templates (articles.toml) and fact tables
(topics.toml, facts.py) with a fixed seed.

The output is committed as data and frozen: run this only to rebuild an identical file
(`python tests/relevance/realworld/build.py --check` says whether it still matches).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import facts  # noqa: E402

SEED = 20261203
OUTPUT = HERE / "documents.jsonl"
ROMAN = ["XIV", "XV", "XVI"]
ORDINAL = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một",
           "mười hai", "mười ba"]  # fmt: skip
TOKEN = re.compile(r"\[([^\]]+)\]")


def spell_date(day: dt.date, style: int) -> str:
    if style == 0:
        return f"{day.day}/{day.month}/{day.year}"
    if style == 1:
        return f"{day.day}-{day.month}-{day.year}"
    if style == 2:
        return f"{day.day} tháng {day.month} năm {day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def money(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"{facts.number(rng.randint(350, 250_000))} triệu đồng"
    return f"{facts.decimal(rng.randint(12, 990) / 10)} tỷ đồng"


def person(rng: random.Random) -> str:
    surname = rng.choice(facts.SURNAMES)
    if rng.random() < 0.35:
        return f"{surname} Thị {rng.choice(facts.FEMALE)}"
    return f"{surname} {rng.choice(facts.MIDDLE_MALE)} {rng.choice(facts.MALE)}"


class Speller:
    """Spells [ABBR] tokens in one document's style: "abbr", "full" or "mixed" (the full
    form with the abbreviation in brackets at first use, then the abbreviation)."""

    def __init__(self, rng: random.Random, mode: str) -> None:
        self.mode = mode
        self.seen: set[str] = set()
        self.variant = {k: rng.choice(v[1]) for k, v in facts.ABBREVIATIONS.items()}

    def __call__(self, text: str, mode: str | None = None) -> str:
        return TOKEN.sub(lambda m: self.spell(m.group(1), mode or self.mode), text)

    def spell(self, token: str, mode: str) -> str:
        full, _ = facts.ABBREVIATIONS[token]
        abbr = self.variant[token]
        if mode == "full":
            return full
        if mode == "abbr":
            return abbr
        if token in self.seen:
            return abbr
        self.seen.add(token)
        return f"{full} ({abbr})"


def lc(text: str) -> str:
    return text[:1].lower() + text[1:] if text and not text.startswith("[") else text


def facts_for(rng: random.Random, province: str, topic: dict, day: dt.date) -> dict:
    districts = facts.PROVINCES[province]
    huyen = rng.choice(list(districts))
    communes = rng.sample(districts[huyen], 2)
    style = rng.randrange(4)
    ban = topic["ban"]
    values = {
        "tinh": province,
        "huyen": huyen,
        "xa": communes[0],
        "xa2": communes[1],
        "ban_bản": rng.choice(["Nà Ca", "Huổi Lè", "Pá Khoang", "Nậm Cười", "Co Muông"]),
        "nguoi1": person(rng),
        "nguoi2": person(rng),
        "nguoi3": person(rng),
        "ngay": spell_date(day, style),
        "ngay2": spell_date(day + dt.timedelta(days=rng.randint(20, 90)), style),
        "nam": str(day.year),
        "khoa": "XIV" if day.year < 2021 else "XV",
        "ky": rng.choice(ORDINAL),
        "so_nq": str(rng.randint(12, 36)),
        "ban": ban,
        "name": topic["name"],
        "short": topic["short"],
        "agency": rng.choice(topic["agencies"]),
        "vanban": topic["decree"],
        "nq": f"{rng.randint(5, 80)}/{rng.randint(2016, day.year)}/NQ-HĐND",
        "so1": facts.number(rng.randint(1_000, 60_000)),
        "so2": facts.number(rng.randint(12, 950)),
        "so3": facts.number(rng.randint(40, 4_800)),
        "tien1": money(rng),
        "tien2": money(rng),
        "thunhap": f"{facts.decimal(rng.randint(320, 720) / 10)} triệu đồng",
        "tyle1": f"{facts.decimal(rng.randint(400, 999) / 10)}%",
        "tyle2": f"{facts.decimal(rng.randint(300, 999) / 10)}%",
    }
    for i in (1, 2, 3):
        # "ông"/"bà" follows the name: a "Thị" is a woman.
        values[f"ong{i}"] = "bà" if " Thị " in values[f"nguoi{i}"] else "ông"
        values[f"Ong{i}"] = values[f"ong{i}"].capitalize()
    values["chucvu1"] = rng.choice([f"Trưởng {ban} [HĐND] tỉnh", f"Phó Trưởng {ban} [HĐND] tỉnh"])
    values["chucvu2"] = rng.choice([f"Phó Chủ tịch [UBND] {huyen}", "Phó Giám đốc Sở Tài chính"])
    fill = Filler(values)
    for name in ("result", "limit", "rec"):
        items = topic[name + "s"][:]
        rng.shuffle(items)
        items = (items * 3)[:3]
        for i, item in enumerate(items, start=1):
            values[f"{name}{i}"] = fill(item)
            values[f"{name}{i}_lc"] = lc(values[f"{name}{i}"])
    values["agency"] = fill(values["agency"])
    return values


class Filler:
    def __init__(self, values: dict) -> None:
        self.values = values

    def __call__(self, template: str) -> str:
        return template.format_map(self.values)


def finish(text: str, province: str) -> str:
    text = text.replace("xã phường ", "phường ")
    return facts.old_tone(text) if province in facts.OLD_TONE_PROVINCES else text


def session_chair(values: dict, kind: str) -> None:
    if kind in ("session", "notice", "mttq", "question"):
        values["chucvu1"] = "Chủ tịch [HĐND] tỉnh"
    if kind == "voters":
        values["chucvu1"] = "Phó Trưởng Đoàn [ĐBQH] tỉnh"


def article(rng, number: int, kind: dict, topic: dict, province: str, day: dt.date) -> dict:
    values = facts_for(rng, province, topic, day)
    session_chair(values, kind["key"])
    fill = Filler(values)
    speller = Speller(rng, rng.choice(["abbr", "full", "mixed", "mixed"]))
    paragraphs = [rng.choice(kind["lead"])]
    paragraphs += kind["core"]
    extra = kind["optional"][:]
    rng.shuffle(extra)
    paragraphs += extra[: rng.randint(0, len(extra))]
    if kind["closing"]:
        paragraphs.append(rng.choice(kind["closing"]))
    body = "\n\n".join(speller(fill(p)) for p in paragraphs)
    title_mode = "full" if speller.mode == "full" and rng.random() < 0.5 else "abbr"
    title = speller(fill(rng.choice(kind["titles"])), title_mode)
    summary = Speller(rng, speller.mode)(fill(kind["summary"]))
    return {
        "id": f"rw-article-{number:03d}",
        "type": "article",
        "title": finish(title[:1].upper() + title[1:], province),
        "summary": finish(summary, province),
        "body": finish(body, province),
        "section": kind["section"],
        "date": day.isoformat(),
    }


def load_toml(name: str) -> dict:
    return tomllib.loads((HERE / name).read_text(encoding="utf-8"))


def main() -> int:
    from reports import generate_reports  # local module, after sys.path

    rng = random.Random(SEED)
    kinds = load_toml("articles.toml")["kind"]
    topics = load_toml("topics.toml")["topic"]
    handwritten = load_toml("handwritten.toml")["document"]
    documents = [dict(d) for d in handwritten]
    articles_needed = 220 - sum(d["type"] == "article" for d in documents)
    provinces = list(facts.PROVINCES)
    weights = {"supervision": 5, "review": 2, "voters": 4, "session": 3, "question": 2,
               "notice": 1, "mttq": 1, "survey": 2}  # fmt: skip
    pool = [k for k in kinds for _ in range(weights[k["key"]])]
    start = sum(d["type"] == "article" for d in documents) + 1
    for number in range(start, start + articles_needed):
        day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
        documents.append(
            article(rng, number, rng.choice(pool), rng.choice(topics), rng.choice(provinces), day)
        )
    documents += generate_reports(rng, topics, provinces, handwritten)
    documents += [dict(d) for d in load_toml("handwritten_late.toml")["document"]]
    text = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)
    if "--check" in sys.argv:
        same = OUTPUT.read_text(encoding="utf-8") == text
        print("documents.jsonl matches" if same else "documents.jsonl differs")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{len(documents)} documents written to {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
