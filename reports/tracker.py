"""Filters and counts over recommendations, shared by the tracker page, its CSV and the API.

Nothing here knows about requests, templates or pages: `filter_recommendations` takes any
mapping of strings (a QueryDict, a dict of API parameters) and returns a queryset, the
cleaned filters and lazy counts. Bad values are ignored with a note, never an error,
because the parameters come from bookmarks and hand-edited links.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cached_property
from urllib.parse import urlencode

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from news.selectors import not_restricted

from .enums import RecommendationStatus
from .models import Agency, Field, Recommendation, SupervisingBody, SupervisionReportPage

PARAMS = ("status", "agency", "body", "field", "year", "overdue")
MIN_YEAR, MAX_YEAR = 1990, 2100
# "Đang thực hiện" in the agency table: work has started and is not finished.
IN_PROGRESS_STATUSES = (RecommendationStatus.IN_PROGRESS, RecommendationStatus.PARTLY_DONE)


@dataclasses.dataclass
class TrackerFilters:
    """The valid filters of a request; `notes` explains, in Vietnamese, what was ignored."""

    status: str | None = None
    agency: int | None = None
    body: int | None = None
    field: str | None = None
    year: int | None = None
    overdue: bool | None = None
    notes: list[str] = dataclasses.field(default_factory=list)

    def as_params(self) -> dict[str, str]:
        """The filters as GET parameters, for links that keep them (pages, CSV)."""
        params = {}
        for name in PARAMS:
            value = getattr(self, name)
            if value is None:
                continue
            params[name] = ("1" if value else "0") if name == "overdue" else str(value)
        return params

    def querystring(self, **extra: object) -> str:
        params = self.as_params()
        params.update({key: str(value) for key, value in extra.items() if value is not None})
        return urlencode(params)

    @property
    def active(self) -> bool:
        return bool(self.as_params())


class TrackerChoices:
    """Option lists for the filter form, loaded on first use, one query each."""

    @cached_property
    def agencies(self) -> dict[int, Agency]:
        used = Exists(Recommendation.objects.public().filter(addressees=OuterRef("pk")))
        return {agency.pk: agency for agency in Agency.objects.annotate(is_addressee=used)}

    @cached_property
    def bodies(self) -> dict[int, SupervisingBody]:
        return {body.pk: body for body in SupervisingBody.objects.all()}

    @cached_property
    def fields(self) -> dict[str, Field]:
        return {item.slug: item for item in Field.objects.all()}

    @cached_property
    def years(self) -> list[int]:
        # Exists, not a join: on SQLite the year is truncated by a Python function per
        # joined row, and there are hundreds of recommendations per report.
        has_recommendations = Exists(Recommendation.objects.filter(report_id=OuterRef("pk")))
        reports = (
            SupervisionReportPage.objects.live()
            .filter(not_restricted(), has_recommendations, report_date__isnull=False)
            .dates("report_date", "year", order="DESC")
        )
        return [day.year for day in reports]

    def current(self, agency_id: int) -> Agency:
        """The agency that carries this one's recommendations today (itself if not merged)."""
        agency, seen = self.agencies[agency_id], set()
        while agency.successor_id in self.agencies and agency.pk not in seen:
            seen.add(agency.pk)
            agency = self.agencies[agency.successor_id]
        return agency

    def family(self, agency_id: int) -> set[int]:
        """The agency, the agencies it was merged into, and every agency merged into it.

        Asking for today's department finds what the departments it absorbed received;
        asking for an abolished one also finds what its successor received. Other agencies
        merged into the same successor are not included (the API uses the same rule).
        """
        family, agency = {agency_id}, self.agencies[agency_id]
        while agency.successor_id in self.agencies and agency.successor_id not in family:
            family.add(agency.successor_id)
            agency = self.agencies[agency.successor_id]
        pending = [agency_id]
        while pending:
            target = pending.pop()
            for pk, candidate in self.agencies.items():
                if candidate.successor_id == target and pk not in family:
                    family.add(pk)
                    pending.append(pk)
        return family

    def agency_options(self) -> list[Agency]:
        """Addressees of public recommendations and the agencies that succeeded them."""
        shown = {pk for pk, agency in self.agencies.items() if agency.is_addressee}
        shown |= {self.current(pk).pk for pk in shown}
        return [agency for pk, agency in self.agencies.items() if pk in shown]


