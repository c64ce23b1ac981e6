"""The Wagtail admin speaks Vietnamese to every role, and carries the office's brand.

Each test logs in through the real login form, walks the screens that role uses and reads
what a person sees or hears there: the body's innerText (screen-reader-only text included),
the tab title, and the title / aria-label / placeholder / tooltip of visible controls. A word
counts as English when it is one of the words of Wagtail's own English msgids and cannot be a
Vietnamese syllable written without tone marks ("the", "can", "tin" pass the second test:
the words around them give English away). Every finding of every screen is listed at once.
Screenshots: var/screenshots/admin/<role>-<screen>.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from tests.admin_english import english_words
from tests.browser.admin import admin_page, make_admin_user
from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import ensure_home_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "admin"
OFFICE = "Văn phòng HĐND tỉnh"

# The time zone list (account page) is proper names ("Giờ Mùa Hè New Zealand"): not read.
COLLECT_JS = """() => {
  const zones = [...document.querySelectorAll('select')]
    .filter((select) => select.querySelector('option[value*="/"]'));
  zones.forEach((select) => select.style.setProperty('display', 'none'));
  const texts = [document.title, document.body.innerText];
  zones.forEach((select) => select.style.removeProperty('display'));
  const selector = '[title],[aria-label],[placeholder],[data-w-tooltip-content-value],'
    + 'input[type=submit],input[type=button]';
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest('template') || !el.checkVisibility()) continue;
    for (const name of ['title', 'aria-label', 'placeholder', 'data-w-tooltip-content-value']) {
      const value = el.getAttribute(name);
      if (value) texts.push(value);
    }
    if (el.matches('input[type=submit],input[type=button]') && el.value) texts.push(el.value);
  }
  return texts.join('\\n');
}"""


class Walk:
    """One role's walk: reads each screen, keeps a screenshot, remembers English found."""

    def __init__(self, page, base_url: str, role: str, findings: list[str]):
        self.page, self.base_url, self.role = page, base_url, role
        self.findings = findings
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def visit(self, screen: str, path: str) -> None:
        self.page.goto(self.base_url + path, wait_until="load")
        self.read(screen)

    def read(self, screen: str) -> None:
        page = self.page
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(150)  # the sidebar and dropdowns mount after load
        page.screenshot(path=str(SCREENSHOTS / f"{self.role}-{screen}.png"), full_page=True)
        lines: dict[str, list[str]] = {}
        for word, line in english_words(page.evaluate(COLLECT_JS)):
            lines.setdefault(line, []).append(word)
        for line, words in lines.items():
            self.findings.append(f"{self.role}/{screen}: {line!r} {sorted(set(words))}")

    def click_and_read(self, screen: str, selector: str, wait_for: str | None = None) -> None:
        self.page.locator(selector).first.click()
        if wait_for:
            self.page.locator(wait_for).first.wait_for(state="visible")
            self.page.wait_for_timeout(400)  # the dialog fades in
        self.read(screen)

    def sidebar_menus(self) -> None:
        """Each submenu of the sidebar, opened in turn on the dashboard."""
        self.visit("dashboard", "/admin/")
        toggles = self.page.locator("#wagtail-sidebar button[aria-expanded]")
        for index in range(toggles.count()):
            toggle = toggles.nth(index)
            if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
                toggle.click()
                self.read(f"menu{index + 1}")
                self.page.keyboard.press("Escape")

    def edit_screens(self, prefix: str, article_id: int) -> None:
        """An article's edit view: every tab, the status side panel, the action menu."""
        self.visit(f"{prefix}-edit", f"/admin/pages/{article_id}/edit/")
        tabs = self.page.locator("[role=tab]")
        for index in range(tabs.count()):
            tabs.nth(index).click()
            self.read(f"{prefix}-edit-tab{index + 1}")
        self.click_and_read(f"{prefix}-status-panel", "[data-side-panel-toggle=status]")
        self.page.keyboard.press("Escape")
        self.click_and_read(f"{prefix}-action-menu", "footer [data-w-dropdown-target=toggle]")
        self.page.keyboard.press("Escape")


