"""The public front end without a browser: static assets, CSS rules and page markup.

Fast checks that the site ships everything it links to from our own static files (the
servers reach no CDN), that the palette meets WCAG AA, and that every page type keeps its
landmarks, single h1, skip link, language and print stylesheet.
"""

from __future__ import annotations

import re
from collections import namedtuple
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from wagtail.documents.models import Document

from news.models import PortalSettings
from tests.factories import (
    ImageFactory,
    home_page,
    make_article,
    make_section,
    make_section_chain,
)
from tests.worlds import module_world

SITE_DIR = Path(settings.BASE_DIR) / "site"
STATIC_DIR = SITE_DIR / "static"
CSS_DIR = STATIC_DIR / "css"
SITE_CSS = (CSS_DIR / "site.css").read_text(encoding="utf-8")
PRINT_CSS = (CSS_DIR / "print.css").read_text(encoding="utf-8")
CHROME_TEMPLATES = [
    SITE_DIR / "templates" / "base.html",
    SITE_DIR / "templates" / "includes" / "header.html",
    SITE_DIR / "templates" / "includes" / "footer.html",
]
STATIC_TAG = re.compile(r"""{%\s*static\s+['"]([^'"]+)['"]\s*%}""")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}", re.S)


def css_without_comments(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


# ---------------------------------------------------------------- static files


@pytest.mark.parametrize("template", CHROME_TEMPLATES, ids=lambda path: path.name)
def test_every_static_file_the_page_chrome_references_exists(template):
    references = STATIC_TAG.findall(template.read_text(encoding="utf-8"))
    if template.name == "base.html":
        assert {"css/site.css", "css/print.css", "img/favicon.svg"} <= set(references)
    for reference in references:
        assert finders.find(reference), f"{template.name}: {{% static '{reference}' %}} is missing"


@pytest.mark.parametrize("name", ["site.css", "print.css"])
def test_css_loads_nothing_from_other_servers(name):
    css = (CSS_DIR / name).read_text(encoding="utf-8")
    assert not re.search(r"https?://", css), f"{name} names a remote URL"
    assert "@import" not in css
    for url in CSS_URL.findall(css_without_comments(css)):
        assert not url.startswith("//"), f"{name}: protocol-relative URL {url}"
        if url.startswith("data:"):
            continue
        target = (CSS_DIR / url).resolve()
        assert target.is_file(), f"{name}: url({url}) points at a missing file"
        assert STATIC_DIR.resolve() in target.parents, f"{name}: url({url}) leaves /static"


def test_no_stylesheet_under_static_loads_from_other_servers():
    """Stylesheets added later for other page types (reports, search…) included."""
    for path in sorted(CSS_DIR.glob("*.css")):
        css = css_without_comments(path.read_text(encoding="utf-8"))
        assert not re.search(r"@import[^;]*(https?:)?//", css), path.name
        for url in CSS_URL.findall(css):
            assert not re.match(r"(https?:)?//", url), f"{path.name}: remote url({url})"


def test_web_font_is_self_hosted_for_vietnamese_with_swap_and_unicode_range():
    faces = FONT_FACE.findall(SITE_CSS)
    assert len(faces) == 6, "400/600/700 × latin/vietnamese"
    seen = set()
    for face in faces:
        assert '"Be Vietnam Pro"' in face
        assert re.search(r"font-display:\s*swap", face)
        assert "unicode-range:" in face
        (url,) = CSS_URL.findall(face)
        assert url.startswith("../fonts/") and url.endswith(".woff2")
        assert (CSS_DIR / url).resolve().is_file()
        weight = re.search(r"font-weight:\s*(\d+)", face).group(1)
        subset = "vietnamese" if "vietnamese" in url else "latin"
        if subset == "vietnamese":
            # The vietnamese subset must cover ơ/ư/đ and the precomposed tone marks.
            assert "U+1EA0-1EF9" in face and "U+01A0-01A1" in face and "U+0110-0111" in face
        seen.add((weight, subset))
    assert seen == {(w, s) for w in ("400", "600", "700") for s in ("latin", "vietnamese")}
    assert (STATIC_DIR / "fonts" / "OFL-BeVietnamPro.txt").read_text().count("Open Font License")
    # Served as /static/fonts/… (the URL the browser asks for).
    assert finders.find("fonts/be-vietnam-pro-vietnamese-400-normal.woff2")
    assert settings.STATIC_URL == "/static/"


def test_body_font_stack_falls_back_to_fonts_with_vietnamese_glyphs():
    stack = re.search(r"--font-sans:([^;]+);", SITE_CSS).group(1)
    assert stack.strip().startswith('"Be Vietnam Pro"')
    for fallback in ('"Segoe UI"', "Roboto", "Arial", "sans-serif"):
        assert fallback in stack


# ---------------------------------------------------------------- colour contrast


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    hex_colour = hex_colour.lstrip("#")
    if len(hex_colour) == 3:
        hex_colour = "".join(ch * 2 for ch in hex_colour)
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def root_tokens() -> dict[str, str]:
    root = re.search(r":root\s*{([^}]*)}", css_without_comments(SITE_CSS)).group(1)
    return dict(re.findall(r"(--c-[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", root))


# Every text/background pair the stylesheet uses (foreground, background).
TEXT_PAIRS = [
    ("--c-text", "--c-bg"),
    ("--c-text", "--c-soft"),
    ("--c-text", "--c-cream"),
    ("--c-muted", "--c-bg"),
    ("--c-muted", "--c-soft"),
    ("--c-muted", "--c-cream"),
    ("--c-link", "--c-bg"),
    ("--c-link", "--c-soft"),
    ("--c-link", "--c-cream"),
    ("--c-link-hover", "--c-bg"),
    ("--c-link-hover", "--c-soft"),
    ("--c-navy", "--c-bg"),
    ("--c-navy", "--c-soft"),
    ("--c-red", "--c-bg"),
    ("--c-red", "--c-cream"),
    ("#ffffff", "--c-red"),
    ("#ffffff", "--c-red-dark"),
    ("#ffffff", "--c-navy"),
    ("#ffffff", "--c-link"),
    ("--c-footer-text", "--c-navy"),
    ("--c-footer-text", "--c-navy-dark"),
]


@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS)
def test_text_colour_pairs_meet_wcag_aa(foreground, background):
    tokens = root_tokens()
    fg = tokens.get(foreground, foreground)
    bg = tokens.get(background, background)
    assert fg.startswith("#") and bg.startswith("#"), (foreground, background)
    ratio = contrast(fg, bg)
    assert ratio >= 4.5, f"{foreground} {fg} on {background} {bg}: {ratio:.2f}:1"


