"""The database unreachable: a 503 that says so, not a 500, and nothing else to break.

When PostgreSQL is down (restarting, a failover, the disk full), every query raises
django.db.OperationalError (or InterfaceError on a connection that died under it). The
reader gets the Vietnamese 503 page (`503.html`, rendered without a request context: no
context processor, no Wagtail setting, no query), the API its JSON error shape
(core.api_errors) with code "service_unavailable"; both with Retry-After, so that crawlers
and clients come back later instead of dropping the URL.

Nothing has to be done for the recovery: Django closes a connection that raised at the end
of the request (close_if_unusable_or_obsolete), and the next request connects again.

Two ways in, because Django turns an exception into a response in two places:
- `DatabaseUnavailableMiddleware.process_exception`, for the views (pages, API, admin);
- `server_error`, the handler500 (config.urls), for what fails outside a view: another
  middleware (the session saved on the way out, a cache middleware reading the database).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as default_server_error

from core.api_errors import error_body

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
API_PREFIX = "/api/"
MESSAGE = (
    "Hệ thống đang tạm thời không truy cập được cơ sở dữ liệu. Xin vui lòng thử lại sau ít phút."
)


def retry_after() -> int:
    return int(getattr(settings, "DATABASE_RETRY_AFTER", 30))


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 for `request`: JSON under /api/, the site's page elsewhere."""
    if request.path_info.startswith(API_PREFIX):
        body = error_body("service_unavailable", gettext(MESSAGE))
        response: HttpResponse = JsonResponse(
            body, status=503, json_dumps_params={"ensure_ascii": False}
        )
    else:
        html = loader.get_template("503.html").render({"message": gettext(MESSAGE)})
        response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(retry_after())
    # Never cached: the page must come back by itself when the database does.
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answers 503 when a view fails because the database is unreachable (settings.MIDDLEWARE,
    last, so that its process_exception runs first)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.error("Database unavailable (%s): %s", request.path, exception)
        return unavailable_response(request)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the 503 for a database outage outside a view, else Django's 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        logger.error("Database unavailable (%s): %s", request.path, error)
        return unavailable_response(request)
    return default_server_error(request)
