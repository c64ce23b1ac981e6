"""Values worked out once per request, for code that is called many times per request but
is not handed the request (Wagtail's button hooks get the page and the user, once per row).

`RequestMemoMiddleware` opens an empty memo for each request and drops it when the
response is done; `once_per_request(key, compute)` returns the memo's value for `key`,
computing it the first time. Outside a request (a shell, a test calling a hook directly)
nothing is remembered and `compute` runs every time, so a value never outlives the
request that asked for it: no stale decision after a permission or a page changes.

A context variable, not a module-level dict: each request (thread or task) sees its own.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")

_memo: ContextVar[dict[Hashable, object] | None] = ContextVar("core_request_memo", default=None)


def once_per_request(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, remembered under `key` until the current request ends."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]  # type: ignore[return-value]


class RequestMemoMiddleware:
    """Gives each request its own empty memo (settings.MIDDLEWARE)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
