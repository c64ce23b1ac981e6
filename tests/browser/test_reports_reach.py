"""A reader on a fresh site reaches the supervision reports from the home page, in Chromium:
the menu and the home block lead to the report list and the overdue recommendations, the
pages pass axe and fit a phone, and the menu marks where the reader is."""

from __future__ import annotations

from datetime import date

import pytest

from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import assert_accessible_and_self_contained, open_page
from tests.browser.test_charts_browser import build_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def urls(live_server) -> dict[str, str]:
    from reports.enums import RecommendationStatus, ReportKind
    from reports.models import RecommendationReview, ReportIndexPage, SupervisionReportPage
    from tests.report_factories import build_report

    built = build_pages()  # report index, tracker (both "show in menus"), a report
    index = ReportIndexPage.objects.get()
    original = SupervisionReportPage.objects.get()
    judged = original.recommendations.order_by("sort_order", "pk")[1]
    follow_up = build_report(
        index,
        title="Tái giám sát hỗ trợ nhà ở cho hộ nghèo",
        report_date=date(2022, 3, 1),
        kind=ReportKind.RE_INSPECTION,
        follows_up=original,
        conclusion="<p>Các địa phương đã khắc phục phần lớn tồn tại.</p>",
        reviews=[
            RecommendationReview(
                recommendation=judged, status=RecommendationStatus.DONE, note="Đã hoàn thành."
            )
        ],
    )
    return {
        "origin": live_server.url,
        "home": live_server.url + "/",
        "index": live_server.url + index.url,
        "tracker": live_server.url + built["tracker"],
        "follow_up": live_server.url + follow_up.url,
    }


@pytest.mark.parametrize("width", [360, 1280])
def test_reader_goes_from_home_to_overdue_recommendations(chromium_executable, urls, width):
    with launched_chromium(chromium_executable) as browser:
        page = open_page(browser, urls["home"], width)
        try:
            assert_accessible_and_self_contained(page, f"home at {width}px", urls["origin"])
            block = page.locator(".home-supervision")
            assert block.locator(".home-conclusion").first.is_visible()
            if width == 360:  # the menu is folded on a phone
                page.locator(".main-nav summary").click()
            menu = page.locator(".main-nav__list")
            assert menu.get_by_role("link", name="Báo cáo giám sát").is_visible()
            assert menu.get_by_role("link", name="Theo dõi thực hiện kiến nghị").is_visible()
            block.locator('a[href*="overdue=1"]').click()
            page.wait_for_load_state("load")
            assert page.url.startswith(urls["tracker"]) and "overdue=1" in page.url
            current = page.locator('.main-nav__list a[aria-current="page"]')
            assert current.text_content().strip() == "Theo dõi thực hiện kiến nghị"
            assert_accessible_and_self_contained(page, f"tracker at {width}px", urls["origin"])
        finally:
            page.context.close()

        page = open_page(browser, urls["follow_up"], width)
        try:
            assert_accessible_and_self_contained(page, f"re-inspection {width}px", urls["origin"])
            section = page.locator(".main-nav__list a.main-nav__link--section")
            assert section.get_attribute("aria-current") == "true"
            assert section.text_content().strip() == "Báo cáo giám sát"
            verdict = page.locator("#ket-qua-tai-giam-sat .verdict__recommendation a")
            verdict.click()
            page.wait_for_load_state("load")
            assert "#kien-nghi-2" in page.url
            assert page.locator("#kien-nghi-2").is_visible()
        finally:
            page.context.close()