def site_content() -> dict:
    """A section with a live article, an image, a document, reference data, portal settings."""
    from wagtail.documents.models import Document

    from news.models import PortalSettings
    from reports.models import Field
    from tests.factories import ImageFactory, make_article, make_section

    home = ensure_home_page()
    section = make_section("Tin tức hoạt động", home)
    article = make_article(section, "Kỳ họp thứ mười HĐND tỉnh khai mạc")
    image = ImageFactory(title="Quang cảnh kỳ họp")
    document = Document(title="Nghị quyết kỳ họp")
    document.file.save("nghi-quyet.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    Field.objects.create(name="Giáo dục", slug="giao-duc")
    PortalSettings.for_site(home.get_site()).save()
    return {"home": home, "section": section, "article": article, "image": image, "doc": document}


def assert_vietnamese(findings: list[str], name: str) -> None:
    report = SCREENSHOTS / f"findings-{name}.txt"
    report.write_text("".join(f"{line}\n" for line in findings), encoding="utf-8")
    assert findings == [], "English in the admin:\n" + "\n".join(findings)


def test_superuser_sees_every_screen_in_vietnamese(live_server, chromium_executable):
    content = site_content()
    from django.contrib.auth.models import Group

    admin = make_admin_user("quantri")
    section, article = content["section"], content["article"]
    editors = Group.objects.get(name="Biên tập viên")
    with launched_chromium(chromium_executable) as browser:
        findings: list[str] = []
        login = browser.new_page(locale="vi-VN")
        walk = Walk(login, live_server.url, "anonymous", findings)
        walk.visit("login", "/admin/login/")
        walk.visit("password-reset", "/admin/password_reset/")
        login.close()
        with admin_page(browser, live_server.url, "quantri") as page:
            walk = Walk(page, live_server.url, "superuser", findings)
            for screen, path in [
                ("dashboard", "/admin/"),
                ("explorer-root", "/admin/pages/"),
                ("explorer-section", f"/admin/pages/{section.pk}/"),
                ("add-article", f"/admin/pages/add/news/newsarticlepage/{section.pk}/"),
                ("history", f"/admin/pages/{article.pk}/history/"),
                ("images", "/admin/images/"),
                ("image-upload", "/admin/images/multiple/add/"),
                ("image-edit", f"/admin/images/{content['image'].pk}/"),
                ("documents", "/admin/documents/"),
                ("document-upload", "/admin/documents/multiple/add/"),
                ("document-edit", f"/admin/documents/edit/{content['doc'].pk}/"),
                ("snippets", "/admin/snippets/"),
                ("snippet-fields", "/admin/snippets/reports/field/"),
                ("snippet-status-updates", "/admin/snippets/reports/recommendationupdate/"),
                ("settings", "/admin/settings/news/portalsettings/"),
                ("users", "/admin/users/"),
                ("groups", "/admin/groups/"),
                ("workflows", "/admin/workflows/list/"),
                ("report-locked", "/admin/reports/locked/"),
                ("report-workflow", "/admin/reports/workflow/"),
                ("report-tasks", "/admin/reports/workflow_tasks/"),
                ("report-history", "/admin/reports/site-history/"),
                ("report-aging", "/admin/reports/aging-pages/"),
                ("report-page-types", "/admin/reports/page-types-usage/"),
                ("account", "/admin/account/"),
                ("add-subpage", f"/admin/pages/{section.pk}/add_subpage/"),
                ("usage", f"/admin/pages/{article.pk}/usage/"),
                ("workflow-history", f"/admin/pages/{article.pk}/workflow_history/"),
                ("delete-confirm", f"/admin/pages/{article.pk}/delete/"),
                ("snippet-add", "/admin/snippets/reports/field/add/"),
                ("user-edit", f"/admin/users/{admin.pk}/"),
                ("group-edit", f"/admin/groups/{editors.pk}/"),
            ]:
                walk.visit(screen, path)
            walk.sidebar_menus()
            walk.edit_screens("article", article.pk)
            walk.visit("article-edit-again", f"/admin/pages/{article.pk}/edit/")
            walk.page.locator("footer [data-w-dropdown-target=toggle]").first.click()
            walk.click_and_read("published-message", "button[name=action-publish]")
            walk.visit("revisions", f"/admin/pages/{article.pk}/history/")
            walk.visit("compare", f"/admin/pages/{article.pk}/revisions/compare/earliest...latest/")
    assert_vietnamese(findings, "superuser")


def test_editor_and_approver_moderate_in_vietnamese(live_server, chromium_executable):
    content = site_content()
    from tests.factories import make_article

    draft = make_article(content["section"], "Giám sát việc giải quyết kiến nghị", live=False)
    make_admin_user("bientap", group="Biên tập viên", superuser=False)
    make_admin_user("lanhdao", group="Lãnh đạo duyệt tin", superuser=False)
    findings: list[str] = []
    menu = "footer [data-w-dropdown-target=toggle]"
    with launched_chromium(chromium_executable) as browser:
        with admin_page(browser, live_server.url, "bientap") as page:
            walk = Walk(page, live_server.url, "editor", findings)
            walk.visit("dashboard", "/admin/")
            walk.visit("explorer-section", f"/admin/pages/{content['section'].pk}/")
            walk.visit(
                "add-article", f"/admin/pages/add/news/newsarticlepage/{content['section'].pk}/"
            )
            walk.visit("images", "/admin/images/")
            walk.visit("image-upload", "/admin/images/multiple/add/")
            walk.visit("documents", "/admin/documents/")
            walk.visit("document-upload", "/admin/documents/multiple/add/")
            walk.visit("account", "/admin/account/")
            walk.edit_screens("article", draft.pk)
            walk.visit("article-edit-again", f"/admin/pages/{draft.pk}/edit/")
            walk.click_and_read("saved-message", "footer button[type=submit]")
            page.locator(menu).first.click()
            walk.click_and_read("submitted-message", "button[name=action-submit]")
            walk.visit("history", f"/admin/pages/{draft.pk}/history/")
        with admin_page(browser, live_server.url, "lanhdao") as page:
            walk = Walk(page, live_server.url, "approver", findings)
            walk.visit("dashboard", "/admin/")
            walk.visit("report-tasks", "/admin/reports/workflow_tasks/")
            walk.edit_screens("article", draft.pk)
            page.locator(menu).first.click()
            walk.click_and_read(
                "request-changes-dialog",
                "footer [data-workflow-action-name=reject]",
                wait_for=".modal-dialog",
            )
            walk.visit("article-edit-again", f"/admin/pages/{draft.pk}/edit/")
            page.locator(menu).first.click()
            walk.click_and_read("approved-message", "footer [data-workflow-action-name=approve]")
    assert_vietnamese(findings, "moderation")
    # Approving from the edit view posts the form: with day-first dates (config/formats) and
    # seconds kept, an unchanged form is no edit, so the approval publishes the article.
    from wagtail.models import TaskState

    assert TaskState.objects.filter(status="approved", finished_by__username="lanhdao").exists()
    draft.refresh_from_db()
    assert draft.live and not draft.has_unpublished_changes


def test_login_page_and_dashboard_carry_the_office_brand(live_server, chromium_executable):
    ensure_home_page()
    make_admin_user("quantri")
    with launched_chromium(chromium_executable) as browser:
        login = browser.new_page(locale="vi-VN")
        login.goto(f"{live_server.url}/admin/login/", wait_until="load")
        assert login.title() == f"Đăng nhập - {OFFICE}"
        assert login.locator("h1").inner_text() == "Đăng nhập trang quản trị"
        assert login.locator(".login-logo img[src$='img/emblem.svg']").is_visible()
        assert OFFICE in login.locator(".login-logo").inner_text()
        assert login.locator(".icon-wagtail").count() == 0
        assert login.get_by_label("Mật khẩu").is_visible()
        login.close()
        with admin_page(browser, live_server.url, "quantri") as page:
            page.wait_for_load_state("networkidle")
            assert page.title() == f"Bảng điều khiển - {OFFICE}"
            logo = page.locator(f"#wagtail-sidebar img[alt='{OFFICE}']")
            assert logo.is_visible()
            assert logo.get_attribute("src").endswith("img/emblem.svg")
            assert page.locator("#wagtail-sidebar .icon-wagtail:visible").count() == 0
            assert "Wagtail" not in page.title()
