"""Score the extraction against judged articles (tests/extraction_corpus/*.json).

Shared by bench/extraction.py, which prints the figures, and the corpus tests, which hold
them. Each article is read exactly as the admin action reads it (see article.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from core.text.normalize import fold_words

from .article import article_html
from .extract import Extraction, extract

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "extraction_corpus"
FIELDS = ("body", "agencies", "districts", "figures", "recommendations", "any_recommendation")


@dataclass
class ArticleScore:
    name: str
    half: str
    scores: dict[str, float] = field(default_factory=dict)
    misses: dict[str, str] = field(default_factory=dict)


def load_corpus(directory: Path = CORPUS) -> list[dict]:
    articles = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["name"] = path.stem
        articles.append(data)
    return articles


def extract_article(article: dict) -> Extraction:
    return extract(article_html(article["title"], article.get("summary", ""), [article["html"]]))


def _key(name: str) -> str:
    words = fold_words(name).replace("ubnd", "uy ban nhan dan").split()
    return " ".join(words)


def score_article(article: dict) -> ArticleScore:
    """1.0 or 0.0 per field, except figures: the share found with an accepted unit."""
    expected, found = article["expected"], extract_article(article)
    result = ArticleScore(article["name"], article["half"])
    body = found.supervising_body.name if found.supervising_body else ""
    result.scores["body"] = float(body == expected["supervising_body"])
    result.misses["body"] = body

    found_agencies = {_key(agency.name) for agency in found.agencies}
    missing = [name for name in expected["agencies"] if _key(name) not in found_agencies]
    result.scores["agencies"] = float(not missing)
    result.misses["agencies"] = f"thiếu {missing}, thấy {[a.name for a in found.agencies]}"

    districts = found.localities.district_names
    result.scores["districts"] = float(set(districts) == set(expected["districts"]))
    result.misses["districts"] = f"thấy {districts}"

    got = {(figure.value, figure.unit) for figure in found.figures}
    hits, missed = 0, []
    for value, units in expected["figures"]:
        if any((Decimal(value), unit) in got for unit in units):
            hits += 1
        else:
            seen = [unit for v, unit in got if v == Decimal(value)]
            missed.append(f"{value} {units[0]} (thấy {seen or 'không'})")
    result.scores["figures"] = hits / len(expected["figures"]) if expected["figures"] else 1.0
    result.misses["figures"] = "; ".join(missed)

    wanted = expected["recommendations"]
    items = found.sections.recommendations
    first = fold_words(items[0].text) if items else ""
    result.scores["recommendations"] = float(
        len(items) == wanted["count"] and fold_words(wanted["first_words"]) in first
    )
    result.scores["any_recommendation"] = float(bool(items))
    result.misses["recommendations"] = f"{len(items)} mục: {[i.text[:40] for i in items]}"
    return result


def rates(scores: list[ArticleScore]) -> dict[str, float]:
    """Per field, the mean score over the articles given."""
    if not scores:
        return dict.fromkeys(FIELDS, 0.0)
    return {name: sum(s.scores[name] for s in scores) / len(scores) for name in FIELDS}


def score_corpus(directory: Path = CORPUS) -> dict[str, list[ArticleScore]]:
    halves: dict[str, list[ArticleScore]] = {"tune": [], "heldout": []}
    for article in load_corpus(directory):
        halves[article["half"]].append(score_article(article))
    return halves
