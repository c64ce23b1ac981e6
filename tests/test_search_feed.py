"""RSS for a search: /tim-kiem/?…&format=rss, read back with feedparser as a reader would."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import feedparser
import pytest
from django.utils import timezone
from django.utils.http import urlencode

from search.indexing import rebuild_entries
from tests.factories import make_article
from tests.search_content import WELFARE, build_search_world
from tests.worlds import module_world

# Built once for the module: its tests only read it (what one writes is rolled back).
content_world, content = module_world(build_search_world, "content")


def feed(client, **params):
    response = client.get("/tim-kiem/?" + urlencode({**params, "format": "rss"}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "rss20"
    return response, parsed


def published(entry) -> datetime:
    return datetime.fromtimestamp(calendar.timegm(entry.published_parsed), tz=UTC)


def test_feed_lists_matching_items_with_absolute_links_dates_and_plain_descriptions(
    client, content
):
    response, parsed = feed(client, q=WELFARE)
    assert parsed.feed.title == f"Tìm kiếm: {WELFARE} — Trang thông tin điện tử HĐND tỉnh"
    assert parsed.feed.link.startswith("http://localhost/tim-kiem/?q=")
    assert "format=rss" not in parsed.feed.link
    assert response["Cache-Control"] == "public, max-age=60"
    assert len(parsed.entries) == 3
    links = {entry.link for entry in parsed.entries}
    assert "http://localhost" + content["welfare_news"].url in links
    for entry in parsed.entries:
        assert entry.link.startswith("http://localhost/")
        assert entry.title and entry.published_parsed
        assert "<mark>" not in entry.description and "&lt;mark" not in entry.description
    article = next(e for e in parsed.entries if e.title == content["welfare_news"].title)
    assert published(article) == content["welfare_news"].published_at
    assert "bảo trợ xã hội" in article.description.lower() or "Thương binh" in article.description


def test_feed_is_newest_first_whatever_the_page_sort(client, content):
    _, parsed = feed(client, q=WELFARE, sort="oldest", page=2)
    dates = [published(entry) for entry in parsed.entries]
    assert len(dates) == 3 and dates == sorted(dates, reverse=True)


def test_feed_respects_the_filters(client, content):
    _, reports = feed(client, q=WELFARE, type="report")
    assert [entry.title for entry in reports.entries] == [content["report"].title]
    _, recent = feed(client, q=WELFARE, **{"from": "2023-01-01"})
    assert [entry.title for entry in recent.entries] == [content["welfare_news"].title]
    _, conclusions = feed(client, q="rà soát", scope="conclusions")
    assert content["review"].title not in {entry.title for entry in conclusions.entries}


def test_feed_holds_the_twenty_newest(client, sections):
    start = timezone.now() - timedelta(days=30)
    for n in range(23):
        make_article(
            sections["council"],
            title=f"Giám sát chuyên đề đợt {n + 1}",
            published_at=start + timedelta(days=n),
        )
    rebuild_entries()
    _, parsed = feed(client, q="giám sát chuyên đề")
    assert len(parsed.entries) == 20
    assert parsed.entries[0].title == "Giám sát chuyên đề đợt 23"
    assert parsed.entries[-1].title == "Giám sát chuyên đề đợt 4"


def test_feed_descriptions_never_carry_markup_from_indexed_text(client, sections):
    make_article(
        sections["council"],
        title="Giám sát an toàn thực phẩm",
        summary="Giám sát an toàn thực phẩm <script>alert(1)</script><img src=x onerror=alert(1)>",
    )
    rebuild_entries()
    response, parsed = feed(client, q="an toàn thực phẩm")
    assert parsed.entries
    # The XML's own text, as a reader renders it; feedparser would sanitise it and hide it.
    found = [
        item.text or "" for item in ElementTree.fromstring(response.content).iter("description")
    ]
    assert any("thực phẩm" in html for html in found)
    for html in found:
        assert "<script" not in html and "<img" not in html and "<mark" not in html


@pytest.mark.parametrize(
    "params",
    [{"year": "abc"}, {"page": "-1"}, {"from": "2020-13-45"}, {"q": "a" * 5000}, {"q": "\x00<"}],
)
def test_bad_parameters_still_give_a_valid_feed(client, content, params):
    feed(client, **{"q": WELFARE, **params})
