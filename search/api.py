"""Search in the open-data API: /api/v1/search/ and /api/v1/search/suggest (config.api).

Parameters are the search page's: ninja hands the validated query schema, as text, to the
page's own search.params.parse_request (never request.GET a second time); where the page
ignores a refused value with a note, the API answers 400 in the shared error shape
(core.api_errors), naming the first refused parameter. The list shape is the reports API's.
The other notes the page shows (a query cut short, results with only some of the words,
the database answering for Elasticsearch, a close spelling) are in `notes`, in the page's
words (search.notes).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from ninja import Field, Query, Router, Schema

from core.api_errors import ErrorOut, refuse_first
from core.api_params import (
    DateParam,
    IdParam,
    SlugParam,
    TextParam,
    YearParam,
    one_of,
    whole_number,
)
from core.text.normalize import clean
from news.site_address import absolute_url
from reports.api.schemas import StatusParam
from search.models import EntryKind
from search.notes import CODES, search_notes
from search.params import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    SCOPES,
    SORTS,
    parse_request,
)
from search.results import SearchHit
from search.service import run_search, shorten_caching_of_stand_ins, suggest
from search.throttling import search_throttle, suggest_throttle
from search.views import MAX_AGE

router = Router(tags=["Tìm kiếm"])

SUGGESTIONS = 8
MIN_SUGGEST_LENGTH = 2

TypeParam = one_of(EntryKind.values)
SortParam = one_of(SORTS, default="relevance")
ScopeParam = one_of(SCOPES, default="all")
PageParam = whole_number(1, MAX_PAGE)
PageSizeParam = whole_number(1, MAX_PAGE_SIZE)


class SearchParams(Schema):
    q: TextParam = Field(
        None,
        description=(
            "Từ khóa, có dấu hoặc không dấu; chữ viết tắt như “UBND” cũng được. "
            f"Tối đa {MAX_QUERY_LENGTH} ký tự, phần dài hơn bị bỏ."
        ),
    )
    type: TypeParam = Field(None, description="Loại nội dung.")
    section: IdParam = Field(None, description="Mã chuyên mục (gồm cả chuyên mục con).")
    body: IdParam = Field(None, description="Mã cơ quan giám sát.")
    field: SlugParam = Field(None, description="Mã (slug) lĩnh vực.")
    year: YearParam = Field(None, description="Năm đăng tin, năm của báo cáo.")
    locality: IdParam = Field(None, description="Mã địa bàn (đơn vị hành chính).")
    status: StatusParam = Field(None, description="Tình trạng thực hiện kiến nghị.")
    date_from: DateParam = Field(
        None, alias="from", description="Từ ngày, YYYY-MM-DD (hoặc DD/MM/YYYY)."
    )
    date_to: DateParam = Field(None, alias="to", description="Đến ngày, tính cả ngày này.")
    sort: SortParam = Field(None, description="Liên quan nhất, mới nhất hoặc cũ nhất trước.")
    scope: ScopeParam = Field(
        None, description="conclusions: chỉ tìm trong kết luận và kiến nghị giám sát."
    )
    page: PageParam = Field(None, description="Trang cần lấy, bắt đầu từ 1.")
    page_size: PageSizeParam = Field(
        None, description=f"Số mục mỗi trang, 1–{MAX_PAGE_SIZE}, mặc định {PAGE_SIZE}."
    )

    def params(self) -> dict[str, str | None]:
        """The parameters as the page's GET names them, for search.params.parse_request."""
        return self.model_dump(by_alias=True)


class SearchItemOut(Schema):
    type: str = Field(description="article, report hoặc recommendation.")
    title: str
    url: str = Field(description="Địa chỉ đầy đủ của nội dung.")
    published: dt.datetime | None = Field(description="Ngày đăng (ISO 8601, giờ Việt Nam).")
    snippet: str = Field(
        description="Đoạn trích, HTML: từ khớp nằm trong <mark>, phần còn lại đã được escape."
    )
    score: float = Field(description="Độ liên quan (chỉ để so sánh trong cùng một lần tìm).")


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


NoteCode = Literal[CODES]  # the four codes of search.notes, listed in the OpenAPI schema


