"""Elasticsearch stops in the middle of a run: readers and editors carry on, sync catches up.

This stops the real node of scripts/elasticsearch.sh (its own pid only) and starts it
again at the end, whatever happens. Readers get answers from the database with a discreet
notice; an editor's publish goes through and is recorded; `search_index sync` then brings
the restarted node up to date.
"""

from __future__ import annotations

import io
import uuid

import pytest
from django.core.management import call_command

from search.backends import elastic
from search.backends.elastic import indexer
from search.models import IndexingFailure
from search.params import SearchRequest
from tests.elasticsearch_node import (
    node_is_up,
    require_elasticsearch,
    start_node,
    stop_node,
)
from tests.factories import make_article, make_section

FALLBACK_NOTICE = "kết quả dưới đây lấy từ cơ sở dữ liệu"


@pytest.fixture
def node(settings, db):
    url = require_elasticsearch()
    if not node_is_up(url):
        pytest.fail(f"Elasticsearch at {url} does not answer")
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-fault-{uuid.uuid4().hex[:8]}"
    yield url
    # Whatever happened, leave the node running for the tests after this one.
    restarted = start_node()
    settings.ELASTICSEARCH_URL = restarted
    indexer.drop_indices()


def _keys(query: str) -> list[str]:
    return [hit.key for hit in elastic.search(SearchRequest(query=query)).items]


def test_node_stopped_mid_run_falls_back_then_sync_catches_up(
    node, settings, home, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        section = make_section("Tin tức hoạt động", home)
        make_article(section, title="Giám sát chính sách bảo trợ xã hội tại Tam Đường")
    call_command("search_index", "rebuild", stdout=io.StringIO())
    api = client.get("/api/v1/search/", {"q": "bao tro xa hoi"}).json()
    assert api["backend"] == "elasticsearch" and api["count"] == 1

    stop_node()
    assert not node_is_up(node, timeout=1)

    # Readers: the page and the API answer from the database, with a notice.
    page = client.get("/tim-kiem/", {"q": "bao tro xa hoi"})
    assert page.status_code == 200
    assert FALLBACK_NOTICE in page.content.decode()
    assert "Giám sát chính sách <mark>bảo trợ xã hội</mark>" in page.content.decode()
    api = client.get("/api/v1/search/", {"q": "bao tro xa hoi"}).json()
    assert api["backend"] == "database" and api["count"] == 1

    # Editors: publishing goes through; the failed update is recorded.
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(section, title="Tiếp xúc cử tri xã Pa Tần, huyện Sìn Hồ")
    article.refresh_from_db()
    assert article.live
    assert IndexingFailure.objects.filter(key=f"article:{article.pk}").exists()
    api = client.get("/api/v1/search/", {"q": "cu tri pa tan"}).json()
    assert api["backend"] == "database" and api["count"] == 1

    # The node comes back: sync sends what it missed and clears the record.
    settings.ELASTICSEARCH_URL = start_node()
    call_command("search_index", "sync", stdout=io.StringIO())
    assert _keys("cu tri pa tan") == [f"article:{article.pk}"]
    assert not IndexingFailure.objects.exists()
    api = client.get("/api/v1/search/", {"q": "cu tri pa tan"}).json()
    assert api["backend"] == "elasticsearch" and api["count"] == 1
