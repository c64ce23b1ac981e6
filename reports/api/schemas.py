"""Query parameters and response shapes of the reports API.

The query schemas do all parameter checking, so a bad value never reaches the database;
config.api turns their validation errors into the API's 400 JSON error.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import BeforeValidator
from pydantic_core import PydanticUseDefault

from ..enums import RecommendationStatus, ReportKind

# Larger ids cannot be stored anyway, and SQLite raises OverflowError (a 500) on them.
MAX_ID = 2**63 - 1
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
OptionalInt = Annotated[int | None, BlankIsDefault]


class PageParams(Schema):
    page: Annotated[int, BlankIsDefault] = Field(
        1, ge=1, description="Trang cần lấy, bắt đầu từ 1."
    )
    page_size: Annotated[int, BlankIsDefault] = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Số mục mỗi trang (1–500)."
    )


class ReportParams(PageParams):
    body: OptionalInt = Field(None, ge=1, le=MAX_ID, description="Mã cơ quan giám sát.")
    year: OptionalInt = Field(None, ge=1, le=9999, description="Năm giám sát.")
    kind: Annotated[ReportKind | None, BlankIsDefault] = Field(
        None, description="Hình thức giám sát."
    )
    field: Annotated[str | None, BlankIsDefault] = Field(
        None, max_length=100, description="Mã (slug) lĩnh vực."
    )
    agency: OptionalInt = Field(
        None,
        ge=1,
        le=MAX_ID,
        description="Mã cơ quan được giám sát; gồm cả cơ quan tiền thân và kế thừa.",
    )
    locality: OptionalInt = Field(None, ge=1, le=MAX_ID, description="Mã đơn vị hành chính.")
    status: Annotated[RecommendationStatus | None, BlankIsDefault] = Field(
        None, description="Báo cáo có ít nhất một kiến nghị ở tình trạng này."
    )
    sort: Annotated[Literal["newest", "oldest"], BlankIsDefault] = Field(
        "newest", description="Thứ tự theo ngày giám sát."
    )


class RecommendationParams(PageParams):
    status: Annotated[RecommendationStatus | None, BlankIsDefault] = Field(
        None, description="Tình trạng thực hiện."
    )
    agency: OptionalInt = Field(
        None,
        ge=1,
        le=MAX_ID,
        description="Mã cơ quan được kiến nghị; gồm cả cơ quan tiền thân và kế thừa.",
    )
    body: OptionalInt = Field(None, ge=1, le=MAX_ID, description="Mã cơ quan giám sát.")
    year: OptionalInt = Field(None, ge=1, le=9999, description="Năm của báo cáo giám sát.")
    overdue: Annotated[bool | None, BlankIsDefault] = Field(
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


class ReportPage(Schema):
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


class RecommendationPage(Schema):
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


class ErrorDetail(Schema):
    code: str
    message: str
    field: str | None = None


class ErrorOut(Schema):
    error: ErrorDetail
