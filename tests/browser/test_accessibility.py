"""Home, section and article pages in a real Chromium: axe-core, layout at 360 px, keyboard.

axe-core (tests/browser/vendor/axe.min.js) is injected into each page; any serious or
critical violation fails. At 360 px the document must not scroll sideways (wide tables
scroll inside their own box). Every request must go to our own server: no CDN.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile

from tests.browser.conftest import launched_chromium

pytestmark = [
    pytest.mark.browser,
    # Transactional tests flush the data migration's home page; serialized_rollback
    # restores it before each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WIDTHS = [360, 1280]
PAGES = ["home", "section", "article"]
BLOCKING_IMPACTS = {"serious", "critical"}


def ensure_home_page():
    """The data migration's home page, rebuilt if a flush removed it."""
    from wagtail.models import Locale, Page, Site

    from news.models import HomePage

    home = HomePage.objects.first()
    if home is not None:
        return home
    locale = Locale.objects.first() or Locale.objects.create(language_code="vi")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu", locale=locale))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def site_urls(live_server) -> dict[str, str]:
    """A small but complete site: menu, footer, featured story, sections, a rich article."""
    from wagtail.documents.models import Document

    from news.models import PortalSettings
    from tests.factories import ImageFactory, make_article, make_section

    caches["renditions"].clear()
    home = ensure_home_page()
    news = make_section("Tin tức hoạt động", home, intro="Hoạt động của HĐND tỉnh.")
    council = make_section("Hội đồng nhân dân tỉnh", news)
    committees = make_section("Các Ban HĐND tỉnh", council)
    meetings = make_section("Kỳ họp", home)

    settings = PortalSettings.for_site(home.get_site())
    settings.responsible_person = "Ông Đào Xuân Huyên – Chánh Văn phòng"
    settings.address = "Tầng 4, 5 nhà B – Khu Hành chính – Chính trị tỉnh"
    settings.phone = "0213.3798.221"
    settings.fax = "0213.3798.228"
    settings.email = "ttdn.hdndtinh@laichau.gov.vn"
    settings.attribution_notice = "Ghi rõ nguồn khi phát hành lại thông tin từ trang này."
    settings.main_menu = [
        ("link", {"page": section, "url": "", "title": ""})
        for section in (news, meetings, council, committees)
    ]
    settings.save()

    make_article(
        meetings,
        title="Khai mạc Kỳ họp thứ mười, HĐND tỉnh khóa XV, nhiệm kỳ 2021 – 2026",
        lead_image=ImageFactory(),
        lead_image_alt="Quang cảnh phiên khai mạc",
    )
    for n in range(21):  # more than one page of 20
        make_article(
            council,
            title=f"Thường trực HĐND tỉnh họp phiên thường kỳ tháng {n + 1}",
            lead_image=ImageFactory() if n % 3 == 0 else None,
            lead_image_alt="Phiên họp" if n % 3 == 0 else "",
        )
    document = Document.objects.create(
        title="Báo cáo giám sát", file=ContentFile(b"%PDF-1.4\n", name="bao-cao-giam-sat.pdf")
    )
    wide_header = [f"Chỉ tiêu giám sát số {n}" for n in range(1, 9)]
    article = make_article(
        committees,
        title="Ban Văn hóa – Xã hội giám sát việc thực hiện chính sách bảo trợ xã hội",
        summary="Đoàn giám sát làm việc với Sở Lao động – Thương binh và Xã hội.",
        lead_image=ImageFactory(),
        lead_image_alt="Đoàn giám sát làm việc tại Sở",
        lead_image_caption="Quang cảnh buổi làm việc",
        author="Nguyễn Thủy",
        source="Văn phòng HĐND tỉnh",
        tags=["giám sát", "bảo trợ xã hội"],
        body=[
            (
                "paragraph",
                '<p>Chi tiết tại <a href="https://laichau.gov.vn/tin-tuc/bao-tro-xa-hoi-'
                'ket-qua-giam-sat-chuyen-de-nam-2025">https://laichau.gov.vn/tin-tuc/'
                "bao-tro-xa-hoi-ket-qua-giam-sat-chuyen-de-nam-2025</a>.</p>"
                "<h2>Kết quả thực hiện</h2><ul><li>Rà soát đối tượng còn chậm;</li>"
                "<li>Hồ sơ chưa số hóa.</li></ul>",
            ),
            ("quote", {"text": "Không để sót đối tượng.", "attribution": "Trưởng Ban"}),
            (
                "image",
                {
                    "image": {
                        "image": ImageFactory(),
                        "decorative": False,
                        "alt_text": "Hội trường tầng 4",
                    },
                    "caption": "Đoàn giám sát tại Trung tâm Bảo trợ xã hội",
                },
            ),
            (
                "table",
                {
                    "data": [wide_header, [f"{n * 1234:,}".replace(",", ".") for n in range(8)]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Kết quả chi trả trợ cấp",
                },
            ),
            ("attachment", {"document": document, "title": "Báo cáo kết quả giám sát"}),
        ],
    )
    make_article(committees, title="Ban Pháp chế khảo sát thi hành án dân sự", tags=["giám sát"])
    return {
        "home": live_server.url + "/",
        "section": live_server.url + council.url,
        "article": live_server.url + article.url,
        "origin": live_server.url,
    }


@pytest.fixture
def browser(chromium_executable, site_urls):
    with launched_chromium(chromium_executable) as instance:
        yield instance


def open_page(browser, url: str, width: int, **context_options):
    context = browser.new_context(
        viewport={"width": width, "height": 800}, locale="vi-VN", **context_options
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.requested_urls = []
    page.on("request", lambda request: page.requested_urls.append(request.url))
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return page


def blocking_violations(page) -> list[dict]:
    # Through the DevTools protocol, not a <script> tag: the site's Content-Security-Policy
    # refuses inline scripts (tests/browser/test_csp_browser.py).
    page.evaluate(AXE_SOURCE)
    results = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 5).map(n => ({target: n.target, summary: n.failureSummary}))})))"
    )
    return [violation for violation in results if violation["impact"] in BLOCKING_IMPACTS]


