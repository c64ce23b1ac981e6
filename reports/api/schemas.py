"""Query parameters and response shapes of the reports API.

Parameters are only described here (their OpenAPI type and bounds): they reach the view as
text and are read by core.params, the readers the HTML pages and the search API use, so a
refused one is answered with the same 400 error shape and the same Vietnamese message.
Pagination is read by `PageParams.page_and_size()`, filters by reports.list_params.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema

from core.api_errors import refuse_first
from core.api_params import BoolParam, IdParam, SlugParam, YearParam, one_of, whole_number
from core.params import Param, integer, parse_params

from ..enums import RecommendationStatus, ReportKind
from ..list_params import SORTS

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 500
# Far beyond any list this office will hold (a million pages of 500), and it keeps every
# OFFSET small enough for SQLite, which answers a 500 past 2**63.
MAX_PAGE = 1_000_000
PAGE_PARAMS = {
    "page": Param(integer(1, MAX_PAGE), _("Số trang")),
    "page_size": Param(integer(1, MAX_PAGE_SIZE), _("Số mục mỗi trang")),
}


PageParam = whole_number(1, MAX_PAGE)
PageSizeParam = whole_number(1, MAX_PAGE_SIZE)
KindParam = one_of(ReportKind.values)
StatusParam = one_of(RecommendationStatus.values)
SortParam = one_of(SORTS, default="newest")


class PageParams(Schema):
    page: PageParam = Field(None, description="Trang cần lấy, bắt đầu từ 1.")
    page_size: PageSizeParam = Field(
        None, description=f"Số mục mỗi trang, 1–{MAX_PAGE_SIZE}, mặc định {DEFAULT_PAGE_SIZE}."
    )

    def page_and_size(self) -> tuple[int, int]:
        """The page number and size asked for; raises the API's 400 for a refused one."""
        accepted, errors = parse_params(self.model_dump(include=set(PAGE_PARAMS)), PAGE_PARAMS)
        refuse_first(errors)
        return accepted.get("page", 1), accepted.get("page_size", DEFAULT_PAGE_SIZE)

    def filters(self) -> dict[str, str | None]:
        """The filter parameters as given, read by reports.report_list and reports.tracker."""
        return self.model_dump(exclude={"page", "page_size"})


class ReportParams(PageParams):
    body: IdParam = Field(None, description="Mã cơ quan giám sát.")
    year: YearParam = Field(None, description="Năm giám sát.")
    kind: KindParam = Field(None, description="Hình thức giám sát.")
    field: SlugParam = Field(None, description="Mã (slug) lĩnh vực.")
    agency: IdParam = Field(
        None,
        description=(
            "Mã cơ quan được giám sát; gồm cả các cơ quan đã sáp nhập vào cơ quan này "
            "(tiền thân), không gồm cơ quan kế thừa nó."
        ),
    )
    locality: IdParam = Field(
        None,
        description="Mã đơn vị hành chính; gồm cả đơn vị trước và sau sắp xếp.",
    )
    status: StatusParam = Field(
        None, description="Báo cáo có ít nhất một kiến nghị ở tình trạng này."
    )
    sort: SortParam = Field(None, description="Thứ tự theo ngày giám sát.")


class RecommendationParams(PageParams):
    status: StatusParam = Field(None, description="Tình trạng thực hiện.")
    agency: IdParam = Field(
        None,
        description=(
            "Mã cơ quan được kiến nghị; gồm cả các cơ quan đã sáp nhập vào cơ quan này "
            "(tiền thân), không gồm cơ quan kế thừa nó."
        ),
    )
    body: IdParam = Field(None, description="Mã cơ quan giám sát.")
    field: SlugParam = Field(None, description="Mã (slug) lĩnh vực của báo cáo.")
    year: YearParam = Field(None, description="Năm của báo cáo giám sát.")
    overdue: BoolParam = Field(
        None, description="true/1: chỉ kiến nghị quá hạn; false/0: chỉ kiến nghị chưa quá hạn."
    )


class Choice(Schema):
    value: str
    label: str


class BodyOut(Schema):
    id: int
    name: str
    short_name: str


class AgencyRef(Schema):
    id: int
    name: str


class AgencyOut(Schema):
    id: int
    name: str
    abbreviation: str
    successor: AgencyRef | None = Field(description="Cơ quan kế thừa sau sáp nhập, đổi tên.")


class LocalityOut(Schema):
    id: int
    name: str
    level: Choice
    valid_until: dt.date | None


class FieldOut(Schema):
    slug: str
    name: str


class FigureOut(Schema):
    label: str
    value: str = Field(description='Giá trị thập phân chính xác, dạng chuỗi (ví dụ "1234.5").')
    unit: str
    as_of: dt.date | None
    note: str


class DatesOut(Schema):
    report_date: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    sessions: list[dt.date] = Field(description="Ngày các buổi làm việc của đoàn.")


class ReportRef(Schema):
    id: int
    title: str
    url: str | None


class ReportListItem(Schema):
    id: int
    title: str
    url: str | None
    kind: Choice
    subject: str
    body: BodyOut | None
    dates: DatesOut
    agencies: list[AgencyOut]
    localities: list[LocalityOut]
    fields: list[FieldOut]
    figures: list[FigureOut]
    recommendation_counts: dict[str, int] = Field(
        description=(
            "Số kiến nghị theo từng tình trạng (mọi tình trạng đều có mặt), "
            'cùng "total" và "overdue" (quá hạn).'
        )
    )


class ReportListOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[ReportListItem]


class PersonOut(Schema):
    name: str
    position: str


class LegalBasisOut(Schema):
    kind: Choice
    number: str
    issued_on: dt.date | None
    issuer: str
    title: str


class SessionOut(Schema):
    date: dt.date
    place: str
    note: str


class DocumentOut(Schema):
    title: str
    url: str
    role: Choice


class NewsOut(Schema):
    title: str
    url: str | None
    published: dt.datetime | None


class PositionOut(Schema):
    value: str
    label: str
    date: dt.date | None
    response: str


class StatusOut(Schema):
    value: str
    label: str
    date: dt.date | None


class HistoryOut(Schema):
    date: dt.date
    status: Choice
    note: str
    evidence_url: str | None
    source_report: ReportRef | None
    source_text: str


class RecommendationOut(Schema):
    id: int
    text: str
    addressees: list[AgencyOut]
    deadline: dt.date | None
    is_priority: bool
    position: PositionOut
    status: StatusOut
    overdue: bool
    history: list[HistoryOut] = Field(description="Các lần cập nhật tình trạng, cũ trước mới sau.")


class RecommendationListItem(RecommendationOut):
    report: ReportRef
    body: BodyOut | None


class RecommendationListOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[RecommendationListItem]


class ReportDetail(ReportListItem):
    localities_note: str
    head: PersonOut | None
    members: list[PersonOut]
    legal_bases: list[LegalBasisOut]
    sessions: list[SessionOut]
    summary: str
    findings: str = Field(description="HTML.")
    shortcomings: str = Field(description="HTML.")
    agency_response: str = Field(description="HTML.")
    conclusion: str = Field(description="HTML.")
    documents: list[DocumentOut]
    news: list[NewsOut]
    follows_up: ReportRef | None
    follow_ups: list[ReportRef]
    recommendations: list[RecommendationOut]
