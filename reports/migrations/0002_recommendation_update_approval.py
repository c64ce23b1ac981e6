"""Status changes go through approval like pages do.

RecommendationUpdate becomes a Wagtail draft-state, revisioned, workflow model. The steps
already recorded count as approved: `live` defaults to True, and their publication time is
when they were recorded. The "Duyệt tin" workflow (news 0003) is assigned to the model, so
an editor's step waits for "Lãnh đạo duyệt tin". Editors may add and change steps (drafts);
approvers may also publish (approve directly) and delete them.
"""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F

editorial = import_module("news.migrations.0003_editorial_groups_and_workflow")

RIGHTS = {
    editorial.EDITORS: ["add", "change"],
    editorial.APPROVERS: ["add", "change", "delete", "publish"],
}


def approval_for_updates(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    RecommendationUpdate = apps.get_model("reports.RecommendationUpdate")

    RecommendationUpdate.objects.filter(first_published_at__isnull=True).update(
        first_published_at=F("recorded_at"), last_published_at=F("recorded_at")
    )
    content_type, _ = ContentType.objects.get_or_create(
        app_label="reports", model="recommendationupdate"
    )
    permission = editorial.permission_getter(apps)
    for group_name, actions in RIGHTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for action in actions:
            codename = f"{action}_recommendationupdate"
            if action == "publish":
                # Wagtail adds "publish" to draft-state snippets after migrate, with this
                # name; created here first so the group can hold it (post_migrate finds it).
                granted, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=codename,
                    defaults={"name": "Can publish cập nhật tình trạng kiến nghị"},
                )
            else:
                granted = permission("reports", codename)
            group.permissions.add(granted)
    workflow = Workflow.objects.filter(name=editorial.WORKFLOW).first()
    if workflow is not None:
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def no_approval_for_updates(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type = ContentType.objects.filter(
        app_label="reports", model="recommendationupdate"
    ).first()
    if content_type is not None:
        apps.get_model("wagtailcore.WorkflowContentType").objects.filter(
            content_type=content_type
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("news", "0005_remove_wagtail_default_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="recommendationupdate",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="recommendationupdate",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="recommendationupdate",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True, db_index=True, null=True, verbose_name="first published at"
            ),
        ),
        migrations.AddField(
            model_name="recommendationupdate",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="recommendationupdate",
            name="has_unpublished_changes",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="has unpublished changes"
            ),
        ),
        migrations.AddField(
            model_name="recommendationupdate",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="recommendationupdate",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="recommendationupdate",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="recommendationupdate",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.RunPython(approval_for_updates, no_approval_for_updates),
    ]
