"""A re-inspection (tái giám sát) shows its verdicts, linked to the recommendations judged."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from reports.enums import RecommendationStatus, ReportKind
from reports.models import Recommendation, RecommendationReview
from tests.report_factories import build_report, make_report_index

pytestmark = pytest.mark.django_db


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text().split())


@pytest.fixture
def reinspection(home):
    index = make_report_index(home)
    original = build_report(
        index,
        title="Giám sát chính sách người có công 2019",
        report_date=date(2019, 5, 1),
        recommendations=[
            Recommendation(text="Rà soát hồ sơ người có công", sort_order=0),
            Recommendation(text="Sửa chữa nhà tình nghĩa xuống cấp", sort_order=1),
            Recommendation(text="Chi trả trợ cấp đúng hạn", sort_order=2),
        ],
    )
    second, third = original.recommendations.order_by("sort_order")[1:]
    follow_up = build_report(
        index,
        title="Tái giám sát chính sách người có công 2021",
        report_date=date(2021, 6, 1),
        kind=ReportKind.RE_INSPECTION,
        follows_up=original,
        reviews=[
            RecommendationReview(
                recommendation=third,
                status=RecommendationStatus.DONE,
                note="Đã chi trả đủ cho 1.200 đối tượng.",
                sort_order=0,
            ),
            RecommendationReview(
                recommendation=second,
                status=RecommendationStatus.PARTLY_DONE,
                note="Mới sửa 12 trên 20 căn.",
                sort_order=1,
            ),
        ],
    )
    return {"index": index, "original": original, "follow_up": follow_up}


def test_reinspection_page_lists_its_verdicts_linked_to_the_recommendations(client, reinspection):
    page = soup(client, reinspection["follow_up"].url)
    section = page.select_one("#ket-qua-tai-giam-sat")
    assert section is not None
    assert text_of(section.h2) == "Kết quả tái giám sát"
    verdicts = section.select(".verdict")
    original_url = reinspection["original"].url
    assert [v.select_one(".verdict__recommendation a")["href"] for v in verdicts] == [
        f"{original_url}#kien-nghi-3",
        f"{original_url}#kien-nghi-2",
    ]
    assert [text_of(v.select_one(".status-badge")) for v in verdicts] == [
        "Đã thực hiện",
        "Thực hiện một phần",
    ]
    assert text_of(verdicts[0].select_one(".verdict__recommendation")) == "Chi trả trợ cấp đúng hạn"
    assert "Mới sửa 12 trên 20 căn." in text_of(verdicts[1].select_one(".verdict__note"))
    # The aside's contents lead there too.
    assert page.select_one('a[href="#ket-qua-tai-giam-sat"]')
    # The anchors exist on the original report, numbered as its page numbers them.
    original = soup(client, original_url)
    assert "Chi trả trợ cấp đúng hạn" in text_of(original.select_one("#kien-nghi-3"))


def test_verdict_on_a_report_that_is_no_longer_public_is_not_linked(client, reinspection):
    reinspection["original"].unpublish()
    section = soup(client, reinspection["follow_up"].url).select_one("#ket-qua-tai-giam-sat")
    assert len(section.select(".verdict")) == 2
    assert not section.select(".verdict__recommendation a")


def test_report_index_counts_verdicts_of_a_reinspection(client, reinspection):
    page = soup(client, reinspection["index"].url)
    items = {text_of(i.select_one(".report-item__title")): i for i in page.select(".report-item")}
    follow_up = items["Tái giám sát chính sách người có công 2021"]
    progress = text_of(follow_up.select_one(".report-item__progress"))
    assert progress == "Đánh giá lại 2 kiến nghị, đã thực hiện 1"
    assert "Không có kiến nghị" not in follow_up.get_text()
    original = items["Giám sát chính sách người có công 2019"]
    assert text_of(original.select_one(".report-item__progress")).startswith("3 kiến nghị")
