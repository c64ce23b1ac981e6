"""A status change by a "Biên tập viên" waits for an approver, like a page does.

The editor's step is stored as a draft in Wagtail's "Duyệt tin" workflow: until a
"Lãnh đạo duyệt tin" approves it, every public surface (report page, tracker, its CSV, the
API) shows the status and history as they were. Approved, it is public with its date;
rejected, it never is. Approvers' own steps go straight through (tests/test_admin_followup.py).
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import WorkflowState

from reports.enums import RecommendationStatus as S
from reports.models import RecommendationUpdate
from tests.conftest import PINNED_TODAY
from tests.report_factories import (
    address,
    agency,
    make_report,
    make_report_index,
    make_tracker,
    record_update,
)

pytestmark = pytest.mark.usefixtures("pinned_clock")
TODAY = PINNED_TODAY
PENDING_NOTE = "Ghi chú đang chờ lãnh đạo duyệt"


@pytest.fixture
def world(home):
    index = make_report_index()
    tracker = make_tracker(index)
    report = make_report(
        index,
        title="Giám sát chính sách trợ giúp xã hội",
        recommendations=[
            {"text": "Rà soát hộ nghèo quá hạn", "deadline": TODAY - timedelta(days=40)}
        ],
    )
    recommendation = report.recommendations.get()
    address(recommendation, agency())
    record_update(recommendation, S.IN_PROGRESS, TODAY - timedelta(days=60), note="Đã bắt đầu")
    return {"report": report, "tracker": tracker, "recommendation": recommendation}


def submit_as_editor(client, editor, recommendation) -> RecommendationUpdate:
    client.force_login(editor)
    response = client.post(
        reverse("reports_recommendation_update", args=[recommendation.pk]),
        {"status": S.DONE, "date": f"{TODAY:%Y-%m-%d}", "note": PENDING_NOTE, "source_text": ""},
    )
    assert response.status_code == 302
    client.logout()
    return RecommendationUpdate.objects.get(note=PENDING_NOTE)


def public_surfaces(client, world) -> dict[str, str]:
    """What a logged-out reader gets from each public place that shows the follow-up."""
    report, tracker = world["report"], world["tracker"]
    raw_csv = b"".join(client.get(tracker.url + "csv/").streaming_content).decode("utf-8-sig")
    return {
        "home": client.get("/").content.decode(),  # its block of overdue recommendations
        "report page": client.get(report.url).content.decode(),
        "tracker": client.get(tracker.url).content.decode(),
        "tracker done": client.get(tracker.url, {"status": S.DONE}).content.decode(),
        "tracker overdue": client.get(tracker.url, {"overdue": "1"}).content.decode(),
        "csv": raw_csv,
        "csv rows": list(csv.reader(io.StringIO(raw_csv))),
        "api report": client.get(f"/api/v1/reports/{report.pk}/").json(),
        "api list": client.get("/api/v1/recommendations/").json(),
        "api done": client.get("/api/v1/recommendations/", {"status": S.DONE}).json(),
    }


def assert_still_in_progress(seen: dict) -> None:
    for place in ("report page", "tracker", "csv"):
        assert PENDING_NOTE not in seen[place], place
    assert "Rà soát hộ nghèo quá hạn" not in seen["tracker done"]
    assert "Rà soát hộ nghèo quá hạn" in seen["tracker overdue"]  # still overdue
    assert "Rà soát hộ nghèo quá hạn" in seen["home"]
    assert "Đang thực hiện" in seen["csv rows"][1]
    assert "Đã thực hiện" not in seen["csv rows"][1]
    (item,) = seen["api list"]["items"]
    assert item["status"]["value"] == S.IN_PROGRESS and item["overdue"] is True
    assert [step["status"]["value"] for step in item["history"]] == [S.IN_PROGRESS]
    assert seen["api done"]["count"] == 0
    (detail,) = seen["api report"]["recommendations"]
    assert [step["status"]["value"] for step in detail["history"]] == [S.IN_PROGRESS]
    assert PENDING_NOTE not in str(seen["api report"])


def test_an_editors_step_waits_in_the_workflow_and_no_public_surface_shows_it(
    client, editor, world
):
    update = submit_as_editor(client, editor, world["recommendation"])

    assert update.live is False and update.recorded_by == editor
    state = WorkflowState.objects.for_instance(update).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Duyệt tin"
    world["recommendation"].refresh_from_db()
    assert world["recommendation"].status == S.IN_PROGRESS
    assert_still_in_progress(public_surfaces(client, world))


def test_the_editor_is_told_the_step_waits_for_approval(client, editor, world):
    client.force_login(editor)
    response = client.post(
        reverse("reports_recommendation_update", args=[world["recommendation"].pk]),
        {"status": S.DONE, "date": f"{TODAY:%Y-%m-%d}", "note": "", "source_text": ""},
        follow=True,
    )
    assert "để lãnh đạo duyệt" in response.content.decode()


def approve(client, approver, update: RecommendationUpdate, action: str = "approve"):
    state = WorkflowState.objects.for_instance(update).get()
    client.force_login(approver)
    url = reverse(
        "wagtailsnippets_reports_recommendationupdate:workflow_action",
        args=[update.pk, action, state.current_task_state.pk],
    )
    response = client.post(url, {"comment": "Đồng ý"} if action == "approve" else {})
    assert response.status_code in (200, 302)
    client.logout()


def test_an_approved_step_becomes_public_with_its_date(client, editor, approver, world):
    update = submit_as_editor(client, editor, world["recommendation"])
    approve(client, approver, update)

    update.refresh_from_db()
    assert update.live is True
    seen = public_surfaces(client, world)
    (item,) = seen["api list"]["items"]
    assert item["status"]["value"] == S.DONE and item["overdue"] is False
    assert [step["date"] for step in item["history"]][-1] == f"{TODAY:%Y-%m-%d}"
    assert PENDING_NOTE in seen["report page"]
    assert "Rà soát hộ nghèo quá hạn" in seen["tracker done"]
    assert "Rà soát hộ nghèo quá hạn" not in seen["tracker overdue"]
    assert "Rà soát hộ nghèo quá hạn" not in seen["home"]
    assert "Đã thực hiện" in seen["csv rows"][1]


def test_a_rejected_step_never_becomes_public(client, editor, approver, world):
    update = submit_as_editor(client, editor, world["recommendation"])
    approve(client, approver, update, action="reject")

    update.refresh_from_db()
    assert update.live is False
    assert (
        WorkflowState.objects.for_instance(update).get().status
        == WorkflowState.STATUS_NEEDS_CHANGES
    )
    assert_still_in_progress(public_surfaces(client, world))


def test_editors_cannot_approve_their_own_step(client, editor, world):
    update = submit_as_editor(client, editor, world["recommendation"])
    approve(client, editor, update)
    update.refresh_from_db()
    assert update.live is False
    world["recommendation"].refresh_from_db()
    assert world["recommendation"].status == S.IN_PROGRESS


def test_existing_steps_count_as_approved_and_the_workflow_covers_new_ones(editor, approver):
    assert RecommendationUpdate._meta.get_field("live").default is True
    assert RecommendationUpdate().get_workflow().name == "Duyệt tin"
    assert not editor.has_perm("reports.publish_recommendationupdate")
    assert editor.has_perm("reports.change_recommendationupdate")
    assert approver.has_perm("reports.publish_recommendationupdate")
    # Created by the migration before Wagtail's post_migrate would: still only one.
    assert Permission.objects.filter(codename="publish_recommendationupdate").count() == 1


def edit_form(update: RecommendationUpdate, **changes) -> dict:
    data = {
        "recommendation": update.recommendation_id,
        "status": update.status,
        "date": f"{update.date:%d/%m/%Y}",
        "note": update.note,
        "evidence": "",
        "source_text": update.source_text,
        "action-workflow-action": "1",
        "workflow-action-name": "approve",
        "workflow-action-extra-data": "{}",
    }
    data.update(changes)
    return data


def test_approving_from_the_editor_publishes_the_step_as_submitted(client, editor, approver, world):
    update = submit_as_editor(client, editor, world["recommendation"])
    client.force_login(approver)
    url = reverse("wagtailsnippets_reports_recommendationupdate:edit", args=[update.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, edit_form(update))
    assert response.status_code == 302

    update.refresh_from_db()
    assert update.live is True
    world["recommendation"].refresh_from_db()
    assert world["recommendation"].status == S.DONE
    assert world["recommendation"].status_date == TODAY


def test_an_approver_who_edits_the_step_while_approving_must_approve_again(
    client, editor, approver, world
):
    update = submit_as_editor(client, editor, world["recommendation"])
    client.force_login(approver)
    url = reverse("wagtailsnippets_reports_recommendationupdate:edit", args=[update.pk])
    client.post(url, edit_form(update, note="Sửa lại ghi chú"))

    update.refresh_from_db()
    assert update.live is False  # Wagtail's re-approval on edit, as for pages
    assert WorkflowState.objects.for_instance(update).get().status == (
        WorkflowState.STATUS_IN_PROGRESS
    )


def test_search_filters_by_the_approved_status_only(client, editor, approver, world):
    from search.indexing import rebuild_entries

    def found(status: str) -> list[str]:
        rebuild_entries()  # what the live index update or a nightly rebuild would write
        response = client.get("/api/v1/search/", {"q": "rà soát hộ nghèo", "status": status})
        assert response.status_code == 200
        return [item["title"] for item in response.json()["items"]]

    update = submit_as_editor(client, editor, world["recommendation"])
    assert found(S.DONE) == []
    assert found(S.IN_PROGRESS) == ["Rà soát hộ nghèo quá hạn"]

    approve(client, approver, update)
    assert found(S.DONE) == ["Rà soát hộ nghèo quá hạn"]
    assert found(S.IN_PROGRESS) == []


def test_the_migration_publishes_existing_steps_at_the_time_they_were_recorded(world):
    """Steps recorded before approval existed keep counting, as approved when recorded."""
    from importlib import import_module

    from django.apps import apps
    from wagtail.models import WorkflowContentType

    migration = import_module("reports.migrations.0002_recommendation_update_approval")
    old = RecommendationUpdate.objects.get()
    RecommendationUpdate.objects.filter(pk=old.pk).update(
        first_published_at=None, last_published_at=None
    )
    WorkflowContentType.objects.all().delete()

    migration.approval_for_updates(apps, None)

    old.refresh_from_db()
    assert old.live and old.first_published_at == old.recorded_at == old.last_published_at
    assert RecommendationUpdate().get_workflow().name == "Duyệt tin"


def test_without_a_workflow_an_editors_step_stays_a_draft(client, editor, world):
    from wagtail.models import WorkflowContentType

    WorkflowContentType.objects.all().delete()  # an administrator removed the assignment
    update = submit_as_editor(client, editor, world["recommendation"])

    assert update.live is False
    assert not WorkflowState.objects.for_instance(update).exists()
    assert_still_in_progress(public_surfaces(client, world))
