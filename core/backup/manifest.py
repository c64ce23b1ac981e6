"""The manifest of a backup: what wrote it, what it holds, and a checksum of every file."""

from __future__ import annotations

import hashlib
import platform
import tomllib
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT = 1
MANIFEST_NAME = "manifest.json"
CHUNK = 1024 * 1024


def sha256_of(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def app_version() -> str:
    """The project's version from pyproject.toml (the project is not an installed package)."""
    try:
        with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as handle:
            return tomllib.load(handle)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "?"


def migration_heads() -> dict[str, list[str]]:
    """Per app, the leaf migrations on disk: a restore into other code says so."""
    heads: dict[str, list[str]] = {}
    for app_label, name in MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes():
        heads.setdefault(app_label, []).append(name)
    return {label: sorted(names) for label, names in sorted(heads.items())}


def unknown_migrations(heads: dict[str, list[str]]) -> list[str]:
    """The archive's migration heads this code does not have: its database is newer than
    the code, which would then run against tables it does not know."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)
    return [
        f"{label}.{name}"
        for label, names in sorted(heads.items())
        for name in names
        if (label, name) not in known
    ]


def row_counts() -> dict[str, int]:
    """Rows of every concrete model with a table: compared after a restore."""
    counts = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        counts[meta.label] = model._base_manager.using(connection.alias).count()
    return dict(sorted(counts.items()))


def build(database_file: str, files: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The manifest for an archive holding `database_file` and `files` (name, sha256)."""
    return {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "versions": {
            "app": app_version(),
            "django": _package_version("django"),
            "wagtail": _package_version("wagtail"),
            "python": platform.python_version(),
        },
        "database": {"vendor": connection.vendor, "file": database_file},
        "migrations": migration_heads(),
        "counts": row_counts(),
        "files": dict(sorted(files)),
    }
