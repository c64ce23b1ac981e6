"""Filtering the public list of supervision reports, shared by the pages and the open-data API.

`filter_reports(params)` takes GET parameters (a QueryDict or a plain dict) and returns
the matching reports, the filters it applied, the values it refused and a count per
option of every filter. It knows nothing of requests, forms or templates, so the HTML list
and a JSON endpoint give the same answers.

Parameters, each optional and bookmarkable:
  body      SupervisingBody id
  year      year of report_date
  kind      ReportKind value
  field     Field slug
  agency    Agency id; also matches reports on the agencies it absorbed (predecessors)
  locality  AdministrativeUnit id; also matches the units it became and came from
  status    RecommendationStatus value: reports with at least one recommendation in it
  sort      "newest" (default) or "oldest" by report_date

A value that cannot be used is dropped and explained in `errors` (param → Vietnamese
message): the page shows the note above the unfiltered list, the API answers 400.

Counts are disjunctive, as readers expect of a filter form: the count beside "2021" is how
many reports you get by choosing 2021 while keeping the other filters. The cost is a fixed
number of queries whatever the number of reports or options (see `_facets`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from news.selectors import not_restricted

from .enums import RecommendationStatus, ReportKind
from .models import Agency, Recommendation, SupervisionReportPage
from .reference_data import ReferenceData

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
SORTS = ("newest", "oldest")
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
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
    queryset: QuerySet
    filters: dict[str, Any]
    facets: dict[str, list[FacetOption]]
    errors: dict[str, str]
    sort: str = "newest"

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


def _raw(params: Mapping[str, Any], name: str) -> str:
    value = params.get(name)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return "" if value is None else str(value).strip()[:100]


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:39] + "…"


def _clean(params: Mapping[str, Any], ref: ReferenceData) -> tuple[dict, dict[str, str]]:
    filters: dict[str, Any] = {}
    errors: dict[str, str] = {}

    def integer(name: str) -> int | None:
        raw = _raw(params, name)
        return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 18 else None

    raw = {name: _raw(params, name) for name in FILTER_PARAMS}
    if raw["body"]:
        body_id = integer("body")
        if body_id is not None and any(b.pk == body_id for b in ref.bodies):
            filters["body"] = body_id
        else:
            errors["body"] = _("Không có cơ quan giám sát mã “%(value)s”.")
    if raw["year"]:
        year = integer("year")
        if year is not None and 1900 <= year <= 2100:
            filters["year"] = year
        else:
            errors["year"] = _("Năm “%(value)s” không hợp lệ; hãy nhập năm có 4 chữ số.")
    if raw["kind"]:
        if raw["kind"] in ReportKind.values:
            filters["kind"] = raw["kind"]
        else:
            errors["kind"] = _("Không có hình thức giám sát “%(value)s”.")
    if raw["field"]:
        if SLUG.match(raw["field"]) and any(f.slug == raw["field"] for f in ref.fields):
            filters["field"] = raw["field"]
        else:
            errors["field"] = _("Không có lĩnh vực “%(value)s”.")
    if raw["agency"]:
        agency_id = integer("agency")
        if agency_id in ref.agencies:
            filters["agency"] = agency_id
        else:
            errors["agency"] = _("Không có cơ quan, đơn vị mã “%(value)s”.")
    if raw["locality"]:
        unit_id = integer("locality")
        if unit_id in ref.units:
            filters["locality"] = unit_id
        else:
            errors["locality"] = _("Không có địa bàn mã “%(value)s”.")
    if raw["status"]:
        if raw["status"] in RecommendationStatus.values:
            filters["status"] = raw["status"]
        else:
            errors["status"] = _("Không có tình trạng kiến nghị “%(value)s”.")
    messages = {
        name: str(message % {"value": _shown(raw[name])}) + " " + str(_("Bộ lọc này được bỏ qua."))
        for name, message in errors.items()
    }
    return filters, messages


def _conditions(filters: dict[str, Any], ref: ReferenceData) -> dict[str, Q]:
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
                agency_id__in=ref.agency_ids(filters["agency"])
            ).values("supervisionreportpage_id")
        )
    if "locality" in filters:
        conditions["locality"] = Q(
            pk__in=LocalityThrough.objects.filter(
                administrativeunit_id__in=ref.unit_ids(filters["locality"])
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
    base: QuerySet, conditions: dict[str, Q], filters: dict[str, Any], ref: ReferenceData
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
                (str(a.pk), ref.agency_label(a), merged_count(by_agency, ref.agency_ids(a.pk)))
                for a in agencies
            ],
        ),
        "locality": options(
            "locality",
            [(str(u.pk), str(u), merged_count(by_unit, ref.unit_ids(u.pk))) for u in units],
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


def filter_reports(
    params: Mapping[str, Any], *, within: Page | None = None, with_facets: bool = True
) -> ReportFilterResult:
    """Public reports matching `params` (see the module docstring), newest first.

    The queryset carries `recommendation_count` and `done_count`, joins the supervising
    body and prefetches agencies, so listing it costs a fixed number of queries.
    """
    ref = ReferenceData.load()
    filters, errors = _clean(params, ref)
    sort = _raw(params, "sort")
    sort = sort if sort in SORTS else "newest"
    conditions = _conditions(filters, ref)
    base = public_reports(within)
    date_order = (
        F("report_date").desc(nulls_last=True)
        if sort == "newest"
        else F("report_date").asc(nulls_last=True)
    )
    queryset = (
        base.filter(_all_but(conditions, ""))
        .defer(*HEAVY_FIELDS)
        .select_related("supervising_body")
        .prefetch_related(
            Prefetch("agencies", queryset=Agency.objects.select_related("successor__successor"))
        )
        .annotate(
            recommendation_count=_recommendation_count(),
            done_count=_recommendation_count(status=RecommendationStatus.DONE),
        )
        .order_by(date_order, "-pk" if sort == "newest" else "pk")
    )
    facets = _facets(base, conditions, filters, ref) if with_facets else {}
    return ReportFilterResult(queryset, filters, facets, errors, sort)
