from datetime import date, timedelta

from django.utils import timezone

from reports.enums import RecommendationStatus, ReportKind
from reports.models import Recommendation, RecommendationReview
from tests.report_factories import agency, make_report, make_report_index, record_update


def test_status_follows_the_latest_dated_update(home):
    index = make_report_index()
    report = make_report(index, recommendations=[{"text": "Tăng cường tái kiểm tra"}])
    recommendation = report.recommendations.get()
    assert recommendation.status == RecommendationStatus.NOT_STARTED
    record_update(recommendation, RecommendationStatus.IN_PROGRESS, date(2021, 3, 1))
    record_update(recommendation, RecommendationStatus.DONE, date(2021, 9, 1))
    record_update(recommendation, RecommendationStatus.PARTLY_DONE, date(2021, 5, 1))
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.DONE
    assert recommendation.status_date == date(2021, 9, 1)


def test_republishing_an_old_revision_does_not_roll_status_back(home):
    index = make_report_index()
    report = make_report(index, recommendations=[{"text": "Ban hành văn bản hướng dẫn"}])
    recommendation = report.recommendations.get()
    record_update(recommendation, RecommendationStatus.DONE, date(2021, 9, 1))
    report.title = "Tiêu đề sửa"
    report.save_revision().publish()
    assert Recommendation.objects.get(pk=recommendation.pk).status == RecommendationStatus.DONE


def test_overdue_means_deadline_passed_and_not_done(home):
    index = make_report_index()
    past = timezone.localdate() - timedelta(days=10)
    future = timezone.localdate() + timedelta(days=10)
    report = make_report(
        index,
        recommendations=[
            {"text": "Quá hạn", "deadline": past},
            {"text": "Đã xong", "deadline": past},
            {"text": "Còn hạn", "deadline": future},
            {"text": "Không hạn"},
        ],
    )
    done = report.recommendations.get(text="Đã xong")
    record_update(done, RecommendationStatus.DONE, past)
    overdue = Recommendation.objects.overdue()
    assert [r.text for r in overdue] == ["Quá hạn"]
    assert report.recommendations.get(text="Quá hạn").is_overdue


def test_publishing_a_re_inspection_records_new_statuses(home):
    index = make_report_index()
    original = make_report(index, recommendations=[{"text": "Tái kiểm tra cơ sở"}])
    recommendation = original.recommendations.get()
    follow_up = make_report(
        index,
        title="Tái giám sát bảo trợ xã hội",
        kind=ReportKind.RE_INSPECTION,
        report_date=date(2022, 5, 10),
        follows_up=original,
        live=False,
    )
    follow_up.reviews.add(
        RecommendationReview(
            recommendation=recommendation,
            status=RecommendationStatus.PARTLY_DONE,
            note="Mới tái kiểm tra 5/12 xã",
        )
    )
    follow_up.save_revision().publish()
    follow_up.save_revision().publish()  # republishing must not duplicate the history
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.PARTLY_DONE
    update = recommendation.updates.get()
    assert update.source_report_id == follow_up.pk
    assert update.date == date(2022, 5, 10)


def test_a_merged_agency_points_to_its_successor(db):
    new = agency("Sở Nội vụ", abbreviation="SNV")
    old = agency(
        "Sở Lao động - Thương binh và Xã hội", active_until=date(2025, 2, 28), successor=new
    )
    assert old.current == new
    assert "đến 02/2025" in str(old)
    assert not old.is_active_on(date(2025, 7, 1))
