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
