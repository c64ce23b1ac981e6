"""The grep used while judging queries.tsv (never a search backend): lists the documents
whose fields (see `fields`) hold every criterion of a line of judging.tsv, so that the
candidates can be read. Text is lower-cased, the tone place (hoà/hòa) and the spelling of an
abbreviation (HĐND / Hội đồng nhân dân) no longer matter, and dates are brought to d/m/yyyy;
a criterion marked "~" is also compared without diacritics.

    python tests/relevance/realworld/judge_aid.py judging.tsv [--show N]
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import facts  # noqa: E402

DATE = re.compile(r"\b(\d{1,2})(?:/|-| tháng )0?(\d{1,2})(?:/|-| năm )(\d{4})\b")


NEW_TONE = {old: new for new, old in facts._OLD_TONE.items()}
NEW_TONE_RE = re.compile("(" + "|".join(NEW_TONE) + r")(?!\w)")


def fold(text: str, accents: bool = False) -> str:
    """accents=True keeps the diacritics (Hùng is not Hưng) but not the tone place."""
    text = DATE.sub(lambda m: f"{int(m.group(1))}/{int(m.group(2))}/{m.group(3)}", text)
    for token, (full, spellings) in facts.ABBREVIATIONS.items():
        for spelling in (*spellings, token):
            text = re.sub(rf"(?<!\w){re.escape(spelling)}(?!\w)", full, text)
    if accents:
        text = NEW_TONE_RE.sub(lambda m: NEW_TONE[m.group(1)], unicodedata.normalize("NFC", text))
    else:
        text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    # Punctuation between words stays a token: "Kim, Sơn La" must not match "Kim Sơn".
    text = re.sub(r"[^\w%./,;:?!&-]+", " ", text.lower())
    text = re.sub(r"([.,;:?!])(?=\s|$)", r" \1", text)
    return " " + " ".join(text.split()) + " "


def documents() -> list[dict]:
    lines = (HERE / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def fields(document: dict) -> list[str]:
    """Everything a reader sees on the page: title, summary, body, and on reports and
    recommendations the supervising body, agencies and localities."""
    texts = [document["title"], document["summary"], document["body"]]
    texts.append(document.get("supervising_body", ""))
    return texts + document.get("agencies", []) + document.get("localities", [])


def unpunctuated(folded: str) -> str:
    """A quoted phrase is judged on the words alone: "khám chữa bệnh" = "khám, chữa bệnh"."""
    return re.sub(r" [.,;:?!](?= )", "", folded)


def matches(text: tuple[str, str], criteria: list[str], phrase: bool = False) -> bool:
    """Criteria: words that must occur, with their diacritics but in either tone place and
    abbreviation form; "a|b" either; "!words" must not occur; "~words" also without
    diacritics."""
    for criterion in criteria:
        negate = criterion.startswith("!")
        criterion = criterion.lstrip("!")
        accents = not criterion.startswith("~")
        found = False
        for alternative in criterion.lstrip("=~").split("|"):
            wanted = fold(alternative, accents)
            if phrase:
                found = found or unpunctuated(wanted) in unpunctuated(text[accents])
            else:
                found = found or wanted in text[accents]
        if found == negate:
            return False
    return True


def main() -> None:
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 8
    texts = [(d, " ; ".join(fields(d))) for d in documents()]
    docs = [(d, (fold(text), fold(text, True))) for d, text in texts]
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, query, criteria = (line.split("\t") + [""])[:3]
        terms = [c.strip() for c in (criteria or query.strip('"')).split(";") if c.strip()]
        found = [d for d, text in docs if matches(text, terms, kind == "phrase")]
        print(f"{kind}\t{query}\t{len(found)}\t{' '.join(d['id'] for d in found)}")
        for d in found[:show]:
            print(f"    {d['id']}: {d['title'][:90]}")


if __name__ == "__main__":
    main()
