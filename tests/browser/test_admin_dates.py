"""Dates through the real admin in Chromium: shown dd/mm/yyyy, saved back unchanged.

An editor opens a page and saves it as it is; the stored dates must not move (27/10/2020
was refused, 08/12/2022 became 12 August). Schedules, report and recommendation dates and
the dashboard's quick status form are checked the same way: what the editor sees and types
is what the database keeps. Database checks run after the browser closes: Playwright's
event loop makes Django refuse ORM calls while it runs.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.browser.admin import admin_page, make_admin_user
from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import ensure_home_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
ADMIN = "quantri"
# Day > 12 was refused; day <= 12 had day and month swapped.
MOMENTS = {
    "refused": datetime(2020, 10, 27, 8, 18, 57, tzinfo=HANOI),
    "swapped": datetime(2022, 12, 8, 8, 18, tzinfo=HANOI),
}


@pytest.fixture
def world(live_server) -> dict:
    from tests.factories import make_article, make_section
    from tests.report_factories import make_report, make_report_index

    home = ensure_home_page()
    section = make_section("Tin tức hoạt động", home)
    articles = {
        key: make_article(section, title=f"Phiên họp thường kỳ ({key})", published_at=moment)
        for key, moment in MOMENTS.items()
    }
    today = timezone.localdate()
    report = make_report(
        make_report_index(home),
        title="Giám sát công tác giảm nghèo",
        report_date=date(2022, 12, 8),
        period_start=date(2021, 1, 15),
        period_end=date(2022, 6, 30),
        figures=[("Hộ thoát nghèo", "1250", "hộ")],
        recommendations=[
            {"text": "Rà soát danh sách hộ nghèo", "deadline": date(2026, 12, 8)},
            {"text": "Báo cáo kết quả hỗ trợ nhà ở", "deadline": today - timedelta(days=40)},
        ],
    )
    make_admin_user(ADMIN)
    return {"url": live_server.url, "articles": articles, "report": report, "today": today}


def saved_draft(page):
    """The page as its latest revision stores it (the editor saved a new one)."""
    fresh = type(page).objects.get(pk=page.pk)
    assert fresh.latest_revision_id != page.latest_revision_id, "no new revision was saved"
    return fresh.get_latest_revision_as_object()


def edit_url(world: dict, page) -> str:
    return f"{world['url']}/admin/pages/{page.pk}/edit/"


def save_draft(page) -> None:
    """Click the editor's "Save draft" and check the admin said it was saved."""
    with page.expect_navigation(wait_until="load"):
        page.locator("footer .action-save").first.click()
    assert page.locator(".messages .error").count() == 0, page.locator(".messages").inner_text()
    assert page.locator(".messages .success").count() == 1


def test_saving_an_article_unchanged_keeps_its_publication_date(world, chromium_executable):
    shown = {}
    with (
        launched_chromium(chromium_executable) as browser,
        admin_page(browser, world["url"], ADMIN) as page,
    ):
        for key, article in world["articles"].items():
            page.goto(edit_url(world, article), wait_until="load")
            shown[key] = page.input_value("#id_published_at")
            save_draft(page)

    assert shown == {"refused": "27/10/2020 08:18:57", "swapped": "08/12/2022 08:18:00"}
    for key, article in world["articles"].items():
        draft = saved_draft(article)
        assert draft.published_at.astimezone(HANOI) == MOMENTS[key], key


def test_scheduling_go_live_for_25_december(world, chromium_executable):
    from playwright.sync_api import expect

    article = world["articles"]["swapped"]
    with (
        launched_chromium(chromium_executable) as browser,
        admin_page(browser, world["url"], ADMIN) as page,
    ):
        page.goto(edit_url(world, article), wait_until="load")
        page.click('[data-side-panel-toggle="status"]')
        page.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]:visible').first.click()
        dialog = page.locator("#schedule-publishing-dialog")
        dialog.locator("#id_go_live_at").fill("25/12/2026 08:00")
        # The picker opens shortly after the field gets focus; then leave the field (the
        # picker checks what was typed) by clicking the dialog's title, which closes it.
        picker = page.locator(".xdsoft_datetimepicker:visible")
        expect(picker).to_have_count(1)
        dialog.locator(".w-dialog__title").click()
        expect(picker).to_have_count(0)
        assert dialog.locator("#id_go_live_at").input_value() == "25/12/2026 08:00"
        with page.expect_navigation(wait_until="load"):
            dialog.locator(".action-save").click()
        assert page.locator(".messages .error").count() == 0, page.locator(".messages").inner_text()
        reopened = page.input_value("#id_go_live_at")
        page.click('[data-side-panel-toggle="status"]')
        status_panel = page.locator('[data-side-panel="status"]').inner_text()

    assert reopened == "25/12/2026 08:00"
    assert "25/12/2026 08:00" in status_panel
    draft = saved_draft(article)
    assert draft.go_live_at == datetime(2026, 12, 25, 8, 0, tzinfo=HANOI)


