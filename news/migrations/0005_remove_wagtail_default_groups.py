"""Remove Wagtail's default "Editors" and "Moderators" groups and their workflow.

Wagtail's migrations create them (with rights over the root page and a "Moderators
approval" workflow); the office uses only "Biên tập viên" and "Lãnh đạo duyệt tin"
(0003). Choice: members are not dropped but moved (Editors → Biên tập viên, Moderators →
Lãnh đạo duyệt tin), then the default groups are deleted. Renaming was not possible: the
Vietnamese groups already exist under those names, with the rights the office wants.
"""

from django.db import migrations

MOVES = {"Editors": "Biên tập viên", "Moderators": "Lãnh đạo duyệt tin"}


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    WorkflowState = apps.get_model("wagtailcore.WorkflowState")
    TaskState = apps.get_model("wagtailcore.TaskState")

    old_groups = Group.objects.filter(name__in=MOVES)
    # Tasks that only these groups could approve ("Moderators approval").
    orphaned_tasks = [
        task
        for task in GroupApprovalTask.objects.filter(groups__in=old_groups).distinct()
        if not task.groups.exclude(pk__in=old_groups).exists()
    ]
    for group in old_groups:
        users = list(group.user_set.all())
        if users:
            target, _ = Group.objects.get_or_create(name=MOVES[group.name])
            target.user_set.add(*users)
    for task in orphaned_tasks:
        workflows = [link.workflow for link in task.workflow_tasks.select_related("workflow")]
        # Keep history intact: a task or workflow that has been used is only deactivated.
        for workflow in workflows:
            if WorkflowState.objects.filter(workflow=workflow).exists():
                workflow.active = False
                workflow.save(update_fields=["active"])
            else:
                workflow.delete()  # also its page assignments (the root page)
        if TaskState.objects.filter(task=task).exists():
            task.active = False
            task.save(update_fields=["active"])
        else:
            task.delete()
    old_groups.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_source_url_2000"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
