"""Feeds, sitemap, robots.txt and the meta data that search engines and social apps read."""

import json
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.factories import ImageFactory, make_article, make_section
from tests.test_sitemap_index import all_urls


@pytest.fixture
def content(sections):
    public = make_article(
        sections["committees"],
        title="Tin công khai",
        author="Nguyễn Thủy",
        lead_image=ImageFactory(),
    )
    other = make_article(sections["news"], title="Tin ở chuyên mục gốc")
    draft = make_article(sections["committees"], title="Tin nháp", live=False)
    private = make_article(sections["committees"], title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {"public": public, "other": other, "draft": draft, "private": private}


def test_site_feed_is_valid_rss2_with_public_articles_only(client, content):
    response = client.get("/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert feed.version == "rss20"
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {"Tin công khai", "Tin ở chuyên mục gốc"}
    entry = next(e for e in feed.entries if e.title == "Tin công khai")
    assert entry.link.endswith(content["public"].url)
    assert entry.published_parsed is not None


def test_section_feed_lists_that_section_and_below(client, sections, content):
    response = client.get(sections["council"].url + "rss/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.version == "rss20"
    assert feed.feed.title == "Hội đồng nhân dân tỉnh"
    assert [entry.title for entry in feed.entries] == ["Tin công khai"]


HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>Tin <b>nóng</b> & mới"


def descriptions(response) -> list[str]:
    """The descriptions as the XML holds them: the HTML a reader will render (feedparser
    would sanitise them itself and hide what the site sent)."""
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [element.text or "" for element in root.iter("description")]


def test_feed_descriptions_carry_no_markup_from_an_editors_text(client, sections):
    sections["council"].intro = HOSTILE
    sections["council"].save_revision().publish()
    make_article(sections["council"], title="Tin có sapo lạ", summary=HOSTILE)
    for url in ("/rss/", sections["council"].url + "rss/"):
        found = descriptions(client.get(url))
        assert "Tin nóng &amp; mới" in found
        for html in found:
            assert "<script" not in html and "onerror" not in html and "<img" not in html
        assert not feedparser.parse(client.get(url).content).bozo


def test_sitemap_lists_live_public_pages_only(client, sections, content):
    locations = all_urls(client)  # /sitemap.xml is an index of files (tests/test_sitemap_index.py)
    assert any(url.endswith(content["public"].url) for url in locations)
    assert any(url.endswith(sections["committees"].url) for url in locations)
    assert not any(url.endswith(content["draft"].url or "/tin-nhap/") for url in locations)
    assert not any("tin-noi-bo" in url for url in locations)


def test_robots_txt_points_at_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    # The site's address (BASE_URL, here the test Site localhost), not the request's Host.
    assert "Sitemap: http://localhost/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_article_has_canonical_opengraph_twitter_and_newsarticle_json_ld(client, content):
    article = content["public"]
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    canonical = html.find("link", rel="canonical")["href"]
    assert canonical.endswith(article.url) and canonical.startswith("http")
    assert html.find("meta", property="og:title")["content"] == "Tin công khai"
    assert html.find("meta", property="og:type")["content"] == "article"
    assert html.find("meta", property="og:image")["content"].startswith("http")
    assert html.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Tin công khai"
    assert data["author"]["name"] == "Nguyễn Thủy"
    assert data["datePublished"].startswith(str(article.published_at.year))


def test_json_ld_cannot_break_out_of_its_script_tag(client, sections):
    title = "</script><script>alert(1)</script>"
    article = make_article(sections["news"], title=title, body=[("paragraph", "<p>x</p>")])
    html = client.get(article.url).content.decode()
    assert "</script><script>alert(1)" not in html
    data = json.loads(
        BeautifulSoup(html, "html.parser").find("script", type="application/ld+json").string
    )
    assert data["headline"] == title


def test_print_stylesheet_is_linked_for_print_media(client, content):
    html = BeautifulSoup(client.get(content["public"].url).content, "html.parser")
    link = html.find("link", href=lambda href: href and href.endswith("print.css"))
    assert link["media"] == "print"


def test_section_pages_advertise_their_feed(client, sections):
    make_section("Kỳ họp", sections["news"])
    html = BeautifulSoup(client.get(sections["news"].url).content, "html.parser")
    feeds = [link["href"] for link in html.find_all("link", type="application/rss+xml")]
    assert sections["news"].url + "rss/" in feeds


def test_newsarticle_json_ld_has_image_and_publisher(client, content):
    """Google's article rich results need `image` and `publisher` with absolute URLs."""
    article = content["public"]
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    data = json.loads(html.find("script", type="application/ld+json").string)
    origin = article.get_site().root_url
    # Three crops (16:9, 4:3, 1:1) of the lead image, as Google recommends.
    assert [url.split(".")[-3] for url in data["image"]] == [
        "fill-1200x675",
        "fill-1200x900",
        "fill-1200x1200",
    ]
    assert all(url.startswith(origin + "/media/images/") for url in data["image"])
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Văn phòng Hội đồng nhân dân tỉnh"
    assert data["publisher"]["logo"]["@type"] == "ImageObject"
    assert data["publisher"]["logo"]["url"] == origin + "/static/img/emblem.svg"


def test_json_ld_publisher_logo_is_the_portal_logo_when_set(client, sections):
    from news.models import PortalSettings

    settings = PortalSettings.for_site(sections["news"].get_site())
    settings.logo = ImageFactory()
    settings.office_name = "Văn phòng Đoàn ĐBQH và HĐND tỉnh"
    settings.save()
    article = make_article(sections["news"], title="Tin không ảnh")
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert "image" not in data
    assert data["publisher"]["name"] == "Văn phòng Đoàn ĐBQH và HĐND tỉnh"
    logo_url = data["publisher"]["logo"]["url"]
    assert logo_url.startswith(article.get_site().root_url + "/media/images/")
    assert logo_url.endswith(".max-600x600.format-png.png")
