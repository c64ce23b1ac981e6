"""The site's one open-data API (/api/v1/), and the error shape every endpoint shares.

Apps add their routers here. Every error is JSON of the form
{"error": {"code": "<machine-readable>", "message": "<Vietnamese>", "field": "<param>"}},
so a client handles reports, recommendations and search the same way.

Interactive docs live at /api/v1/docs. With "ninja" in INSTALLED_APPS, Swagger UI's
script and styles come from ninja's own static files, not a CDN, so the page works on the
offline intranet. The OpenAPI schema is served at /api/v1/openapi.json.
"""

from __future__ import annotations

import re
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from reports.api.routes import InvalidFilter
from reports.api.routes import router as reports_router
from search.api import router as search_router

api = NinjaAPI(
    title="API dữ liệu mở HĐND tỉnh",
    version="1",
    urls_namespace="api-v1",
    description=(
        "Dữ liệu mở, chỉ đọc, về hoạt động giám sát của HĐND tỉnh: báo cáo giám sát, "
        "kiến nghị và tình trạng thực hiện; tìm kiếm trong tin tức, báo cáo và kiến nghị. "
        "Chỉ gồm nội dung đã công bố công khai."
    ),
    docs_url="/docs",
)


# Where ninja says a parameter came from: the first part of an error's "loc".
PARAMETER_SOURCES = {"query", "path", "header", "cookie", "body", "form", "file"}


def error_response(
    request: HttpRequest, status: int, code: str, message: str, field: str | None = None
) -> HttpResponse:
    return api.create_response(
        request, {"error": {"code": code, "message": message, "field": field}}, status=status
    )


def _allowed_values(error: dict[str, Any]) -> str:
    # pydantic lists choices as "'a', 'b' or 'c'"; keep only the values.
    expected = str(error.get("ctx", {}).get("expected", ""))
    return ", ".join(re.findall(r"'([^']*)'", expected))


def describe_validation_error(error: dict[str, Any]) -> tuple[str, str, str | None]:
    """(code, Vietnamese message, parameter name) for one pydantic error."""
    loc = list(error.get("loc", ()))
    if loc and loc[0] in PARAMETER_SOURCES:
        loc = loc[1:]
    field = str(loc[-1]) if loc else None
    name = f"“{field}”" if field else ""
    kind = error.get("type", "")
    ctx = error.get("ctx", {})
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "invalid_integer", f"Tham số {name} phải là số nguyên.", field
    if kind in {"greater_than_equal", "greater_than"}:
        bound = ctx.get("ge", ctx.get("gt"))
        relation = "lớn hơn hoặc bằng" if kind == "greater_than_equal" else "lớn hơn"
        return "out_of_range", f"Tham số {name} phải {relation} {bound}.", field
    if kind in {"less_than_equal", "less_than"}:
        bound = ctx.get("le", ctx.get("lt"))
        relation = "nhỏ hơn hoặc bằng" if kind == "less_than_equal" else "nhỏ hơn"
        return "out_of_range", f"Tham số {name} phải {relation} {bound}.", field
    if kind in {"enum", "literal_error"}:
        return (
            "invalid_choice",
            f"Giá trị của tham số {name} không hợp lệ; chọn một trong: {_allowed_values(error)}.",
            field,
        )
    if kind in {"bool_parsing", "bool_type"}:
        return (
            "invalid_boolean",
            f"Tham số {name} chỉ nhận true/false hoặc 1/0.",
            field,
        )
    if kind == "string_too_long":
        return (
            "too_long",
            f"Tham số {name} dài quá {ctx.get('max_length')} ký tự.",
            field,
        )
    return "invalid_parameter", f"Tham số {name} không hợp lệ.", field


@api.exception_handler(ValidationError)
def bad_parameter(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    # A wrong query parameter is the client's request being malformed: 400, not ninja's
    # 422, and in our error shape. The first problem is reported; fixing it reveals the next.
    code, message, field = describe_validation_error(exc.errors[0] if exc.errors else {})
    return error_response(request, 400, code, message, field)


@api.exception_handler(InvalidFilter)
def bad_filter(request: HttpRequest, exc: InvalidFilter) -> HttpResponse:
    # Filter values are checked by reports.list_params, the rules the HTML lists use.
    error = exc.error
    return error_response(request, 400, error.code, error.api_message, error.param)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # One message for "never existed", "draft" and "restricted": nothing private leaks.
    return error_response(request, 404, "not_found", "Không tìm thấy dữ liệu được yêu cầu.")


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error_response(request, exc.status_code, "http_error", str(exc))


api.add_router("", reports_router)
api.add_router("", search_router)
