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
from wagtail.snippets.views.snippets import SnippetViewSet

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
    if workflow is None:  # no workflow assigned (removed in Settings): nothing to wait for
        revision.publish(user=user)
        return True
    workflow.start(update, user)
    return False


class RecommendationUpdateViewSet(SnippetViewSet):
    """The admin screens Wagtail's workflow needs (edit, approve, reject, history), under
    the follow-up menu rather than as a menu item of their own."""

    model = RecommendationUpdate
    icon = "tasks"
    add_to_admin_menu = False
    menu_label = RecommendationUpdate._meta.verbose_name_plural
    list_display = ["recommendation", "date", "status", "live", "recorded_by"]
    list_filter = ["status", "live"]


register_snippet(RecommendationUpdateViewSet)
