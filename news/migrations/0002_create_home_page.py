"""Replace Wagtail's placeholder root page with the portal's home page ("Trang chủ")."""

from django.db import migrations
from django.utils import timezone


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("news.HomePage")

    placeholder_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=placeholder_type, depth=2).delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="news")
    locale = Locale.objects.order_by("pk").first()
    now = timezone.now()
    home = HomePage.objects.create(
        title="Trang chủ",
        draft_title="Trang chủ",
        slug="trang-chu",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/trang-chu/",
        locale=locale,
        live=True,
        first_published_at=now,
        last_published_at=now,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page_id=home.pk,
        is_default_site=True,
        site_name="Trang thông tin điện tử HĐND tỉnh",
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("news.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
