"""The real-world relevance corpus (tests/relevance/realworld) as pages of a site.

Each document becomes what an editor would have published: an article in its section, a
supervision report with its supervising body, agencies, localities and recommendations. A
page's slug is the document's id, so a search result maps back to the judged ids.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone
from wagtail.models import Page

from reports.enums import BodyKind
from reports.models import Agency, Recommendation, SupervisingBody
from search.indexing import rebuild_entries
from tests.factories import home_page, make_article, make_section
from tests.relevance import realworld_set, scoring
from tests.report_factories import build_report, make_report_index


@dataclass
class Corpus:
    """What a search result's "type:slug" or "recommendation:slug#n" means in the set."""

    ids: dict[str, str] = field(default_factory=dict)

    def document(self, result_type: str, url: str) -> str:
        key = scoring.document_id(result_type, url)
        return self.ids.get(key, key)


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def _rich(text: str) -> str:
    return "".join(f"<p>{html.escape(part)}</p>" for part in _paragraphs(text))


def _noon(day: str) -> datetime:
    return timezone.make_aware(datetime.combine(date.fromisoformat(day), time(8, 30)))


class _Sections:
    """News sections made on demand from "A › B › C" paths, under the home page."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}

    def get(self, path: str) -> Page:
        parent: Page = home_page()
        so_far = ""
        for title in path.split(" › "):
            so_far = f"{so_far} › {title}" if so_far else title
            if so_far not in self.pages:
                self.pages[so_far] = make_section(title, parent)
            parent = self.pages[so_far]
        return parent


def _body(name: str) -> SupervisingBody:
    found = SupervisingBody.objects.get_or_create(name=name, defaults={"kind": BodyKind.COMMITTEE})
    return found[0]


def _agency(name: str) -> Agency:
    return Agency.objects.get_or_create(name=name)[0]


def build_corpus() -> Corpus:
    """Publish every document of the set; the search entries are written as on a real site."""
    docs = realworld_set.documents()
    corpus = Corpus()
    sections = _Sections()
    index = make_report_index(home_page(), title="Báo cáo kết quả giám sát")
    recommendations: dict[str, list[dict]] = {}
    for doc in docs:
        if doc["type"] == "recommendation":
            recommendations.setdefault(doc["report"], []).append(doc)
    for doc in docs:
        if doc["type"] == "article":
            make_article(
                sections.get(doc["section"]),
                title=doc["title"],
                slug=doc["id"],
                summary=doc["summary"],
                published_at=_noon(doc["date"]),
                body=[("paragraph", _rich(doc["body"]))],
            )
            corpus.ids[f"article:{doc['id']}"] = doc["id"]
        elif doc["type"] == "report":
            _report(index, doc, recommendations.get(doc["id"], []), corpus)
    # Built inside the world's transaction, whose on-commit refreshes never run: the
    # entries are written once, as `search_index rebuild` writes them.
    rebuild_entries()
    return corpus


def _report(index: Page, doc: dict, recs: list[dict], corpus: Corpus) -> None:
    # A recommendation's short title is its text (what the page lists), its explanation
    # the agency's reply text: both are searched, as on the site.
    built = []
    for rec in recs:
        recommendation = Recommendation(text=rec["title"], position_response=rec["body"])
        recommendation.addressees = [_agency(name) for name in rec["agencies"]]
        built.append(recommendation)
    build_report(
        index,
        title=doc["title"],
        slug=doc["id"],
        report_date=date.fromisoformat(doc["date"]),
        summary=doc["summary"],
        findings=_rich(doc["body"]),
        supervising_body=_body(doc["supervising_body"]),
        agencies=[_agency(name) for name in doc["agencies"]],
        localities_note=", ".join(doc["localities"]),
        recommendations=built,
    )
    corpus.ids[f"report:{doc['id']}"] = doc["id"]
    for position, rec in enumerate(recs, start=1):
        corpus.ids[f"recommendation:{doc['id']}#{position}"] = rec["id"]
