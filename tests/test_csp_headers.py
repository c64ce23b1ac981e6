"""The Content-Security-Policy header (issue 11 §4): strict on the site, the API and the
admin's login; loosened only for the signed-in admin (core.csp says why). And no page
type's HTML relies on what the strict policy refuses: inline scripts, `<style>`,
`style=""`, `on…=""` handlers (the browser test, tests/browser/test_csp_browser.py, checks
the same in Chromium).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from wagtail.models import PageViewRestriction

from tests.factories import ImageFactory, make_article, make_section
from tests.report_factories import build_report, make_report_index, make_tracker

HEADER = "Content-Security-Policy"
DATA_SCRIPTS = {"application/ld+json", "application/json"}


def directives(response) -> dict[str, list[str]]:
    policy = response[HEADER]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_strict(response) -> None:
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.fixture
def pages(home):
    section = make_section("Hội đồng nhân dân tỉnh", home)
    article = make_article(
        section,
        title="Giám sát bảo trợ xã hội",
        lead_image=ImageFactory(),
        lead_image_alt="Đoàn giám sát",
        tags=["giám sát"],
    )
    private = make_article(section, title="Tài liệu nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    index = make_report_index(home)
    tracker = make_tracker(index)
    report = build_report(index, title="Giám sát hỗ trợ nhà ở")
    return {
        "home": "/",
        "section": section.url,
        "article": article.url,
        "report index": index.url,
        "report": report.url,
        "tracker": tracker.url,
        "search": "/tim-kiem/?q=gi%C3%A1m+s%C3%A1t",
        "page password form": private.url,
        "not found": "/khong-co-trang-nay/",
        "API docs": "/api/v1/docs",
        "admin login": "/admin/login/",
    }


def inline_code(html: bytes) -> list[str]:
    """What a strict policy would refuse in this HTML."""
    soup = BeautifulSoup(html, "html.parser")
    found = [str(tag)[:80] for tag in soup.find_all("style")]
    for script in soup.find_all("script"):
        if not script.get("src") and script.get("type") not in DATA_SCRIPTS:
            found.append(str(script)[:80])
    for tag in soup.find_all(True):
        for name in tag.attrs:
            if name == "style" or name.startswith("on"):
                found.append(f"<{tag.name} {name}=…>")
        if str(tag.get("href", "")).lower().startswith("javascript:"):
            found.append(f"<{tag.name} href=javascript:…>")
    return found


def test_every_public_page_type_has_the_strict_policy_and_no_inline_code(client, pages):
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 404), name
        assert_strict(response)
        assert inline_code(response.content) == [], name


def test_the_api_and_feeds_carry_the_strict_policy(client, pages):
    for url in ("/api/v1/search/?q=x", "/api/v1/reports/", "/rss/", "/robots.txt"):
        assert_strict(client.get(url))


def test_the_signed_in_admin_gets_the_loosened_policy_and_nothing_more(client, pages):
    client.force_login(User.objects.create_superuser("quantri", "q@x.vn", "x"))
    policy = directives(client.get("/admin/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
