"""`manage.py backup` and `manage.py restore`: a site seeded, backed up, wiped and restored
is the same site: pages, recommendations, search results and image files.

Runs on the database the suite runs on (SQLite in memory, or PostgreSQL through
DATABASE_URL: pg_dump/pg_restore then work on pytest-django's test database).
Transactional: pg_dump and pg_restore are other processes, which see only committed rows.
"""

from __future__ import annotations

import io
import json
import tarfile
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import connection
from wagtail.images.models import Image
from wagtail.models import Page

from core.backup.archive import installation_is_empty
from reports.models import Recommendation
from search.indexing import rebuild_entries
from tests.factories import ImageFactory, home_page, make_article, make_section_chain
from tests.report_factories import make_report, make_report_index

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUERIES = ["giam sat", "tro giup xa hoi", "Ban VH-XH"]


@pytest.fixture
def media_root(settings, tmp_path):
    # A folder of its own: the suite's shared media folder holds other tests' uploads.
    settings.MEDIA_ROOT = tmp_path / "media"
    yield settings.MEDIA_ROOT
    # serialized_rollback reloads the migrations' rows after this test, saving Wagtail's
    # tasks before the content types; a task then looks its content type up in the cache,
    # which restore emptied (rightly: the ids were the old database's). Without this the
    # lookup would create the row and the reload's own copy would collide with it.
    if ContentType.objects.exists():
        ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


def seed() -> None:
    sections = make_section_chain(home_page())
    photo = ImageFactory(title="Đoàn giám sát làm việc tại huyện")
    photo.get_rendition("fill-320x200")
    articles = [
        make_article(
            sections["committees"],
            "Giám sát việc thực hiện chính sách trợ giúp xã hội",
            lead_image=photo,
            lead_image_alt="Đoàn giám sát",
        ),
        make_article(sections["council"], "Kỳ họp thứ mười hai HĐND tỉnh"),
    ]
    index = make_report_index(home_page())
    make_report(
        index,
        recommendations=[
            {
                "text": "Rà soát đối tượng hưởng trợ cấp xã hội hằng tháng",
                "deadline": date(2021, 6, 30),
            },
            {"text": "Chi trả trợ cấp đúng hạn qua bưu điện", "is_priority": True},
        ],
        articles=articles[:1],
    )
    rebuild_entries()


def snapshot(client) -> dict:
    """What a reader (and the image files) show: compared before and after."""
    pages = []
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        response = client.get(page.url)
        title = BeautifulSoup(response.content, "html.parser").title
        pages.append((page.url, response.status_code, title and title.get_text(strip=True)))
    searches = {}
    for query in QUERIES:
        found = BeautifulSoup(client.get("/tim-kiem/", {"q": query}).content, "html.parser")
        searches[query] = [
            " ".join(a.get_text().split()) for a in found.select(".search-hit__title a")
        ]
    images = {}
    for image in Image.objects.order_by("title"):
        with image.file.open("rb") as handle:
            images[image.title] = handle.read()
        for rendition in image.renditions.all():
            with rendition.file.open("rb") as handle:
                images[f"{image.title} {rendition.filter_spec}"] = (rendition.url, handle.read())
    return {
        "pages": pages,
        "recommendations": list(
            Recommendation.objects.order_by("text").values_list(
                "text", "status", "deadline", "is_priority"
            )
        ),
        "searches": searches,
        "images": images,
    }


def wipe(media_root: Path) -> None:
    # Every row deleted, as `flush` would, with nothing put back by post_migrate: an empty
    # installation. The id sequences are kept: a test that restores nothing afterwards would
    # otherwise leave them at 1, below the rows the next test's serialized_rollback reloads.
    tables = connection.introspection.django_table_names(only_existing=True)
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, reset_sequences=False, allow_cascade=True)
    )
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def backup(path: Path) -> str:
    out = io.StringIO()
    call_command("backup", output=path, stdout=out)
    return out.getvalue()