def test_focus_rings_stand_out_against_their_backgrounds():
    tokens = root_tokens()
    # WCAG 1.4.11: non-text contrast of at least 3:1 against the adjacent colour.
    assert contrast(tokens["--c-focus"], tokens["--c-bg"]) >= 3
    assert contrast(tokens["--c-focus-on-dark"], tokens["--c-red"]) >= 3
    assert contrast(tokens["--c-focus-on-dark"], tokens["--c-navy"]) >= 3


def test_stylesheet_has_hidden_utility_reduced_motion_and_generous_leading():
    # The skip link sliding in on focus, visible focus rings and tables scrolling in their
    # own box are checked where they show, in a real browser (browser/test_accessibility.py).
    css = css_without_comments(SITE_CSS)
    assert re.search(r"\.visually-hidden\s*{[^}]*clip", css)
    assert "@media (prefers-reduced-motion: reduce)" in css
    # Vietnamese diacritics need generous leading in running text.
    body_rule = re.search(r"\bbody\s*{([^}]*)}", css).group(1)
    assert float(re.search(r"line-height:\s*([\d.]+)", body_rule).group(1)) >= 1.6
    article_body = re.search(r"\.article__body\s*{([^}]*)}", css).group(1)
    assert float(re.search(r"line-height:\s*([\d.]+)", article_body).group(1)) >= 1.6


def test_print_stylesheet_prints_the_article_alone_in_black_on_white():
    css = css_without_comments(PRINT_CSS)
    hidden = re.search(r"([^{}]+){\s*display:\s*none\s*!important;\s*}", css).group(1)
    for selector in (
        ".site-header",
        ".main-nav",
        ".site-footer",
        "aside",
        ".related",
        ".dated-links",
        "button",
        ".skip-link",
        ".breadcrumbs",
    ):
        assert selector in hidden, selector
    assert re.search(r"color:\s*#000000\s*!important", css)
    assert re.search(r"background:\s*#ffffff\s*!important", css)
    assert re.search(r"\.article__body a\[href\]::after[^{]*{[^}]*attr\(href\)", css)
    assert re.search(r"figure,[^{]*{[^}]*break-inside:\s*avoid", css)


