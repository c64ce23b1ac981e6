"""The Content-Security-Policy in Chromium (issue 11 §4): every public page type and the main
admin screens load with no violation, and the admin login's lockout reads in Vietnamese.

A violation is caught twice: Chromium's console message ("Refused to …") and the
`securitypolicyviolation` event, recorded by a script Playwright adds before the page's
own (added through the DevTools protocol, which the policy does not govern). The header
itself is checked too, so that a page without a policy cannot pass for a clean one.
"""

from __future__ import annotations

import pytest

from tests.browser.admin import ADMIN_PASSWORD, admin_page, make_admin_user
from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import ensure_home_page
from tests.browser.test_charts_browser import build_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ` +
    `${event.sourceFile}:${event.lineNumber} ${event.sample}`
  );
});
"""


@pytest.fixture
def site(live_server) -> dict[str, str]:
    """One page of every public type, and the ids the admin screens need."""
    from wagtail.models import PageViewRestriction

    from reports.models import ReportIndexPage, SupervisionReportPage
    from tests.factories import ImageFactory, make_article, make_section

    reports = build_pages()  # a report index, a tracker, a report with a chart
    home = ensure_home_page()
    section = make_section("Hội đồng nhân dân tỉnh", home, intro="Hoạt động của HĐND tỉnh.")
    article = make_article(
        section,
        title="Giám sát chính sách bảo trợ xã hội",
        lead_image=ImageFactory(),
        lead_image_alt="Đoàn giám sát",
        tags=["giám sát"],
        body=[
            ("paragraph", "<p>Đoàn giám sát làm việc với <b>Sở Y tế</b>.</p>"),
            ("quote", {"text": "Không để sót đối tượng.", "attribution": "Trưởng Ban"}),
        ],
    )
    private = make_article(section, title="Tài liệu nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    make_admin_user()
    report = SupervisionReportPage.objects.get()
    origin = live_server.url
    return {
        "origin": origin,
        "home": origin + "/",
        "section": origin + section.url,
        "article": origin + article.url,
        "report index": origin + ReportIndexPage.objects.get().url,
        "report": origin + reports["report"],
        "tracker": origin + reports["tracker"],
        "search": origin + "/tim-kiem/?q=gi%C3%A1m+s%C3%A1t",
        "page password form": origin + private.url,
        "not found": origin + "/khong-co-trang-nay/",
        "API docs": origin + "/api/v1/docs",
        "admin login": origin + "/admin/login/",
        "dashboard": origin + "/admin/",
        "page explorer": origin + f"/admin/pages/{section.pk}/",
        "page edit": origin + f"/admin/pages/{article.pk}/edit/",
        "report edit": origin + f"/admin/pages/{report.pk}/edit/",
        "snippets list": origin + "/admin/snippets/reports/agency/",
    }


PUBLIC = [
    "home",
    "section",
    "article",
    "report index",
    "report",
    "tracker",
    "search",
    "page password form",
    "not found",
    "API docs",
    "admin login",
]
ADMIN = ["dashboard", "page explorer", "page edit", "report edit", "snippets list"]


def watch(page) -> list[str]:
    """Console messages about the policy, from now on."""
    messages: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)

    def on_console(message) -> None:
        text = message.text
        if "Content Security Policy" in text or text.startswith("Refused to"):
            messages.append(text)

    page.on("console", on_console)
    return messages


def visit(page, messages: list[str], name: str, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None, name
    assert "default-src 'self'" in (response.headers.get("content-security-policy") or ""), name
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # scripts that insert markup once the page is idle
    events = page.evaluate("() => window.__cspViolations")
    assert not events and not messages, f"{name}: {events} {messages}"


def test_public_pages_load_without_a_policy_violation(chromium_executable, site):
    with launched_chromium(chromium_executable) as browser:
        context = browser.new_context(locale="vi-VN")
        context.set_default_timeout(20_000)
        page = context.new_page()
        messages = watch(page)
        try:
            for name in PUBLIC:
                visit(page, messages, name, site[name])
            # The scripts still run from their files: the phone menu folds, the view counts.
            page.set_viewport_size({"width": 360, "height": 800})
            page.goto(site["article"], wait_until="load")
            assert not page.locator(".main-nav__list a").nth(1).is_visible()
            assert not messages
        finally:
            context.close()


def test_admin_screens_load_without_a_policy_violation(chromium_executable, site):
    with (
        launched_chromium(chromium_executable) as browser,
        admin_page(browser, site["origin"], "quantri") as page,
    ):
        messages = watch(page)
        for name in ADMIN:
            visit(page, messages, name, site[name])
        # A signed-in editor sees Wagtail's user bar on the site's pages, under their policy.
        visit(page, messages, "article with the user bar", site["article"])
        assert page.locator("wagtail-userbar").count() == 1


def test_lockout_message_in_the_browser(chromium_executable, site, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    with launched_chromium(chromium_executable) as browser:
        context = browser.new_context(locale="vi-VN")
        page = context.new_page()
        try:
            for password in ("sai-1", "sai-2", "sai-3", ADMIN_PASSWORD):
                page.goto(site["admin login"], wait_until="load")
                page.fill("input[name=username]", "quantri")
                page.fill("input[name=password]", password)
                page.click("button[type=submit]")
                page.wait_for_load_state("load")
            text = page.locator("body").inner_text()
            assert "Tài khoản tạm khóa do đăng nhập sai nhiều lần" in text
            assert "thử lại sau 15 phút" in text
            assert "/admin/login/" in page.url  # not signed in
        finally:
            context.close()
