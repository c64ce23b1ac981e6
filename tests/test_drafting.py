"""An editor turns a supervision article into a draft report from the admin."""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from django.utils import timezone

from reports.admin import drafting_hooks
from reports.enums import ReportKind
from reports.models import Agency, Person, ReportIndexPage, SupervisingBody, SupervisionReportPage
from tests.factories import make_article
from tests.report_factories import agency, body, district, make_report_index, person

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_723b3583e144136b.txt"

# A story in the genre's words, written for these tests.
STORY = [
    "Chiều nay (14/5/2021), Đoàn giám sát của Ban Văn hoá - Xã hội HĐND tỉnh do đồng chí "
    "Vũ Thị Huyền, Trưởng Ban Văn hoá - Xã hội HĐND tỉnh, trưởng đoàn giám sát đã làm việc "
    "tại Sở Lao động - Thương binh và Xã hội về việc thực hiện chính sách hỗ trợ người có "
    "công với cách mạng.",
    "Qua giám sát thực tế tại 6 xã thuộc 02 huyện (Sìn Hồ, Phong Thổ), đoàn nhận thấy chính "
    "sách được triển khai kịp thời, đúng đối tượng. Tính đến 31/3/2021, toàn tỉnh có 2.345 "
    "người có công đang hưởng trợ cấp hằng tháng, kinh phí chi trả 41,5 tỷ đồng.",
    "Bên cạnh kết quả đạt được, việc rà soát hồ sơ còn chậm, một số nơi còn hạn chế trong "
    "lưu trữ hồ sơ, bất cập trong phối hợp giữa các ngành chưa được khắc phục.",
    "Lãnh đạo Sở đã giải trình, tiếp thu các ý kiến của đoàn giám sát và sẽ chỉ đạo khắc "
    "phục trong thời gian tới.",
    "Kết luận buổi giám sát, đồng chí Trưởng đoàn ghi nhận kết quả Sở đạt được. Đồng chí đề "
    "nghị Sở Lao động - Thương binh và Xã hội đẩy nhanh việc số hóa hồ sơ người có công; "
    "tăng cường kiểm tra việc chi trả trợ cấp ở cơ sở; phối hợp với Bưu điện tỉnh bảo đảm "
    "chi trả đúng hạn./.",
]


def user_in(group: str, username: str) -> User:
    user = User.objects.create_user(username=username, password="x")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return user_in("Biên tập viên", "bientap")


@pytest.fixture
def index(home):
    return make_report_index()


@pytest.fixture
def article(sections):
    return make_article(
        sections["committees"],
        title="Giám sát chính sách đối với người có công",
        summary="",
        body=[("paragraph", f"<p>{text}</p>") for text in STORY],
        published_at=timezone.make_aware(datetime(2021, 5, 14, 18, 0)),
    )


@pytest.fixture
def districts(db):
    return [district("Sìn Hồ", "108"), district("Phong Thổ", "109"), district("Tam Đường", "106")]


def action_url(article) -> str:
    return reverse("reports_draft_from_article", args=[article.pk])


def test_the_button_is_on_the_article_edit_page_and_in_the_listing(client, editor, article, index):
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert edit.status_code == 200
    assert action_url(article) in edit.content.decode()
    assert "Tạo báo cáo giám sát từ bài viết" in edit.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[article.get_parent().pk]))
    assert action_url(article) in listing.content.decode()


def test_the_listing_decides_whether_to_offer_the_button_once(
    client, editor, article, index, monkeypatch
):
    # Each row asks; the decision walks the report lists and their permissions, so a long
    # listing must not repeat it per article.
    articles = [article] + [
        make_article(article.get_parent(), title=f"Bài viết thêm {number}") for number in range(3)
    ]
    calls = []
    decide = drafting_hooks.target_index_for
    monkeypatch.setattr(
        drafting_hooks, "target_index_for", lambda user: calls.append(user.pk) or decide(user)
    )
    client.force_login(editor)
    listing = client.get(reverse("wagtailadmin_explore", args=[article.get_parent().pk]))
    assert all(action_url(item) in listing.content.decode() for item in articles)
    assert calls == [editor.pk]
    client.get(reverse("wagtailadmin_explore", args=[article.get_parent().pk]))
    assert calls == [editor.pk, editor.pk]  # the next request decides afresh


