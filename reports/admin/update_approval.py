"""Recording a status step: an approver's goes straight to the public, an editor's waits.

The approval itself is Wagtail's: the step is a draft revision of a RecommendationUpdate
sent through the model's workflow ("Duyệt tin"), so approvers find it on their dashboard
("Chờ bạn duyệt"), approve or reject it in the snippet editor, and Wagtail keeps the
history, the comments and the moderation e-mails exactly as for pages.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from ..models import RecommendationUpdate


def can_approve(user: AbstractBaseUser) -> bool:
    """Approvers ("Lãnh đạo duyệt tin") and superusers publish a step without a workflow."""
    return user.is_superuser or user.has_perm("reports.publish_recommendationupdate")


@transaction.atomic
def record(update: RecommendationUpdate, user: AbstractBaseUser) -> bool:
    """Save a new step; True if it is public now, False if it waits for approval.

    Either way it is saved as a draft with a revision first, as Wagtail's own editor does,
    so the revision history and the audit log read the same for both paths.
    """
    update.recorded_by = user
    update.live = False
    update.save()
    revision = update.save_revision(user=user, log_action=True)
    if can_approve(user):
        revision.publish(user=user)
        return True
    workflow = update.get_workflow()
    # Without a workflow (removed in Settings) the step stays a draft, as an editor's page
    # would: an approver publishes it from the step's editor. Never public by default.
    if workflow is not None:
        workflow.start(update, user)
    return False


class UpdateEditView(EditView):
    """Wagtail's snippet editor, except that approving or rejecting an unchanged step
    saves no new revision.

    The generic editor saves a revision on every post, the workflow buttons included; with
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT (config/settings/base.py) that new revision
    counts as an edit, so the approval just given is for an old revision and the step goes
    back to waiting: "Duyệt" in the footer never published anything. Changed content is
    still saved and still needs approval again.
    """

    def save_instance(self):
        if self.action == "workflow-action" and not self._content_changed():
            self.has_content_changes = False
            self.new_revision = None
            return self.object
        return super().save_instance()

    def _content_changed(self) -> bool:
        # Compared on cleaned values with what was submitted: the form's has_changed()
        # reports the dd/mm/yyyy date as changed even when the day is the same.
        submitted = self.live_object.get_latest_revision_as_object()
        return any(
            getattr(submitted, name) != value for name, value in self.form.cleaned_data.items()
        )


class RecommendationUpdateViewSet(SnippetViewSet):
    """The admin screens Wagtail's workflow needs (edit, approve, reject, history), under
    the follow-up menu rather than as a menu item of their own."""

    model = RecommendationUpdate
    edit_view_class = UpdateEditView
    icon = "tasks"
    add_to_admin_menu = False
    menu_label = RecommendationUpdate._meta.verbose_name_plural
    list_display = ["recommendation", "date", "status", "live", "recorded_by"]
    list_filter = ["status", "live"]


register_snippet(RecommendationUpdateViewSet)
