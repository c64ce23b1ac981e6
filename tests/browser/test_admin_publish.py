"""Publishing right after typing, in the real admin: the page must end up live with the text.

Issue §4: "has been published" was shown but the page stayed a draft. Cause: Wagtail 8's
editor autosave (WAGTAIL_AUTOSAVE_INTERVAL, default 500 ms; it posts the form about a second
after typing stops, and nothing stops it when the form is submitted). An autosave request
that passed its "is this revision still the latest?" check before the publish committed
goes on to save after it: a new draft revision, `has_unpublished_changes` back to True, and
for a never-published page its stale row (live=False) written over the published one.
Seen here before the fix: a page left "live + draft" after a successful publish, and
publish requests failing on the locked SQLite table while an autosave held it.
Mitigation (a Wagtail race, not ours): config/settings/base.py sets
WAGTAIL_AUTOSAVE_INTERVAL = 0, Wagtail's public switch for autosave.

Each round types, waits a different short time (so the click lands before, during and
after an autosave would fire) and publishes from the footer's action menu.
"""

from __future__ import annotations

import pytest

from tests.browser.admin import admin_page, make_admin_user
from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import ensure_home_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROUNDS = 10
# Milliseconds between the last keystroke and opening the action menu: the autosave fires
# about 1 s after typing stops (500 ms change check + 500 ms debounce), so these straddle it.
PAUSES = [0, 150, 300, 450, 600, 750, 900, 1050, 1200, 1350]


@pytest.fixture
def articles(live_server, request) -> dict:
    from tests.factories import make_article, make_section

    home = ensure_home_page()
    section = make_section("Tin tức hoạt động", home)
    make_admin_user()
    live = request.param == "live"
    pages = [
        make_article(section, f"Phiên họp thường kỳ số {number}", live=live)
        for number in range(ROUNDS)
    ]
    return {"base": live_server.url, "titles": {page.pk: page.title for page in pages}}


def publish_from_footer(page) -> None:
    """Open the footer's action menu and click Publish, as an editor does."""
    publish = page.locator("footer button[name=action-publish]")
    if not publish.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    publish.click()


@pytest.mark.parametrize("articles", ["live", "draft"], indirect=True)
def test_publishing_right_after_typing_publishes_what_was_typed(chromium_executable, articles):
    typed, failed_requests = {}, []
    # The browser is closed before the database is read: Django refuses ORM calls while
    # Playwright's event loop runs in this thread.
    with (
        launched_chromium(chromium_executable) as browser,
        admin_page(browser, articles["base"], "quantri") as page,
    ):
        for page_id, pause in zip(articles["titles"], PAUSES, strict=True):
            page.goto(f"{articles['base']}/admin/pages/{page_id}/edit/", wait_until="load")
            # The autosave only starts watching the form two seconds after it loads.
            page.wait_for_timeout(2_200)
            words = f"đã sửa lần {pause}"
            page.locator("#id_title").press("End")
            page.locator("#id_title").press_sequentially(f" ({words})")
            page.locator("#id_summary").press("Control+End")
            page.locator("#id_summary").press_sequentially(f" Sapo {words}.")
            typed[page_id] = words
            page.wait_for_timeout(pause)
            with page.expect_navigation(wait_until="load"):
                publish_from_footer(page)
            if "/edit/" in page.url:  # not sent back to the explorer: the publish failed
                failed_requests.append(page_id)
        # Let any autosave still in flight reach the server before looking at the database.
        page.wait_for_timeout(3_000)

    from news.models import NewsArticlePage

    problems = []
    for page_id, words in typed.items():
        article = NewsArticlePage.objects.get(pk=page_id)
        live_content = article.live_revision.as_object() if article.live_revision else None
        state = {
            "live": article.live,
            "unpublished changes": article.has_unpublished_changes,
            "live title": live_content and live_content.title,
            "live summary": live_content and live_content.summary,
        }
        original = articles["titles"][page_id]
        expected = {
            "live": True,
            "unpublished changes": False,
            "live title": f"{original} ({words})",
            "live summary": f"Tóm tắt: {original} Sapo {words}.",
        }
        if state != expected:
            problems.append(f"{words}: {state}")
    assert (failed_requests, problems) == ([], [])
