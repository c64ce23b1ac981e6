"""Query parameters and response shapes of the reports API.

Pagination parameters are checked here; core.api_errors turns their validation errors into
the API's 400 JSON error. Filter parameters are only described here (their OpenAPI type
and bounds): they reach the view as text and are read by reports.list_params, the same
rules the HTML pages use, and a refused one is answered with the same 400 error shape.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticUseDefault

from core.params import MAX_ID, MAX_YEAR, MIN_YEAR, SLUG

from ..enums import RecommendationStatus, ReportKind
from ..list_params import SORTS

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 500


def _blank_is_default(value: Any) -> Any:
    # HTML forms send every field, empty ones as "": treat them as not given.
    if value == "":
        raise PydanticUseDefault
    return value


# A field-level validator, not a model one: ninja flattens query schemas into its own
# model, so only what is attached to each field survives.
BlankIsDefault = BeforeValidator(_blank_is_default)


# Filter parameters reach the view as text, to be checked by reports.list_params; the
# OpenAPI document still says which type each must parse as.
IdParam = Annotated[
    str | None, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_ID})
]
YearParam = Annotated[
    str | None, WithJsonSchema({"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR})
]
SlugParam = Annotated[str | None, WithJsonSchema({"type": "string", "pattern": SLUG.pattern})]
KindParam = Annotated[
    str | None, WithJsonSchema({"type": "string", "enum": list(ReportKind.values)})
]
StatusParam = Annotated[
    str | None, WithJsonSchema({"type": "string", "enum": list(RecommendationStatus.values)})
]
BoolParam = Annotated[
    str | None, WithJsonSchema({"type": "string", "enum": ["true", "false", "1", "0"]})
]
SortParam = Annotated[
    str | None, WithJsonSchema({"type": "string", "enum": list(SORTS), "default": "newest"})
]


class PageParams(Schema):
    page: Annotated[int, BlankIsDefault] = Field(
        1, ge=1, description="Trang cần lấy, bắt đầu từ 1."
    )
    page_size: Annotated[int, BlankIsDefault] = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Số mục mỗi trang (1–500)."
    )

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
