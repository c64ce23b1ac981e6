"""Brute-force protection of the admin login, the password reset and page passwords.

The Wagtail admin login is django-axes' job (settings: AXES_*): after AXES_FAILURE_LIMIT
wrong passwords for one username from one address, that pair is locked for
AXES_COOLOFF_TIME, and `locked_out` answers with the login page and a Vietnamese message.

Two forms axes does not see, because they never call authenticate(): Wagtail's password
reset (each post may send an e-mail: a mail bomb and a way to probe addresses) and the
password of a page restriction (PasswordViewRestriction: a short shared password, guessable
without a limit). `FormThrottleMiddleware` counts their posts in the cache per address and
per target (the restriction), settings.FORM_THROTTLES, and answers 429 with Retry-After
past the limit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from wagtail.admin.views.account import LoginView

from core.client_ip import client_ip


def cool_off_minutes() -> int:
    cool_off = settings.AXES_COOLOFF_TIME
    if not isinstance(cool_off, dt.timedelta):
        cool_off = dt.timedelta(hours=float(cool_off or 0))
    return max(1, math.ceil(cool_off.total_seconds() / 60))


def lockout_message(minutes: int) -> str:
    return ngettext(
        "Tài khoản tạm khóa do đăng nhập sai nhiều lần, vui lòng thử lại sau %(minutes)d phút.",
        "Tài khoản tạm khóa do đăng nhập sai nhiều lần, vui lòng thử lại sau %(minutes)d phút.",
        minutes,
    ) % {"minutes": minutes}


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the admin login page again, empty, saying why and for how long.

    Status 429 with Retry-After, so that a script sees it was refused rather than a form.
    """
    minutes = cool_off_minutes()
    view = LoginView()
    view.setup(request)
    form = view.get_form_class()(request=request)
    # An empty form carrying one error; add_error expects validation to have run.
    form.full_clean()
    form.cleaned_data = {}
    form.add_error(None, lockout_message(minutes))
    response = view.render_to_response(view.get_context_data(form=form), status=429)
    response["Retry-After"] = str(minutes * 60)
    # axes calls this after the middleware that would render a TemplateResponse.
    return response.render()


def _counter_key(name: str, request: HttpRequest, target: str) -> str:
    who = hashlib.blake2b(f"{client_ip(request)}|{target}".encode(), digest_size=12).hexdigest()
    return f"core:form-throttle:{name}:{who}"


def count_post(name: str, request: HttpRequest, target: str, limit: int, seconds: int) -> bool:
    """Count one post to form `name` about `target`; False once past `limit` in the window.

    A fixed window that starts at the first post: `add` makes the counter only if absent,
    so its expiry is not pushed back by later posts, and `incr` is atomic on Redis.
    """
    key = _counter_key(name, request, target)
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, seconds)
        count = 1
    return count <= limit


def too_many_posts(request: HttpRequest, seconds: int) -> HttpResponse:
    minutes = max(1, math.ceil(seconds / 60))
    response = TemplateResponse(
        request,
        "core/too_many_attempts.html",
        {
            "message": gettext("Bạn đã thử quá nhiều lần, vui lòng thử lại sau %(minutes)d phút.")
            % {"minutes": minutes}
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


class FormThrottleMiddleware:
    """Limit posts to the URL names of settings.FORM_THROTTLES: {name: (limit, seconds)}.

    The target is the view's URL arguments (a restriction's id and its page), so a reader
    locked out of one private page is not locked out of another.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        if request.method != "POST" or request.resolver_match is None:
            return None
        name = request.resolver_match.url_name or ""
        rule = getattr(settings, "FORM_THROTTLES", {}).get(name)
        if rule is None:
            return None
        limit, seconds = rule
        target = "/".join(str(value) for value in (*view_args, *sorted(view_kwargs.items())))
        if count_post(name, request, target, limit, seconds):
            return None
        return too_many_posts(request, seconds)
