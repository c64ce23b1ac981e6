"""Every public page type tells search engines and link previews what it is (core.pages)."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.apps import apps
from wagtail.models import Page

from core.pages import SeoMixin
from tests.factories import ImageFactory, make_article, make_section
from tests.report_factories import make_report, make_report_index, make_tracker


def public_page_types() -> set[type[Page]]:
    return {
        model
        for app in ("news", "reports")
        for model in apps.get_app_config(app).get_models()
        if issubclass(model, Page)
    }


def meta(html: BeautifulSoup, prop: str) -> str:
    return html.find("meta", property=prop)["content"]


def test_every_public_page_type_has_description_opengraph_and_canonical(client, home):
    section = make_section("Tin tức hoạt động", home, intro="Tin về hoạt động của HĐND tỉnh.")
    article = make_article(section, "Giám sát an toàn thực phẩm", lead_image=ImageFactory())
    index = make_report_index(home)
    report = make_report(index, summary="Đoàn giám sát việc trợ giúp xã hội tại 3 huyện.")
    tracker = make_tracker(index)
    pages = [home, section, article, index, report, tracker]
    assert {type(page.specific) for page in pages} == public_page_types()

    for page in pages:
        page = page.specific
        assert isinstance(page, SeoMixin), type(page)
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
        canonical = html.find_all("link", rel="canonical")
        assert [link["href"] for link in canonical] == [page.full_url], type(page)
        assert canonical[0]["href"].startswith("http")
        assert meta(html, "og:title") == page.title
        assert meta(html, "og:url") == page.full_url
        assert meta(html, "og:description"), type(page)
        assert html.find("meta", attrs={"name": "description"})["content"]
        assert len(html.find_all("meta", attrs={"name": "description"})) == 1

    html = BeautifulSoup(client.get(report.url).content, "html.parser")
    assert meta(html, "og:description") == "Đoàn giám sát việc trợ giúp xã hội tại 3 huyện."
    assert meta(html, "og:type") == "article"
    html = BeautifulSoup(client.get(section.url).content, "html.parser")
    assert meta(html, "og:description") == "Tin về hoạt động của HĐND tỉnh."
    assert meta(html, "og:type") == "website"
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert meta(html, "og:image").startswith("http")
    assert meta(html, "og:description") == "Tóm tắt: Giám sát an toàn thực phẩm"


def test_the_editors_search_description_wins(client, home):
    section = make_section("Tin tức", home, search_description="Mô tả cho công cụ tìm kiếm.")
    html = BeautifulSoup(client.get(section.url).content, "html.parser")
    assert meta(html, "og:description") == "Mô tả cho công cụ tìm kiếm."
    assert html.find("meta", attrs={"name": "description"})["content"] == (
        "Mô tả cho công cụ tìm kiếm."
    )


def test_a_later_page_of_a_section_is_its_own_canonical_document(client, home):
    section = make_section("Tin tức", home)
    for number in range(21):
        make_article(section, f"Tin số {number}")
    html = BeautifulSoup(client.get(section.url + "?page=2").content, "html.parser")
    assert html.find("link", rel="canonical")["href"] == section.full_url + "?page=2"
    assert meta(html, "og:url") == section.full_url + "?page=2"
