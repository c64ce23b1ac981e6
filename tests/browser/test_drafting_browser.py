"""An editor drafts a report from the seeded source article in the real admin."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.browser.admin import admin_page, make_admin_user
from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import ensure_home_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def seeded_source_article():
    """seed_demo's featured article (requests in a bulleted list), with its districts."""
    from news.demo.articles import ensure_article
    from news.demo.text_source import FEATURED
    from tests.factories import make_section
    from tests.report_factories import district, make_report_index

    home = ensure_home_page()
    section = make_section("Các Ban HĐND tỉnh", make_section("Tin tức hoạt động", home))
    make_report_index()
    for name, code in (("Tam Đường", "106"), ("Sìn Hồ", "108"), ("Phong Thổ", "109")):
        district(name, code)
    data = {k: v for k, v in FEATURED.items() if k not in ("image", "related")}
    return ensure_article({**data, "section": "ban"}, {"ban": section}, {}).page


def test_the_button_on_the_source_article_drafts_its_four_requests(
    live_server, chromium_executable
):
    from django.urls import reverse

    from reports.models import SupervisionReportPage

    article = seeded_source_article()
    make_admin_user("bientap", group="Biên tập viên", superuser=False)
    edit_url = live_server.url + reverse("wagtailadmin_pages:edit", args=[article.pk])

    with (
        launched_chromium(chromium_executable) as browser,
        admin_page(browser, live_server.url, "bientap") as page,
    ):
        page.goto(edit_url, wait_until="load")
        button = page.get_by_role("link", name="Tạo báo cáo giám sát từ bài viết")
        if not button.is_visible():  # Wagtail keeps header actions in a dropdown
            page.locator("header [data-w-dropdown-target='toggle']").first.click()
        button.click()
        found = page.locator("dl").inner_text()
        assert "12 xã thuộc 3 huyện: Tam Đường, Sìn Hồ, Phong Thổ" in found
        assert found.rstrip().endswith("Kiến nghị\n4")
        page.get_by_role("button", name="Tạo bản nháp báo cáo").click()
        page.wait_for_url("**/admin/pages/*/edit/", wait_until="load")
        assert "Đã tạo bản nháp báo cáo" in page.content()

    report = SupervisionReportPage.objects.get()
    assert not report.live and report.source_article_id == article.pk
    assert {u.short_name for u in report.localities.all()} == {"Tam Đường", "Sìn Hồ", "Phong Thổ"}
    assert {f.value: f.unit for f in report.figures.all()}[Decimal("646")] == "trường hợp"
    assert [r.text.split()[0] for r in report.recommendations.all()] == [
        "Tham",
        "Tăng",
        "Phối",
        "Quan",
    ]