def test_a_restored_backup_is_the_same_site(client, media_root, tmp_path):
    seed()
    before = snapshot(client)
    assert len(before["pages"]) >= 6 and all(status == 200 for _u, status, _t in before["pages"])
    assert before["searches"]["giam sat"] and before["searches"]["Ban VH-XH"]
    assert len(before["images"]) >= 2 and len(before["recommendations"]) == 2

    archive = tmp_path / "backups" / "site.tar.gz"
    printed = backup(archive)
    assert str(archive) in printed and f"{len(before['images'])} tệp media" in printed

    wipe(media_root)
    assert not Page.objects.exists() and not list(media_root.rglob("*.*"))
    assert client.get(before["pages"][-1][0]).status_code == 404

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out, stderr=out)
    assert "Đã khôi phục" in out.getvalue() and "Cảnh báo" not in out.getvalue()
    assert snapshot(client) == before


def test_the_manifest_names_versions_migrations_counts_and_checksums(media_root, tmp_path):
    seed()
    archive = tmp_path / "site.tar.gz"
    backup(archive)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["versions"]["django"].startswith("5.2")
    assert manifest["versions"]["wagtail"].startswith("8.")
    assert "news" in manifest["migrations"] and "wagtailcore" in manifest["migrations"]
    assert manifest["counts"]["reports.Recommendation"] == 2
    assert manifest["counts"]["wagtailimages.Image"] == 1
    assert set(manifest["files"]) == set(names) - {"manifest.json"}
    assert all(len(digest) == 64 for digest in manifest["files"].values())


def test_restore_refuses_a_site_with_data_unless_forced(client, media_root, tmp_path):
    assert installation_is_empty()  # what `migrate` alone leaves: restore goes ahead
    seed()
    assert not installation_is_empty()
    archive = tmp_path / "site.tar.gz"
    backup(archive)
    make_article(Page.objects.get(title="Hội đồng nhân dân tỉnh"), "Bài viết sau khi sao lưu")
    with pytest.raises(CommandError, match="đã có dữ liệu.*--force"):
        call_command("restore", str(archive))
    assert Page.objects.filter(title="Bài viết sau khi sao lưu").exists()

    call_command("restore", str(archive), force=True, stdout=io.StringIO())
    assert not Page.objects.filter(title="Bài viết sau khi sao lưu").exists()
    assert Recommendation.objects.count() == 2


def _rewrite(archive: Path, target: Path, change) -> None:
    """Copy the archive with one member's bytes changed by `change(name, data)`."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))


def test_a_corrupt_archive_is_refused_before_anything_changes(client, media_root, tmp_path):
    seed()
    archive = tmp_path / "site.tar.gz"
    backup(archive)
    wipe(media_root)

    flipped = tmp_path / "flipped.tar.gz"
    _rewrite(
        archive, flipped, lambda name, data: data[:-1] + b"x" if name.endswith(".jpg") else data
    )
    with pytest.raises(CommandError, match=r"hỏng.*sha256.*media/(original_)?images/"):
        call_command("restore", str(flipped))

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="hỏng hoặc không hợp lệ"):
        call_command("restore", str(truncated))

    no_manifest = tmp_path / "no-manifest.tar.gz"
    with tarfile.open(no_manifest, "w:gz") as tar:
        tar.add(__file__, arcname="database.sqlite3")
    with pytest.raises(CommandError, match="manifest.json"):
        call_command("restore", str(no_manifest))

    assert not Page.objects.exists() and not list(media_root.rglob("*.*"))


def test_an_archive_from_newer_code_is_refused(media_root, tmp_path):
    seed()
    archive = tmp_path / "site.tar.gz"
    backup(archive)
    wipe(media_root)

    def newer(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        content = json.loads(data)
        content["migrations"]["news"].append("9999_from_a_newer_release")
        return json.dumps(content).encode()

    future = tmp_path / "future.tar.gz"
    _rewrite(archive, future, newer)
    with pytest.raises(CommandError, match="mới hơn.*news.9999_from_a_newer_release"):
        call_command("restore", str(future))
    assert not Page.objects.exists()
