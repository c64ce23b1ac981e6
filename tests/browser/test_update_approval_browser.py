"""A recommendation's status change goes through approval in the real admin (Chromium).

An editor ("Biên tập viên") records "Đã thực hiện" from the dashboard's quick form: the
public tracker and report page keep showing the old status. An approver ("Lãnh đạo duyệt
tin") finds the change in "Chờ bạn duyệt" on the dashboard, opens it and approves it:
the public tracker then lists it as done, with its date. Database checks run after the
browser closes (Playwright's event loop makes Django refuse ORM calls while it runs).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.admin import admin_page, make_admin_user
from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import ensure_home_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EDITOR, APPROVER = "bientap", "lanhdao"
TEXT = "Rà soát danh sách hộ nghèo còn sót"
NOTE = "Đã rà soát xong 12/12 xã"


@pytest.fixture
def world(live_server) -> dict:
    from reports.enums import RecommendationStatus
    from tests.report_factories import (
        make_report,
        make_report_index,
        make_tracker,
        record_update,
    )

    home = ensure_home_page()
    index = make_report_index(home)
    tracker = make_tracker(index)
    today = timezone.localdate()
    report = make_report(
        index,
        title="Giám sát công tác giảm nghèo",
        recommendations=[{"text": TEXT, "deadline": today - timedelta(days=40)}],
    )
    record_update(
        report.recommendations.get(), RecommendationStatus.IN_PROGRESS, today - timedelta(days=60)
    )
    make_admin_user(EDITOR, group="Biên tập viên", superuser=False)
    make_admin_user(APPROVER, group="Lãnh đạo duyệt tin", superuser=False)
    return {
        "url": live_server.url,
        "tracker": live_server.url + tracker.url,
        "report": live_server.url + report.url,
        "today": today,
    }


def public_view(browser, world: dict) -> dict[str, str]:
    """What a logged-out reader sees on the tracker (done filter, overdue filter) and the report."""
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    try:
        seen = {}
        for name, url in {
            "done": world["tracker"] + "?status=da-thuc-hien",
            "overdue": world["tracker"] + "?overdue=1",
            "report": world["report"],
        }.items():
            page.goto(url, wait_until="load")
            seen[name] = page.locator("main").inner_text()
        return seen
    finally:
        context.close()


def test_an_editors_status_change_is_public_only_once_approved(world, chromium_executable):
    with launched_chromium(chromium_executable) as browser:
        before = public_view(browser, world)

        with admin_page(browser, world["url"], EDITOR) as page:
            page.goto(f"{world['url']}/admin/", wait_until="load")
            panel = page.get_by_role("region", name="Kiến nghị quá hạn")
            with page.expect_navigation(wait_until="load"):
                panel.get_by_role("link", name="Cập nhật tình trạng").first.click()
            page.select_option("#id_status", "da-thuc-hien")
            page.fill("#id_note", NOTE)
            with page.expect_navigation(wait_until="load"):
                page.locator("main form [type=submit]").first.click()
            editor_message = page.locator(".messages").inner_text()

        pending = public_view(browser, world)

        with admin_page(browser, world["url"], APPROVER) as page:
            page.goto(f"{world['url']}/admin/", wait_until="load")
            review = page.locator("section", has_text="Chờ bạn duyệt").last
            awaiting = review.inner_text()
            with page.expect_navigation(wait_until="load"):
                review.get_by_role("link", name="Đã thực hiện", exact=False).first.click()
            page.locator("footer [data-w-dropdown-target=toggle]").first.click()
            page.locator("footer").get_by_role("button", name="Duyệt", exact=True).click()
            page.wait_for_load_state("load")
            page.locator(".messages .success").wait_for()
            approver_message = page.locator(".messages").inner_text()

        after = public_view(browser, world)

    assert "để lãnh đạo duyệt" in editor_message
    assert TEXT not in before["done"] and TEXT in before["overdue"]
    # Waiting for approval: nothing public changed.
    assert pending == before
    assert NOTE not in pending["report"]
    assert TEXT in awaiting
    assert "Đã cập nhật" in approver_message
    from reports.models import RecommendationUpdate

    approved = RecommendationUpdate.objects.get(note=NOTE)
    assert approved.live and not approved.has_unpublished_changes
    # Approved: done, no longer overdue, the note and its date in the report's history.
    assert TEXT in after["done"]
    assert TEXT not in after["overdue"]
    assert NOTE in after["report"]
    assert f"{world['today']:%d/%m/%Y}" in after["report"]
