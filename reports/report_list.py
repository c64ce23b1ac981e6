"""Filtering the public list of supervision reports: the report index and GET /api/v1/reports/.

`filter_reports(params)` takes GET parameters (a QueryDict or a plain dict) and returns
the matching reports, the filters it applied, the values it refused and a count per
option of every filter. It knows nothing of requests, forms or templates, so the HTML list
and the JSON endpoint give the same answers. How each value is read and which agencies
and units a chosen one stands for is decided in reports.list_params, for every list.

Parameters, each optional and bookmarkable:
  body      SupervisingBody id
  year      year of report_date
  kind      ReportKind value
  field     Field slug
  agency    Agency id; also matches reports on the agencies merged into it (predecessors)
  locality  AdministrativeUnit id; also matches the units it became and came from
  status    RecommendationStatus value: reports with at least one recommendation in it
  sort      "newest" (default) or "oldest" by report_date

A value that cannot be used is dropped and explained in `errors` (param → ParamError):
the page shows its note above the list drawn without it, the API answers 400.

Counts are disjunctive, as readers expect of a filter form: the count beside "2021" is how
many reports you get by choosing 2021 while keeping the other filters. The cost is a fixed
number of queries whatever the number of reports or options (see `_facets`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.visibility import not_restricted

from .enums import RecommendationStatus, ReportKind
from .list_params import ParamError, agency_ids, parse_params, unit_ids
from .models import Agency, Recommendation, SupervisionReportPage
from .reference_data import MergerGraph, ReferenceData

FILTER_PARAMS = ("body", "year", "kind", "field", "agency", "locality", "status")
FILTER_TITLES = {
    "body": _("Cơ quan giám sát"),
    "year": _("Năm"),
    "kind": _("Hình thức"),
    "field": _("Lĩnh vực"),
    "agency": _("Cơ quan được giám sát"),
    "locality": _("Địa bàn"),
    "status": _("Tình trạng kiến nghị"),
}
# Long text columns only a report's own page shows; lists never load them.
HEAVY_FIELDS = ("findings", "shortcomings", "agency_response", "conclusion")

AgencyThrough = SupervisionReportPage.agencies.through
LocalityThrough = SupervisionReportPage.localities.through
FieldThrough = SupervisionReportPage.fields.through


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    group: str = ""


@dataclass
class ReportFilterResult:
    # Filtered and sorted, nothing joined or annotated: each consumer adds what it shows.
    matches: QuerySet
    filters: dict[str, Any]
    facets: dict[str, list[FacetOption]]
    errors: dict[str, ParamError]
    sort: str = "newest"

    @cached_property
    def queryset(self) -> QuerySet:
        """The matches as the report index lists them (see `for_listing`)."""
        return for_listing(self.matches)

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters)

    @property
    def facet_list(self) -> list[tuple[str, str, list[FacetOption]]]:
        """(param, filter title, options) in form order, for templates."""
        return [(name, str(FILTER_TITLES[name]), self.facets[name]) for name in self.facets]

    @property
    def active(self) -> list[tuple[str, str, str]]:
        """(param, filter title, chosen option's label) for each applied filter."""
        chosen = []
        for param, value in self.filters.items():
            label = next(
                (o.label for o in self.facets.get(param, []) if o.value == str(value)),
                str(value),
            )
            chosen.append((param, str(FILTER_TITLES[param]), label))
        return chosen


def public_reports(within: Page | None = None) -> QuerySet:
    """Live reports no view restriction covers, optionally below one page."""
    reports = SupervisionReportPage.objects.live().filter(not_restricted())
    if within is not None:
        reports = reports.filter(path__startswith=within.path, depth__gt=within.depth)
    return reports


def _conditions(filters: dict[str, Any], graph: MergerGraph | None) -> dict[str, Q]:
    """One Q per applied filter. Many-to-many filters are `pk IN (subquery)`, so a report
    matching several agencies is still one row and annotated counts stay right."""
    conditions: dict[str, Q] = {}
    if "body" in filters:
        conditions["body"] = Q(supervising_body_id=filters["body"])
    if "year" in filters:
        conditions["year"] = Q(report_date__year=filters["year"])
    if "kind" in filters:
        conditions["kind"] = Q(kind=filters["kind"])
    if "field" in filters:
        conditions["field"] = Q(
            pk__in=FieldThrough.objects.filter(field__slug=filters["field"]).values(
                "supervisionreportpage_id"
            )
        )
    if "agency" in filters:
        conditions["agency"] = Q(
            pk__in=AgencyThrough.objects.filter(
                agency_id__in=agency_ids(filters["agency"], graph)
            ).values("supervisionreportpage_id")
        )
    if "locality" in filters:
        conditions["locality"] = Q(
            pk__in=LocalityThrough.objects.filter(
                administrativeunit_id__in=unit_ids(filters["locality"], graph)
            ).values("supervisionreportpage_id")
        )
    if "status" in filters:
        conditions["status"] = Q(
            pk__in=Recommendation.objects.filter(status=filters["status"]).values("report_id")
        )
    return conditions


def _all_but(conditions: dict[str, Q], skip: str) -> Q:
    combined = Q()
    for name, condition in conditions.items():
        if name != skip:
            combined &= condition
    return combined


def _facets(
    base: QuerySet,
    conditions: dict[str, Q],
    filters: dict[str, Any],
    ref: ReferenceData,
    graph: MergerGraph,
) -> dict[str, list[FacetOption]]:
    """Counts per option in five queries: one grouped query with three conditional counts
    for body, year and kind; one each for field and status; one pair list each for agency
    and locality, whose counts must follow mergers and so are summed here."""
    chosen = {name: str(value) for name, value in filters.items()}

    def options(name: str, rows: list[tuple[str, str, int]], groups: dict | None = None):
        return [
            FacetOption(value, label, n, chosen.get(name) == value, (groups or {}).get(value, ""))
            for value, label, n in rows
            if n or chosen.get(name) == value
        ]

    counts: dict[str, defaultdict[Any, int]] = {
        k: defaultdict(int) for k in ("body", "year", "kind")
    }
    grouped = (
        base.order_by()
        .annotate(year=ExtractYear("report_date"))
        .values("supervising_body_id", "year", "kind")
        .annotate(
            **{
                f"n_{name}": Count("pk", filter=_all_but(conditions, name))
                for name in ("body", "year", "kind")
            }
        )
    )
    for row in grouped:
        counts["body"][row["supervising_body_id"]] += row["n_body"]
        counts["year"][row["year"]] += row["n_year"]
        counts["kind"][row["kind"]] += row["n_kind"]

    field_counts = dict(
        FieldThrough.objects.filter(
            supervisionreportpage__in=base.filter(_all_but(conditions, "field")).values("pk")
        )
        .values_list("field__slug")
        .annotate(n=Count("supervisionreportpage_id", distinct=True))
        .order_by()
    )
    status_counts = dict(
        Recommendation.objects.filter(
            report__in=base.filter(_all_but(conditions, "status")).values("pk")
        )
        .values_list("status")
        .annotate(n=Count("report_id", distinct=True))
        .order_by()
    )

    def reports_by(through, column: str, skip: str) -> dict[int, set[int]]:
        by_target: dict[int, set[int]] = defaultdict(set)
        pairs = through.objects.filter(
            supervisionreportpage__in=base.filter(_all_but(conditions, skip)).values("pk")
        ).values_list(column, "supervisionreportpage_id")
        for target, report in pairs:
            by_target[target].add(report)
        return by_target

    def merged_count(by_target: dict[int, set[int]], ids: set[int]) -> int:
        if len(ids) == 1:  # most options were never merged: no union to build
            return len(by_target.get(next(iter(ids)), ()))
        return len(set().union(*(by_target.get(i, set()) for i in ids)))

    by_agency = reports_by(AgencyThrough, "agency_id", "agency")
    by_unit = reports_by(LocalityThrough, "administrativeunit_id", "locality")
    agencies = sorted(ref.agencies.values(), key=lambda a: a.name.casefold())
    units = sorted(ref.units.values(), key=lambda u: (u.valid_until is not None, u.level, u.name))
    current, before = str(_("Đơn vị hành chính hiện nay")), str(_("Trước sắp xếp"))

    years = sorted((y for y in counts["year"] if y is not None), reverse=True)
    return {
        "body": options(
            "body", [(str(b.pk), b.name, counts["body"].get(b.pk, 0)) for b in ref.bodies]
        ),
        "year": options("year", [(str(y), str(y), counts["year"][y]) for y in years]),
        "kind": options(
            "kind",
            [
                (value, str(label), counts["kind"].get(value, 0))
                for value, label in ReportKind.choices
            ],
        ),
        "field": options(
            "field", [(f.slug, f.name, field_counts.get(f.slug, 0)) for f in ref.fields]
        ),
        "agency": options(
            "agency",
            [
                (
                    str(a.pk),
                    ref.agency_label(a),
                    merged_count(by_agency, agency_ids(a.pk, graph)),
                )
                for a in agencies
            ],
        ),
        "locality": options(
            "locality",
            [(str(u.pk), str(u), merged_count(by_unit, unit_ids(u.pk, graph))) for u in units],
            {str(u.pk): before if u.valid_until else current for u in units},
        ),
        "status": options(
            "status",
            [
                (value, str(label), status_counts.get(value, 0))
                for value, label in RecommendationStatus.choices
            ],
        ),
    }


def _recommendation_count(**conditions) -> Coalesce:
    counted = (
        Recommendation.objects.filter(report_id=OuterRef("pk"), **conditions)
        .order_by()
        .values("report_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def for_listing(reports: QuerySet) -> QuerySet:
    """What a report index item shows: `recommendation_count` and `done_count`, the
    supervising body joined and agencies prefetched, so a page costs a fixed number of
    queries."""
    return (
        reports.defer(*HEAVY_FIELDS)
        .select_related("supervising_body")
        .prefetch_related(
            Prefetch("agencies", queryset=Agency.objects.select_related("successor__successor"))
        )
        .annotate(
            recommendation_count=_recommendation_count(),
            done_count=_recommendation_count(status=RecommendationStatus.DONE),
        )
    )


def filter_reports(
    params: Mapping[str, Any], *, within: Page | None = None, with_facets: bool = True
) -> ReportFilterResult:
    """Public reports matching `params` (see the module docstring), newest first.

    `matches` is the bare filtered queryset; `queryset` is it ready for the index list.
    """
    filters, errors = parse_params(params, (*FILTER_PARAMS, "sort"))
    sort = filters.pop("sort", "newest")
    # The merger graph is cached; it is only read when a filter or a count follows mergers.
    needs_graph = with_facets or "agency" in filters or "locality" in filters
    graph = MergerGraph.load() if needs_graph else None
    conditions = _conditions(filters, graph)
    base = public_reports(within)
    date_order = (
        F("report_date").desc(nulls_last=True)
        if sort == "newest"
        else F("report_date").asc(nulls_last=True)
    )
    matches = base.filter(_all_but(conditions, "")).order_by(
        date_order, "-pk" if sort == "newest" else "pk"
    )
    facets = _facets(base, conditions, filters, ReferenceData.load(), graph) if with_facets else {}
    return ReportFilterResult(matches, filters, facets, errors, sort)
