"""The media files, through the default storage (a folder or an S3 bucket alike)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage


def stored_files(directory: str = "") -> Iterator[str]:
    """Every file name in the default storage, depth first, in a stable order."""
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:  # a media folder nothing was uploaded to yet
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for folder in sorted(folders):
        yield from stored_files(f"{directory}/{folder}" if directory else folder)


def put_back(source: Path, name: str) -> None:
    """Store `source` under exactly `name` (storages pick a new name for a taken one)."""
    if default_storage.exists(name):
        default_storage.delete(name)
    with source.open("rb") as handle:
        saved = default_storage.save(name, File(handle))
    if saved != name:
        raise OSError(f"media file stored as {saved!r} instead of {name!r}")


def remove_all_but(keep: set[str]) -> int:
    """Delete stored files not in `keep` (a forced restore over an installation)."""
    removed = 0
    for name in list(stored_files()):
        if name not in keep:
            default_storage.delete(name)
            removed += 1
    return removed
