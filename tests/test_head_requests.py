"""HEAD answers as GET does, without a body: monitors and link checkers probe with HEAD.

Every GET route of the open-data API is read from its own OpenAPI schema, so a route added
later is covered without editing this file.
"""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.http import FileResponse

from config.api import api
from core.head import without_body
from tests.factories import make_article
from tests.report_factories import make_report, make_report_index

API = "/api/v1"


def api_get_paths(report_id: int) -> list[str]:
    """Every GET path of /api/v1/, its path parameters filled in with a published report."""
    paths = api.get_openapi_schema(path_prefix="")["paths"]
    filled = [
        re.sub(r"\{report_id\}", str(report_id), path)
        for path, operations in paths.items()
        if "get" in operations
    ]
    assert all("{" not in path for path in filled), f"a path parameter to fill in: {filled}"
    # The schema and its interactive docs are routes too, outside the schema.
    return [API + path for path in filled] + [f"{API}/openapi.json", f"{API}/docs"]


def assert_head_is_get_without_body(client, url: str) -> None:
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == got.status_code, url
    assert head.content == b"", url
    # Headers a client or cache acts on: the same for both methods.
    for header in ("Content-Type", "Cache-Control", "Vary", "Allow", "Location"):
        assert head.get(header) == got.get(header), (url, header)


@pytest.fixture
def published(sections):
    article = make_article(sections["council"], title="Giám sát việc thực hiện chính sách")
    report = make_report(make_report_index())
    report.article = article
    return report


def test_head_on_the_search_page_answers_200_without_a_body(client, published):
    url = "/tim-kiem/?q=x"
    assert client.get(url).status_code == 200  # was 405 to HEAD only
    assert_head_is_get_without_body(client, url)
    assert_head_is_get_without_body(client, "/tim-kiem/?q=giam+sat")


@pytest.mark.parametrize(
    "url",
    [f"{API}/search/?q=x", f"{API}/search/suggest?q=x", f"{API}/search/?q=giam+sat"],
)
def test_head_on_the_search_api_answers_200_without_a_body(client, published, url):
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Type"].startswith("application/json")
    assert_head_is_get_without_body(client, url)


def test_head_on_every_api_get_route_answers_as_get_does(client, published):
    urls = api_get_paths(published.pk)
    assert f"{API}/reports/" in urls and f"{API}/reports/{published.pk}/" in urls
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert_head_is_get_without_body(client, url)


def test_head_keeps_errors_and_refusals_as_get_has_them(client, published):
    # A 400 for a bad parameter and a 404 for a missing report stay what they are.
    assert_head_is_get_without_body(client, f"{API}/reports/?page=0")
    assert_head_is_get_without_body(client, f"{API}/reports/999999/")
    # A POST-only endpoint refuses HEAD as it refuses GET.
    assert client.head(f"/luot-xem/{published.pk}/").status_code == 405


def test_head_on_pages_feeds_and_robots(client, published):
    for url in ("/", published.url, published.article.url, "/rss/", "/robots.txt", "/sitemap.xml"):
        assert_head_is_get_without_body(client, url)
        assert client.head(url).status_code == 200, url


def test_a_streamed_answer_loses_its_body_and_still_closes_its_file(db):
    file = BytesIO(b"%PDF-1.7 ...")
    response = without_body(FileResponse(file, content_type="application/pdf"))
    assert b"".join(response.streaming_content) == b""
    assert response["Content-Type"] == "application/pdf"
    response.close()
    assert file.closed
