"""How much of a supervision article the draft-report extraction gets right.

    .venv/bin/python bench/extraction.py [--misses]

Runs reports.extraction on the judged articles in tests/extraction_corpus/ (read as the
admin action reads them: title, standfirst and body HTML) and prints, for the "tune" and
the "heldout" half, the share of articles where each field is right: supervising body,
agencies (all found), districts (exactly the set named), figures (share found with an
accepted unit), recommendations (exact count and the right first one) and "any
recommendation". Then the demo's source article (seed_demo's page) field by field.
`--misses` lists what went wrong, for the tune half only: the held-out half is never
looked at article by article, so its figures stay an honest estimate.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LABELS = {
    "body": "cơ quan giám sát",
    "agencies": "cơ quan được giám sát",
    "districts": "huyện (đủ, đúng)",
    "figures": "số liệu đúng đơn vị",
    "recommendations": "kiến nghị (đúng số)",
    "any_recommendation": "kiến nghị (có)",
}


def setup_django() -> None:
    # The demo article's module sits in a Django app; no database is touched.
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/hdnd-bench-x.db")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def source_article() -> dict:
    """seed_demo's source article as the admin action reads it (paragraph blocks only)."""
    from news.demo.articles import body_blocks
    from news.demo.text_source import FEATURED

    blocks = body_blocks(FEATURED["slug"], FEATURED["body"])
    return {
        "title": FEATURED["title"],
        "summary": FEATURED["summary"],
        "html": "\n".join(b["value"] for b in blocks if b["type"] == "paragraph"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--misses", action="store_true", help="what the tune half got wrong")
    args = parser.parse_args()
    setup_django()
    from reports.extraction.evaluation import FIELDS, extract_article, rates, score_corpus

    halves = score_corpus()
    print(f"{'trường':24}" + "".join(f"{h} ({len(s)} bài)".rjust(20) for h, s in halves.items()))
    per_half = {half: rates(scores) for half, scores in halves.items()}
    for name in FIELDS:
        row = "".join(f"{per_half[half][name]:19.0%} " for half in halves)
        print(f"{LABELS[name]:24}{row}")
    if args.misses:
        for score in halves["tune"]:
            for name, value in score.scores.items():
                if value < 1 and name in score.misses:
                    print(f"  {score.name} {name}: {value:.2f} {score.misses[name]}")

    found = extract_article(source_article())
    print("\nBài nguồn (seed_demo):")
    print(f"  cơ quan giám sát: {found.supervising_body.name if found.supervising_body else '-'}")
    print(f"  cơ quan được giám sát: {[a.name for a in found.agencies]}")
    print(f"  huyện: {found.localities.district_names}  ({found.localities.note})")
    print(f"  số liệu: {[(str(f.value), f.unit) for f in found.figures]}")
    print(f"  kiến nghị: {len(found.sections.recommendations)}")
    for item in found.sections.recommendations:
        print(f"    - {item.text[:70]}")


if __name__ == "__main__":
    main()
