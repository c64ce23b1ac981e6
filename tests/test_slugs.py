"""The server's slug rule: one ASCII fold for Vietnamese titles, on every page type."""

from __future__ import annotations

import re
from datetime import date

import pytest

from core.text.slugs import fold_slug, is_lossy_slug, slug_formatters
from tests.slug_cases import EXPECTED, TITLE, TRICKY_TITLES

# What Wagtail's browser urlify made of TITLE (issue §2), and what Django's slugify makes.
WAGTAIL_GARBLED = "djoan-giam-sat-hdjnd-tnh-kim-tra-cong-trinh-thy-li-nm-ban"
DJANGO_GARBLED = "oan-giam-sat-hnd-tinh-kiem-tra-cong-trinh-thuy-loi-nam-ban"


@pytest.mark.parametrize(("title", "expected"), TRICKY_TITLES)
def test_fold_slug_keeps_every_vietnamese_letter(title, expected):
    assert fold_slug(title) == expected


def test_fold_slug_is_stable_on_its_own_output():
    for _title, expected in TRICKY_TITLES:
        assert fold_slug(expected) == expected


def test_the_browser_formatters_compute_the_same_fold():
    """slug_formatters() replayed with Python's re, then Wagtail's urlify steps."""

    def replay(text: str) -> str:
        for (pattern, _flags), replacement in slug_formatters():
            text = re.sub(pattern, replacement, text)
        return re.sub(r"[-\s]+", "-", text.lower())[:255].rstrip("-")

    for title, expected in TRICKY_TITLES:
        assert replay(title) == expected


def test_garbled_slugs_are_recognised_and_chosen_ones_are_not():
    assert is_lossy_slug(WAGTAIL_GARBLED, TITLE)
    assert is_lossy_slug(DJANGO_GARBLED, TITLE)
    assert not is_lossy_slug(EXPECTED, TITLE)
    assert not is_lossy_slug("doan-giam-sat-nam-ban", TITLE)  # an editor's shorter slug
    assert not is_lossy_slug("giam-sat-thuy-loi", TITLE)


@pytest.fixture
def parents(home):
    from tests.factories import make_section
    from tests.report_factories import make_report_index

    return {"section": make_section("Tin tức", home), "reports": make_report_index(home)}


def news_article(slug: str):
    from django.utils import timezone

    from news.models import NewsArticlePage

    return NewsArticlePage(title=TITLE, slug=slug, published_at=timezone.now(), live=False)


def supervision_report(slug: str):
    from reports.enums import ReportKind
    from reports.models import SupervisionReportPage
    from tests.report_factories import body

    return SupervisionReportPage(
        title=TITLE,
        slug=slug,
        report_date=date(2020, 10, 26),
        kind=ReportKind.THEMATIC,
        supervising_body=body(),
        live=False,
    )


def report_index(slug: str):
    from reports.models import ReportIndexPage

    return ReportIndexPage(title=TITLE, slug=slug, live=False)


def tracker(slug: str):
    from reports.models import RecommendationTrackerPage

    return RecommendationTrackerPage(title=TITLE, slug=slug, live=False)


def news_section(slug: str):
    from news.models import NewsIndexPage

    return NewsIndexPage(title=TITLE, slug=slug, live=False)


BUILDERS = [
    ("section", news_article),
    ("section", news_section),
    ("reports", supervision_report),
    ("reports", report_index),
    ("reports", tracker),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parent", "build"), BUILDERS, ids=lambda value: getattr(value, "__name__", value)
)
@pytest.mark.parametrize("slug", [WAGTAIL_GARBLED, DJANGO_GARBLED, TITLE, ""])
def test_every_page_type_stores_the_folded_slug(parents, parent, build, slug):
    """Saved as a draft (minimal_clean) and then published (full_clean): the URL is EXPECTED."""
    page = build(slug)
    parents[parent].add_child(instance=page)
    page.refresh_from_db()
    assert page.slug == EXPECTED

    page.save_revision().publish()
    page.refresh_from_db()
    assert (page.slug, page.url_path.rstrip("/").rsplit("/", 1)[-1]) == (EXPECTED, EXPECTED)


@pytest.mark.django_db
def test_a_garbled_slug_typed_into_the_form_is_folded_on_validation(parents):
    """The admin form validates through full_clean() before any save: the fold is there."""
    page = news_article(WAGTAIL_GARBLED)
    page.full_clean(exclude=["path", "depth", "url_path"], validate_unique=False)
    assert page.slug == EXPECTED


@pytest.mark.django_db
def test_home_page_folds_too(home):
    home.slug = "trang-chu-đoàn"
    home.save_revision().publish()
    home.refresh_from_db()
    assert home.slug == "trang-chu-doan"


@pytest.mark.django_db
def test_a_published_page_keeps_its_public_url(parents):
    """A lossy slug that is already public is not rewritten: links to it must keep working."""
    page = news_article(EXPECTED)
    parents["section"].add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    page.slug = WAGTAIL_GARBLED
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug == WAGTAIL_GARBLED


@pytest.mark.django_db
def test_a_folded_slug_gets_a_suffix_next_to_a_namesake(parents):
    first = news_article("")
    parents["section"].add_child(instance=first)
    second = news_article("")
    parents["section"].add_child(instance=second)
    assert (first.slug, second.slug) == (EXPECTED, f"{EXPECTED}-2")


@pytest.mark.django_db
def test_admin_pages_carry_the_fold_for_the_slug_field(client, parents):
    """The add form ships the server's rule to the browser, and our script to apply it."""
    import json

    from bs4 import BeautifulSoup
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("bientap", "bt@hdnd.example.vn", "x"))
    response = client.get(f"/admin/pages/add/news/newsarticlepage/{parents['section'].pk}/")
    soup = BeautifulSoup(response.content, "html.parser")
    data = soup.find("script", id="vietnamese-slug-formatters")
    assert json.loads(data.string) == slug_formatters()
    assert soup.find("script", src=re.compile(r"js/admin-slug\.js$"))
    assert soup.find("input", id="id_slug")["data-controller"].split()[0] == "w-slug"
