"""Generated supervision reports and their recommendations (see build.py)."""

from __future__ import annotations

import datetime as dt
import random

import build
import facts

REPORTS = 50
RECOMMENDATIONS = 60
LONG = 12  # reports of 1,500+ words: every commune, every year


def report_document(rng: random.Random, number: int, topic: dict, province: str, long: bool):
    day = dt.date(2019, 3, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
    t = build.load_toml("reports.toml")
    values = build.facts_for(rng, province, topic, day)
    span = 4 if long else rng.randint(2, 4)
    values["y1"], values["y2"] = str(day.year - span), str(day.year - 1)
    agencies = [build.Filler(values)(a) for a in topic["agencies"]]
    districts = facts.PROVINCES[province]
    areas = [values["huyen"]] + [f"xã {c}" for c in districts[values["huyen"]]]
    if long:
        areas = [d for d in districts] + [f"xã {c}" for cs in districts.values() for c in cs]
    values["agencies"] = ", ".join(agencies)
    values["places"] = ", ".join(areas[:4])
    fill = build.Filler(values)
    speller = build.Speller(rng, rng.choice(["abbr", "full", "mixed", "mixed"]))
    paragraphs = [rng.choice(t["opening"])] + t["general"][: 2 if long else rng.randint(1, 2)]
    paragraphs.append(t["results_head"])
    years = range(int(values["y1"]), int(values["y2"]) + 1) if long else [values["y2"]]
    for year in years:
        for area in areas if long else areas[: rng.randint(2, len(areas))]:
            local = build.facts_for(rng, province, topic, day)
            result = rng.choice(topic["results"])
            local_fill = build.Filler(local)
            text = local_fill(result).replace("oàn tỉnh", "oàn địa bàn")
            if long:
                extra = rng.choice(topic["results"] + topic["limits"])
                text = f"{text} {local_fill(extra)}"
                if sum(len(p.split()) for p in paragraphs) > 2500:
                    break
            section = rng.choice(t["area_section"])
            paragraphs.append(
                section.format(area=area, year=year, result=text, result_lc=build.lc(text))
            )
    paragraphs.append(t["limits_head"])
    paragraphs += [fill(x) for x in topic["limits"]]
    paragraphs += t["causes"]
    paragraphs.append(t["recs_head"])
    targets = ["[UBND] tỉnh"] + agencies
    recs = []
    for i, rec in enumerate(topic["recs"]):
        target = targets[i % len(targets)]
        text = fill(rec)
        recs.append((target, text, fill(topic["limits"][i % len(topic["limits"])])))
        line = rng.choice(t["rec_lines"])
        paragraphs.append(line.format(target=target, rec=text, rec_lc=build.lc(text)))
    paragraphs.append(rng.choice(t["closing"]))
    body = "\n\n".join(speller(fill(p)) for p in paragraphs)
    title = speller(fill(rng.choice(t["titles"])), "abbr")
    supervising = f"{topic['ban']} [HĐND] tỉnh {province}"
    localities = [values["huyen"]] + [f"xã {c}" for c in districts[values["huyen"]]]
    if long:
        localities = areas
    report = {
        "id": f"rw-report-{number:03d}",
        "type": "report",
        "title": build.finish(title[:1].upper() + title[1:], province),
        "summary": build.finish(
            speller(fill("Kết quả giám sát {name} của {ban} [HĐND] tỉnh {tinh}."), "abbr"),
            province,
        ),
        "body": build.finish(body, province),
        "section": "Giám sát › Báo cáo kết quả giám sát",
        "date": day.isoformat(),
        "supervising_body": build.finish(speller(supervising, "abbr"), province),
        "agencies": [build.finish(speller(a, "abbr"), province) for a in agencies],
        "localities": [build.finish(x, province) for x in localities],
    }
    return report, recs, values, t, speller


def recommendation_document(number, report, rec, values, t, speller, rng, province):
    target, text, limit = rec
    local = dict(values, target=target, rec=text, limit_lc=build.lc(limit))
    fill = build.Filler(local)
    paragraphs = [
        fill(t["recommendation"][0]).replace(f"{target}: {text}", f"{target}: {build.lc(text)}")
    ]
    if rng.random() < 0.7:
        paragraphs.append(fill(t["recommendation"][1]))
    paragraphs.append(fill(t["recommendation"][2]))
    body = "\n\n".join(speller(p) for p in paragraphs)
    title = speller(text.rstrip("."), "abbr")
    return {
        "id": f"rw-recommendation-{number:03d}",
        "type": "recommendation",
        "title": build.finish(title, province),
        "summary": build.finish(speller(f"Kiến nghị {target}: {build.lc(text)}", "abbr"), province),
        "body": build.finish(body, province),
        "section": "Giám sát › Kiến nghị sau giám sát",
        "date": report["date"],
        "supervising_body": report["supervising_body"],
        "agencies": [build.finish(speller(target, "abbr"), province)],
        "localities": report["localities"][:2],
        "report": report["id"],
    }


def generate_reports(rng, topics, provinces, handwritten) -> list[dict]:
    have_reports = sum(d["type"] == "report" for d in handwritten)
    have_recs = sum(d["type"] == "recommendation" for d in handwritten)
    documents, recs_made = [], have_recs
    for number in range(have_reports + 1, REPORTS + 1):
        topic = topics[number % len(topics)]
        province = rng.choice(provinces)
        report, recs, values, t, speller = report_document(
            rng, number, topic, province, long=number % 4 == 0 and number <= 4 * LONG
        )
        documents.append(report)
        wanted = 1 if number % 2 else 2
        for rec in recs[:wanted]:
            if recs_made >= RECOMMENDATIONS:
                break
            recs_made += 1
            documents.append(
                recommendation_document(recs_made, report, rec, values, t, speller, rng, province)
            )
    return documents
