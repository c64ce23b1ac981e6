"""The search page and the header box in a real Chromium: axe-core, phone layout, keyboard.

Reuses the accessibility suite's helpers (axe injection, page opening); the content is a
few news articles and a supervision report, published and indexed for the real database
search backend.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import (
    WIDTHS,
    assert_accessible_and_self_contained,
    blocking_violations,
    ensure_home_page,
    open_page,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def search_urls(live_server) -> dict[str, str]:
    from search.indexing import rebuild_entries
    from tests.factories import make_article, make_section
    from tests.search_content import build_content

    home = ensure_home_page()
    news = make_section("Tin tức hoạt động", home)
    council = make_section("Hội đồng nhân dân tỉnh", news)
    committees = make_section("Các Ban HĐND tỉnh", council)
    content = build_content({"news": news, "council": council, "committees": committees})
    for n in range(11):  # a second page of results
        make_article(council, title=f"Giám sát bảo trợ xã hội tại xã số {n + 1}")
    rebuild_entries()
    return {
        "origin": live_server.url,
        "home": live_server.url + "/",
        "results": live_server.url + "/tim-kiem/?q=" + quote("bảo trợ xã hội"),
        "report": content["report"].url,
    }


@pytest.fixture
def browser(chromium_executable, search_urls):
    with launched_chromium(chromium_executable) as instance:
        yield instance


@pytest.mark.parametrize("width", WIDTHS)
def test_results_page_passes_axe_and_fits_a_phone(browser, search_urls, width):
    page = open_page(browser, search_urls["results"], width)
    try:
        assert page.locator(".search-hit").count() == 10
        assert_accessible_and_self_contained(page, f"search at {width}px", search_urls["origin"])
    finally:
        page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_header_box_suggestions_work_with_the_keyboard(browser, search_urls, width):
    page = open_page(browser, search_urls["home"], width)
    try:
        box = page.locator("#header-search-q")
        assert box.get_attribute("role") == "combobox"
        assert box.get_attribute("aria-expanded") == "false"
        box.focus()
        page.keyboard.type("bảo trợ", delay=40)
        listbox = page.locator("#" + box.get_attribute("aria-controls"))
        listbox.wait_for(state="visible")
        options = listbox.locator("[role=option]")
        assert 2 <= options.count() <= 8
        assert box.get_attribute("aria-expanded") == "true"
        # Screen readers hear how many suggestions there are.
        assert "gợi ý" in page.locator(".suggest [role=status]").first.inner_text()

        page.keyboard.press("ArrowDown")
        first = options.nth(0)
        assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
        assert first.get_attribute("aria-selected") == "true"
        page.keyboard.press("ArrowDown")
        second = options.nth(1)
        assert box.get_attribute("aria-activedescendant") == second.get_attribute("id")
        assert first.get_attribute("aria-selected") == "false"
        page.keyboard.press("ArrowUp")
        assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
        # Focus stays in the box all along (aria-activedescendant, not moving focus).
        assert page.evaluate("() => document.activeElement.id") == "header-search-q"

        violations = blocking_violations(page)  # the open combobox is valid ARIA
        assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)

        page.keyboard.press("Escape")
        assert listbox.is_hidden() and box.get_attribute("aria-expanded") == "false"
        assert box.input_value() == "bảo trợ"

        page.keyboard.press("ArrowDown")
        listbox.wait_for(state="visible")
        chosen = options.nth(0).locator(".suggest__text").inner_text()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.startswith(search_urls["origin"]) and "/tim-kiem/" not in page.url
        assert page.locator("h1").first.inner_text().strip() == chosen.strip()
    finally:
        page.context.close()


def test_enter_without_a_chosen_suggestion_searches(browser, search_urls):
    page = open_page(browser, search_urls["home"], 1280)
    try:
        page.locator("#header-search-q").fill("bảo trợ xã hội")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "/tim-kiem/?q=" in page.url
        assert page.locator(".search-hit").count() == 10
    finally:
        page.context.close()


def test_search_works_without_javascript(browser, search_urls):
    page = open_page(browser, search_urls["home"], 360, java_script_enabled=False)
    try:
        box = page.locator("#header-search-q")
        assert box.get_attribute("role") is None  # the script never ran
        box.fill("bao tro xa hoi")
        with page.expect_navigation():
            box.press("Enter")
        assert page.locator(".search-hit").count() == 10
        with page.expect_navigation():
            page.locator("nav.pagination a", has_text="2").first.click()
        assert "page=2" in page.url and page.locator(".search-hit").count() >= 1
    finally:
        page.context.close()
