"""The sitemap is an index of files of at most SITEMAP_PAGE_SIZE URLs (50,000 at most),
so a large archive never makes one file past the protocol's limit."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import PageViewRestriction

from news.sitemaps import PROTOCOL_LIMIT, page_size
from tests.factories import make_article

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def index_files(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]


def file_urls(client, location: str) -> list[str]:
    parts = urlsplit(location)
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


def all_urls(client) -> list[str]:
    return [url for location in index_files(client) for url in file_urls(client, location)]


@pytest.fixture
def articles(sections):
    made = [make_article(sections["committees"], title=f"Tin số {n}") for n in range(5)]
    private = make_article(sections["committees"], title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_article(sections["committees"], title="Tin nháp", live=False)
    return made


def test_the_index_splits_the_pages_into_files_of_the_configured_size(client, sections, articles):
    with override_settings(SITEMAP_PAGE_SIZE=3):
        files = index_files(client)
        per_file = [file_urls(client, location) for location in files]
    assert len(files) > 1
    assert all(1 <= len(urls) <= 3 for urls in per_file)
    listed = [url for urls in per_file for url in urls]
    assert len(listed) == len(set(listed))  # no page in two files
    for article in articles:
        assert f"http://localhost{article.url}" in listed
    assert f"http://localhost{sections['committees'].url}" in listed
    assert not any("tin-noi-bo" in url or "tin-nhap" in url for url in listed)
    assert "http://localhost/" in listed  # the home page


def test_one_file_holds_at_most_the_protocols_50000_urls():
    with override_settings(SITEMAP_PAGE_SIZE=200_000):
        assert page_size() == PROTOCOL_LIMIT
    with override_settings(SITEMAP_PAGE_SIZE=0):
        assert page_size() == 1


def test_a_file_past_the_last_or_of_an_unknown_section_is_not_found(client, sections, articles):
    with override_settings(SITEMAP_PAGE_SIZE=3):
        files = index_files(client)
        assert client.get(f"/sitemap-pages.xml?p={len(files) + 1}").status_code == 404
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404


def test_the_index_and_a_file_cost_the_same_queries_however_many_pages(client, sections):
    def queries(url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    make_article(sections["committees"], title="Tin đầu")
    small = (queries("/sitemap.xml"), queries("/sitemap-pages.xml?p=1"))
    for n in range(12):
        make_article(sections["news"], title=f"Tin thêm {n}")
    assert (queries("/sitemap.xml"), queries("/sitemap-pages.xml?p=1")) == small
    assert len(all_urls(client)) >= 13


def test_robots_txt_points_at_the_index(client, sections):
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://localhost/sitemap.xml" in robots
    assert index_files(client)  # what it points at is an index
