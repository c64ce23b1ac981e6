"""The search API and its suggestions answer 429, in the API's error shape with Retry-After,
to a client past its rate (issue 11 §4); other clients and the rest of the API go on."""

from __future__ import annotations

import pytest

from tests.factories import make_article

SEARCH = "/api/v1/search/"
SUGGEST = "/api/v1/search/suggest"


@pytest.fixture
def article(home):
    return make_article(home, title="Giám sát bảo trợ xã hội")


@pytest.fixture
def low_rates(settings):
    settings.SEARCH_API_RATE = "3/min"
    settings.SUGGEST_API_RATE = "5/min"


def ask(client, path: str, address: str = "10.1.1.1", **params):
    return client.get(path, {"q": "giám sát", **params}, REMOTE_ADDR=address)


def test_search_past_its_rate_answers_429_in_the_error_shape(client, article, low_rates):
    for _ in range(3):
        assert ask(client, SEARCH).status_code == 200

    response = ask(client, SEARCH)

    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == "too_many_requests"
    assert error["message"].startswith("Quá nhiều yêu cầu")
    assert 1 <= int(response["Retry-After"]) <= 60


def test_the_limit_is_per_client_and_per_endpoint(client, article, low_rates):
    for _ in range(4):
        ask(client, SEARCH)
    assert ask(client, SEARCH).status_code == 429

    assert ask(client, SEARCH, address="10.2.2.2").status_code == 200  # another reader
    assert ask(client, SUGGEST).status_code == 200  # its own, higher rate
    assert client.get("/api/v1/reports/", REMOTE_ADDR="10.1.1.1").status_code == 200


def test_a_forged_forwarded_for_header_does_not_give_a_new_allowance(client, article, low_rates):
    for n in range(3):
        assert ask(client, SEARCH, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code == 200
    assert ask(client, SEARCH, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_suggest_past_its_rate_answers_429(client, article, low_rates):
    for _ in range(5):
        assert ask(client, SUGGEST).status_code == 200
    response = ask(client, SUGGEST)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "too_many_requests"
    assert response.has_header("Retry-After")


def test_the_openapi_document_lists_the_429(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "429" in paths[SEARCH]["get"]["responses"]
    assert "429" in paths[SUGGEST]["get"]["responses"]
