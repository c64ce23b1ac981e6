"""The search index on an Elasticsearch cluster: shards and replicas from settings, a green
index with one replica on two nodes, and the alias swap of a rebuild unchanged.

The cluster is scripts/elasticsearch_cluster.sh's (two private nodes on 127.0.0.1), started
by .ci/run's cluster phase, which sets ELASTICSEARCH_CLUSTER_NODES; without it the cluster
tests skip (the shared single node cannot hold a replica).
"""

from __future__ import annotations

import io
import os
import uuid

import pytest
from django.core.management import call_command

from search.backends import elastic
from search.backends.elastic import connection, indexer
from search.backends.elastic.documents import index_body
from search.params import SearchRequest
from tests.elasticsearch_node import es_request, require_elasticsearch
from tests.factories import make_article, make_section

NODES = int(os.environ.get("ELASTICSEARCH_CLUSTER_NODES") or 0)
cluster_only = pytest.mark.skipif(
    NODES < 2,
    reason="no cluster: scripts/elasticsearch_cluster.sh start (ELASTICSEARCH_CLUSTER_NODES)",
)


def test_shards_and_replicas_come_from_settings(settings):
    settings.ELASTICSEARCH_SHARDS = 3
    settings.ELASTICSEARCH_REPLICAS = 1
    body = index_body()["settings"]
    assert (body["number_of_shards"], body["number_of_replicas"]) == (3, 1)
    assert "auto_expand_replicas" not in body

    # Unset: one replica where a second node exists, none on a single dev node (still green).
    settings.ELASTICSEARCH_SHARDS = 1
    settings.ELASTICSEARCH_REPLICAS = None
    body = index_body()["settings"]
    assert body["auto_expand_replicas"] == "0-1" and "number_of_replicas" not in body


@pytest.fixture
def cluster(settings, db):
    settings.ELASTICSEARCH_URL = require_elasticsearch()
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-cluster-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_REPLICAS = 1
    yield settings.ELASTICSEARCH_URL
    indexer.drop_indices()


def _index_state(url: str) -> tuple[str, dict, dict]:
    (index,) = es_request(url, "GET", f"/_alias/{connection.alias()}")
    index_settings = es_request(url, "GET", f"/{index}/_settings")[index]["settings"]["index"]
    health = es_request(url, "GET", f"/_cluster/health/{index}?wait_for_status=green&timeout=60s")
    return index, index_settings, health


@cluster_only
def test_the_cluster_has_its_nodes():
    health = es_request(require_elasticsearch(), "GET", "/_cluster/health")
    assert health["number_of_nodes"] == NODES
    assert health["cluster_name"] == "hdnd-cluster"


@cluster_only
def test_a_rebuilt_index_is_green_with_one_replica_and_the_alias_swaps(cluster, settings):
    url = cluster
    # Written before the site knows the cluster: the rebuild, not live updates, loads them.
    settings.ELASTICSEARCH_URL = ""
    section = make_section("Tin tức hoạt động")
    make_article(section, "Giám sát việc thực hiện chính sách trợ giúp xã hội")
    settings.ELASTICSEARCH_URL = url

    call_command("search_index", "rebuild", stdout=io.StringIO())
    first, index_settings, health = _index_state(url)
    assert index_settings["number_of_replicas"] == "1"
    assert (health["status"], health["timed_out"]) == ("green", False)
    assert health["active_shards"] == 2 * health["active_primary_shards"]  # each on both nodes
    hits = elastic.search(SearchRequest(query="tro giup xa hoi")).items
    assert [hit.title for hit in hits] == ["Giám sát việc thực hiện chính sách trợ giúp xã hội"]

    call_command("search_index", "rebuild", stdout=io.StringIO())
    second, _settings, health = _index_state(url)
    assert second != first and health["status"] == "green"
    assert es_request(
        url, "GET", f"/_cat/indices/{connection.index_pattern()}?format=json&h=index"
    ) == [{"index": second}]
    assert len(elastic.search(SearchRequest(query="giam sat")).items) == 1
