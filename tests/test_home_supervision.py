"""The home page's "Hoạt động giám sát" block: recent conclusions and overdue recommendations."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from reports.enums import RecommendationStatus
from reports.models import Recommendation
from tests.conftest import PINNED_TODAY
from tests.factories import home_page
from tests.report_factories import (
    address,
    agency,
    make_report,
    make_report_index,
    make_tracker,
    record_update,
)

PAST = PINNED_TODAY - timedelta(days=30)
FUTURE = PINNED_TODAY + timedelta(days=30)


def _build() -> dict:
    home = home_page()
    index = make_report_index(home)
    tracker = make_tracker(index)
    reports = [
        make_report(
            index,
            title=f"Giám sát số {n}",
            report_date=date(2021, n, 1),
            conclusion=f"<p>Kết luận <b>số {n}</b>: các cơ quan cần làm rõ &amp; khắc phục.</p>",
        )
        for n in range(1, 5)
    ]
    overdue = make_report(
        index,
        title="Giám sát có kiến nghị quá hạn",
        report_date=date(2020, 1, 1),
        recommendations=[
            {"text": "Kiến nghị còn hạn", "deadline": FUTURE},
            {"text": "Kiến nghị đã quá hạn về nhà ở", "deadline": PAST},
            {"text": "Kiến nghị đã xong", "deadline": PAST},
        ],
    )
    recs = list(overdue.recommendations.order_by("sort_order", "pk"))
    address(recs[1], agency("Sở Xây dựng"))
    record_update(recs[2], RecommendationStatus.DONE, PAST)
    make_report(index, title="Báo cáo nháp", report_date=date(2022, 1, 1), live=False)
    private = make_report(index, title="Báo cáo nội bộ", report_date=date(2022, 2, 1))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {"index": index, "tracker": tracker, "reports": reports, "overdue": recs[1]}


@pytest.fixture(scope="module")
def _built_once(django_db_setup, django_db_blocker):
    """Read-only data, built once for the module and rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield _build()
        finally:
            transaction.set_rollback(True)


@pytest.fixture
def built(_built_once, db, pinned_clock):
    return _built_once


def block(client):
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".home-supervision")


def test_recent_conclusions_show_newest_public_reports_with_excerpt(client, built):
    part = block(client).select_one('[aria-labelledby="home-conclusions-heading"]')
    titles = [a.get_text() for a in part.select(".home-conclusion__title")]
    assert titles == ["Giám sát số 4", "Giám sát số 3", "Giám sát số 2"]  # no draft, no private
    first = part.select_one(".home-conclusion")
    assert first.select_one("a")["href"] == built["reports"][3].url
    assert "Ban Văn hóa - Xã hội" in first.get_text()
    assert first.select_one("time")["datetime"] == "2021-04-01"
    excerpt = first.select_one(".home-conclusion__excerpt").get_text()
    assert excerpt == "Kết luận số 4: các cơ quan cần làm rõ & khắc phục."
    assert part.select_one(".section-block__more")["href"] == built["index"].url


def test_overdue_recommendations_link_to_report_and_filtered_tracker(client, built):
    part = block(client).select_one('[aria-labelledby="home-overdue-heading"]')
    items = part.select(".home-overdue")
    assert [" ".join(i.a.get_text().split()) for i in items] == ["Kiến nghị đã quá hạn về nhà ở"]
    report = built["overdue"].report
    assert items[0].a["href"] == f"{report.url}#kien-nghi-2"
    meta = items[0].select_one(".home-supervision__meta")
    assert "Sở Xây dựng" in meta.get_text()
    assert meta.time["datetime"] == PAST.isoformat()
    more = part.select_one(".section-block__more")
    assert more["href"] == f"{built['tracker'].url}?overdue=1"
    assert "1 kiến nghị quá hạn" in more.get_text()


def test_recorded_progress_takes_a_recommendation_off_the_block(
    client, built, django_capture_on_commit_callbacks
):
    assert block(client).select(".home-overdue")  # now cached
    with django_capture_on_commit_callbacks(execute=True):  # as when the update commits
        record_update(built["overdue"], RecommendationStatus.DONE, PINNED_TODAY)
    assert not block(client).select(".home-overdue")
    assert Recommendation.objects.overdue().count() == 0


def test_block_is_cached_with_the_home_page(client, built):
    client.get("/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/")
    assert not [q for q in warm.captured_queries if "reports_" in q["sql"]]