def test_the_button_is_not_offered_on_other_pages(client, editor, sections, index):
    client.force_login(editor)
    page = sections["committees"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert reverse("reports_draft_from_article", args=[page.pk]) not in response.content.decode()


def test_confirmation_page_shows_what_was_found_and_creates_nothing(client, editor, article, index):
    client.force_login(editor)
    response = client.get(action_url(article))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ban Văn hóa - Xã hội" in html and "Vũ Thị Huyền" in html
    assert "14/05/2021" in html
    assert not SupervisionReportPage.objects.exists()


def test_posting_creates_a_linked_draft_for_the_editor_to_check(
    client, editor, article, index, districts
):
    existing_body, existing_agency, existing_person = body(), agency(), person()
    client.force_login(editor)
    response = client.post(action_url(article), follow=True)

    report = SupervisionReportPage.objects.get()
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[report.pk])
    assert response.status_code == 200  # the edit form renders with the pre-filled data
    assert "Đã tạo bản nháp báo cáo" in response.content.decode()
    assert not report.live and report.get_parent().pk == index.pk
    revision = report.latest_revision
    assert revision is not None and revision.user == editor
    # Linked both ways.
    assert report.source_article_id == article.pk
    assert [link.report_id for link in article.supervision_report_links.all()] == [report.pk]
    # The article's facts, matched to the reference data already there.
    assert report.supervising_body == existing_body
    assert report.head == existing_person
    assert list(report.agencies.all()) == [existing_agency]
    assert report.report_date == date(2021, 5, 14)
    assert [s.held_on for s in report.sessions.all()] == [date(2021, 5, 14)]
    assert {u.short_name for u in report.localities.all()} == {"Sìn Hồ", "Phong Thổ"}
    assert report.localities_note == "6 xã thuộc 02 huyện: Sìn Hồ, Phong Thổ"
    assert report.title.startswith("Giám sát việc thực hiện chính sách hỗ trợ người có công")
    assert report.kind == ReportKind.THEMATIC
    figures = {f.value: f for f in report.figures.all()}
    assert figures[Decimal("2345")].as_of == date(2021, 3, 31)
    assert figures[Decimal("41.5")].unit == "tỷ đồng"
    assert report.findings.startswith("<p>Qua giám sát thực tế")
    assert report.shortcomings.startswith("<p>Bên cạnh kết quả đạt được")
    assert report.agency_response.startswith("<p>Lãnh đạo Sở đã giải trình")
    assert report.conclusion.startswith("<p>Kết luận buổi giám sát")
    recommendations = list(report.recommendations.all())
    assert [r.text for r in recommendations] == [
        "Đẩy nhanh việc số hóa hồ sơ người có công",
        "Tăng cường kiểm tra việc chi trả trợ cấp ở cơ sở",
        "Phối hợp với Bưu điện tỉnh bảo đảm chi trả đúng hạn",
    ]
    assert all(list(r.addressees.all()) == [existing_agency] for r in recommendations)
    # The edit form reads the latest revision: the addressees must be in it too.
    in_revision = report.get_latest_revision_as_object().recommendations.all()
    assert all(list(r.addressees.all()) == [existing_agency] for r in in_revision)
    # Nothing was duplicated in the reference data.
    assert SupervisingBody.objects.count() == Agency.objects.count() == Person.objects.count() == 1


