"""The home page's "Hoạt động giám sát" block, given to news through `news_home_extras`.

Recent conclusions (the newest published reports) and overdue recommendations, with
links to the report list and to the tracker filtered on overdue ones. Rendered HTML is
cached per day (overdue depends on the date) until published content changes; recording
a status update also bumps the content generation (reports.signals).
"""

from __future__ import annotations

from datetime import date
from html import unescape

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Prefetch
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from wagtail import hooks
from wagtail.models import Page

from core.cache import cached_for_generation
from core.visibility import not_restricted

from .anchors import anchor, recommendation_positions
from .models import (
    Agency,
    Recommendation,
    RecommendationTrackerPage,
    ReportIndexPage,
    SupervisionReportPage,
)

RECENT_REPORTS = 3
OVERDUE_SHOWN = 4
EXCERPT_WORDS = 35
# Long text columns the block never shows (the conclusion is read for its excerpt).
UNUSED_FIELDS = ("findings", "shortcomings", "agency_response")


@hooks.register("news_home_extras")
def supervision_home_block(request: HttpRequest | None, page: Page) -> SafeString:
    today = timezone.localdate()
    if getattr(request, "is_preview", False):
        return _render(today)
    return cached_for_generation(f"reports-home:{page.pk}:{today:%Y%m%d}", lambda: _render(today))


def excerpt(report: SupervisionReportPage) -> str:
    """The conclusion's first words as plain text, else the summary's."""
    text = " ".join(unescape(strip_tags(report.conclusion or "")).split())
    return Truncator(text or report.summary).words(EXCERPT_WORDS)


def _links() -> dict[str, str]:
    """The first live, public report list and tracker, in one query."""
    types = ContentType.objects.get_for_models(ReportIndexPage, RecommendationTrackerPage)
    pages = (
        Page.objects.live()
        .filter(not_restricted(), content_type__in=types.values())
        .order_by("path")
    )
    names = {types[ReportIndexPage].pk: "index", types[RecommendationTrackerPage].pk: "tracker"}
    links: dict[str, str] = {}
    for found in pages:
        links.setdefault(names[found.content_type_id], found.url)
    return links


def _render(today: date) -> SafeString:
    reports = list(
        SupervisionReportPage.objects.live()
        .filter(not_restricted())
        .select_related("supervising_body")
        .defer(*UNUSED_FIELDS)
        .order_by(F("report_date").desc(nulls_last=True), "-pk")[:RECENT_REPORTS]
    )
    overdue_all = Recommendation.objects.public().overdue(today)
    overdue = list(
        overdue_all.select_related("report")
        .defer(*(f"report__{name}" for name in (*UNUSED_FIELDS, "conclusion", "summary")))
        .prefetch_related(Prefetch("addressees", queryset=Agency.objects.only("name")))
        .order_by("deadline", "pk")[:OVERDUE_SHOWN]
    )
    if not reports and not overdue:
        return mark_safe("")
    positions = recommendation_positions(r.report_id for r in overdue)
    for recommendation in overdue:
        recommendation.anchor = anchor(positions.get(recommendation.pk))
    context = {
        "reports": [(report, excerpt(report)) for report in reports],
        "overdue": overdue,
        "overdue_total": overdue_all.count() if len(overdue) == OVERDUE_SHOWN else len(overdue),
        "links": _links(),
    }
    # No request: the HTML is cached and shared by every reader.
    return render_to_string("reports/includes/home_supervision.html", context)
