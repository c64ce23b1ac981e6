"""A full-page cache for anonymous readers, purged by the content generation.

Every public GET (Wagtail pages, the search page, feeds, the sitemap, the API's GET
routes) from a reader without a session is answered from the cache when a copy rendered
for the current content generation (core.cache) exists. Publishing, unpublishing,
moving, deleting or restricting a page, a recommendation update, reference data, portal
settings, images and tags all bump that generation (news.signals, reports.signals,
core.page_cache_signals), so every cached page, list, feed and search answer is out of
reach at once: the purge is site-wide, which is exact (nothing stale survives) and cheap
(one counter, no list of URLs to track). A change of day is part of the key too, because
"quá hạn" (overdue) depends on today's date.

What is never cached, so nobody ever gets somebody else's page:
- requests carrying a session or messages cookie (editors, previews, readers who entered a
  page password) or an Authorization header: they get `Cache-Control: private, no-store`;
- responses that set a cookie, used the CSRF token (a form), are not 200, are streamed
  (CSV, files), are larger than PAGE_CACHE_MAX_BYTES, or say private/no-store/no-cache.

Stored responses get `Cache-Control: public, max-age=PAGE_CACHE_BROWSER_SECONDS`, an ETag
(a hash of the body, so it changes when the content does) and Last-Modified (when the copy
was rendered); django.middleware.http.ConditionalGetMiddleware, placed just above this
one, answers If-None-Match / If-Modified-Since with 304 on hits and misses alike. They
keep `Vary: Cookie` so that a browser that later logs in does not reuse its public copy.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from .cache import content_generation

# Paths that are never cached: the admin, documents (served with their collection's
# privacy), the view counter (POST) and files WhiteNoise serves.
DEFAULT_SKIP_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/luot-xem/",
    "/static/",
    "/media/",
)
# Cookies whose presence means the page may be personal: a session (login, preview, page
# password) or flash messages. Any other cookie (csrftoken, analytics) changes nothing in
# a page rendered for an anonymous reader.
MESSAGE_COOKIE = "messages"
NOT_STORED_DIRECTIVES = ("private", "no-store", "no-cache")
# Headers set per response by the handler, or by this module on the way out.
UNSTORED_HEADERS = {"set-cookie", "date", "x-page-cache"}
STATUS_HEADER = "X-Page-Cache"


def page_cache_seconds() -> int:
    """How long a cached page lives (0: the page cache is off)."""
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0))


def shared_seconds(response: HttpResponseBase, seconds: int) -> int:
    """How long to keep this response: `seconds`, or less if the view set `s-maxage` (a
    stand-in answer that should not outlive the trouble it stands in for)."""
    found = re.search(r"s-maxage=(\d+)", response.get("Cache-Control", ""))
    return min(seconds, int(found.group(1))) if found else seconds


def browser_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 30))


def skip_prefixes() -> tuple[str, ...]:
    return tuple(getattr(settings, "PAGE_CACHE_SKIP_PREFIXES", DEFAULT_SKIP_PREFIXES))


def is_personal(request: HttpRequest) -> bool:
    """The request may belong to someone: a session, flash messages or HTTP credentials."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or MESSAGE_COOKIE in cookies
        or "Authorization" in request.headers
    )


def page_key(request: HttpRequest) -> str:
    """The cache key of this request's page under the current content generation."""
    address = "|".join(
        (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            timezone.localdate().isoformat(),
        )
    )
    digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
    return f"page:{content_generation()}:{digest}"


def _storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not isinstance(response, HttpResponse):
        return False
    # The CSRF token was put into the page (a form): it belongs to one browser.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in NOT_STORED_DIRECTIVES):
        return False
    user = getattr(request, "_cached_user", None)  # only if the view looked at the user
    if user is not None and user.is_authenticated:
        return False
    return len(response.content) <= int(getattr(settings, "PAGE_CACHE_MAX_BYTES", 4_000_000))


def _mark_public(response: HttpResponse) -> None:
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"'
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(time.time())
    patch_cache_control(response, public=True, max_age=browser_seconds())
    patch_vary_headers(response, ("Cookie",))


def _freeze(response: HttpResponse) -> dict[str, Any]:
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in UNSTORED_HEADERS
    ]
    return {"status": response.status_code, "headers": headers, "content": response.content}


def _thaw(entry: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


class PageCacheMiddleware:
    """settings.MIDDLEWARE: below ConditionalGetMiddleware and HeadAsGetMiddleware, above
    the session, CSRF and authentication middleware (so it sees the cookies they set)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        seconds = page_cache_seconds()
        if request.method != "GET" or request.path.startswith(skip_prefixes()):
            return self.get_response(request)
        if is_personal(request):
            response = self.get_response(request)
            # A page shown to someone logged in is kept by no cache, theirs included.
            add_never_cache_headers(response)
            return response
        if seconds <= 0:
            return self.get_response(request)
        key = page_key(request)
        entry = cache.get(key)
        if entry is not None:
            response = _thaw(entry)
            response[STATUS_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            _mark_public(response)  # type: ignore[arg-type]
            lifetime = shared_seconds(response, seconds)
            cache.set(key, _freeze(response), lifetime)  # type: ignore[arg-type]
            response[STATUS_HEADER] = "miss"
        return response