class NoteOut(Schema):
    code: NoteCode = Field(
        description=(
            "truncated: từ khóa dài quá nên chỉ phần đầu được dùng; partial: không kết quả "
            "nào chứa đủ các từ; fallback: cơ sở dữ liệu trả lời thay Elasticsearch; "
            "suggestion: không có kết quả, có cách viết gần đúng."
        )
    )
    text: str = Field(description="Lời nhắn, đúng như trang /tim-kiem/ hiển thị.")
    query: str | None = Field(
        None, description="Với suggestion: từ khóa gợi ý để tìm lại; còn lại là null."
    )


class SearchResultsOut(Schema):
    query: str
    count: int
    approximate: bool = Field(
        False,
        description="true khi count và số theo bộ lọc là ước tính (khoảng), vì từ khóa quá "
        "phổ biến: chỉ những kết quả mới nhất được đọc và xếp hạng.",
    )
    page: int
    page_size: int
    items: list[SearchItemOut]
    facets: dict[str, list[FacetValueOut]] = Field(
        description="Số kết quả theo loại, chuyên mục, cơ quan giám sát, lĩnh vực, năm, "
        "địa bàn, tình trạng kiến nghị."
    )
    backend: str = Field(description="elasticsearch hoặc database (khi dùng dự phòng).")
    notes: list[NoteOut] = Field(
        description="Các lời nhắn trang tìm kiếm hiển thị cho lần tìm này (có thể rỗng)."
    )


class SuggestionOut(Schema):
    text: str
    url: str
    type: str


class SuggestionsOut(Schema):
    suggestions: list[SuggestionOut]


def _cache_publicly(response: HttpResponse) -> None:
    patch_cache_control(response, public=True, max_age=MAX_AGE)


def _item(hit: SearchHit, request: HttpRequest) -> dict:
    published = timezone.localtime(hit.published) if hit.published else None
    return {
        "type": hit.type,
        "title": hit.title,
        "url": absolute_url(request, hit.url),
        "published": published,
        "snippet": str(hit.snippet),
        "score": hit.score,
    }


@router.get(
    "/search/",
    response={200: SearchResultsOut, 400: ErrorOut, 429: ErrorOut},
    url_name="api_search",
    throttle=search_throttle(),
    summary="Tìm kiếm",
    description=(
        "Tìm trong tin tức, báo cáo giám sát và kiến nghị đã công bố, như trang /tim-kiem/: "
        "không phân biệt dấu, hiểu chữ viết tắt, kèm số kết quả theo từng bộ lọc."
    ),
)
def search(request: HttpRequest, response: HttpResponse, params: Query[SearchParams]) -> dict:
    search_request, errors = parse_request(params.params())
    refuse_first(errors)
    results = run_search(search_request)
    _cache_publicly(response)
    shorten_caching_of_stand_ins(response, results)
    return {
        "query": results.query,
        "count": results.count,
        "approximate": results.approximate,
        "page": results.page,
        "page_size": results.page_size,
        "items": [_item(hit, request) for hit in results.items],
        "facets": {
            name: [
                {"value": value.value, "label": value.label, "count": value.count}
                for value in values
            ]
            for name, values in results.facets.items()
        },
        "backend": results.backend,
        "notes": [
            {"code": note.code, "text": note.text, "query": note.query or None}
            for note in search_notes(search_request, results)
        ],
    }


@router.get(
    "/search/suggest",
    response={200: SuggestionsOut, 429: ErrorOut},
    url_name="api_search_suggest",
    throttle=suggest_throttle(),
    summary="Gợi ý khi gõ",
    description=(
        f"Tối đa {SUGGESTIONS} nội dung có tiêu đề khớp với phần đã gõ; dưới "
        f"{MIN_SUGGEST_LENGTH} ký tự thì không gợi ý."
    ),
)
def search_suggest(
    request: HttpRequest,
    response: HttpResponse,
    q: str = Query("", description="Phần từ khóa đã gõ (có dấu hoặc không dấu)."),
) -> dict:
    query = clean(q)[:MAX_QUERY_LENGTH]
    suggestions = suggest(query, SUGGESTIONS) if len(query) >= MIN_SUGGEST_LENGTH else []
    _cache_publicly(response)
    return {
        "suggestions": [
            {"text": item.text, "url": item.url, "type": item.type} for item in suggestions
        ]
    }
