"""Media on S3-compatible storage (config.media_storage, django-storages).

The bucket is moto's S3 server (ThreadedMotoServer): a real HTTP server on 127.0.0.1 that
speaks the S3 API, so boto3 and django-storages do real requests. MinIO's server is not
installable here (not in Debian 12's archive; PyPI's `minio` is only the client SDK), hence
moto.
"""

from __future__ import annotations

import hashlib
import io
import json
import socket
import tarfile
import urllib.request
from collections.abc import Iterator

import boto3
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images.models import Image

from config.media_storage import media_storage

BUCKET = "hdnd-media"
KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=_free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", **_boto_keys()
    ).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


def _boto_keys() -> dict[str, str]:
    return {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture
def s3_media(settings, s3_endpoint) -> str:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage(
            {
                "AWS_STORAGE_BUCKET_NAME": BUCKET,
                "AWS_S3_ENDPOINT_URL": s3_endpoint,
                "AWS_S3_REGION_NAME": "us-east-1",
                # Readers fetch images straight from the bucket (docs/deploy.md).
                "AWS_DEFAULT_ACL": "public-read",
                **KEYS,
            }
        ),
    }
    return s3_endpoint


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 500), (160, 40, 30)).save(buffer, format="JPEG")
    return buffer.getvalue()


def _bucket_keys(endpoint: str) -> set[str]:
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **_boto_keys())
    return {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_no_bucket_means_the_media_folder() -> None:
    assert media_storage({})["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    options = media_storage({"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_ENDPOINT_URL": "http://s3"})
    assert options["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["OPTIONS"]["addressing_style"] == "path"
    assert options["OPTIONS"]["querystring_auth"] is False


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_lands_in_the_bucket_with_its_rendition(client, s3_media):
    User.objects.create_superuser("admin", "admin@x.vn", "x")
    client.login(username="admin", password="x")
    upload = io.BytesIO(_jpeg())
    upload.name = "doan-giam-sat.jpg"
    response = client.post(
        "/admin/images/add/",
        {"title": "Đoàn giám sát", "file": upload, "collection": 1, "tags": ""},
    )
    assert response.status_code == 302, response.content[:2000]
    image = Image.objects.get(title="Đoàn giám sát")
    assert image.file.name.startswith("original_images/doan-giam-sat")

    rendition = image.get_rendition("fill-320x200")
    assert rendition.url.startswith(f"{s3_media}/{BUCKET}/images/")
    keys = _bucket_keys(s3_media)
    assert image.file.name in keys and rendition.file.name in keys

    # What a reader's browser fetches: the bucket serves the resized JPEG at that URL.
    with urllib.request.urlopen(rendition.url, timeout=10) as answer:
        served = PILImage.open(io.BytesIO(answer.read()))
    assert served.size == (320, 200)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_reads_the_media_from_the_bucket(s3_media, tmp_path):
    # Transactional: on PostgreSQL pg_dump is another process and sees committed rows only.
    from django.core.files.images import ImageFile

    image = Image.objects.create(title="Kỳ họp", file=ImageFile(io.BytesIO(_jpeg()), "ky-hop.jpg"))
    with image.file.open("rb") as handle:
        stored = handle.read()
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        copied = tar.extractfile(f"media/{image.file.name}").read()
    assert copied == stored
    assert manifest["files"][f"media/{image.file.name}"] == hashlib.sha256(stored).hexdigest()
