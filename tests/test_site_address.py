"""One site address: every absolute URL the portal prints comes from settings.BASE_URL.

`make run` serves 127.0.0.1:8000 and sets BASE_URL to it; canonical links, og:url,
JSON-LD, the sitemap, robots.txt, the RSS feeds and the API must all say the same origin,
whatever Host header the request came with (a proxy, the test client's "testserver").
"""

import json
import re

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Site

from news.site_address import sync_default_site
from tests.factories import ImageFactory, make_article
from tests.test_sitemap_index import all_urls, index_files

ORIGIN = "http://127.0.0.1:8000"


@pytest.fixture
def address(settings, db):
    settings.BASE_URL = ORIGIN
    sync_default_site()


@pytest.fixture
def article(sections):
    return make_article(
        sections["council"], title="Giám sát an sinh xã hội", lead_image=ImageFactory()
    )


def absolute_urls(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def test_default_site_follows_base_url_after_migrate(settings, db):
    settings.BASE_URL = "https://hdnd.example.vn"
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "hdnd.example.vn",
        443,
        "https://hdnd.example.vn",
    )


def test_pages_say_the_configured_origin(client, address, sections, article):
    html = client.get(article.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("link", rel="canonical")["href"] == ORIGIN + article.url
    assert soup.find("meta", property="og:url")["content"] == ORIGIN + article.url
    assert soup.find("meta", property="og:image")["content"].startswith(ORIGIN + "/")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["mainEntityOfPage"] == ORIGIN + article.url
    section = BeautifulSoup(client.get(sections["council"].url).content, "html.parser")
    assert section.find("link", rel="canonical")["href"] == ORIGIN + sections["council"].url
    assert all(
        url.startswith(ORIGIN + "/") for url in absolute_urls(html) if "schema.org" not in url
    )


def test_sitemap_and_robots_say_the_configured_origin(client, address, article):
    files = index_files(client)
    assert files and all(url.startswith(ORIGIN + "/sitemap-") for url in files)
    locations = all_urls(client)
    assert ORIGIN + article.url in locations
    assert all(url.startswith(ORIGIN + "/") for url in locations)
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in robots


@pytest.mark.parametrize("feed", ["/rss/", "section"])
def test_feeds_say_the_configured_origin(client, address, sections, article, feed):
    path = sections["council"].url + "rss/" if feed == "section" else feed
    body = client.get(path).content.decode()
    parsed = feedparser.parse(body)
    assert [entry.link for entry in parsed.entries] == [ORIGIN + article.url]
    assert parsed.feed.link.startswith(ORIGIN + "/")
    assert absolute_urls(body) and all(
        url.startswith(ORIGIN + "/") for url in absolute_urls(body) if "w3.org" not in url
    )


def test_search_api_urls_say_the_configured_origin(
    client, address, sections, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the search index refresh
        article = make_article(sections["council"], title="Giám sát an sinh xã hội")
    payload = json.loads(client.get("/api/v1/search/", {"q": "an sinh"}).content)
    urls = [item["url"] for item in payload["items"]]
    assert ORIGIN + article.url in urls
    assert all(url.startswith(ORIGIN + "/") for url in urls)
