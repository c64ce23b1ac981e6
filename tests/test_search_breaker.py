"""The circuit breaker in front of Elasticsearch (search.breaker), against a frozen port.

tests.frozen_port accepts connections and never answers, as a node stopped with SIGSTOP
does, and counts the requests that reach it: "the site did not call the engine" is
asserted by that count, not by a clock. The same story against a real frozen node is in
test_search_frozen_node.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from news.models import PortalSettings
from search import breaker
from search.models import IndexingFailure
from search.service import FALLBACK_CACHE_SECONDS
from tests.factories import make_article
from tests.frozen_port import FrozenPort, frozen_port
from tests.search_content import WELFARE, build_search_world
from tests.worlds import module_world

content_world, content = module_world(build_search_world, "content")

FALLBACK = "kết quả dưới đây lấy từ cơ sở dữ liệu"


@pytest.fixture
def frozen(settings) -> Iterator[FrozenPort]:
    with frozen_port() as port:
        settings.ELASTICSEARCH_URL = port.url
        settings.ELASTICSEARCH_TIMEOUT = 0.3
        settings.ELASTICSEARCH_BREAKER_FAILURES = 3
        settings.ELASTICSEARCH_BREAKER_COOLDOWN = 60
        yield port


def search_page(client) -> BeautifulSoup:
    response = client.get("/tim-kiem/", {"q": WELFARE})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def answered_from_database(page: BeautifulSoup) -> bool:
    notice = page.select_one(".search-fallback")
    return notice is not None and FALLBACK in notice.get_text() and bool(page.select(".search-hit"))


def test_after_three_timeouts_the_breaker_opens_and_searches_skip_the_engine(
    client, content, frozen
):
    for attempt in range(1, 4):
        assert answered_from_database(search_page(client))
        assert frozen.requests == attempt  # each waited its timeout on the frozen node
    assert breaker.state() == breaker.OPEN

    for _ in range(5):
        assert answered_from_database(search_page(client))
    api = client.get("/api/v1/search/", {"q": WELFARE}).json()
    assert [note["code"] for note in api["notes"]] == ["fallback"] and api["count"] == 3
    suggestions = client.get("/api/v1/search/suggest", {"q": "bảo trợ"})
    assert suggestions.status_code == 200
    assert frozen.requests == 3  # none of them called the engine


def test_after_the_cooldown_one_probe_goes_out_and_a_failed_probe_reopens(
    client, content, frozen, settings
):
    for _ in range(3):
        search_page(client)
    assert breaker.state() == breaker.OPEN and frozen.requests == 3

    settings.ELASTICSEARCH_BREAKER_COOLDOWN = 0  # the cool-down is over
    assert answered_from_database(search_page(client))
    assert frozen.requests == 4  # the probe
    assert breaker.state() == breaker.OPEN  # it timed out: open again

    settings.ELASTICSEARCH_BREAKER_COOLDOWN = 60
    search_page(client)
    assert frozen.requests == 4


def test_while_a_probe_runs_other_workers_do_not_wait_on_the_engine(client, content, frozen):
    for _ in range(3):
        search_page(client)
    storage = breaker.CacheStorage()
    storage.opened_at = storage.opened_at.replace(year=2000)  # cooled down
    # Another worker holds the probe (the lease in the shared cache).
    cache.add(f"{breaker.KEY}:probe", 1, 30)
    assert answered_from_database(search_page(client))
    assert frozen.requests == 3


def test_article_pages_never_call_the_engine(client, content, frozen):
    article = content["welfare_news"]
    for _ in range(3):
        assert client.get(article.url).status_code == 200
    assert client.get("/").status_code == 200
    assert frozen.requests == 0
    assert breaker.state() == breaker.CLOSED


def test_publishing_while_the_breaker_is_open_records_the_change_without_waiting(
    content, frozen, django_capture_on_commit_callbacks
):
    storage = breaker.CacheStorage()
    breaker._breaker().open()
    assert storage.state == breaker.OPEN
    section = content["welfare_news"].get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(section, title="Tiếp xúc cử tri xã Pa Tần")
    assert frozen.requests == 0
    assert list(IndexingFailure.objects.values_list("key", "action")) == [
        (f"article:{article.pk}", "index")
    ]


def test_a_bad_query_answered_by_a_live_node_does_not_count(settings):
    class BadRequest(Exception):
        status_code = 400

    def refuse() -> None:
        raise BadRequest

    for _ in range(5):
        with pytest.raises(BadRequest):
            breaker.guarded(refuse)
    assert breaker.state() == breaker.CLOSED


@pytest.mark.parametrize("path", ["/tim-kiem/", "/api/v1/search/"])
def test_an_answer_from_the_database_in_place_of_the_engine_is_cached_only_briefly(
    client, content, frozen, settings, path
):
    """A flood of searches while the engine is away is served from the page cache (so the
    article pages keep their workers), but the stand-in lasts seconds, not the cache's
    minutes: once the engine is back, readers soon get its answer."""
    settings.PAGE_CACHE_SECONDS = 300
    # Created on the first page view otherwise, which (as any settings save) purges.
    PortalSettings.for_site(Site.objects.get(is_default_site=True))
    with time_machine.travel(timezone.now(), tick=False) as clock:
        first = client.get(path, {"q": WELFARE})
        assert first.status_code == 200
        assert f"s-maxage={FALLBACK_CACHE_SECONDS}" in first["Cache-Control"]
        assert client.get(path, {"q": WELFARE})["X-Page-Cache"] == "hit"
        clock.shift(FALLBACK_CACHE_SECONDS + 1)
        assert client.get(path, {"q": WELFARE})["X-Page-Cache"] == "miss"
