"""Only the office's Vietnamese groups remain: Wagtail's "Editors"/"Moderators" go.

Wagtail's own migrations create those two groups (and a "Moderators approval" workflow on
the root page); next to "Biên tập viên" and "Lãnh đạo duyệt tin" they confuse whoever
assigns roles in the admin.
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page, Task, Workflow

migration = import_module("news.migrations.0005_remove_wagtail_default_groups")


@pytest.mark.django_db
def test_after_migrations_only_the_vietnamese_groups_exist():
    assert sorted(Group.objects.values_list("name", flat=True)) == [
        "Biên tập viên",
        "Lãnh đạo duyệt tin",
    ]
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Duyệt tin"]
    assert list(Task.objects.values_list("name", flat=True)) == ["Lãnh đạo duyệt tin phê duyệt"]


@pytest.mark.django_db
def test_members_of_the_default_groups_move_to_the_vietnamese_ones():
    """A site migrated after people were put in "Editors"/"Moderators" keeps their roles."""
    root = Page.objects.get(depth=1)
    editors = Group.objects.create(name="Editors")
    moderators = Group.objects.create(name="Moderators")
    GroupPagePermission.objects.create(group=moderators, page=root, permission_type="publish")
    writer = User.objects.create_user("phongvien")
    writer.groups.add(editors)
    chief = User.objects.create_user("truongban")
    chief.groups.add(moderators)

    migration.remove_default_groups(apps, None)

    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert [g.name for g in writer.groups.all()] == ["Biên tập viên"]
    assert [g.name for g in chief.groups.all()] == ["Lãnh đạo duyệt tin"]


@pytest.mark.django_db
def test_permissions_granted_during_migrate_are_djangos_own():
    """Migration 0003 creates the permissions it grants before Django's post_migrate would:
    they must be the rows and names Django gives them, one each, as the admin lists them."""
    editors = Group.objects.get(name="Biên tập viên")
    granted = {
        (p.content_type.app_label, p.codename): p.name
        for p in Permission.objects.filter(
            Q(group=editors)
            | Q(grouppagepermission__group=editors)
            | Q(groupcollectionpermission__group=editors)
        ).select_related("content_type")
    }
    assert granted == {
        ("wagtailadmin", "access_admin"): "Can access Wagtail admin",
        ("wagtailcore", "add_page"): "Can add page",
        ("wagtailcore", "change_page"): "Can change page",
        ("wagtailimages", "add_image"): "Can add image",
        ("wagtailimages", "choose_image"): "Can choose image",
        ("wagtaildocs", "add_document"): "Can add document",
        ("wagtaildocs", "choose_document"): "Can choose document",
        # reports 0002: status changes are drafts an approver publishes
        ("reports", "add_recommendationupdate"): "Can add cập nhật tình trạng kiến nghị",
        ("reports", "change_recommendationupdate"): "Can change cập nhật tình trạng kiến nghị",
    }
    for app_label, codename in granted:
        assert (
            Permission.objects.filter(content_type__app_label=app_label, codename=codename).count()
            == 1
        )
