"""A real Elasticsearch node frozen with SIGSTOP (not stopped): the site keeps serving.

A frozen node accepts connections and never answers, so each call waits the whole
ELASTICSEARCH_TIMEOUT. The story: the first searches wait that timeout and fall back to
the database; the breaker opens; later searches and suggestions answer from the database
without calling the node (counted in elastic_transport's log of every request it sends,
not with a clock); article pages never call it; SIGCONT and, after the cool-down, one
probe closes the breaker and Elasticsearch answers again.

The node is a private one (tests.private_elasticsearch), never the shared node other tests
use at the same time; it is always resumed (SIGCONT) in a finally.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Iterator

import pytest

from search import breaker
from search.backends.elastic import connection, indexer
from search.indexing import rebuild_entries
from search.models import IndexingFailure
from tests import private_elasticsearch as node
from tests.factories import make_article, make_section

TIMEOUT = 1.0
COOLDOWN = 3.0
TRANSPORT_LOG = "elastic_transport.transport"
QUERY = "nước sạch nông thôn"


@pytest.fixture(scope="module")
def private_url() -> Iterator[str]:
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # The breaker does not depend on the database; starting a private node costs minutes,
        # so CI runs this once, in its SQLite stage (the outage test runs in the other).
        pytest.skip("frozen-node story: run in CI's SQLite stage")
    with node.private_node() as url:
        yield url


@pytest.fixture
def site(home, settings, private_url, django_capture_on_commit_callbacks):
    settings.ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        section = make_section("Tin tức hoạt động", home)
        articles = [
            make_article(section, title="Giám sát nước sạch nông thôn ở Mường Tè"),
            make_article(section, title="Giám sát đường giao thông liên xã Sìn Hồ"),
        ]
    rebuild_entries()
    settings.ELASTICSEARCH_URL = private_url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-frozen-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_TIMEOUT = TIMEOUT
    settings.ELASTICSEARCH_BREAKER_FAILURES = 3
    settings.ELASTICSEARCH_BREAKER_COOLDOWN = COOLDOWN
    indexer.rebuild()
    connection.command_client().indices.refresh(index=connection.alias())
    yield {"section": section, "articles": articles}
    node.resume()
    assert node.wait_until_up(private_url)
    indexer.drop_indices()


def requests_sent(caplog, url: str) -> int:
    return sum(1 for r in caplog.records if r.name == TRANSPORT_LOG and url in r.getMessage())


def search_api(client) -> dict:
    response = client.get("/api/v1/search/", {"q": QUERY})
    assert response.status_code == 200
    return response.json()


def test_a_frozen_node_opens_the_breaker_and_the_site_keeps_serving(
    client, site, private_url, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.INFO, logger=TRANSPORT_LOG)
    payload = search_api(client)
    assert payload["backend"] == "elasticsearch" and payload["count"] == 1
    try:
        node.freeze()
        # The first searches wait the timeout (no longer), then the database answers.
        for _attempt in range(3):
            started = time.monotonic()
            payload = search_api(client)
            waited = time.monotonic() - started
            assert payload["backend"] == "database" and payload["count"] == 1
            assert [note["code"] for note in payload["notes"]] == ["fallback"]
            assert waited < TIMEOUT + 10  # bounded by the timeout (generous: loaded CI machines)
        assert breaker.state() == breaker.OPEN
        sent = requests_sent(caplog, private_url)

        # Open: searches, suggestions and the search page do not call the node at all.
        for _ in range(5):
            payload = search_api(client)
            assert payload["backend"] == "database" and payload["count"] == 1
        assert client.get("/api/v1/search/suggest", {"q": "giám sát"}).status_code == 200
        assert client.get("/tim-kiem/", {"q": QUERY}).status_code == 200
        # Article pages and the home page never did.
        for article in site["articles"]:
            assert client.get(article.url).status_code == 200
        assert client.get("/").status_code == 200
        # A publish records its change for `search_index sync` instead of waiting.
        with django_capture_on_commit_callbacks(execute=True):
            late = make_article(site["section"], title="Tiếp xúc cử tri xã Pa Tần")
        assert IndexingFailure.objects.filter(key=f"article:{late.pk}").exists()
        assert requests_sent(caplog, private_url) == sent
    finally:
        node.resume()

    # Back: after the cool-down one probe closes the breaker.
    assert node.wait_until_up(private_url)
    time.sleep(COOLDOWN)
    assert search_api(client)["backend"] == "elasticsearch"
    assert breaker.state() == breaker.CLOSED
    assert requests_sent(caplog, private_url) > sent  # the probe reached the node
