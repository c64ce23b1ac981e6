"""HEAD answered wherever GET is (RFC 9110 §9.3.2): same status and headers, no body.

Django's class-based views already treat HEAD as GET, but function views behind
`require_GET` (the search page) and django-ninja's GET operations (the whole /api/v1/)
answer 405, so monitors, link checkers and caches that probe with HEAD saw errors.
Declaring HEAD on each ninja operation would also put a second "head" operation with the
same operationId into the OpenAPI schema, and every new route would have to remember it.

So this middleware runs the request as a GET and drops the body on the way out. A view
that does not answer GET (a POST-only endpoint) still answers 405, exactly as to GET.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase


class HeadAsGetMiddleware:
    """settings.MIDDLEWARE: serve HEAD with the GET view, then send no body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            # Logging and outer middleware see the method the client really sent.
            request.method = "HEAD"
        return without_body(response)


def without_body(response: HttpResponseBase) -> HttpResponseBase:
    """The response with its headers and an empty body.

    Done here rather than left to the server: runserver and Django's test client strip HEAD
    bodies, but nothing obliges every WSGI server to. A streamed file keeps its closers, so
    the file is still closed when the response is.
    """
    if response.streaming:
        response.streaming_content = iter(())  # type: ignore[attr-defined]
    elif isinstance(response, HttpResponse):
        response.content = b""
    return response
