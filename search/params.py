"""What a reader asked for: the search parameters, read and checked once for page and API.

`parse_request(params)` returns a SearchRequest and, per refused parameter, a ParamError
(the reports' shape, reports.list_params): the page ignores a refused value and shows
its note, the API answers 400 with its code and message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reports.enums import RecommendationStatus
from reports.list_params import (
    MAX_YEAR,
    MIN_YEAR,
    ParamError,
    Refused,
    choice,
    positive_id,
    raw_value,
    slug,
    year,
)
from search.models import EntryKind

MAX_QUERY_LENGTH = 200  # characters kept; a longer query is cut, with a note
PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
MAX_PAGE = 1000
SORTS = ("relevance", "newest", "oldest")
SCOPES = ("all", "conclusions")

SUBJECTS = {
    "type": _("Loại nội dung"),
    "section": _("Mã chuyên mục"),
    "body": _("Mã cơ quan giám sát"),
    "field": _("Mã lĩnh vực"),
    "year": _("Năm"),
    "locality": _("Mã địa bàn"),
    "status": _("Tình trạng kiến nghị"),
    "from": _("Ngày bắt đầu"),
    "to": _("Ngày kết thúc"),
    "sort": _("Cách sắp xếp"),
    "scope": _("Phạm vi tìm"),
    "page": _("Số trang"),
    "page_size": _("Số kết quả mỗi trang"),
}


def _date(raw: str) -> date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            value = datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
        if MIN_YEAR <= value.year <= MAX_YEAR:
            return value
    raise Refused("invalid_date", gettext("ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY"))


def _bounded(low: int, high: int):
    def parse(raw: str) -> int:
        # isdigit() alone accepts "²" and other digits int() refuses.
        if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
            expected = gettext("số nguyên từ %(low)d đến %(high)d")
            raise Refused("out_of_range", expected % {"low": low, "high": high})
        return int(raw)

    return parse


PARSERS = {
    "type": choice(EntryKind.values),
    "section": positive_id,
    "body": positive_id,
    "field": slug,
    "year": year,
    "locality": positive_id,
    "status": choice(RecommendationStatus.values),
    "from": _date,
    "to": _date,
    "sort": choice(SORTS),
    "scope": choice(SCOPES),
    "page": _bounded(1, MAX_PAGE),
    "page_size": _bounded(1, MAX_PAGE_SIZE),
}
FILTERS = ("type", "section", "body", "field", "year", "locality", "status")


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    type: str | None = None
    section: int | None = None
    body: int | None = None
    field: str | None = None
    year: int | None = None
    locality: int | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    scope: str = "all"
    page: int = 1
    page_size: int = PAGE_SIZE
    truncated: bool = False  # the query was cut to MAX_QUERY_LENGTH

    @property
    def filters(self) -> dict[str, Any]:
        """The facet filters in use, by parameter name."""
        return {name: getattr(self, name) for name in FILTERS if getattr(self, name) is not None}

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def with_page(self, page: int) -> SearchRequest:
        return replace(self, page=page)


@dataclass(frozen=True)
class SearchParamError(ParamError):
    """A refused search parameter; named with the search page's own subjects."""

    @property
    def subject(self) -> str:
        return str(SUBJECTS[self.param])


def _message(name: str, code: str, raw: str, expected: str) -> SearchParamError:
    return SearchParamError(name, code, raw, str(expected))


def parse_request(
    params: Mapping[str, Any],
) -> tuple[SearchRequest, dict[str, SearchParamError]]:
    """The accepted parameters and an error per refused one (refused ones are left out)."""
    values: dict[str, Any] = {}
    errors: dict[str, SearchParamError] = {}
    for name, parse in PARSERS.items():
        raw = raw_value(params, name)
        if not raw:
            continue
        try:
            values[name] = parse(raw)
        except Refused as refused:
            errors[name] = _message(name, refused.code, raw[:100], refused.expected)
    query = raw_value(params, "q")
    truncated = len(query) > MAX_QUERY_LENGTH
    values["query"] = query[:MAX_QUERY_LENGTH]
    values["date_from"] = values.pop("from", None)
    values["date_to"] = values.pop("to", None)
    if values["date_from"] and values["date_to"] and values["date_from"] > values["date_to"]:
        errors["to"] = _message(
            "to", "invalid_range", raw_value(params, "to"), gettext("không trước ngày bắt đầu")
        )
        values["date_to"] = None
    return SearchRequest(truncated=truncated, **values), errors
