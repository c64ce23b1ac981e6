"""core.cache: a computed value is reused until the generation it was built on moves."""

from __future__ import annotations

from core.cache import (
    bump_content_generation,
    bump_generation,
    cached,
    cached_for_generation,
    content_generation,
    generation,
)


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_cached_computes_once_and_keeps_falsy_values():
    compute, calls = counting([])
    assert cached("probe:empty", compute) == []
    assert cached("probe:empty", compute) == []
    assert len(calls) == 1  # an empty list is a value, not a miss


def test_publishing_makes_every_generation_cached_value_stale():
    compute, calls = counting(["bài viết"])
    cached_for_generation("probe", compute)
    cached_for_generation("probe", compute)
    before = content_generation()
    bump_content_generation()
    assert content_generation() == before + 1
    cached_for_generation("probe", compute)
    assert len(calls) == 2


def test_a_generation_lost_from_the_cache_still_moves_on():
    assert generation("probe:generation") == 1
    bump_generation("probe:other")  # never read: starts past the default
    assert generation("probe:other") == 2
