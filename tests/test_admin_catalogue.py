"""The admin's Vietnamese catalogue (site/locale/vi): compiled, complete, consistent, in use."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

from scripts import admin_catalogue
from tests.admin_english import english_words

DOMAINS = admin_catalogue.DOMAINS
PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdif]|\{[A-Za-z_0-9]*\}|<[^>]+>|&[a-z]+;"
)
# Old-style tone placement and terms the glossary rules out ("báo cáo" belongs to the council's
# supervision reports, not to Wagtail's "Reports" menu).
OLD_STYLE = re.compile(r"\b(hoá|hoà|thuỷ|xoá|khoá|tuỳ|uỷ|Uỷ|Hoá|Xoá|Khoá|Tuỳ)\b")


@pytest.fixture(scope="module", params=DOMAINS)
def catalogue(request) -> tuple[str, polib.POFile]:
    return request.param, polib.pofile(str(admin_catalogue.catalogue_path(request.param)))


def test_each_mo_file_matches_its_po_file(catalogue):
    domain, po = catalogue
    mo = polib.mofile(str(admin_catalogue.catalogue_path(domain, "mo")))
    compiled = {(e.msgctxt, e.msgid): admin_catalogue.translation(e) for e in mo}
    source = {
        (e.msgctxt, e.msgid): admin_catalogue.translation(e)
        for e in po.translated_entries()
        if "fuzzy" not in e.flags
    }
    assert compiled == source, "run: python scripts/admin_catalogue.py compile"


def test_every_msgid_of_the_installed_wagtail_is_translated():
    lacking = {domain: [e.msgid for e in admin_catalogue.missing(domain)] for domain in DOMAINS}
    assert lacking == {domain: [] for domain in DOMAINS}, (
        "python scripts/admin_catalogue.py missing"
    )


def test_translations_keep_placeholders_and_glossary(catalogue):
    _, po = catalogue
    problems = []
    for entry in po:
        text = admin_catalogue.translation(entry)
        source = entry.msgid_plural or entry.msgid
        if sorted(set(PLACEHOLDER.findall(source))) != sorted(set(PLACEHOLDER.findall(text))):
            problems.append(f"placeholders: {entry.msgid!r} -> {text!r}")
        if OLD_STYLE.search(text):
            problems.append(f"old-style tone mark: {text!r}")
        if entry.msgid in {"Reports", "Report"} and "báo cáo" in text.lower():
            problems.append(f"Wagtail's Reports are 'thống kê': {text!r}")
    assert problems == []


def test_the_header_carries_the_glossary(catalogue):
    _, po = catalogue
    for term in ("bản nháp", "gửi duyệt", "quy trình duyệt", "lịch xuất bản", "phiên bản"):
        assert term in po.header


def test_our_catalogue_wins_over_wagtails_vietnamese_strings():
    # Wagtail's own vi catalogue leaves these in English or words them otherwise.
    with translation.override("vi"):
        assert translation.gettext("Reports") == "Thống kê"
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("Images") == "Hình ảnh"


def test_msgstrs_contain_no_english_words(catalogue):
    _, po = catalogue
    # Names of formats, protocols and products an editor meets as they are; "from" is the
    # literal column name of a redirects import file (<code>from</code>), "Enter" a key's name.
    as_is = {"api", "csv", "xlsx", "json", "javascript", "embedly", "taggit", "routablepage"}
    as_is |= {"from", "enter"}
    found = []
    for entry in po:
        text = PLACEHOLDER.sub(" ", admin_catalogue.translation(entry))
        found += [(w, entry.msgid) for w, _ in english_words(text) if w.lower() not in as_is]
    assert found == []


# Wagtail templates copied into site/templates/wagtailadmin/, with why, and the digest of the
# original they copy. On a Wagtail upgrade that changes an original, re-copy it, redo the
# change and update the digest.
COPIED_TEMPLATES = [
    (  # to translate its hard-coded aria-label="Actions"
        "wagtailadmin/shared/headers/_actions.html",
        "facea723b6b917627f718d47a945c79fabcb1cbc516983c66cb6801b6a9a1557",
    ),
    (  # without the link to Wagtail's English editor guide (the admin runs offline)
        "wagtailadmin/home/account_summary.html",
        "ff5c7d30e46778c38af5557c0fd08c0139f71f8a539c791501ed9664f6ec6837",
    ),
]


@pytest.mark.parametrize(("template", "digest"), COPIED_TEMPLATES)
def test_our_copies_of_wagtail_templates_still_match_upstream(template, digest):
    import hashlib

    import wagtail.admin

    upstream = Path(wagtail.admin.__file__).parent / "templates" / template
    assert hashlib.sha256(upstream.read_bytes()).hexdigest() == digest
    assert (Path(__file__).parent.parent / "site/templates" / template).is_file()


def test_the_admins_javascript_catalogue_serves_our_strings(client, django_user_model):
    from django.urls import reverse

    admin = django_user_model.objects.create_superuser("quantri", "qt@x.vn", "x")
    client.force_login(admin)
    script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    # Wagtail's own vi says "Trang tổng quan"; the catalogue is served JSON-escaped.
    assert '"Dashboard": "B\\u1ea3ng \\u0111i\\u1ec1u khi\\u1ec3n"' in script


def test_the_detector_flags_wagtails_english_and_passes_vietnamese():
    flagged = [w for w, _ in english_words("Save draft\nThis page is referenced 0 times")]
    assert flagged == ["Save", "draft", "This", "page", "referenced", "times"]
    assert english_words("Lưu bản nháp\nTin tức hoạt động của Ban Pháp chế, trang chủ") == []
    assert english_words("anh-hop.jpg tai https://example.com/page quantri@hdnd.example.vn") == []
