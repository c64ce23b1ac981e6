"""scripts/elasticsearch.sh runs a usable Elasticsearch 9 node (skipped without one).

The node is the integ-test-zip distribution: the bare server. Of the analysis components it
has the standard tokenizer and the lowercase, stop and shingle token filters, and nothing from
analysis-common (no asciifolding, ngram, edge_ngram, mapping char filter...).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator

import pytest

from tests.elasticsearch_node import (
    es_request,
    require_elasticsearch,
    run_script,
    url_from_script_output,
)


@pytest.fixture
def es_url() -> str:
    return require_elasticsearch()


@pytest.fixture
def index_name(es_url: str) -> Iterator[str]:
    """A fresh index name; the indices starting with it are deleted afterwards."""
    name = f"test-script-{uuid.uuid4().hex[:12]}"
    yield name
    # One by one: deleting by wildcard is refused by default (action.destructive_requires_name).
    for row in es_request(es_url, "GET", f"/_cat/indices/{name}*?format=json&h=index"):
        es_request(es_url, "DELETE", f"/{row['index']}")


def analyze(es_url: str, path: str, body: dict) -> list[str]:
    return [token["token"] for token in es_request(es_url, "POST", path, body)["tokens"]]


def test_status_reports_the_running_node(es_url: str) -> None:
    result = run_script("status", timeout=60)
    reported = url_from_script_output(result.stdout)
    if reported != es_url and os.environ.get("REQUIRE_ELASTICSEARCH") != "1":
        pytest.skip(f"ELASTICSEARCH_URL={es_url} is not the node of scripts/elasticsearch.sh")
    assert result.returncode == 0, result.stderr
    assert reported == es_url
    assert "running" in result.stderr


def test_cluster_health_is_green_or_yellow(es_url: str) -> None:
    health = es_request(es_url, "GET", "/_cluster/health?wait_for_status=yellow&timeout=30s")
    assert health["status"] in ("green", "yellow")
    assert health["number_of_nodes"] >= 1


def test_node_is_elasticsearch_9(es_url: str) -> None:
    # This distribution answers `GET /` with 405, so the version comes from the nodes info.
    nodes = es_request(es_url, "GET", "/_nodes/_local")["nodes"]
    (node,) = nodes.values()
    assert node["version"].startswith("9."), node["version"]


def test_no_get_root_in_this_distribution(es_url: str) -> None:
    # Why node_is_up() asks /_cluster/health (and a client's ping()/info() would fail).
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(es_url + "/", timeout=10)
    assert error.value.code == 405


@pytest.mark.parametrize(
    ("token_filter", "expected"),
    [
        ("lowercase", ["hội", "đồng", "và", "dân"]),
        ({"type": "stop", "stopwords": ["và"]}, ["Hội", "Đồng", "dân"]),
        ("shingle", ["Hội", "Hội Đồng", "Đồng", "Đồng và", "và", "và dân", "dân"]),
    ],
)
def test_analyze_standard_tokenizer_with(es_url: str, token_filter, expected) -> None:
    body = {"tokenizer": "standard", "filter": [token_filter], "text": "Hội Đồng và dân"}
    assert analyze(es_url, "/_analyze", body) == expected


def test_index_with_standard_lowercase_stop_shingle(es_url: str, index_name: str) -> None:
    settings = {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": {
                "filter": {
                    "vi_stop": {"type": "stop", "stopwords": ["và", "của", "các"]},
                    "vi_shingle": {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 2},
                },
                "analyzer": {
                    "vi_words": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "vi_stop"],
                    },
                    "vi_shingles": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "vi_shingle"],
                    },
                },
            },
        },
        "mappings": {
            "properties": {
                "title": {
                    "type": "text",
                    "analyzer": "vi_words",
                    "fields": {"shingles": {"type": "text", "analyzer": "vi_shingles"}},
                }
            }
        },
    }
    assert es_request(es_url, "PUT", f"/{index_name}", settings)["acknowledged"] is True

    text = "Hội đồng nhân dân và các Ban"
    words = analyze(es_url, f"/{index_name}/_analyze", {"analyzer": "vi_words", "text": text})
    assert words == ["hội", "đồng", "nhân", "dân", "ban"]
    shingles = analyze(es_url, f"/{index_name}/_analyze", {"field": "title.shingles", "text": text})
    assert "hội đồng" in shingles and "nhân dân" in shingles

    es_request(es_url, "PUT", f"/{index_name}/_doc/1?refresh=true", {"title": text})
    query = {"query": {"match_phrase": {"title.shingles": "HỘI ĐỒNG nhân"}}}
    hits = es_request(es_url, "POST", f"/{index_name}/_search", query)["hits"]
    assert hits["total"]["value"] == 1

    es_request(es_url, "DELETE", f"/{index_name}")
    with pytest.raises(urllib.error.HTTPError) as error:
        es_request(es_url, "GET", f"/{index_name}")
    assert error.value.code == 404


def test_bulk_completion_and_alias_swap(es_url: str, index_name: str) -> None:
    mapping = {
        "settings": {"number_of_shards": 1, "number_of_replicas": 0},
        "mappings": {"properties": {"suggest": {"type": "completion", "analyzer": "simple"}}},
    }
    old, new, alias = f"{index_name}-a", f"{index_name}-b", f"{index_name}-live"
    for name in (old, new):
        es_request(es_url, "PUT", f"/{name}", mapping)
    es_request(es_url, "POST", "/_aliases", {"actions": [{"add": {"index": old, "alias": alias}}]})

    lines = [{"index": {"_id": "1"}}, {"suggest": ["Hội đồng nhân dân tỉnh", "Kỳ họp"]}]
    bulk = urllib.request.Request(
        f"{es_url}/{new}/_bulk?refresh=true",
        data="".join(json.dumps(line) + "\n" for line in lines).encode(),
        method="POST",
        headers={"Content-Type": "application/x-ndjson"},
    )
    with urllib.request.urlopen(bulk, timeout=30) as response:
        assert json.load(response)["errors"] is False

    swap = [{"remove": {"index": old, "alias": alias}}, {"add": {"index": new, "alias": alias}}]
    es_request(es_url, "POST", "/_aliases", {"actions": swap})
    assert list(es_request(es_url, "GET", f"/_alias/{alias}")) == [new]

    query = {"suggest": {"s": {"prefix": "hội đ", "completion": {"field": "suggest"}}}}
    result = es_request(es_url, "POST", f"/{alias}/_search", query)
    assert [o["text"] for o in result["suggest"]["s"][0]["options"]] == ["Hội đồng nhân dân tỉnh"]
