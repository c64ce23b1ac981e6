"""Staff follow-up in the Wagtail admin: the overdue panel, the quick status update, access."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from reports.enums import RecommendationStatus as S
from reports.models import Recommendation, RecommendationUpdate
from tests.conftest import PINNED_TODAY, user_in
from tests.report_factories import (
    address,
    agency,
    body,
    make_report,
    make_report_index,
    make_tracker,
    record_update,
)

pytestmark = pytest.mark.usefixtures("pinned_clock")
TODAY = PINNED_TODAY


@pytest.fixture
def overdue_world(home):
    index = make_report_index()
    tracker = make_tracker(index)
    merged_into = agency("Sở Nội vụ", abbreviation="SNV")
    labour = agency(
        "Sở Lao động - Thương binh và Xã hội",
        active_until=date(2025, 2, 28),
        successor=merged_into,
    )
    report = make_report(
        index,
        title="Giám sát chính sách trợ giúp xã hội",
        recommendations=[
            {"text": f"Kiến nghị quá hạn {n:02d}", "deadline": TODAY - timedelta(days=n * 10)}
            for n in range(1, 13)
        ]
        + [
            {"text": "Kiến nghị còn hạn", "deadline": TODAY + timedelta(days=5)},
            {"text": "Kiến nghị đã xong", "deadline": TODAY - timedelta(days=500)},
        ],
    )
    for recommendation in report.recommendations.all():
        address(recommendation, labour)
    record_update(
        report.recommendations.get(text="Kiến nghị đã xong"), S.DONE, TODAY - timedelta(days=1)
    )
    return {"report": report, "tracker": tracker, "index": index}


def test_dashboard_shows_the_most_overdue_recommendations_to_an_editor(
    client, editor, overdue_world
):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kiến nghị quá hạn" in html
    panel = html[html.index('id="overdue-recommendations-section"') :]
    panel = panel[: panel.index("Xem tất cả kiến nghị quá hạn")]
    listed = re.findall(r"Kiến nghị quá hạn (\d\d)", panel)
    # Up to ten, the longest overdue first; done and not-yet-due ones are not listed.
    assert listed == [f"{n:02d}" for n in range(12, 2, -1)]
    assert "Kiến nghị đã xong" not in panel
    assert "Kiến nghị còn hạn" not in panel
    assert "Có 12 kiến nghị đã quá thời hạn" in panel
    assert "120 ngày" in panel
    assert "nay là Sở Nội vụ" in panel
    assert (TODAY - timedelta(days=120)).strftime("%d/%m/%Y") in panel
    assert panel.count("Cập nhật tình trạng") == 10
    report = overdue_world["report"]
    assert reverse("wagtailadmin_pages:edit", args=[report.pk]) in panel


def admin_only_user(username: str = "xem") -> User:
    """Can open the admin (e.g. to moderate comments) but edit no page."""
    user = user_in(None, username)
    group = Group.objects.create(name="Chỉ vào trang quản trị")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_the_panel_and_menu_are_hidden_from_users_without_page_rights(client, overdue_world):
    client.force_login(admin_only_user())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "overdue-recommendations" not in html
    assert reverse("reports_followup") not in html


def test_quick_update_records_the_step_with_the_user_and_changes_the_status(
    client, approver, overdue_world
):
    """An approver's step is public at once; an editor's waits (tests/test_update_approval.py)."""
    recommendation = overdue_world["report"].recommendations.get(text="Kiến nghị quá hạn 03")
    url = reverse("reports_recommendation_update", args=[recommendation.pk])
    client.force_login(approver)
    form_page = client.get(url + "?next=/admin/")
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "Kiến nghị quá hạn 03" in html
    assert f'value="{TODAY:%d/%m/%Y}"' in html  # the date defaults to today

    document = Document.objects.create(title="Công văn số 12/SNV")
    response = client.post(
        url,
        {
            "status": S.DONE,
            "date": f"{TODAY:%Y-%m-%d}",
            "note": "Đã rà soát xong 12/12 xã",
            "evidence": document.pk,
            "source_text": "Công văn số 12/SNV",
            "next": "/admin/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    update = RecommendationUpdate.objects.get(recommendation=recommendation)
    assert update.recorded_by == approver
    assert update.status == S.DONE
    assert update.evidence == document
    assert update.note == "Đã rà soát xong 12/12 xã"
    recommendation.refresh_from_db()
    assert recommendation.status == S.DONE
    assert recommendation.status_date == TODAY
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Đã ghi nhận tình trạng “Đã thực hiện”" in m for m in messages)

    # The public tracker shows the new status and no longer counts it as overdue.
    tracker_html = client.get(overdue_world["tracker"].url + "?overdue=1").content.decode()
    assert "Kiến nghị quá hạn 03" not in tracker_html


def test_an_older_step_goes_into_history_without_rolling_the_status_back(
    client, approver, overdue_world
):
    recommendation = overdue_world["report"].recommendations.get(text="Kiến nghị đã xong")
    url = reverse("reports_recommendation_update", args=[recommendation.pk])
    client.force_login(approver)
    older = TODAY - timedelta(days=30)
    response = client.post(
        url, {"status": S.IN_PROGRESS, "date": f"{older:%Y-%m-%d}", "note": "", "source_text": ""}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("reports_followup")
    recommendation.refresh_from_db()
    assert recommendation.status == S.DONE
    assert recommendation.updates.count() == 2
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Tình trạng hiện tại vẫn là “Đã thực hiện”" in m for m in messages)


def test_the_form_rejects_future_dates_and_unknown_statuses(client, editor, overdue_world):
    recommendation = overdue_world["report"].recommendations.get(text="Kiến nghị quá hạn 01")
    url = reverse("reports_recommendation_update", args=[recommendation.pk])
    client.force_login(editor)
    future = TODAY + timedelta(days=3)
    response = client.post(url, {"status": "xong-roi", "date": f"{future:%Y-%m-%d}"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày cập nhật không được sau ngày hôm nay." in html
    assert not RecommendationUpdate.objects.filter(recommendation=recommendation).exists()


def test_redirects_only_back_into_this_site(client, editor, overdue_world):
    recommendation = overdue_world["report"].recommendations.get(text="Kiến nghị quá hạn 01")
    url = reverse("reports_recommendation_update", args=[recommendation.pk])
    client.force_login(editor)
    response = client.post(
        url,
        {"status": S.IN_PROGRESS, "date": f"{TODAY:%Y-%m-%d}", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("reports_followup")


def test_anonymous_visitors_are_sent_to_the_login_page(client, overdue_world):
    recommendation = overdue_world["report"].recommendations.get(text="Kiến nghị quá hạn 01")
    for url in (
        reverse("reports_recommendation_update", args=[recommendation.pk]),
        reverse("reports_followup"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    response = client.post(
        reverse("reports_recommendation_update", args=[recommendation.pk]),
        {"status": S.DONE, "date": f"{TODAY:%Y-%m-%d}"},
    )
    assert response.status_code == 302
    assert not recommendation.updates.exists()


def test_users_without_rights_cannot_record_updates(client, overdue_world):
    recommendation = overdue_world["report"].recommendations.get(text="Kiến nghị quá hạn 01")
    url = reverse("reports_recommendation_update", args=[recommendation.pk])
    data = {"status": S.DONE, "date": f"{TODAY:%Y-%m-%d}"}

    # A site account without admin access is sent to the login page.
    client.force_login(user_in(None, "bandoc"))
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))

    # Admin access without page rights: refused, back to the dashboard with a message.
    client.force_login(admin_only_user())
    for response in (client.post(url, data), client.get(reverse("reports_followup"))):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert not recommendation.updates.exists()
    recommendation.refresh_from_db()
    assert recommendation.status == S.NOT_STARTED


def test_followup_list_for_staff_with_menu_item(client, editor, overdue_world):
    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is JSON for the admin's script; labels are \u-escaped there.
    assert '"label": "Theo d\\u00f5i ki\\u1ebfn ngh\\u1ecb"' in home
    assert f'"url": "{reverse("reports_followup")}"' in home
    response = client.get(reverse("reports_followup") + "?overdue=1")
    assert response.status_code == 200
    html = response.content.decode()
    assert "12 kiến nghị, trong đó 12 quá hạn." in html
    assert html.count("Cập nhật tình trạng") == 12
    assert html.index("Kiến nghị quá hạn 12") < html.index("Kiến nghị quá hạn 01")
    assert overdue_world["tracker"].url in html  # link to the public page
    bad = client.get(reverse("reports_followup") + "?status=abc&overdue=x")
    assert bad.status_code == 200
    assert "Bộ lọc này được bỏ qua." in bad.content.decode()


def test_addressees_chosen_in_the_report_editor_are_saved(client, overdue_world):
    """Recommendation must be clusterable, or the inline panel's addressees are lost."""
    health = agency("Sở Y tế", abbreviation="SYT")
    admin = User.objects.create_superuser("quantri", "qt@x.vn", "x")
    client.force_login(admin)
    data = nested_form_data(
        {
            "title": "Giám sát y tế cơ sở",
            "slug": "giam-sat-y-te-co-so",
            "kind": "chuyen-de",
            "subject": "",
            "supervising_body": body().pk,
            "head": "",
            "follows_up": "",
            "localities_note": "",
            "period_start": "",
            "period_end": "",
            "report_date": "2024-01-02",
            "legal_bases": inline_formset([]),
            "sessions": inline_formset([]),
            "figures": inline_formset([]),
            "summary": "",
            "findings": rich_text(""),
            "shortcomings": rich_text(""),
            "agency_response": rich_text(""),
            "conclusion": rich_text(""),
            "recommendations": inline_formset(
                [
                    {
                        "text": "Bổ sung thuốc thiết yếu",
                        "deadline": "",
                        "position": "chua-phan-hoi",
                        "position_date": "",
                        "position_response": "",
                    }
                ]
            ),
            "reviews": inline_formset([]),
            "documents": inline_formset([]),
            "news_links": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data["recommendations-0-addressees"] = [health.pk]
    data["action-publish"] = "1"
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=("reports", "supervisionreportpage", overdue_world["index"].pk),
    )
    assert client.post(add_url, data).status_code == 302
    recommendation = Recommendation.objects.get(text="Bổ sung thuốc thiết yếu")
    assert list(recommendation.addressees.all()) == [health]
    client.logout()
    tracker_html = client.get(
        overdue_world["tracker"].url + f"?agency={health.pk}"
    ).content.decode()
    assert "Bổ sung thuốc thiết yếu" in tracker_html
