"""The error shape every endpoint of the open-data API shares, and its handlers.

Every error is JSON of the form
{"error": {"code": "<machine-readable>", "message": "<Vietnamese>", "field": "<param>"}},
so a client handles reports, recommendations and search the same way. Endpoints declare
`response={..., 400: ErrorOut}` for the OpenAPI document; `install_error_handlers(api)`
(config.api) makes ninja answer in this shape.

Two kinds of 400: a parameter the typed query schema itself refuses (ninja's
ValidationError, turned from its 422 into our 400), and one the shared parser refused
(core.params), raised by an endpoint as `InvalidParameter` so its code and Vietnamese
message are the ones the pages show.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, Throttled, ValidationError

from core.params import ParamError

# Where ninja says a parameter came from: the first part of an error's "loc".
PARAMETER_SOURCES = {"query", "path", "header", "cookie", "body", "form", "file"}
NOT_FOUND = "Không tìm thấy dữ liệu được yêu cầu."
THROTTLED = "Quá nhiều yêu cầu trong thời gian ngắn; vui lòng thử lại sau ít giây."


class ErrorDetail(Schema):
    code: str
    message: str
    field: str | None = None


class ErrorOut(Schema):
    error: ErrorDetail


class InvalidParameter(Exception):
    """A parameter core.params refused; answered 400 with the error's code and message."""

    def __init__(self, error: ParamError) -> None:
        super().__init__(error.api_message)
        self.error = error


def refuse_first(errors: Mapping[str, ParamError]) -> None:
    """Raise InvalidParameter for the first refused parameter, if any.

    The HTML pages ignore a bad parameter with a note; a program asked for something it
    cannot have, and must hear so. The first problem is reported; fixing it reveals the next.
    """
    for error in errors.values():
        raise InvalidParameter(error)


def _allowed_values(error: Mapping[str, Any]) -> str:
    # pydantic lists choices as "'a', 'b' or 'c'"; keep only the values.
    expected = str(error.get("ctx", {}).get("expected", ""))
    return ", ".join(re.findall(r"'([^']*)'", expected))


def describe_validation_error(error: Mapping[str, Any]) -> tuple[str, str, str | None]:
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
        return "invalid_boolean", f"Tham số {name} chỉ nhận true/false hoặc 1/0.", field
    if kind == "string_too_long":
        return "too_long", f"Tham số {name} dài quá {ctx.get('max_length')} ký tự.", field
    return "invalid_parameter", f"Tham số {name} không hợp lệ.", field


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    """The one shape of every API error (also used outside ninja: core.db_unavailable)."""
    return {"error": {"code": code, "message": message, "field": field}}


def install_error_handlers(api: NinjaAPI) -> None:
    """Make every error `api` answers take the shared shape."""

    def respond(
        request: HttpRequest, status: int, code: str, message: str, field: str | None = None
    ) -> HttpResponse:
        return api.create_response(request, error_body(code, message, field), status=status)

    def bad_request(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        # A wrong query parameter is the client's request being malformed: 400, not
        # ninja's 422. The first problem is reported; fixing it reveals the next.
        code, message, field = describe_validation_error(exc.errors[0] if exc.errors else {})
        return respond(request, 400, code, message, field)

    def bad_parameter(request: HttpRequest, exc: InvalidParameter) -> HttpResponse:
        error = exc.error
        return respond(request, 400, error.code, error.api_message, error.param)

    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        # One message for "never existed", "draft" and "restricted": nothing private leaks.
        return respond(request, 404, "not_found", NOT_FOUND)

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return respond(request, exc.status_code, "http_error", str(exc))

    api.add_exception_handler(ValidationError, bad_request)
    api.add_exception_handler(InvalidParameter, bad_parameter)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(HttpError, http_error)

    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        # ninja adds Retry-After to this response (search.throttling).
        return respond(request, 429, "too_many_requests", THROTTLED)

    api.add_exception_handler(Throttled, throttled)
