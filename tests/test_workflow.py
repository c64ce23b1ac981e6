"""Editors draft and submit; approvers ("Lãnh đạo duyệt tin") approve and publish."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsArticlePage
from tests.factories import make_article


def article_form(title: str, action: str) -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": "bai-thu-quy-trinh",
            "summary": "Sapo",
            "lead_image_alt": "",
            "lead_image_caption": "",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung</p>"))]),
            "author": "Nguyễn Thủy",
            "source": "",
            "tags": "",
            "related_links": inline_formset([]),
            "published_at": "",
            "source_url": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data[action] = "1"
    return data


def test_the_migration_creates_groups_and_the_duyet_tin_workflow(home):
    workflow = home.get_workflow()
    assert workflow.name == "Duyệt tin"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Lãnh đạo duyệt tin"]


def test_editor_can_draft_but_not_publish(client, sections, editor):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("news", "newsarticlepage", sections["council"].pk)
    )
    response = client.post(url, article_form("Bài của biên tập viên", "action-publish"))
    assert response.status_code in (200, 302)
    page = NewsArticlePage.objects.get(slug="bai-thu-quy-trinh")
    assert not page.live
    assert page.permissions_for_user(editor).can_publish() is False
    assert page.permissions_for_user(editor).can_edit() is True


def test_editor_submits_and_approver_publishes(client, sections, editor, approver):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("news", "newsarticlepage", sections["council"].pk)
    )
    client.post(url, article_form("Bài gửi duyệt", "action-submit"))
    page = NewsArticlePage.objects.get(slug="bai-thu-quy-trinh")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.live

    client.force_login(approver)
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    response = client.post(approve_url, {"comment": "Đồng ý"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    assert page.permissions_for_user(approver).can_unpublish() is True


def test_approver_can_unpublish(client, sections, approver):
    page = make_article(sections["council"], title="Bài sẽ gỡ")
    client.force_login(approver)
    client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    page.refresh_from_db()
    assert not page.live
    client.logout()
    assert client.get(sections["council"].url).content.decode().count("Bài sẽ gỡ") == 0


def test_scheduled_publishing_goes_live_only_when_due(client, sections):
    page = make_article(sections["council"], title="Bài hẹn giờ", live=False)
    page.go_live_at = timezone.now() + timedelta(hours=2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert page.scheduled_revision is not None

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live

    # Time passes: move the schedule into the past, as if two hours had gone by.
    revision = page.scheduled_revision
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert page.published_at is not None
    assert "Bài hẹn giờ" in client.get(sections["council"].url).content.decode()


def test_revisions_keep_history_and_can_be_reverted(sections):
    page = make_article(sections["council"], title="Tiêu đề ban đầu")
    first_revision = page.latest_revision
    page.title = "Tiêu đề sửa"
    page.save_revision().publish()
    assert page.revisions.count() == 2
    first_revision.as_object().save_revision().publish()
    page.refresh_from_db()
    assert page.title == "Tiêu đề ban đầu"


def test_admin_speaks_vietnamese(client, db):
    admin = User.objects.create_superuser("quantri", "qt@x.vn", "x")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="vi"' in html
    assert "Bảng điều khiển" in html  # the glossary's term for Dashboard (site/locale/vi)


def test_lead_image_needs_alt_text_when_the_library_has_none(sections):
    from django.core.exceptions import ValidationError

    from tests.factories import ImageFactory

    image = ImageFactory(description="")
    article = NewsArticlePage(title="Bài có ảnh", slug="bai-co-anh", lead_image=image)
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "lead_image_alt" in error.value.message_dict
    article.lead_image_alt = "Đại biểu phát biểu tại kỳ họp"
    article.clean()
