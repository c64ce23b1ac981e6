"""Slugs typed in the real admin add-page form: Vietnamese titles give folded ASCII slugs.

Wagtail's `w-slug` controller syncs the slug from the title as the editor types; without
our formatters (news/wagtail_hooks.py, site/static/js/admin-slug.js) it produced
"djoan-...-tnh-..." for "Đoàn ... tỉnh". The agreement test runs the server's tricky titles
through the browser's controller and expects exactly fold_slug's answers.
"""

from __future__ import annotations

import pytest

from core.text.slugs import fold_slug
from tests.browser.admin import admin_page, make_admin_user
from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import ensure_home_page
from tests.slug_cases import EXPECTED, TITLE, TRICKY_TITLES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SLUG_FIELD = "#id_slug"
VOWELS = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ"
# Every Vietnamese letter in both cases, and a few non-Vietnamese ones (server's table).
ALPHABET = [VOWELS, VOWELS.upper(), "Ærøskøbing · São Paulo · Straße · № 5 · ½"]


@pytest.fixture
def add_urls(live_server) -> dict[str, str]:
    from tests.factories import make_section
    from tests.report_factories import make_report_index

    home = ensure_home_page()
    section = make_section("Tin tức hoạt động", home)
    reports = make_report_index(home)
    make_admin_user()
    return {
        "article": f"{live_server.url}/admin/pages/add/news/newsarticlepage/{section.pk}/",
        "report": f"{live_server.url}/admin/pages/add/reports/supervisionreportpage/{reports.pk}/",
        "base": live_server.url,
    }


@pytest.fixture
def browser(chromium_executable, add_urls):
    with launched_chromium(chromium_executable) as instance:
        yield instance


def slug_becomes(page, expected: str) -> None:
    try:
        page.wait_for_function(
            "([selector, expected]) => document.querySelector(selector).value === expected",
            arg=[SLUG_FIELD, expected],
            timeout=15_000,
            polling=100,  # not requestAnimationFrame: it may stall in a busy headless tab
        )
    except Exception:
        raise AssertionError(
            f"slug is {page.input_value(SLUG_FIELD)!r}, title {page.input_value('#id_title')!r}"
        ) from None


@pytest.mark.parametrize("form", ["article", "report"])
def test_typing_a_vietnamese_title_gives_the_folded_slug(chromium_executable, add_urls, form):
    # The browser is closed before the database is read: Django refuses ORM calls while
    # Playwright's event loop runs in this thread.
    with (
        launched_chromium(chromium_executable) as browser,
        admin_page(browser, add_urls["base"], "quantri") as page,
    ):
        page.goto(add_urls[form], wait_until="load")
        page.locator("#id_title").press_sequentially(TITLE)
        slug_becomes(page, EXPECTED)

        # An editor's own slug, typed with Vietnamese letters, is folded on leaving the field.
        page.get_by_role("tab", name="Quảng bá").click()
        # Leaving the title queues one last debounced (100 ms) title → slug sync: let it land,
        # as it would long before a person starts typing in the slug field.
        page.wait_for_timeout(1_000)
        page.fill(SLUG_FIELD, "Thủy lợi Nậm Ban đợt 2")
        page.locator(SLUG_FIELD).blur()
        slug_becomes(page, "thuy-loi-nam-ban-dot-2")

        # Wagtail 8.0 has no "sync from title" button: emptied, the slug follows the title again.
        page.fill(SLUG_FIELD, "")
        page.get_by_role("tab", name="Nội dung").click()
        page.locator("#id_title").press("End")
        page.locator("#id_title").press_sequentially(" ")
        slug_becomes(page, EXPECTED)

        if form == "article":  # a report needs more fields before it can be saved
            with page.expect_navigation(wait_until="load"):
                page.locator("footer button.action-save").click()

    if form == "article":
        from news.models import NewsArticlePage

        assert NewsArticlePage.objects.get(title=TITLE).slug == EXPECTED


AGREEMENT_SCRIPT = """
([selector, titles]) => {
  const slug = document.querySelector(selector);
  return titles.map((title) => {
    // The title → slug sync, through the event the slug field's own data-action listens to.
    slug.value = '';
    slug.dispatchEvent(new CustomEvent('w-sync:apply', {cancelable: true, detail: {value: title}}));
    const synced = slug.value;
    // The clean-up when an editor types the text into the slug field and leaves it.
    slug.value = title;
    slug.dispatchEvent(new FocusEvent('blur'));
    return [synced, slug.value];
  });
}
"""


def test_browser_and_server_agree_on_tricky_titles(browser, add_urls):
    expected = dict(TRICKY_TITLES) | {text: fold_slug(text) for text in ALPHABET}
    titles = list(expected)
    with admin_page(browser, add_urls["base"], "quantri") as page:
        page.goto(add_urls["article"], wait_until="load")
        results = page.evaluate(AGREEMENT_SCRIPT, [SLUG_FIELD, titles])
    assert dict(zip(titles, results, strict=True)) == {
        title: [slug, slug] for title, slug in expected.items()
    }
