"""The admin's Vietnamese catalogue (site/locale/vi): compiled, complete, consistent, in use."""

from __future__ import annotations

import re

import polib
import pytest
from django.utils import translation

from scripts import admin_catalogue

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
