"""An editor on a fresh site adds the report list in the real admin: it is ticked "show in
menus" and, once published, the public main menu leads to it."""

from __future__ import annotations

import pytest

from tests.browser.admin import admin_page, make_admin_user
from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import ensure_home_page, open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_report_list_created_in_the_admin_joins_the_main_menu(chromium_executable, live_server):
    from reports.models import ReportIndexPage

    home = ensure_home_page()
    make_admin_user()
    add_url = f"{live_server.url}/admin/pages/add/reports/reportindexpage/{home.pk}/"
    with launched_chromium(chromium_executable) as browser:
        with admin_page(browser, live_server.url, "quantri") as page:
            page.goto(add_url, wait_until="load")
            page.fill("#id_title", "Báo cáo giám sát")
            # Leaving the title fills the slug after Wagtail's 100 ms debounce: wait for it, as
            # an editor sees it, before publishing (publishing at once raced it).
            page.locator("#id_title").blur()
            # A function, not an expression: Playwright evaluates an expression with eval(),
            # which the Content-Security-Policy refuses ('unsafe-eval' is not allowed).
            page.wait_for_function(
                "() => document.querySelector('#id_slug').value === 'bao-cao-giam-sat'",
                polling=100,
            )
            # The Promote tab's "show in menus" starts ticked for this page type.
            assert page.locator("#id_show_in_menus").is_checked()
            page.locator('footer [data-w-dropdown-target="toggle"]').first.click()
            page.locator('button[name="action-publish"]').click()
            page.wait_for_url("**/admin/pages/**", wait_until="load")

        public = open_page(browser, live_server.url + "/", 1280)
        try:
            link = public.locator(".main-nav__list").get_by_role("link", name="Báo cáo giám sát")
            href = link.get_attribute("href")
            link.click()
            public.wait_for_load_state("load")
            current = public.locator('.main-nav__list a[aria-current="page"]')
            assert current.text_content().strip() == "Báo cáo giám sát"
        finally:
            public.context.close()
    # The ORM only once Playwright's event loop is gone.
    index = ReportIndexPage.objects.get()
    assert index.live and index.show_in_menus
    assert href == index.url
