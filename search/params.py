"""What a reader asked for: the search parameters, read and checked once for page and API.

`parse_request(params)` returns a SearchRequest and, per refused parameter, a ParamError
(core.params, the readers and messages the report lists use too): the page ignores a
refused value and shows its note, the API answers 400 with its code and message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.params import (
    Param,
    ParamError,
    Refused,
    calendar_date,
    choice,
    integer,
    parse_params,
    positive_id,
    raw_value,
    refusal,
    slug,
    year,
)
from reports.enums import RecommendationStatus
from search.models import EntryKind

MAX_QUERY_LENGTH = 200  # characters kept; a longer query is cut, with a note
PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
MAX_PAGE = 1000
SORTS = ("relevance", "newest", "oldest")
SCOPES = ("all", "conclusions")

# Every parameter but the query, with what it is called in a note to readers.
PARAMS: dict[str, Param] = {
    "type": Param(choice(EntryKind.values), _("Loại nội dung")),
    "section": Param(positive_id, _("Mã chuyên mục")),
    "body": Param(positive_id, _("Mã cơ quan giám sát")),
    "field": Param(slug, _("Mã lĩnh vực")),
    "year": Param(year, _("Năm")),
    "locality": Param(positive_id, _("Mã địa bàn")),
    "status": Param(choice(RecommendationStatus.values), _("Tình trạng kiến nghị")),
    "from": Param(calendar_date, _("Ngày bắt đầu")),
    "to": Param(calendar_date, _("Ngày kết thúc")),
    "sort": Param(choice(SORTS), _("Cách sắp xếp")),
    "scope": Param(choice(SCOPES), _("Phạm vi tìm")),
    "page": Param(integer(1, MAX_PAGE), _("Số trang")),
    "page_size": Param(integer(1, MAX_PAGE_SIZE), _("Số kết quả mỗi trang")),
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


def parse_request(
    params: Mapping[str, Any],
) -> tuple[SearchRequest, dict[str, ParamError]]:
    """The accepted parameters and an error per refused one (refused ones are left out).

    `params` is the page's request.GET, or the API's validated query schema as a mapping
    (search.api.SearchParams.params()): one reading for both.
    """
    values, errors = parse_params(params, PARAMS)
    query = raw_value(params, "q")
    truncated = len(query) > MAX_QUERY_LENGTH
    values["query"] = query[:MAX_QUERY_LENGTH]
    values["date_from"] = values.pop("from", None)
    values["date_to"] = values.pop("to", None)
    if values["date_from"] and values["date_to"] and values["date_from"] > values["date_to"]:
        refused = Refused("invalid_range", gettext("không trước ngày bắt đầu"))
        errors["to"] = refusal("to", PARAMS["to"], raw_value(params, "to"), refused)
        values["date_to"] = None
    return SearchRequest(truncated=truncated, **values), errors
