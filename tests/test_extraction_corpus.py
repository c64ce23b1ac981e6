"""The extraction on judged articles (tests/extraction_corpus) and on the seeded source.

The tune half is what the extraction was tuned on; the held-out half was never looked at
article by article, so its floor is the honest estimate for new articles
(bench/extraction.py prints the figures).
"""

from decimal import Decimal

import pytest
from django.urls import reverse

from core.text.normalize import fold_words
from news.demo.articles import ensure_article
from news.demo.text_source import FEATURED
from reports.extraction.evaluation import FIELDS, load_corpus, rates, score_corpus
from reports.models import SupervisionReportPage
from tests.report_factories import district, make_report_index

TUNE_FLOOR = 0.9
HELDOUT_FLOOR = 0.7  # "most" articles, on text the extraction was not tuned on


@pytest.fixture(scope="module")
def halves():
    return score_corpus()


def test_the_corpus_is_twenty_judged_articles_in_two_halves():
    articles = load_corpus()
    assert [a["half"] for a in articles] == ["tune"] * 10 + ["heldout"] * 10
    for article in articles:
        words = len(fold_words(article["html"]).split())
        assert 150 <= words <= 450, article["name"]
        assert article["expected"]["figures"] and article["expected"]["agencies"]


@pytest.mark.parametrize("field", FIELDS)
def test_tune_half_hit_rate(halves, field):
    assert rates(halves["tune"])[field] >= TUNE_FLOOR


@pytest.mark.parametrize("field", FIELDS)
def test_heldout_half_hit_rate(halves, field):
    assert rates(halves["heldout"])[field] >= HELDOUT_FLOOR


def test_the_seeded_source_article_gives_its_list_of_requests_districts_and_units(
    client, editor, sections
):
    """The featured demo article as seed_demo stores it: requests in a bulleted list."""
    make_report_index()
    data = {k: v for k, v in FEATURED.items() if k not in ("image", "related")}
    source = ensure_article({**data, "section": "committees"}, sections, {}).page
    for name, code in (("Tam Đường", "106"), ("Sìn Hồ", "108"), ("Phong Thổ", "109")):
        district(name, code)
    client.force_login(editor)
    client.post(reverse("reports_draft_from_article", args=[source.pk]))

    report = SupervisionReportPage.objects.get()
    assert {u.short_name for u in report.localities.all()} == {"Tam Đường", "Sìn Hồ", "Phong Thổ"}
    assert report.localities_note == "12 xã thuộc 3 huyện: Tam Đường, Sìn Hồ, Phong Thổ"
    units = {f.value: f.unit for f in report.figures.all()}
    assert units[Decimal("646")] == "trường hợp"
    assert units[Decimal("8712")] == units[Decimal("105")] == "người"
    recommendations = list(report.recommendations.all())
    assert [r.text.split(",")[0] for r in recommendations] == [
        "Tham mưu UBND tỉnh có văn bản hướng dẫn chung cho các huyện",
        "Tăng cường tái kiểm tra",
        "Phối hợp thường xuyên với các sở",
        "Quan tâm tập huấn",
    ]
    assert {a.name for r in recommendations for a in r.addressees.all()} == {
        "Sở Lao động - Thương binh và Xã hội"
    }
