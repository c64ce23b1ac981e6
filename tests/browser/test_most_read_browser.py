"""Opening an article in a real Chromium records one view through the page's beacon."""

from __future__ import annotations

import pytest

from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import ensure_home_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Headless Chromium says "HeadlessChrome", which the counter rightly ignores as a bot.
READER_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)


def test_opening_an_article_records_a_view(live_server, chromium_executable):
    from news.models import ArticleViewCount
    from tests.factories import make_article, make_section

    section = make_section("Tin tức hoạt động", ensure_home_page())
    article = make_article(section, title="Phiên chất vấn tại kỳ họp")
    url = live_server.url + article.url

    with launched_chromium(chromium_executable) as browser:
        context = browser.new_context(user_agent=READER_UA, locale="vi-VN")
        page = context.new_page()
        with page.expect_response(lambda response: "/luot-xem/" in response.url) as beacon:
            page.goto(url)
        assert beacon.value.status == 204
        assert beacon.value.request.method == "POST"
        page.reload()  # a reload within half an hour is the same reader
        page.wait_for_load_state("networkidle")
        context.close()

    counts = list(ArticleViewCount.objects.values_list("article_id", "count"))
    assert counts == [(article.pk, 1)]


def test_an_editor_reading_and_previewing_counts_nothing(live_server, chromium_executable):
    """Logged in through the admin: the public page, the draft view and the live preview."""
    from news.models import ArticleViewCount
    from tests.browser.admin import admin_page, make_admin_user
    from tests.factories import make_article, make_section

    section = make_section("Tin tức hoạt động", ensure_home_page())
    article = make_article(section, title="Phiên chất vấn tại kỳ họp")
    make_admin_user("bientap", group="Biên tập viên", superuser=False)
    base = live_server.url

    with (
        launched_chromium(chromium_executable) as browser,
        admin_page(browser, base, "bientap") as page,
    ):
        # A browser the bot filter would let through, so only "editor" can stop it.
        page.context.set_extra_http_headers({"User-Agent": READER_UA})
        beacons: list[str] = []
        page.context.on(
            "request",
            lambda request: "/luot-xem/" in request.url and beacons.append(request.url),
        )
        page.goto(base + article.url, wait_until="networkidle")
        assert page.locator("#view-count").count() == 0
        page.goto(f"{base}/admin/pages/{article.pk}/view_draft/", wait_until="networkidle")
        assert page.get_by_role("heading", name="Phiên chất vấn tại kỳ họp").count() == 1
        page.goto(f"{base}/admin/pages/{article.pk}/edit/", wait_until="load")
        page.locator('[data-side-panel-toggle="preview"]').click()
        preview = page.frame_locator("iframe[id*=preview], .preview-panel iframe").first
        preview.get_by_role("heading", name="Phiên chất vấn tại kỳ họp").wait_for()
        assert preview.locator("#view-count").count() == 0
        page.wait_for_load_state("networkidle")
        assert beacons == []

    assert not ArticleViewCount.objects.exists()
