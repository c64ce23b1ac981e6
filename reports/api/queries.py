"""What the API shows of the reports and recommendations it lists, in a fixed number of
queries per request whatever the page size.

Which reports and recommendations match a request is decided by reports.report_list and
reports.tracker.queries, the modules behind the HTML pages; this module only adds the relations
and counts the JSON items carry, and the one-report detail.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from core.visibility import is_public, not_restricted
from reports.anchors import IN_EDITOR_ORDER
from reports.report_context import collection_not_restricted

from ..enums import RecommendationStatus
from ..models import (
    Agency,
    Recommendation,
    RecommendationUpdate,
    ReportDocument,
    ReportNewsLink,
    SupervisionReportPage,
)
from ..overdue import overdue_q
from ..report_list import public_reports

# Long text columns only the detail shows; lists never load them.
HEAVY_REPORT_FIELDS = ("summary", "findings", "shortcomings", "agency_response", "conclusion")


def with_list_relations(reports: QuerySet) -> QuerySet[SupervisionReportPage]:
    """Everything a list item shows, in one query per relation whatever the page size."""
    return _with_relations(reports.defer(*HEAVY_REPORT_FIELDS))


def _with_relations(reports: QuerySet) -> QuerySet[SupervisionReportPage]:
    return reports.select_related("supervising_body").prefetch_related(
        Prefetch("agencies", queryset=Agency.objects.select_related("successor")),
        "localities",
        "fields",
        "figures",
        "sessions",
    )


def recommendation_counts(report_ids: list[int]) -> dict[int, dict[str, int]]:
    """Per report: the number of recommendations in every status, their total and overdue.

    One grouped query for the whole page. Every status is present, zero or not, so a
    client can chart them without guessing which keys may be missing.
    """
    statuses = list(RecommendationStatus.values)
    # Aliases s0, s1…: status values contain hyphens, which make awkward SQL aliases.
    aggregates = {
        f"s{index}": Count("pk", filter=Q(status=status)) for index, status in enumerate(statuses)
    }
    overdue = overdue_q(timezone.localdate())
    rows = (
        Recommendation.objects.filter(report_id__in=report_ids)
        .order_by()
        .values("report_id")
        .annotate(total=Count("pk"), overdue=Count("pk", filter=overdue), **aggregates)
    )
    empty = {**dict.fromkeys(statuses, 0), "total": 0, "overdue": 0}
    counts = {report_id: dict(empty) for report_id in report_ids}
    for row in rows:
        counts[row["report_id"]] = {
            **{status: row[f"s{index}"] for index, status in enumerate(statuses)},
            "total": row["total"],
            "overdue": row["overdue"],
        }
    return counts


def history_queryset() -> QuerySet[RecommendationUpdate]:
    """Approved updates with what their public fields need; who recorded them is never
    loaded, and a step waiting for approval is not there."""
    return (
        RecommendationUpdate.objects.approved()
        .select_related("evidence", "source_report")
        .defer("recorded_by", *(f"source_report__{name}" for name in HEAVY_REPORT_FIELDS))
        .annotate(
            source_public=is_public("source_report__path"),
            evidence_public=collection_not_restricted("evidence__collection__path"),
        )
        .order_by("date", "pk")
    )


def addressees_queryset() -> QuerySet[Agency]:
    return Agency.objects.select_related("successor")


def with_recommendation_relations(recommendations: QuerySet) -> QuerySet[Recommendation]:
    return (
        recommendations.select_related("report", "report__supervising_body")
        .defer(*(f"report__{name}" for name in HEAVY_REPORT_FIELDS))
        .prefetch_related(
            Prefetch("addressees", queryset=addressees_queryset()),
            Prefetch("updates", queryset=history_queryset()),
        )
    )


def report_detail(report_id: int) -> SupervisionReportPage | None:
    """One public report with every relation its detail shows, or None."""
    public_news = (
        ReportNewsLink.objects.select_related("article")
        .filter(article__live=True)
        .filter(not_restricted("article__path"))
        .defer("article__body")
    )
    open_documents = ReportDocument.objects.select_related("document").filter(
        collection_not_restricted("document__collection__path")
    )
    recommendations = Recommendation.objects.order_by(*IN_EDITOR_ORDER).prefetch_related(
        Prefetch("addressees", queryset=addressees_queryset()),
        Prefetch("updates", queryset=history_queryset()),
    )
    follow_ups = public_reports().defer(*HEAVY_REPORT_FIELDS).order_by("report_date", "pk")
    return (
        _with_relations(public_reports())
        .select_related("head", "follows_up")
        .defer(*(f"follows_up__{name}" for name in HEAVY_REPORT_FIELDS))
        .annotate(follows_up_public=not_restricted("follows_up__path"))
        .prefetch_related(
            "members",
            "legal_bases",
            Prefetch("documents", queryset=open_documents),
            Prefetch("news_links", queryset=public_news),
            Prefetch("follow_ups", queryset=follow_ups),
            Prefetch("recommendations", queryset=recommendations),
        )
        .filter(pk=report_id)
        .first()
    )
