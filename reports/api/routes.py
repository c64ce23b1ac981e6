"""Read-only endpoints for supervision reports and recommendations (added in config.api)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from ninja import Query, Router

from core.api_errors import ErrorOut, refuse_first
from core.params import MAX_ID

from ..report_list import filter_reports
from ..tracker.queries import filter_recommendations
from . import queries, serializers
from .pagination import paginate
from .schemas import (
    RecommendationListOut,
    RecommendationParams,
    ReportDetail,
    ReportListOut,
    ReportParams,
)

router = Router(tags=["Báo cáo giám sát"])

# Public data changes a few times a day; a minute of caching spares the database from
# scrapers and dashboards that poll, at the price of a report taking that long to vanish.
PUBLIC_MAX_AGE = 60
ERRORS = {400: ErrorOut}


def _cache_publicly(response: HttpResponse) -> None:
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)


@router.get(
    "/reports/",
    response={200: ReportListOut, **ERRORS},
    summary="Danh sách báo cáo giám sát",
    description="Các báo cáo đã công bố, lọc như trang danh sách báo cáo, mới nhất trước.",
)
def list_reports(request: HttpRequest, response: HttpResponse, params: Query[ReportParams]) -> dict:
    page_number, page_size = params.page_and_size()
    result = filter_reports(params.filters(), with_facets=False)
    refuse_first(result.errors)
    reports = queries.with_list_relations(result.matches)
    count, page = paginate(reports, page_number, page_size)
    counts = queries.recommendation_counts([report.pk for report in page])
    _cache_publicly(response)
    return {
        "count": count,
        "page": page_number,
        "page_size": page_size,
        "items": [
            serializers.report_list_item(report, counts[report.pk], request) for report in page
        ],
    }


@router.get(
    "/reports/{report_id}/",
    response={200: ReportDetail, 404: ErrorOut, **ERRORS},
    summary="Chi tiết một báo cáo giám sát",
    description="Toàn bộ nội dung có cấu trúc của báo cáo, kèm kiến nghị và lịch sử thực hiện.",
)
def report_detail(request: HttpRequest, response: HttpResponse, report_id: int) -> dict:
    # Drafts, restricted reports and impossible ids all answer the same 404, so the API
    # does not reveal that a non-public report exists.
    report = queries.report_detail(report_id) if 1 <= report_id <= MAX_ID else None
    if report is None:
        raise Http404
    counts = queries.recommendation_counts([report.pk])[report.pk]
    _cache_publicly(response)
    return serializers.report_detail_out(report, counts, request)


@router.get(
    "/recommendations/",
    response={200: RecommendationListOut, **ERRORS},
    summary="Danh sách kiến nghị",
    description="Kiến nghị của các báo cáo đã công bố, kèm tình trạng và lịch sử thực hiện.",
    tags=["Kiến nghị"],
)
def list_recommendations(
    request: HttpRequest, response: HttpResponse, params: Query[RecommendationParams]
) -> dict:
    page_number, page_size = params.page_and_size()
    # The counts the tracker page shows are lazy and never computed here.
    matches, filters, _counts = filter_recommendations(params.filters())
    refuse_first(filters.errors)
    recommendations = queries.with_recommendation_relations(matches)
    count, page = paginate(recommendations, page_number, page_size)
    _cache_publicly(response)
    return {
        "count": count,
        "page": page_number,
        "page_size": page_size,
        "items": [serializers.recommendation_list_item(item, request) for item in page],
    }
