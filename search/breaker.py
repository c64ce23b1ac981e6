"""A circuit breaker in front of every Elasticsearch call made while serving a request.

A frozen node (SIGSTOP, a full GC, a hung disk) does not refuse connections: each call
waits the whole ELASTICSEARCH_TIMEOUT. Without a breaker every search and suggestion held
a sync worker that long, and the article pages queued behind them. With it, after
ELASTICSEARCH_BREAKER_FAILURES failures in a row the breaker opens: `guarded` raises
`EngineUnavailable` at once, without calling the node, and search.service answers from
the database (with the usual fallback note). After ELASTICSEARCH_BREAKER_COOLDOWN seconds
one caller, and only one across every worker, probes the node (half-open): success closes
the breaker, failure opens it for another cool-down.

The state lives in Django's cache (`CacheStorage`), so that all gunicorn workers share it:
production requires a shared cache (Redis, core.checks), and one worker's failures open
the breaker for all. A cache that fails (django-redis ignores its errors) reads as
"closed": the site then behaves as it did without a breaker, never worse.

pybreaker holds a lock around the guarded call; one breaker object per thread keeps two
threads of a threaded worker from waiting on each other's search (the state is shared
through the cache anyway).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import pybreaker
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

T = TypeVar("T")

KEY = "search:es-breaker"
# Long enough to outlive any cool-down; short enough that a forgotten state goes away.
STATE_TTL = 24 * 60 * 60

CLOSED = pybreaker.STATE_CLOSED
OPEN = pybreaker.STATE_OPEN
HALF_OPEN = pybreaker.STATE_HALF_OPEN


class EngineUnavailable(Exception):
    """The breaker is open: Elasticsearch was not called."""


def failures_to_open() -> int:
    return int(getattr(settings, "ELASTICSEARCH_BREAKER_FAILURES", 3))


def cooldown() -> float:
    return float(getattr(settings, "ELASTICSEARCH_BREAKER_COOLDOWN", 30))


def _probe_lease() -> int:
    # The probe holds it at most one request timeout (plus a margin), then another may try.
    timeout = float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 2))
    return int(timeout) + 2


class CacheStorage(pybreaker.CircuitBreakerStorage):
    """pybreaker's state in Django's cache: the same keys CircuitRedisStorage keeps, without
    needing a raw Redis client (and working on the memory cache in development)."""

    def __init__(self, prefix: str = KEY) -> None:
        super().__init__("django-cache")
        self._prefix = prefix

    def _key(self, name: str) -> str:
        return f"{self._prefix}:{name}"

    @property
    def state(self) -> str:
        return cache.get(self._key("state")) or CLOSED

    @state.setter
    def state(self, state: str) -> None:
        cache.set(self._key("state"), str(state), STATE_TTL)

    def _increment(self, name: str) -> None:
        key = self._key(name)
        cache.add(key, 0, STATE_TTL)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, STATE_TTL)

    def increment_counter(self) -> None:
        self._increment("failures")

    def reset_counter(self) -> None:
        cache.set(self._key("failures"), 0, STATE_TTL)

    def increment_success_counter(self) -> None:
        self._increment("successes")

    def reset_success_counter(self) -> None:
        cache.set(self._key("successes"), 0, STATE_TTL)

    @property
    def counter(self) -> int:
        return int(cache.get(self._key("failures")) or 0)

    @property
    def success_counter(self) -> int:
        return int(cache.get(self._key("successes")) or 0)

    @property
    def opened_at(self) -> datetime | None:
        stamp = cache.get(self._key("opened_at"))
        return datetime.fromtimestamp(stamp, UTC) if stamp is not None else None

    @opened_at.setter
    def opened_at(self, when: datetime) -> None:
        cache.set(self._key("opened_at"), when.timestamp(), STATE_TTL)


def _is_reader_error(error: BaseException) -> bool:
    """A 4xx answer (a bad query, a missing alias): the node is alive and answered fast, so
    it does not count towards opening (pybreaker treats it as a success)."""
    meta = getattr(error, "meta", None)
    status = getattr(error, "status_code", None) or getattr(meta, "status", 0)
    return isinstance(status, int) and 400 <= status < 500


class _Log(pybreaker.CircuitBreakerListener):
    def state_change(self, cb: Any, old_state: Any, new_state: Any) -> None:
        old = old_state.name if old_state else "?"
        logger.warning("Elasticsearch circuit breaker: %s -> %s", old, new_state.name)


class _PerThread(threading.local):
    breaker: pybreaker.CircuitBreaker | None = None
    settings_seen: tuple[int, float] | None = None


_local = _PerThread()


def _breaker() -> pybreaker.CircuitBreaker:
    wanted = (failures_to_open(), cooldown())
    if _local.breaker is None or _local.settings_seen != wanted:
        _local.breaker = pybreaker.CircuitBreaker(
            fail_max=wanted[0],
            reset_timeout=wanted[1],
            exclude=[_is_reader_error],
            listeners=[_Log()],
            state_storage=CacheStorage(),
            name="elasticsearch",
        )
        _local.settings_seen = wanted
    return _local.breaker


def state() -> str:
    """ "closed", "open" or "half-open", as every worker sees it."""
    return CacheStorage().state


def _cooled_down(storage: CacheStorage) -> bool:
    opened = storage.opened_at
    return opened is None or time.time() >= opened.timestamp() + cooldown()


def guarded(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """func(*args, **kwargs) through the breaker; raises EngineUnavailable without calling
    it while the breaker is open (or another worker is probing), else whatever func raises."""
    breaker = _breaker()
    storage = CacheStorage()
    probing = False
    if storage.state != CLOSED:
        if storage.state == OPEN and not _cooled_down(storage):
            raise EngineUnavailable("Elasticsearch circuit breaker open")
        # Cooled down (or half-open): one probe at a time across all workers, the others
        # keep answering from the database instead of all waiting on a frozen node.
        if not cache.add(f"{KEY}:probe", 1, _probe_lease()):
            raise EngineUnavailable("Elasticsearch circuit breaker half-open, probe running")
        probing = True
    try:
        return breaker.call(func, *args, **kwargs)
    except pybreaker.CircuitBreakerError as error:
        raise EngineUnavailable(str(error)) from error
    finally:
        if probing:
            cache.delete(f"{KEY}:probe")


def reset() -> None:
    """Close the breaker and forget its counters (tests; an operator after a repair)."""
    storage = CacheStorage()
    storage.state = CLOSED
    storage.reset_counter()
    storage.reset_success_counter()
    cache.delete_many([f"{KEY}:opened_at", f"{KEY}:probe"])
