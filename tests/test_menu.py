"""The main menu reaches the reports and marks where the reader is."""

import pytest
from bs4 import BeautifulSoup

from news.models import PortalSettings
from tests.factories import make_article, make_section
from tests.report_factories import make_report, make_report_index, make_tracker

pytestmark = pytest.mark.django_db


def menu_links(client, url: str) -> dict[str, dict]:
    """{link text: {"href", "current", "classes"}} of the main menu on the page at url."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    nav = BeautifulSoup(response.content, "html.parser").select_one(".main-nav__list")
    return {
        " ".join(a.get_text().split()): {
            "href": a["href"],
            "current": a.get("aria-current"),
            "classes": a.get("class") or [],
        }
        for a in nav.select("a")
    }


@pytest.fixture
def site_with_menu(home, sections):
    index = make_report_index(home)
    tracker = make_tracker(index)
    report = make_report(index, title="Giám sát chính sách trợ giúp xã hội")
    article = make_article(sections["committees"], title="Ban Văn hóa - Xã hội họp")
    settings = PortalSettings.for_site(home.get_site())
    settings.main_menu = [
        ("link", {"page": page, "url": "", "title": ""})
        for page in (sections["news"], sections["council"], index, tracker)
    ]
    settings.save()
    return {"index": index, "tracker": tracker, "report": report, "article": article, **sections}


def test_article_marks_its_nearest_section_in_the_menu(client, site_with_menu):
    links = menu_links(client, site_with_menu["article"].url)
    council = links["Hội đồng nhân dân tỉnh"]
    assert council["current"] == "true"
    assert "main-nav__link--section" in council["classes"]
    # Only the deepest section holding the page is marked, never the page's own marker.
    assert links["Tin tức hoạt động"]["current"] is None
    assert links["Trang chủ"]["current"] is None
    assert [name for name, link in links.items() if link["current"]] == ["Hội đồng nhân dân tỉnh"]


def test_section_page_itself_is_the_current_page(client, site_with_menu):
    links = menu_links(client, site_with_menu["council"].url)
    assert links["Hội đồng nhân dân tỉnh"]["current"] == "page"
    assert "main-nav__link--section" not in links["Hội đồng nhân dân tỉnh"]["classes"]


def test_report_page_marks_the_report_list(client, site_with_menu):
    links = menu_links(client, site_with_menu["report"].url)
    assert links["Báo cáo giám sát"]["current"] == "true"
    assert links["Theo dõi thực hiện kiến nghị"]["current"] is None


def test_tracker_is_the_current_page_even_when_filtered(client, site_with_menu):
    links = menu_links(client, site_with_menu["tracker"].url + "?overdue=1")
    assert links["Theo dõi thực hiện kiến nghị"]["current"] == "page"
    assert links["Báo cáo giám sát"]["current"] is None


def test_fresh_site_menu_reaches_the_report_list_and_tracker(client, home):
    """No menu written yet: the pages ticked "show in menus" are listed, and the report
    list and tracker are ticked when created."""
    section = make_section("Tin tức", home, show_in_menus=True)
    make_section("Chuyên mục ẩn", home)  # not ticked: not in the menu
    index = make_report_index(home)
    tracker = make_tracker(index)
    assert index.show_in_menus and tracker.show_in_menus
    links = menu_links(client, "/")
    tracker_title = "Theo dõi thực hiện kiến nghị"
    assert list(links) == ["Trang chủ", "Tin tức", "Báo cáo giám sát", tracker_title]
    assert links["Báo cáo giám sát"]["href"] == index.url
    assert links["Theo dõi thực hiện kiến nghị"]["href"] == tracker.url
    assert links["Tin tức"]["href"] == section.url
    assert menu_links(client, tracker.url)["Theo dõi thực hiện kiến nghị"]["current"] == "page"


def test_fresh_site_menu_skips_drafts_and_private_pages(client, home):
    from wagtail.models import PageViewRestriction

    private = make_section("Nội bộ", home, show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = make_section("Nháp", home, show_in_menus=True)
    draft.unpublish()
    assert list(menu_links(client, "/")) == ["Trang chủ"]


def test_written_menu_replaces_the_default(client, home, sections):
    make_report_index(home)
    settings = PortalSettings.for_site(home.get_site())
    settings.main_menu = [("link", {"page": sections["council"], "url": "", "title": ""})]
    settings.save()
    assert list(menu_links(client, "/")) == ["Trang chủ", "Hội đồng nhân dân tỉnh"]