def _int(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def clean_filters(params: Mapping[str, str], choices: TrackerChoices) -> TrackerFilters:
    """Keep the valid parameters; note each ignored one in words a reader understands."""
    cleaned = TrackerFilters()
    raw = {name: (params.get(name) or "").strip()[:100] for name in PARAMS}

    if raw["status"]:
        if raw["status"] in RecommendationStatus.values:
            cleaned.status = raw["status"]
        else:
            cleaned.notes.append(_("Tình trạng “%s” không hợp lệ, đã bỏ qua.") % raw["status"])
    if raw["agency"]:
        pk = _int(raw["agency"])
        if pk in choices.agencies:
            cleaned.agency = pk
        else:
            cleaned.notes.append(_("Không tìm thấy cơ quan “%s”, đã bỏ qua.") % raw["agency"])
    if raw["body"]:
        pk = _int(raw["body"])
        if pk in choices.bodies:
            cleaned.body = pk
        else:
            cleaned.notes.append(
                _("Không tìm thấy cơ quan giám sát “%s”, đã bỏ qua.") % raw["body"]
            )
    if raw["field"]:
        if raw["field"] in choices.fields:
            cleaned.field = raw["field"]
        else:
            cleaned.notes.append(_("Không tìm thấy lĩnh vực “%s”, đã bỏ qua.") % raw["field"])
    if raw["year"]:
        year = _int(raw["year"])
        if year is not None and MIN_YEAR <= year <= MAX_YEAR:
            cleaned.year = year
        else:
            cleaned.notes.append(_("Năm “%s” không hợp lệ, đã bỏ qua.") % raw["year"])
    if raw["overdue"]:
        if raw["overdue"] in ("1", "0"):
            cleaned.overdue = raw["overdue"] == "1"
        else:
            cleaned.notes.append(
                _("Giá trị lọc quá hạn “%s” không hợp lệ (chỉ nhận 1 hoặc 0), đã bỏ qua.")
                % raw["overdue"]
            )
    return cleaned


def overdue_q(today: date) -> Q:
    """The same rule as RecommendationQuerySet.overdue(), usable inside aggregates."""
    return Q(deadline__lt=today) & ~Q(status__in=RecommendationStatus.closed())


def apply_filters(
    queryset: QuerySet, filters: TrackerFilters, choices: TrackerChoices, today: date
) -> QuerySet:
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.agency is not None:
        # Through-table Exists rather than a join: a recommendation addressed to both an
        # old agency and its successor must still appear once.
        through = Recommendation.addressees.through
        queryset = queryset.filter(
            Exists(
                through.objects.filter(
                    recommendation_id=OuterRef("pk"),
                    agency_id__in=choices.family(filters.agency),
                )
            )
        )
    if filters.body is not None:
        queryset = queryset.filter(report__supervising_body_id=filters.body)
    if filters.field:
        queryset = queryset.filter(report__fields__slug=filters.field)
    if filters.year is not None:
        queryset = queryset.filter(report__report_date__year=filters.year)
    if filters.overdue is True:
        queryset = queryset.filter(overdue_q(today))
    elif filters.overdue is False:
        queryset = queryset.exclude(overdue_q(today))
    return queryset


@dataclasses.dataclass
class StatusCount:
    value: str
    label: str
    count: int


@dataclasses.dataclass
class AgencyCount:
    agency: Agency
    total: int = 0
    done: int = 0
    in_progress: int = 0
    overdue: int = 0


class TrackerCounts:
    """Counts of a filtered set, computed on first access: one query for the status
    summary, one for the per-agency table, whatever the number of recommendations."""

    def __init__(self, queryset: QuerySet, choices: TrackerChoices, today: date) -> None:
        self._queryset = queryset.order_by()
        self._choices = choices
        self._today = today

    @cached_property
    def _summary(self) -> dict[str, int]:
        statuses = {
            f"s{index}": Count("pk", filter=Q(status=value))
            for index, value in enumerate(RecommendationStatus.values)
        }
        return self._queryset.aggregate(
            total=Count("pk"), overdue=Count("pk", filter=overdue_q(self._today)), **statuses
        )

    @property
    def total(self) -> int:
        return self._summary["total"]

    @property
    def overdue(self) -> int:
        return self._summary["overdue"]

    @cached_property
    def by_status(self) -> list[StatusCount]:
        return [
            StatusCount(value, label, self._summary[f"s{index}"])
            for index, (value, label) in enumerate(RecommendationStatus.choices)
        ]

    @cached_property
    def by_agency(self) -> list[AgencyCount]:
        """Every addressee agency, merged agencies counted under their successor."""
        choices = self._choices
        merged: dict[int, list[int]] = {}
        for pk in choices.agencies:
            current = choices.current(pk).pk
            if current != pk:
                merged.setdefault(current, []).append(pk)
        current_id = Case(
            *[When(agency_id__in=pks, then=Value(pk)) for pk, pks in merged.items()],
            default=F("agency_id"),
            output_field=IntegerField(),
        )
        rec = "recommendation_id"
        status = "recommendation__status"
        rows = (
            Recommendation.addressees.through.objects.filter(
                recommendation_id__in=self._queryset.values("pk")
            )
            .annotate(current_id=current_id)
            .values("current_id")
            .annotate(
                total=Count(rec, distinct=True),
                done=Count(rec, distinct=True, filter=Q(**{status: RecommendationStatus.DONE})),
                in_progress=Count(
                    rec, distinct=True, filter=Q(**{f"{status}__in": IN_PROGRESS_STATUSES})
                ),
                overdue=Count(
                    rec,
                    distinct=True,
                    filter=Q(recommendation__deadline__lt=self._today)
                    & ~Q(**{f"{status}__in": RecommendationStatus.closed()}),
                ),
            )
            .order_by()
        )
        counts = [
            AgencyCount(
                choices.agencies[row["current_id"]],
                row["total"],
                row["done"],
                row["in_progress"],
                row["overdue"],
            )
            for row in rows
            if row["current_id"] in choices.agencies
        ]
        counts.sort(key=lambda item: (-item.total, -item.overdue, item.agency.name))
        return counts

    def top_agencies(self, limit: int = 10) -> list[AgencyCount]:
        return self.by_agency[:limit]


def filter_recommendations(
    params: Mapping[str, str],
    *,
    base: QuerySet | None = None,
    choices: TrackerChoices | None = None,
    today: date | None = None,
) -> tuple[QuerySet, TrackerFilters, TrackerCounts]:
    """Recommendations matching `params` (status, agency, body, field, year, overdue).

    `base` defaults to the recommendations of live, unrestricted reports; the admin passes
    a wider one. The queryset is ordered newest report first, in the report's own order.
    """
    choices = choices or TrackerChoices()
    today = today or timezone.localdate()
    cleaned = clean_filters(params, choices)
    queryset = base if base is not None else Recommendation.objects.public()
    queryset = apply_filters(queryset, cleaned, choices, today).order_by(
        F("report__report_date").desc(nulls_last=True), "-report_id", "sort_order", "pk"
    )
    return queryset, cleaned, TrackerCounts(queryset, choices, today)


@dataclasses.dataclass
class Addressee:
    name: str
    successor: str | None  # the current agency's name when this one has been merged


def attach_addressees(recommendations: Iterable[Recommendation], choices: TrackerChoices) -> None:
    """Give each recommendation `addressee_list`, with "nay là …" names, from the prefetch."""
    for recommendation in recommendations:
        recommendation.addressee_list = []
        for agency in recommendation.addressees.all():
            current = choices.current(agency.pk) if agency.pk in choices.agencies else agency
            recommendation.addressee_list.append(
                Addressee(agency.name, current.name if current.pk != agency.pk else None)
            )


def with_relations(queryset: QuerySet) -> QuerySet:
    """What a list row shows, joined or prefetched: a fixed number of queries per page."""
    return queryset.select_related("report", "report__supervising_body").prefetch_related(
        "addressees"
    )
