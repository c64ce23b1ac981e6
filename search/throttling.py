"""Per-address limits on the search API and its suggestions (django-ninja's throttling).

Each search runs a full-text query and its facet counts: a script looping over it would
slow the site for every reader. Past the rate, ninja answers 429 with Retry-After, in the
API's error shape (core.api_errors). Rates come from settings (SEARCH_API_RATE,
SUGGEST_API_RATE, e.g. "120/min"), read at each request so that a deployment (or a test)
can change them without re-importing the routes. Readers are told apart as the other
per-client limits do (core.client_ip): a client's own X-Forwarded-For is not trusted.

The counts live in the default cache (Redis in production, shared by the workers). ninja
keeps one throttle object per route and reads back the last refusal's history from it for
Retry-After: with threaded workers, two refusals at once may swap their Retry-After; the
counting itself is per client key in the cache.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle

from core.client_ip import client_ip


class SettingsRateThrottle(SimpleRateThrottle):
    """A rate per client address, from the setting named `setting`, read at each request."""

    def __init__(self, scope: str, setting: str) -> None:
        self.scope = scope
        self.setting = setting
        super().__init__(rate=self.get_rate())

    def get_rate(self) -> str:
        return getattr(settings, self.setting)

    def get_cache_key(self, request: HttpRequest) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


def search_throttle() -> SettingsRateThrottle:
    return SettingsRateThrottle("search", "SEARCH_API_RATE")


def suggest_throttle() -> SettingsRateThrottle:
    return SettingsRateThrottle("suggest", "SUGGEST_API_RATE")
