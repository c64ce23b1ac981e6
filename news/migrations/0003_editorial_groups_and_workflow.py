"""Editors draft and submit; approvers publish. One workflow, "Duyệt tin", over the site.

Groups:
- "Biên tập viên": admin access, add/edit pages under the home page, images and documents;
  no publish permission, so every article goes through the workflow.
- "Lãnh đạo duyệt tin": the same plus publish (which also allows unpublish), and the
  approval task of the workflow.
"""

from django.db import migrations

EDITORS = "Biên tập viên"
APPROVERS = "Lãnh đạo duyệt tin"
WORKFLOW = "Duyệt tin"
TASK = "Lãnh đạo duyệt tin phê duyệt"


def permission_getter(apps):
    """permission(app_label, codename), creating the permission if it isn't there yet.

    Django creates content types and permissions after all migrations (post_migrate), so
    on a fresh database they don't exist yet. They are created here the way Django would:
    from the historical model's Meta (default_permissions, permissions), with Django's
    default name "Can <action> <verbose name>"; post_migrate then finds them in place.
    """
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")

    def permission(app_label, codename):
        for model in apps.get_app_config(app_label).get_models():
            opts = model._meta
            names = {
                f"{action}_{opts.model_name}": f"Can {action} {opts.verbose_name_raw}"
                for action in opts.default_permissions
            }
            names.update(opts.permissions)
            if codename in names:
                content_type, _ = ContentType.objects.get_or_create(
                    app_label=app_label, model=opts.model_name
                )
                found, _ = Permission.objects.get_or_create(
                    content_type=content_type, codename=codename, defaults={"name": names[codename]}
                )
                return found
        raise LookupError(f"No permission {app_label}.{codename}")

    return permission


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    HomePage = apps.get_model("news.HomePage")

    permission = permission_getter(apps)
    home = HomePage.objects.order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = permission("wagtailadmin", "access_admin")

    page_rights = {
        EDITORS: ["add_page", "change_page"],
        APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    }
    media_rights = {
        EDITORS: [("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
                  ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document")],
        APPROVERS: [("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
                    ("wagtailimages", "choose_image"), ("wagtaildocs", "add_document"),
                    ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document")],
    }
    groups = {}
    for name, codenames in page_rights.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        groups[name] = group
        if home is not None:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=home.pk, permission=permission("wagtailcore", codename)
                )
        if root_collection is not None:
            for app_label, codename in media_rights[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(app_label, codename),
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set([groups[APPROVERS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if home is not None:
        WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})


def remove_groups_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=TASK).delete()
    apps.get_model("auth.Group").objects.filter(name__in=[EDITORS, APPROVERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_create_home_page"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow)]
