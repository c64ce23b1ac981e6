"""Where uploaded images and documents live: MEDIA_ROOT, or an S3-compatible bucket.

With several application servers a local folder would hold each upload on one machine only,
so production sets AWS_STORAGE_BUCKET_NAME (and AWS_S3_ENDPOINT_URL for MinIO, Ceph or a
provider other than AWS) and every server reads and writes the bucket (django-storages).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FILESYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3 = "storages.backends.s3.S3Storage"


def _flag(value: str | None, default: bool) -> bool:
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def media_storage(environ: Mapping[str, str]) -> dict[str, Any]:
    """The STORAGES["default"] entry for this environment."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return dict(FILESYSTEM)
    options: dict[str, Any] = {
        "bucket_name": bucket,
        # Images are public: plain URLs that nginx or a CDN can cache, not signed ones that
        # change on every page render (and would defeat the page cache).
        "querystring_auth": _flag(environ.get("AWS_QUERYSTRING_AUTH"), False),
        # Django's rule: a new upload never replaces an existing file of the same name.
        "file_overwrite": False,
        "default_acl": environ.get("AWS_DEFAULT_ACL") or None,
    }
    for option, name in (
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("access_key", "AWS_ACCESS_KEY_ID"),
        ("secret_key", "AWS_SECRET_ACCESS_KEY"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
        ("location", "AWS_LOCATION"),
    ):
        if value := environ.get(name, "").strip():
            options[option] = value
    # MinIO and most self-hosted servers want bucket names in the path, not the host name.
    style = environ.get("AWS_S3_ADDRESSING_STYLE", "").strip()
    if style or "endpoint_url" in options:
        options["addressing_style"] = style or "path"
    return {"BACKEND": S3, "OPTIONS": options}
