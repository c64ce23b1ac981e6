"""Search in the open-data API: /api/v1/search/ and /api/v1/search/suggest.

Same content as the page tests (published, indexed, searched through the database
backend); the API must list what the page lists, in the reports API's shapes.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils.http import urlencode

from tests.elasticsearch_node import require_elasticsearch
from tests.factories import make_article
from tests.search_content import WELFARE, build_search_world
from tests.worlds import module_world

# What a search answer holds, in the page of results and in the OpenAPI schema.
ANSWER_FIELDS = {
    *("query", "count", "approximate", "page", "page_size", "items", "facets", "backend", "notes")
}

# Built once for the module: its tests only read it (what one writes is rolled back).
content_world, content = module_world(build_search_world, "content")


ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def get(client, path: str = "/api/v1/search/", **params):
    response = client.get(path + ("?" + urlencode(params, doseq=True) if params else ""))
    return response, json.loads(response.content)


def test_search_lists_items_with_absolute_urls_dates_marked_snippets_and_facets(client, content):
    response, payload = get(client, q=WELFARE)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert set(payload) == ANSWER_FIELDS
    assert payload["notes"] == []  # every word found, nothing to say
    assert payload["query"] == WELFARE and payload["count"] == 3
    assert payload["page"] == 1 and payload["page_size"] == 10
    assert payload["backend"] == "database"
    by_type = {item["type"]: item for item in payload["items"]}
    assert set(by_type) == {"article", "report", "recommendation"}
    article = by_type["article"]
    assert set(article) == {"type", "title", "url", "published", "snippet", "score"}
    assert article["title"] == content["welfare_news"].title
    assert article["url"] == "http://localhost" + content["welfare_news"].url
    assert ISO_8601.match(article["published"])
    assert datetime.fromisoformat(article["published"]).date().isoformat() == "2024-05-15"
    assert "<mark>" in by_type["report"]["snippet"]
    assert isinstance(article["score"], float)
    kinds = {value["value"]: value for value in payload["facets"]["type"]}
    assert kinds["report"] == {"value": "report", "label": "Báo cáo giám sát", "count": 1}
    years = {value["value"]: value["count"] for value in payload["facets"]["year"]}
    assert years == {"2024": 1, "2022": 2}


def test_filters_sort_and_pages_narrow_the_list_like_the_page(client, content):
    _, reports = get(client, q=WELFARE, type="report")
    assert [item["title"] for item in reports["items"]] == [content["report"].title]
    _, recent = get(client, q=WELFARE, **{"from": "2023-01-01"})
    assert [item["type"] for item in recent["items"]] == ["article"]
    _, oldest = get(client, q=WELFARE, sort="oldest")
    assert oldest["items"][-1]["type"] == "article"
    _, second = get(client, q=WELFARE, page_size=2, page=2)
    assert second["count"] == 3 and len(second["items"]) == 1
    assert second["page"] == 2 and second["page_size"] == 2
    _, conclusions = get(client, q="rà soát", scope="conclusions")
    assert "article" not in {item["type"] for item in conclusions["items"]}


def test_snippets_escape_whatever_is_not_a_mark(client, sections):
    from search.indexing import rebuild_entries

    make_article(
        sections["council"],
        title="Cảnh giác <script>alert(1)</script> lừa đảo",
        summary="Thủ đoạn <b>lừa đảo</b> qua điện thoại & mạng xã hội.",
    )
    rebuild_entries()
    _, payload = get(client, q="lừa đảo")
    (item,) = payload["items"]
    assert "<b>" not in item["snippet"] and "&lt;b&gt;" in item["snippet"]
    assert "<mark>" in item["snippet"] and "&amp;" in item["snippet"]
    assert item["title"] == "Cảnh giác <script>alert(1)</script> lừa đảo"  # JSON is data


@pytest.mark.parametrize(
    ("params", "field", "code"),
    [
        ({"year": "abc"}, "year", "invalid_integer"),
        ({"page": "0"}, "page", "out_of_range"),
        # Not a number at all: the same code as the reports API and every other integer.
        ({"page": "abc"}, "page", "invalid_integer"),
        ({"page": "99999"}, "page", "out_of_range"),
        ({"page": "²"}, "page", "invalid_integer"),  # a digit to isdigit(), not to int()
        ({"page_size": "51"}, "page_size", "out_of_range"),
        ({"type": "video"}, "type", "invalid_choice"),
        ({"status": "xong"}, "status", "invalid_choice"),
        ({"sort": "best"}, "sort", "invalid_choice"),
        ({"scope": "body"}, "scope", "invalid_choice"),
        ({"from": "2020-13-45"}, "from", "invalid_date"),
        ({"from": "2024-01-01", "to": "2020-01-01"}, "to", "invalid_range"),
        ({"section": "9" * 40}, "section", "out_of_range"),
        ({"body": "-3"}, "body", "out_of_range"),
        ({"field": "../etc"}, "field", "invalid_slug"),
    ],
)
def test_invalid_parameters_answer_400_in_the_shared_error_shape(
    client, content, params, field, code
):
    response, payload = get(client, q=WELFARE, **params)
    assert response.status_code == 400
    assert set(payload) == {"error"}
    assert payload["error"]["field"] == field and payload["error"]["code"] == code
    assert payload["error"]["message"].startswith(f"Tham số “{field}” không hợp lệ")


@pytest.mark.parametrize(
    "query",
    [
        "a" * 10_000,
        "bảo\x00trợ\x07 xã\u200b hội",
        '"(*~^ AND',
        "'; DROP TABLE search_searchentry; --",
        "<script>alert(1)</script>",
        "",
    ],
)
def test_hostile_queries_answer_200_with_json(client, content, query):
    response, payload = get(client, q=query)
    assert response.status_code == 200
    assert isinstance(payload["items"], list) and payload["count"] >= 0
    assert len(payload["query"]) <= 200


def test_unreachable_elasticsearch_falls_back_to_the_database(client, content, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    settings.ELASTICSEARCH_TIMEOUT = 1
    response, payload = get(client, q=WELFARE)
    assert response.status_code == 200
    assert payload["backend"] == "database" and payload["count"] == 3


# ------------------------------------------------------------------------------ notes


def page_notes(client, **params) -> list[str]:
    """What the search page says beside its results, top to bottom, as a reader reads it."""
    response = client.get("/tim-kiem/?" + urlencode(params))
    page = BeautifulSoup(response.content, "html.parser")
    shown = page.select(".search-notes li, .search-fallback, .search-advice__suggestion")
    # No separator: the suggestion is a link followed by "?", read as one sentence.
    return [" ".join(node.get_text().split()) for node in shown]


def api_notes(client, **params) -> list[dict]:
    response, payload = get(client, **params)
    assert response.status_code == 200
    return payload["notes"]


def test_a_mistyped_word_is_noted_as_a_partial_match_in_the_pages_words(client, content):
    params = {"q": WELFARE + " tỉnhh"}
    notes = api_notes(client, **params)
    assert [note["code"] for note in notes] == ["partial"]
    assert notes[0]["text"].startswith("Không có kết quả chứa đủ các từ đã gõ")
    assert notes[0]["query"] is None
    assert [note["text"] for note in notes] == page_notes(client, **params)
    _, payload = get(client, **params)
    assert payload["count"] > 0  # results, holding most of the words


def test_nothing_found_offers_the_close_spelling_the_page_offers(client, content):
    params = {"q": "thường trựcc rà soáat", "type": "article"}
    _, payload = get(client, **params)
    assert payload["count"] == 0
    (note,) = payload["notes"]
    assert note["code"] == "suggestion" and note["query"]
    assert note["text"] == f"Có phải bạn muốn tìm: {note['query']}?"
    assert [note["text"]] == page_notes(client, **params)
    # The suggested query finds what was meant.
    _, again = get(client, q=note["query"], type="article")
    assert content["review"].title in [item["title"] for item in again["items"]]


def test_a_query_cut_to_200_characters_says_so_first(client, content):
    params = {"q": WELFARE + " " + "x" * 400}
    _, payload = get(client, **params)
    assert len(payload["query"]) == 200
    notes = payload["notes"]
    assert notes[0]["code"] == "truncated"
    assert notes[0]["text"] == ("Từ khóa dài quá 200 ký tự nên chỉ phần đầu được dùng để tìm.")
    assert [note["text"] for note in notes] == page_notes(client, **params)


def test_the_database_answering_for_elasticsearch_is_noted(client, content, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    settings.ELASTICSEARCH_TIMEOUT = 1
    _, payload = get(client, q=WELFARE)
    assert payload["backend"] == "database"
    assert [note["code"] for note in payload["notes"]] == ["fallback"]
    assert "kết quả dưới đây lấy từ cơ sở dữ liệu" in payload["notes"][0]["text"]
    assert [note["text"] for note in payload["notes"]] == page_notes(client, q=WELFARE)


def test_elasticsearch_answering_gives_the_same_notes_without_a_fallback(client, content, settings):
    from search.backends.elastic import indexer

    settings.ELASTICSEARCH_URL = require_elasticsearch()
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-api-notes-{uuid.uuid4().hex[:8]}"
    try:
        indexer.rebuild()  # the content's rows, into an index of this test's own
        codes = {}
        for name, params in (
            ("found", {"q": WELFARE}),
            ("misspelt", {"q": "thường trựcc rà soáat", "type": "article"}),
            ("long", {"q": "Thường trực HĐND " + "x" * 400}),
        ):
            _, payload = get(client, **params)
            assert payload["backend"] == "elasticsearch"
            codes[name] = [note["code"] for note in payload["notes"]]
            assert [note["text"] for note in payload["notes"]] == page_notes(client, **params)
        assert codes["found"] == [] and codes["misspelt"] == ["suggestion"]
        # Whether the cut query's unknown last word also adds "partial" is the backend's call.
        assert codes["long"][0] == "truncated" and "fallback" not in codes["long"]
    finally:
        indexer.drop_indices()


def test_suggestions_are_at_most_eight_titles_with_links(client, sections):
    from search.indexing import rebuild_entries

    for n in range(10):
        make_article(sections["council"], title=f"Tiếp xúc cử tri trước kỳ họp, đợt {n + 1}")
    rebuild_entries()
    response, payload = get(client, "/api/v1/search/suggest", q="tiếp xúc")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    suggestions = payload["suggestions"]
    assert 1 <= len(suggestions) <= 8
    for suggestion in suggestions:
        assert set(suggestion) == {"text", "url", "type"}
        assert suggestion["text"].startswith("Tiếp xúc cử tri") and suggestion["type"] == "article"
        assert suggestion["url"].startswith(("/", "http"))
    _, folded = get(client, "/api/v1/search/suggest", q="tiep xuc")
    assert folded["suggestions"] == suggestions


@pytest.mark.parametrize("query", ["", "t", " t ", "\x00"])
def test_suggest_needs_two_characters(client, content, query):
    response, payload = get(client, "/api/v1/search/suggest", q=query)
    assert response.status_code == 200 and payload == {"suggestions": []}


def test_suggest_survives_long_and_hostile_input(client, content):
    for query in ("bảo trợ " * 100, '"(*~^ AND', "\x00\x01ab"):
        response, payload = get(client, "/api/v1/search/suggest", q=query)
        assert response.status_code == 200 and isinstance(payload["suggestions"], list)


def test_openapi_describes_search_with_its_parameters_and_response(client):
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    operation = schema["paths"]["/api/v1/search/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {
        "q",
        "type",
        "section",
        "body",
        "field",
        "year",
        "locality",
        "status",
        "from",
        "to",
        "sort",
        "scope",
        "page",
        "page_size",
    }
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page = schema["components"]["schemas"][ok.rsplit("/", 1)[-1]]
    assert set(page["properties"]) == ANSWER_FIELDS
    note = schema["components"]["schemas"]["NoteOut"]
    assert set(note["properties"]) == {"code", "text", "query"}
    assert note["properties"]["code"]["enum"] == ["truncated", "partial", "fallback", "suggestion"]
    assert "400" in operation["responses"]
    suggest = schema["paths"]["/api/v1/search/suggest"]["get"]
    assert "200" in suggest["responses"]
