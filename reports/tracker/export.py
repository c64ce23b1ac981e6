"""The tracker's CSV export: the current filter, streamed, readable by Excel as Vietnamese."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import date
from itertools import islice

from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.csv_cells import safe_row

from ..enums import RecommendationStatus
from ..models import Recommendation, SupervisionReportPage
from ..overdue import is_past_due
from .queries import TrackerChoices, filter_recommendations

# Excel reads a CSV as the legacy code page unless the file starts with a UTF-8 BOM.
BOM = "\ufeff"
CHUNK_SIZE = 500


def csv_header() -> list[str]:
    return [
        _("STT"),
        _("Nội dung kiến nghị"),
        _("Báo cáo giám sát"),
        _("Ngày giám sát"),
        _("Cơ quan giám sát"),
        _("Cơ quan được kiến nghị"),
        _("Thời hạn"),
        _("Ưu tiên"),
        _("Tình trạng"),
        _("Ngày cập nhật tình trạng"),
        _("Quá hạn"),
        _("Đường dẫn báo cáo"),
    ]


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


ROW_FIELDS = (
    "pk",
    "text",
    "deadline",
    "is_priority",
    "status",
    "status_date",
    "report_id",
    "report__title",
    "report__url_path",
    "report__report_date",
    "report__supervising_body__name",
)


def _addressee_names(
    recommendation_ids: list[int], choices: TrackerChoices
) -> dict[int, list[str]]:
    """Addressee names of a chunk of recommendations, merged agencies with "nay là …"."""
    names: dict[int, list[str]] = {pk: [] for pk in recommendation_ids}
    links = Recommendation.addressees.through.objects.filter(
        recommendation_id__in=recommendation_ids
    ).order_by("recommendation_id", "agency__name")
    for recommendation_id, agency_id in links.values_list("recommendation_id", "agency_id"):
        agency = choices.agencies.get(agency_id)
        if agency is None:  # created after this export started: not ours to name
            continue
        current = choices.current(agency_id)
        names[recommendation_id].append(
            _("%(name)s (nay là %(successor)s)") % {"name": agency.name, "successor": current.name}
            if current.pk != agency_id
            else agency.name
        )
    return names


def csv_rows(
    queryset: QuerySet,
    choices: TrackerChoices,
    report_url: Callable[[int, str], str],
    chunk_size: int = CHUNK_SIZE,
    today: date | None = None,
) -> Iterator[list[str]]:
    """One row per recommendation, read in chunks so a large export never sits in memory.

    Plain values rather than model instances, and one addressee query per chunk: 5,000
    rows cost a dozen queries and no page objects. `report_url(report_id, url_path)`
    returns the absolute address of a report page.
    """
    today = today or timezone.localdate()
    yes, no = _("Có"), _("Không")
    labels = {value: str(label) for value, label in RecommendationStatus.choices}
    rows = queryset.values(*ROW_FIELDS).iterator(chunk_size=chunk_size)
    number = 0
    while chunk := list(islice(rows, chunk_size)):
        addressees = _addressee_names([row["pk"] for row in chunk], choices)
        for row in chunk:
            number += 1
            deadline, status = row["deadline"], row["status"]
            overdue = is_past_due(deadline, status, today)
            yield [
                str(number),
                row["text"],
                row["report__title"],
                _day(row["report__report_date"]),
                row["report__supervising_body__name"] or "",
                "; ".join(addressees[row["pk"]]),
                _day(deadline),
                yes if row["is_priority"] else no,
                labels.get(status, status),
                _day(row["status_date"]),
                yes if overdue else no,
                report_url(row["report_id"], row["report__url_path"]),
            ]


class _Echo:
    """csv.writer wants a file; this one hands each formatted line straight back."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterator[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(safe_row(header))
    for row in rows:
        yield writer.writerow(safe_row(row))


def csv_filename(today: date | None = None) -> str:
    return f"kien-nghi-{(today or timezone.localdate()):%Y-%m-%d}.csv"


def csv_response(request: HttpRequest) -> StreamingHttpResponse:
    """The recommendations the tracker shows for these GET parameters, as a CSV download."""
    choices = TrackerChoices()
    queryset, _filters, _counts = filter_recommendations(request.GET, choices=choices)

    urls: dict[int, str] = {}

    def report_url(report_id: int, url_path: str) -> str:
        # A bare page with id and url_path is all Wagtail needs to build the address;
        # each report's is worked out once, however many recommendations it has.
        if report_id not in urls:
            page = SupervisionReportPage(id=report_id, url_path=url_path)
            urls[report_id] = page.get_full_url(request) or ""
        return urls[report_id]

    response = StreamingHttpResponse(
        csv_lines(csv_header(), csv_rows(queryset, choices, report_url)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{csv_filename()}"'
    return response