def test_report_and_recommendation_dates_survive_an_unchanged_save(world, chromium_executable):
    report = world["report"]
    with (
        launched_chromium(chromium_executable) as browser,
        admin_page(browser, world["url"], ADMIN) as page,
    ):
        page.goto(edit_url(world, report), wait_until="load")
        shown = {
            name: page.input_value(f"#id_{name}")
            for name in ("report_date", "period_start", "period_end", "figures-0-as_of")
        }
        shown["deadline"] = page.input_value("#id_recommendations-0-deadline")
        save_draft(page)

    assert shown == {
        "report_date": "08/12/2022",
        "period_start": "15/01/2021",
        "period_end": "30/06/2022",
        "figures-0-as_of": "30/06/2020",
        "deadline": "08/12/2026",
    }
    draft = saved_draft(report)
    assert (draft.report_date, draft.period_start, draft.period_end) == (
        date(2022, 12, 8),
        date(2021, 1, 15),
        date(2022, 6, 30),
    )
    assert [figure.as_of for figure in draft.figures.all()] == [date(2020, 6, 30)]
    deadlines = {item.text: item.deadline for item in draft.recommendations.all()}
    assert deadlines["Rà soát danh sách hộ nghèo"] == date(2026, 12, 8)


def recent_day_after_the_12th(today: date) -> date:
    """A past day that month-first parsing refused (no month 13 and over)."""
    day = today - timedelta(days=1)
    while day.day <= 12:
        day -= timedelta(days=1)
    return day


def open_quick_form_from_dashboard(page, world: dict) -> None:
    page.goto(f"{world['url']}/admin/", wait_until="load")
    with page.expect_navigation(wait_until="load"):
        panel = page.get_by_role("region", name="Kiến nghị quá hạn")
        panel.get_by_role("link", name="Cập nhật tình trạng").first.click()


def leave_date_field(page) -> None:
    """Tab out of the date field once its picker has opened, and see it close.

    The picker opens on a 100 ms timer after the field takes focus; a Tab pressed
    before that closed nothing, and the calendar then covered the submit button.
    """
    picker = page.locator(".xdsoft_datetimepicker:visible")
    picker.first.wait_for(state="visible")
    page.keyboard.press("Tab")
    picker.first.wait_for(state="hidden")


def submit_quick_form(page) -> None:
    with page.expect_navigation(wait_until="load"):
        page.locator("main form [type=submit]").first.click()


def test_dashboard_quick_update_reads_and_shows_dd_mm_yyyy(world, chromium_executable):
    from reports.enums import RecommendationStatus

    today = world["today"]
    typed = recent_day_after_the_12th(today)
    with (
        launched_chromium(chromium_executable) as browser,
        admin_page(browser, world["url"], ADMIN) as page,
    ):
        # 1. The default (today) is shown day first and recorded as it is.
        open_quick_form_from_dashboard(page, world)
        default_shown = page.input_value("#id_date")
        page.select_option("#id_status", RecommendationStatus.IN_PROGRESS)
        submit_quick_form(page)

        # 2. A typed day over 12 (15/11/2026 in the issue) is accepted as that day.
        open_quick_form_from_dashboard(page, world)
        page.select_option("#id_status", RecommendationStatus.IN_PROGRESS)
        page.fill("#id_date", f"{typed:%d/%m/%Y}")
        leave_date_field(page)
        submit_quick_form(page)

        # 3. The date picker writes the day it was clicked on, day first.
        open_quick_form_from_dashboard(page, world)
        page.select_option("#id_status", RecommendationStatus.IN_PROGRESS)
        page.click("#id_date")
        first = today.replace(day=1)
        page.locator(
            f".xdsoft_datetimepicker:visible td.xdsoft_date[data-date='1']"
            f"[data-month='{first.month - 1}'][data-year='{first.year}']"
        ).click()
        picked = page.input_value("#id_date")
        page.keyboard.press("Tab")
        submit_quick_form(page)

        # 4. An impossible date is kept as typed (not rolled over to 3 March by the
        # picker), refused in Vietnamese, and nothing is recorded.
        open_quick_form_from_dashboard(page, world)
        page.fill("#id_date", "31/02/2026")
        leave_date_field(page)
        kept = page.input_value("#id_date")
        submit_quick_form(page)
        refusal = page.locator("main").inner_text()

    assert default_shown == f"{today:%d/%m/%Y}"
    assert picked == f"{first:%d/%m/%Y}"
    assert kept == "31/02/2026"
    assert "Nhập một ngày hợp lệ." in refusal
    from reports.models import RecommendationUpdate

    recorded = sorted(RecommendationUpdate.objects.values_list("date", flat=True))
    assert recorded == sorted([today, typed, first])
