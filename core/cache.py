"""The content-generation cache: computed values kept until the content they show changes.

A "generation" is a number in the cache, bumped by signals when what it covers changes
(published pages for the content generation; reports keeps one for its reference data).
Every key built on a generation embeds its current number, so a bump makes every older
copy unreachable at once, with no list of keys to delete. The timeout bounds staleness
for processes that do not share a cache (use CACHE_URL=redis://… with several workers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")

# The key keeps its historical "news:" prefix: renaming it would orphan every cached copy.
CONTENT_GENERATION_KEY = "news:generation"
CACHE_SECONDS = 300


def cached(key: str, compute: Callable[[], T], timeout: int = CACHE_SECONDS) -> T:
    """The value cached under `key`, or compute() stored there for `timeout` seconds.

    The one get/compute/set of the project, on Django's `cache.get_or_set`.
    """
    return cache.get_or_set(key, compute, timeout)


def generation(key: str) -> int:
    """The current number of the generation stored under `key` (1 when none is stored)."""
    return cache.get_or_set(key, 1, None)


def bump_generation(key: str) -> None:
    """Move the generation under `key` on: every key built on the old number goes stale."""
    try:
        cache.incr(key)
    except ValueError:  # not in the cache (evicted or never read): any new number will do
        cache.set(key, 2, None)


def content_generation() -> int:
    """A number bumped whenever published content changes; cache keys embed it."""
    return generation(CONTENT_GENERATION_KEY)


def bump_content_generation() -> None:
    """Bump now and, inside a transaction, again once it commits.

    The first bump hides every copy rendered before the change; but a request in another
    worker may render the old rows again before the commit and cache them under the new
    number. The second bump, after the commit, puts those out of reach too (the full-page
    cache, core.page_cache, would otherwise keep them until they expire).
    """
    bump_generation(CONTENT_GENERATION_KEY)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: bump_generation(CONTENT_GENERATION_KEY), robust=True)


def cached_for_generation(key: str, compute: Callable[[], T], timeout: int | None = None) -> T:
    """compute(), cached under "news:<key>:<content generation>" until content changes."""
    full_key = f"news:{key}:{content_generation()}"
    return cached(full_key, compute, CACHE_SECONDS if timeout is None else timeout)
