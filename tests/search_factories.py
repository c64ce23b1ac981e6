"""Builders for search tests: real pages in the real tree, then their search entries.

Built on tests.factories and tests.report_factories, so every document goes through the
same publishing path as an editor's. `index_site()` then reads the site into SearchEntry
the way a full rebuild does; tests of live updates publish through Wagtail and run the
on-commit callbacks instead (pytest-django's django_capture_on_commit_callbacks).
Backend-agnostic: `search(backend, ...)` runs any module with `search(request)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from types import ModuleType
from typing import Any

from django.utils import timezone
from wagtail.models import Page

from news.models import NewsArticlePage
from reports.models import (
    AdministrativeUnit,
    Field,
    Recommendation,
    ReportIndexPage,
    SupervisionReportPage,
)
from search.indexing import rebuild_entries
from search.params import SearchRequest
from search.results import SearchResults
from tests.factories import make_article
from tests.report_factories import body, build_report, make_report_index


def local(year: int, month: int, day: int, hour: int = 9, minute: int = 30) -> datetime:
    """A moment in the site's time zone (Asia/Ho_Chi_Minh)."""
    return timezone.make_aware(datetime(year, month, day, hour, minute))


def paragraphs(*texts: str) -> list[tuple[str, str]]:
    """An article body: one paragraph block per text (HTML allowed)."""
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def article(
    section: Page,
    title: str,
    *,
    summary: str = "",
    body_text: str | Iterable[str] = "",
    published: datetime | None = None,
    live: bool = True,
    **fields: Any,
) -> NewsArticlePage:
    """A published news article (a draft with live=False) under `section`."""
    texts = [body_text] if isinstance(body_text, str) else list(body_text)
    return make_article(
        section,
        title=title,
        summary=summary or title,
        body=paragraphs(*[t for t in texts if t]) or paragraphs(title),
        published_at=published or local(2024, 1, 15),
        live=live,
        **fields,
    )


def report_index(parent: Page | None = None) -> ReportIndexPage:
    return make_report_index(parent)


def report(
    index: ReportIndexPage,
    title: str,
    *,
    summary: str = "",
    conclusion: str = "",
    recommendations: Iterable[str | Recommendation] = (),
    on: date = date(2022, 10, 26),
    fields: Iterable[Field] = (),
    localities: Iterable[AdministrativeUnit] = (),
    live: bool = True,
    **extra: Any,
) -> SupervisionReportPage:
    """A published supervision report with its conclusion and recommendations (texts or
    Recommendation instances), supervised by the default committee unless told."""
    extra.setdefault("supervising_body", body())
    return build_report(
        index,
        title=title,
        report_date=on,
        summary=summary,
        conclusion=f"<p>{conclusion}</p>" if conclusion else "",
        # Numbered as an editor's inline panel numbers them (the page's "#kien-nghi-N").
        recommendations=[
            item if isinstance(item, Recommendation) else Recommendation(text=item, sort_order=n)
            for n, item in enumerate(recommendations)
        ],
        fields=list(fields),
        localities=list(localities),
        live=live,
        **extra,
    )


def index_site() -> tuple[int, int]:
    """Bring every search entry in line with the site: (written, deleted)."""
    return rebuild_entries()


def search(backend: ModuleType, query: str = "", **params: Any) -> SearchResults:
    """`backend.search` with a SearchRequest of `query` and the given parameters."""
    return backend.search(SearchRequest(query=query, **params))


def titles(results: SearchResults) -> list[str]:
    return [hit.title for hit in results.items]


def facet(results: SearchResults, name: str) -> dict[str, int]:
    """A facet's counts by label."""
    return {value.label: value.count for value in results.facets[name]}