# ---------------------------------------------------------------- rendered pages


def configure_portal(home, sections) -> PortalSettings:
    """The office's contact details in the footer, and a main menu."""
    settings_ = PortalSettings.for_site(home.get_site())
    settings_.address = "Tầng 4, 5 nhà B – Khu Hành chính – Chính trị tỉnh"
    settings_.phone = "0213.3798.221"
    settings_.email = "ttdn.hdndtinh@laichau.gov.vn"
    settings_.main_menu = [("link", {"page": sections["news"], "url": "", "title": ""})]
    settings_.save()
    return settings_


@pytest.fixture
def portal(home, sections):
    return configure_portal(home, sections)


def make_rich_article(sections):
    """An article with every kind of body block, a lead image and a caption."""
    from django.core.files.base import ContentFile

    document = Document.objects.create(
        title="Báo cáo giám sát", file=ContentFile(b"%PDF-1.4\n", name="bao-cao.pdf")
    )
    body_image = ImageFactory()
    make_article(sections["committees"], title="Tin cũ cùng chuyên mục")
    return make_article(
        sections["committees"],
        title="Ban Văn hóa – Xã hội giám sát chính sách bảo trợ xã hội",
        lead_image=ImageFactory(),
        lead_image_alt="Đoàn giám sát làm việc tại Sở",
        lead_image_caption="Quang cảnh buổi làm việc",
        author="Nguyễn Thủy",
        tags=["giám sát"],
        body=[
            ("paragraph", '<p>Đoạn văn có <a href="https://laichau.gov.vn/">liên kết</a>.</p>'),
            ("quote", {"text": "Không để sót đối tượng.", "attribution": "Trưởng Ban"}),
            (
                "image",
                {
                    "image": {"image": body_image, "decorative": False, "alt_text": "Hội trường"},
                    "caption": "Hội trường tầng 4",
                },
            ),
            (
                "table",
                {
                    "data": [["Huyện", "Số đối tượng"], ["Tam Đường", "2.310"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Kết quả chi trả",
                },
            ),
            ("attachment", {"document": document, "title": "Báo cáo đầy đủ"}),
        ],
    )


Rendered = namedtuple("Rendered", "status_code content")


def render_pages() -> dict[str, Rendered]:
    """Home, a section and the rich article, rendered once for the module's read-only tests."""
    home = home_page()
    sections = make_section_chain(home)
    configure_portal(home, sections)
    article = make_rich_article(sections)
    featured_section = make_section("Kỳ họp", home)
    make_article(
        featured_section,
        title="Khai mạc kỳ họp",
        lead_image=ImageFactory(),
        lead_image_alt="Khai mạc",
    )
    client = Client()
    urls = {"home": "/", "section": sections["news"].url, "article": article.url}
    return {
        name: Rendered(response.status_code, response.content)
        for name, response in ((name, client.get(url)) for name, url in urls.items())
    }


pages_world, pages = module_world(render_pages, "pages")


def parse(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("name", ["home", "section", "article"])
def test_every_page_has_landmarks_one_h1_skip_link_and_language(pages, name):
    page = parse(pages[name])
    assert page.html["lang"] == "vi"
    assert len(page.find_all("h1")) == 1
    skip = page.body.find("a")
    assert "skip-link" in skip["class"] and skip["href"] == "#main"
    main = page.find_all("main")
    assert len(main) == 1 and main[0]["id"] == "main"
    assert page.find("header", class_="site-header")
    assert page.find("nav", class_="main-nav")["aria-label"]
    assert page.find("footer", class_="site-footer")
    if name != "home":
        assert page.find("aside")
        assert page.find("nav", class_="breadcrumbs")
    # The main menu is usable without JavaScript: it is open in the markup.
    assert page.select_one(".main-nav details").has_attr("open")


@pytest.mark.parametrize("name", ["home", "section", "article"])
def test_stylesheets_and_icons_come_from_static(pages, name):
    page = parse(pages[name])
    screen = page.select('link[rel="stylesheet"]:not([media="print"])')
    assert [link["href"] for link in screen] == ["/static/css/site.css"]
    printed = page.select('link[rel="stylesheet"][media="print"]')
    assert [link["href"] for link in printed] == ["/static/css/print.css"]
    assert page.select_one('link[rel="icon"]')["href"] == "/static/img/favicon.svg"
    for tag, attribute in (
        ("script", "src"),
        ("img", "src"),
        ("source", "srcset"),
        ("link", "href"),
    ):
        for element in page.find_all(tag):
            value = element.get(attribute, "")
            if element.name == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not re.match(r"\s*(https?:)?//", value), f"remote {tag}: {value}"


@pytest.mark.parametrize("name", ["home", "section", "article"])
def test_every_image_has_alt_and_decorative_thumbnails_are_hidden(pages, name):
    page = parse(pages[name])
    for img in page.find_all("img"):
        assert img.has_attr("alt"), img
    for link in page.select(".card__media, .featured__media"):
        if link.name == "a":
            assert link["aria-hidden"] == "true" and link["tabindex"] == "-1"
            assert link.find("img")["alt"] == ""


def test_images_are_responsive_renditions_with_webp(pages):
    page = parse(pages["article"])
    lead = page.select_one(".article__lead picture")
    assert lead.find("source", type="image/webp")["srcset"].count("w,") >= 2
    img = lead.find("img")
    assert img["alt"] == "Đoàn giám sát làm việc tại Sở"
    assert "/media/images/" in img["src"] and img.has_attr("srcset")
    body_img = page.select_one(".article__body .body-image img")
    assert body_img["alt"] == "Hội trường" and body_img["loading"] == "lazy"
    home = parse(pages["home"])
    assert home.select_one(".featured picture source[type='image/webp']")


def test_article_keeps_its_vietnamese_labels_and_body_blocks(pages):
    page = parse(pages["article"])
    text = page.get_text(" ", strip=True)
    for label in ("Tin liên quan", "Tin mới nhất", "Ngày đăng", "Trang chủ", "In bài viết"):
        assert label in text
    date_line = " ".join(page.select_one(".article__date").get_text().split())
    assert re.fullmatch(r"\(Ngày đăng: \d{2}/\d{2}/\d{4} \d{1,2}:\d{2}:\d{2} (SA|CH)\)", date_line)
    table = page.select_one(".table-wrap")
    assert table["role"] == "region" and table["tabindex"] == "0"
    assert table["aria-label"] == "Kết quả chi trả"
    assert page.select_one(".quote blockquote")
    assert page.select_one(".attachment a[download]")
    assert page.select_one(".article__lead figcaption").get_text(strip=True) == (
        "Quang cảnh buổi làm việc"
    )
    # Printing: the button and the related list are marked for the print stylesheet.
    assert page.select_one(".article__tools.no-print button")
    assert page.select_one(".print-only.print-source")


def test_section_page_has_numbered_pagination_and_headings_in_order(client, portal, sections):
    for n in range(23):
        make_article(sections["council"], title=f"Bài số {n}")
    page = parse(client.get(sections["council"].url + "?page=2"))
    levels = [int(h.name[1]) for h in page.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    pagination = page.select_one("nav.pagination")
    assert pagination["aria-label"]
    assert pagination.select_one('[aria-current="page"]').get_text() == "2"
    assert pagination.select_one('a[rel="prev"]')


def test_home_headings_do_not_skip_levels(pages):
    page = parse(pages["home"])
    levels = [int(h.name[1]) for h in page.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_footer_shows_contact_details(pages):
    footer = parse(pages["article"]).find("footer", class_="site-footer")
    text = footer.get_text(" ", strip=True)
    assert "0213.3798.221" in text and "ttdn.hdndtinh@laichau.gov.vn" in text
    assert footer.select_one('a[href="tel:02133798221"]')


def test_not_found_page_uses_the_site_layout(client, portal):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "vi"
    assert len(page.find_all("h1")) == 1
    assert page.find("main", id="main") and page.find("footer", class_="site-footer")
    assert page.select_one('.error-page a[href="/"]')


def test_server_error_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    page = BeautifulSoup(render_to_string("500.html"), "html.parser")
    assert page.html["lang"] == "vi"
    assert len(page.find_all("h1")) == 1
    assert page.select_one('link[rel="stylesheet"]')["href"] == "/static/css/site.css"
