"""Shared steps for browser tests of the Wagtail admin: a user, a logged-in Chromium page.

Log in through the real login form (not a session cookie forged by the test), so the
tests see what an editor sees, language and redirects included.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

ADMIN_PASSWORD = "mat-khau-thu-nghiem-9"


def make_admin_user(username: str = "quantri", *, group: str | None = None, superuser: bool = True):
    """A user who can reach the admin: a superuser, or a member of `group` with admin access."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(
        username=username,
        password=ADMIN_PASSWORD,
        email=f"{username}@hdnd.example.vn",
        first_name="Nguyễn",
        last_name="Văn Thử",
        is_superuser=superuser,
        is_staff=superuser,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@contextmanager
def admin_page(browser, base_url: str, username: str, width: int = 1280) -> Iterator:
    """A Chromium page logged into /admin/ as `username` (password ADMIN_PASSWORD)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/admin/login/", wait_until="load")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", ADMIN_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base_url}/admin/**", wait_until="load")
        yield page
    finally:
        context.close()
