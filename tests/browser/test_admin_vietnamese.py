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

COLLECT_JS = """() => {
  const texts = [document.title, document.body.innerText];
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


def test_the_detector_flags_wagtails_english_and_passes_vietnamese():
    flagged = [w for w, _ in english_words("Save draft\nThis page is referenced 0 times")]
    assert flagged == ["Save", "draft", "This", "page", "referenced", "times"]
    assert english_words("Lưu bản nháp\nTin tức hoạt động của Ban Pháp chế, trang chủ") == []
    assert english_words("anh-hop.jpg tai https://example.com/page quantri@hdnd.example.vn") == []


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

    def click_and_read(self, screen: str, selector: str) -> None:
        self.page.locator(selector).first.click()
        self.read(screen)

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


def assert_vietnamese(findings: list[str]) -> None:
    (SCREENSHOTS / "findings.txt").write_text("\n".join(findings) + "\n", encoding="utf-8")
    assert findings == [], "English in the admin:\n" + "\n".join(findings)


def test_superuser_sees_every_screen_in_vietnamese(live_server, chromium_executable):
    content = site_content()
    make_admin_user("quantri")
    section, article = content["section"], content["article"]
    with launched_chromium(chromium_executable) as browser:
        findings: list[str] = []
        login = browser.new_page(locale="vi-VN")
        walk = Walk(login, live_server.url, "anonymous", findings)
        walk.visit("login", "/admin/login/")
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
            ]:
                walk.visit(screen, path)
            walk.edit_screens("article", article.pk)
            walk.visit("article-edit-again", f"/admin/pages/{article.pk}/edit/")
            walk.page.locator("footer [data-w-dropdown-target=toggle]").first.click()
            walk.click_and_read("published-message", "button[name=action-publish]")
            walk.visit("revisions", f"/admin/pages/{article.pk}/history/")
    assert_vietnamese(findings)