def assert_accessible_and_self_contained(page, where: str, origin: str) -> None:
    """No serious or critical axe violation, no sideways scroll, nothing from elsewhere."""
    violations = blocking_violations(page)
    assert not violations, f"{where}: " + json.dumps(violations, ensure_ascii=False, indent=2)
    scroll_width, client_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= client_width, f"{where}: the page scrolls sideways"
    foreign = [url for url in page.requested_urls if not url.startswith(origin)]
    assert not foreign, f"{where}: requests to other servers: {foreign}"


@pytest.mark.parametrize("name", PAGES)
def test_page_passes_axe_and_fits_a_phone(browser, site_urls, name):
    for width in WIDTHS:
        page = open_page(browser, site_urls[name], width)
        try:
            assert_accessible_and_self_contained(page, f"{name} at {width}px", site_urls["origin"])
            assert page.evaluate(
                "() => document.fonts.check('16px \"Be Vietnam Pro\"', 'Hội đồng')"
            ), "the self-hosted web font did not load"
            assert page.locator("h1").count() == 1
        finally:
            page.context.close()


def test_keyboard_skip_link_and_visible_focus(browser, site_urls):
    page = open_page(browser, site_urls["article"], 360)
    try:
        skip = page.locator(".skip-link")
        hidden_box = skip.bounding_box()
        assert hidden_box is None or hidden_box["y"] + hidden_box["height"] <= 0
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.classList.contains('skip-link')")
        page.wait_for_timeout(300)  # the slide-in transition
        box = skip.bounding_box()
        assert box["y"] >= 0 and box["height"] > 20, box
        assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != (
            "none"
        )
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main"
    finally:
        page.context.close()

    page = open_page(browser, site_urls["section"], 1280)
    try:
        for _ in range(4):  # skip link, brand, "Trang chủ", first menu item
            page.keyboard.press("Tab")
        tag, outline_style, outline_width = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"
        )
        assert tag == "A" and outline_style != "none" and outline_width != "0px"
    finally:
        page.context.close()


def test_phone_menu_and_wide_tables(browser, site_urls):
    page = open_page(browser, site_urls["article"], 360)
    try:
        menu_link = page.locator(".main-nav__list a").nth(1)
        assert not menu_link.is_visible(), "the menu should be folded on a phone"
        page.locator(".main-nav summary").click()
        assert menu_link.is_visible()
        # A table wider than the phone scrolls inside its own box, not the page.
        wrap_scroll, wrap_client = page.evaluate(
            "() => { const w = document.querySelector('.table-wrap');"
            " return [w.scrollWidth, w.clientWidth]; }"
        )
        assert wrap_scroll > wrap_client
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    finally:
        page.context.close()

    page = open_page(browser, site_urls["home"], 360, java_script_enabled=False)
    try:
        assert page.locator(".main-nav__list a").nth(1).is_visible(), "menu needs JavaScript"
    finally:
        page.context.close()

    page = open_page(browser, site_urls["home"], 1280)
    try:
        assert not page.locator(".main-nav summary").is_visible()
        assert page.locator(".main-nav__list a").nth(1).is_visible()
    finally:
        page.context.close()
