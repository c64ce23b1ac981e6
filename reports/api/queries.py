"""What the API may show and how its filters narrow it, as querysets of fixed query count.

reports/filters.py (report index) and reports/tracker.py (tracker page) were not in the
repository when the API was built, so the rules live here; they follow the same
vocabulary (agency and locality follow mergers) and are meant to be merged with those.
Parameters arrive already validated by schemas.py, so nothing here handles bad input.
"""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import CollectionViewRestriction

from news.selectors import is_public, not_restricted

from ..enums import RecommendationStatus
from ..models import (
    AdministrativeUnit,
    Agency,
    Recommendation,
    RecommendationUpdate,
    ReportDocument,
    ReportNewsLink,
    SupervisionReportPage,
)
from .schemas import RecommendationParams, ReportParams

# Long text columns only the detail shows; lists never load them.
HEAVY_REPORT_FIELDS = ("summary", "findings", "shortcomings", "agency_response", "conclusion")
AgencyRows = list[tuple[int, int | None]]


def public_reports() -> QuerySet[SupervisionReportPage]:
    """Published reports that no page view restriction (or ancestor's) covers."""
    return SupervisionReportPage.objects.live().filter(not_restricted())


def collection_not_restricted(path_field: str) -> Exists:
    """True where no view restriction covers the document's collection or an ancestor.

    A document can sit in a private collection while the report linking it is public;
    its link would only lead to a login page, and its title may itself be private.
    """
    covering = CollectionViewRestriction.objects.filter(
        collection__path=Substr(OuterRef(path_field), 1, Length("collection__path"))
    )
    return ~Exists(covering)


def agency_family(agency_id: int) -> set[int]:
    """The agency, every agency it was merged or renamed into, and every one merged into it.

    Asking for today's department must find reports about the departments it absorbed,
    and asking for an abolished one must find what its successor received. Siblings
    (other agencies merged into the same successor) are not included. One query: the
    agency table is small, and walking it in Python handles chains of any length.
    """
    rows: AgencyRows = list(Agency.objects.values_list("pk", "successor_id"))
    successor_of = dict(rows)
    if agency_id not in successor_of:
        return {agency_id}
    family = {agency_id}
    current = successor_of[agency_id]
    while current is not None and current not in family:
        family.add(current)
        current = successor_of.get(current)
    predecessors: dict[int, set[int]] = {}
    for pk, successor_id in rows:
        if successor_id is not None:
            predecessors.setdefault(successor_id, set()).add(pk)
    family |= _reachable(agency_id, predecessors)
    return family


def unit_family(unit_id: int) -> set[int]:
    """The unit, the units it became and the units it was formed from, transitively.

    Districts were abolished and communes merged in 2025: asking for a new commune finds
    the reports on the communes it absorbed, as the public report index does. One query.
    """
    edges = AdministrativeUnit.successors.through.objects.values_list(
        "from_administrativeunit_id", "to_administrativeunit_id"
    )
    successors: dict[int, set[int]] = {}
    predecessors: dict[int, set[int]] = {}
    for old, new in edges:
        successors.setdefault(old, set()).add(new)
        predecessors.setdefault(new, set()).add(old)
    return _reachable(unit_id, successors) | _reachable(unit_id, predecessors)


def _reachable(start: int, edges: dict[int, set[int]]) -> set[int]:
    seen, pending = {start}, [start]
    while pending:
        for following in edges.get(pending.pop(), ()):
            if following not in seen:
                seen.add(following)
                pending.append(following)
    return seen


def filter_reports(params: ReportParams) -> QuerySet[SupervisionReportPage]:
    reports = public_reports()
    if params.body is not None:
        reports = reports.filter(supervising_body_id=params.body)
    if params.year is not None:
        reports = reports.filter(report_date__year=params.year)
    if params.kind is not None:
        reports = reports.filter(kind=params.kind)
    # Many-to-many filters go through subqueries so a report never appears twice.
    if params.field is not None:
        through = SupervisionReportPage.fields.through
        reports = reports.filter(
            pk__in=through.objects.filter(field__slug=params.field).values(
                "supervisionreportpage_id"
            )
        )
    if params.agency is not None:
        through = SupervisionReportPage.agencies.through
        reports = reports.filter(
            pk__in=through.objects.filter(agency_id__in=agency_family(params.agency)).values(
                "supervisionreportpage_id"
            )
        )
    if params.locality is not None:
        through = SupervisionReportPage.localities.through
        reports = reports.filter(
            pk__in=through.objects.filter(
                administrativeunit_id__in=unit_family(params.locality)
            ).values("supervisionreportpage_id")
        )
    if params.status is not None:
        reports = reports.filter(
            Exists(Recommendation.objects.filter(report=OuterRef("pk"), status=params.status))
        )
    if params.sort == "oldest":
        return reports.order_by(F("report_date").asc(nulls_last=True), "pk")
    return reports.order_by(F("report_date").desc(nulls_last=True), "-pk")


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
    overdue = Q(deadline__lt=timezone.localdate()) & ~Q(status__in=RecommendationStatus.closed())
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
    """Updates with what their public fields need; who recorded them is never loaded."""
    return (
        RecommendationUpdate.objects.select_related("evidence", "source_report")
        .defer("recorded_by", *(f"source_report__{name}" for name in HEAVY_REPORT_FIELDS))
        .annotate(
            source_public=is_public("source_report__path"),
            evidence_public=collection_not_restricted("evidence__collection__path"),
        )
        .order_by("date", "pk")
    )


def addressees_queryset() -> QuerySet[Agency]:
    return Agency.objects.select_related("successor")


def filter_recommendations(params: RecommendationParams) -> QuerySet[Recommendation]:
    recommendations = Recommendation.objects.public()
    if params.status is not None:
        recommendations = recommendations.filter(status=params.status)
    if params.body is not None:
        recommendations = recommendations.filter(report__supervising_body_id=params.body)
    if params.year is not None:
        recommendations = recommendations.filter(report__report_date__year=params.year)
    if params.agency is not None:
        through = Recommendation.addressees.through
        recommendations = recommendations.filter(
            pk__in=through.objects.filter(agency_id__in=agency_family(params.agency)).values(
                "recommendation_id"
            )
        )
    if params.overdue is True:
        recommendations = recommendations.overdue()
    elif params.overdue is False:
        recommendations = recommendations.not_overdue()
    return recommendations.order_by(
        F("report__report_date").desc(nulls_last=True), "-report_id", "sort_order", "pk"
    )


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
    recommendations = Recommendation.objects.order_by("sort_order", "pk").prefetch_related(
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
