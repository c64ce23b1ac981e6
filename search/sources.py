"""Turn live, public pages into search entries: what each kind of document says.

The only module of `search` that knows the news and reports models. Everything here is
computed from the published page (never a draft revision), and only for pages a reader
may see: live, and under no view restriction. Each function returns plain field dicts for
`SearchEntry`; search.indexing decides when to write them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from core.visibility import not_restricted
from news.models import NewsArticlePage
from reports.anchors import IN_EDITOR_ORDER, anchor
from reports.enums import RecommendationStatus
from reports.models import KeyFigure, Recommendation, SupervisionReportPage
from search.analysis import TEXT_FIELDS
from search.models import EntryKind

Entry = dict[str, Any]


def _join(*parts: str) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _rich(html: str) -> str:
    return get_text_for_indexing(html or "")


def _as_of(day: date | None) -> str:
    # "tính đến 30/6/2020", as the report page writes it, so the date is findable.
    return f"{day.day}/{day.month}/{day.year}" if day else ""


def _midday(day: date | None) -> datetime | None:
    # Reports carry a date; noon local time keeps it on the same day in every time zone.
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time(12)))


def _pairs(items: Iterable[Any]) -> list[list[Any]]:
    return [[item.pk, item.name] for item in items]


def _keys(pairs: list[list[Any]]) -> str:
    return "".join(f"|{pk}" for pk, _label in pairs) + "|" if pairs else ""


def _entry(**values: Any) -> Entry:
    # The folded forms are search.analysis.with_folded's job (on worker processes in a rebuild).
    for name in TEXT_FIELDS:
        values.setdefault(name, "")
    published = values.get("published")
    values["year"] = timezone.localtime(published).year if published else None
    values.setdefault("fields", [])
    values.setdefault("localities", [])
    values["field_keys"] = _keys(values["fields"])
    values["locality_keys"] = _keys(values["localities"])
    return values


def _section(page: Page, parents: dict[str, Page]) -> Page | None:
    return parents.get(page.path[: -Page.steplen])


def article_entry(article: NewsArticlePage, section: Page | None) -> Entry:
    body = article.body.stream_block.get_searchable_content(article.body)
    return _entry(
        key=f"article:{article.pk}",
        kind=EntryKind.ARTICLE,
        page_id=article.pk,
        url=article.url or "",
        published=article.published_at or article.first_published_at,
        title=article.title,
        summary=article.summary,
        body=_join(*body, article.lead_image_caption, article.author),
        section_id=section.pk if section else None,
        section_label=section.title if section else "",
        path=article.path,
    )


def report_entries(report: SupervisionReportPage, section: Page | None) -> list[Entry]:
    """The report itself, then one entry per recommendation (ordered as on the page)."""
    published = _midday(report.report_date) or report.first_published_at
    body = report.supervising_body
    common = {
        "page_id": report.pk,
        "published": published,
        "section_id": section.pk if section else None,
        "section_label": section.title if section else "",
        "path": report.path,
        "body_id": body.pk if body else None,
        "body_label": body.name if body else "",
        "fields": [[field.slug, field.name] for field in report.fields.all()],
        "localities": _pairs(report.localities.all()),
    }
    recommendations = list(report.recommendations.all())
    figures = [
        _join(figure.label, figure.display_value, figure.unit, _as_of(figure.as_of), figure.note)
        for figure in report.figures.all()
    ]
    agencies = [agency.name for agency in report.agencies.all()]
    entries = [
        _entry(
            key=f"report:{report.pk}",
            kind=EntryKind.REPORT,
            url=report.url or "",
            title=report.title,
            summary=_join(report.subject, report.summary),
            body=_join(
                body.name if body else "",
                *agencies,
                report.localities_note,
                *figures,
                _rich(report.findings),
                _rich(report.shortcomings),
                _rich(report.agency_response),
                report.head.name if report.head else "",
            ),
            conclusion=_join(_rich(report.conclusion), *(rec.text for rec in recommendations)),
            **common,
        )
    ]
    for position, recommendation in enumerate(recommendations, start=1):
        entries.append(recommendation_entry(report, recommendation, position, common))
    return entries


def recommendation_entry(
    report: SupervisionReportPage, recommendation: Recommendation, position: int, common: Entry
) -> Entry:
    addressees = [agency.name for agency in recommendation.addressees.all()]
    status = RecommendationStatus(recommendation.status)
    return _entry(
        key=f"recommendation:{recommendation.pk}",
        kind=EntryKind.RECOMMENDATION,
        url=f"{report.url or ''}{anchor(position)}",
        title=_shorten(recommendation.text),
        summary=_join(*addressees),
        body=_join(report.title, recommendation.position_response),
        conclusion=recommendation.text,
        status=status.value,
        status_label=str(status.label),
        **common,
    )


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def public_pages(queryset) -> Any:
    return queryset.live().filter(not_restricted())


def entries_for_page_ids(ids: list[int]) -> Iterator[Entry]:
    """Entries for those of these pages that are articles or reports, live and public.

    Pages of other types, drafts and restricted pages yield nothing (the caller removes
    their old entries). The `<name>_folded` columns are left to search.analysis.with_folded.
    """
    yield from _article_entries(NewsArticlePage.objects.filter(pk__in=ids))
    yield from _report_entries(SupervisionReportPage.objects.filter(pk__in=ids))


def document_page_ids() -> list[int]:
    """Every article and report page, whatever its state (a rebuild checks them all)."""
    return [
        *NewsArticlePage.objects.values_list("pk", flat=True),
        *SupervisionReportPage.objects.values_list("pk", flat=True),
    ]


def _parents(pages: list[Page]) -> dict[str, Page]:
    paths = {page.path[: -Page.steplen] for page in pages}
    return {
        parent.path: parent
        for parent in Page.objects.filter(path__in=paths).only(
            "id", "path", "title", "url_path", "depth"
        )
    }


CHUNK = 500


def _chunks(queryset, size: int = CHUNK) -> Iterator[list[Any]]:
    # Chunked by primary key so a full rebuild of tens of thousands of pages stays flat
    # in memory and prefetches per chunk.
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last).order_by("pk")[:size])
        if chunk:
            yield chunk
        if len(chunk) < size:
            return
        last = chunk[-1].pk


def _article_entries(queryset) -> Iterator[Entry]:
    queryset = public_pages(queryset)
    for chunk in _chunks(queryset):
        parents = _parents(chunk)
        for article in chunk:
            yield article_entry(article, _section(article, parents))


def _report_entries(queryset) -> Iterator[Entry]:
    queryset = (
        public_pages(queryset)
        .select_related("supervising_body", "head")
        .prefetch_related(
            "fields",
            "localities",
            "agencies",
            Prefetch("figures", queryset=KeyFigure.objects.order_by(*IN_EDITOR_ORDER)),
            # The report page numbers recommendations in this order ("#kien-nghi-N"):
            # sort_order alone leaves ties (and NULLs) to each database.
            Prefetch(
                "recommendations",
                queryset=Recommendation.objects.order_by(*IN_EDITOR_ORDER).prefetch_related(
                    "addressees"
                ),
            ),
        )
    )
    for chunk in _chunks(queryset, 100):
        parents = _parents(chunk)
        for report in chunk:
            yield from report_entries(report, _section(report, parents))