def test_a_second_post_opens_the_same_draft(client, editor, article, index):
    client.force_login(editor)
    first = client.post(action_url(article))
    second = client.post(action_url(article), follow=True)
    report = SupervisionReportPage.objects.get()
    assert first["Location"] == reverse("wagtailadmin_pages:edit", args=[report.pk])
    assert second.redirect_chain[-1][0] == first["Location"]
    assert "đã có báo cáo" in second.content.decode()
    # And the confirmation page now points at it instead of offering to create one.
    page = client.get(action_url(article)).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[report.pk]) in page
    assert "Tạo bản nháp báo cáo" not in page


def test_missing_reference_data_is_created(client, editor, article, index):
    client.force_login(editor)
    client.post(action_url(article))
    report = SupervisionReportPage.objects.get()
    assert report.supervising_body.name == "Ban Văn hóa - Xã hội"
    assert (report.head.name, report.head.position) == (
        "Vũ Thị Huyền",
        "Trưởng Ban Văn hóa - Xã hội",
    )
    assert [a.name for a in report.agencies.all()] == ["Sở Lao động - Thương binh và Xã hội"]
    assert report.localities.count() == 0  # no units loaded: the note still names them
    assert "Sìn Hồ" in report.localities_note


def test_without_a_report_list_the_editor_gets_a_clear_message(client, editor, article):
    client.force_login(editor)
    response = client.post(action_url(article))
    assert response.status_code == 200
    assert "Chưa có trang “Báo cáo giám sát”" in response.content.decode()
    assert not SupervisionReportPage.objects.exists()
    assert not ReportIndexPage.objects.exists()


def test_a_user_who_cannot_add_reports_is_refused(client, article, index):
    group = Group.objects.create(name="Chỉ xem quản trị")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    viewer = User.objects.create_user(username="xem", password="x")
    viewer.groups.add(group)
    client.force_login(viewer)
    # Wagtail answers a refused admin action by sending the user to the dashboard.
    response = client.post(action_url(article))
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not SupervisionReportPage.objects.exists()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert action_url(article) not in edit.content.decode()


def test_an_article_with_nothing_to_find_still_gives_a_draft(client, editor, sections, index):
    empty = make_article(sections["news"], title="Thông báo lịch tiếp công dân", summary="")
    client.force_login(editor)
    response = client.post(action_url(empty), follow=True)
    report = SupervisionReportPage.objects.get()
    assert report.title == "Thông báo lịch tiếp công dân"
    assert report.supervising_body is None and not report.live
    assert "Bài viết không nêu rõ" in response.content.decode()


def test_the_source_article_becomes_a_draft_with_its_figures(client, editor, sections, index):
    if not SOURCE.is_file():
        pytest.skip(f"thiếu bài nguồn {SOURCE}")
    lines = [line for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    source = make_article(
        sections["committees"],
        title=lines[1],
        summary="",
        body=[("paragraph", f"<p>{line}</p>") for line in lines[4:]],
        published_at=timezone.make_aware(datetime(2020, 10, 27, 8, 18)),
    )
    for name, code in (("Tam Đường", "106"), ("Sìn Hồ", "108"), ("Phong Thổ", "109")):
        district(name, code)
    client.force_login(editor)
    client.post(action_url(source))
    report = SupervisionReportPage.objects.get()
    assert report.supervising_body.name == "Ban Văn hóa - Xã hội"
    assert report.head.name == "Vũ Thị Huyền"
    assert [a.name for a in report.agencies.all()] == ["Sở Lao động - Thương binh và Xã hội"]
    assert report.report_date == date(2020, 10, 26)
    assert {u.short_name for u in report.localities.all()} == {"Tam Đường", "Sìn Hồ", "Phong Thổ"}
    assert report.localities_note.startswith("12 xã")
    figures = {f.value: f.as_of for f in report.figures.all()}
    for value in ("8712", "7961", "646", "105"):
        assert figures[Decimal(value)] == date(2020, 6, 30)
    assert report.recommendations.count() == 4
