"""The archive: `<name>.tar.gz` holding database.<kind>, media/<file>… and manifest.json.

The manifest (written last) lists the sha256 of every other member; a restore checks all of
them, and that nothing else is in the archive, before it touches the installation.
"""

from __future__ import annotations

import json
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from core.backup import database, manifest, media

MEDIA_PREFIX = "media/"


def write_backup(output: Path) -> dict[str, Any]:
    """Write the archive to `output` (through a temporary file, renamed when complete)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    try:
        with tempfile.TemporaryDirectory(prefix="hdnd-backup-") as work:
            dump = Path(work) / database.file_name()
            database.dump(dump)
            checksums: list[tuple[str, str]] = []
            with tarfile.open(partial, "w:gz") as tar:
                with dump.open("rb") as handle:
                    checksums.append((dump.name, manifest.sha256_of(handle)))
                tar.add(dump, arcname=dump.name)
                for name in media.stored_files():
                    member = MEDIA_PREFIX + name
                    with default_storage.open(name, "rb") as handle:
                        checksums.append((member, manifest.sha256_of(handle)))
                    with default_storage.open(name, "rb") as handle:
                        info = tarfile.TarInfo(member)
                        info.size = default_storage.size(name)
                        tar.addfile(info, handle)
                content = manifest.build(dump.name, checksums)
                data = json.dumps(content, ensure_ascii=False, indent=2).encode()
                info = tarfile.TarInfo(manifest.MANIFEST_NAME)
                info.size = len(data)
                with tempfile.TemporaryFile() as buffer:
                    buffer.write(data)
                    buffer.seek(0)
                    tar.addfile(info, buffer)
    except BaseException:
        partial.unlink(missing_ok=True)  # never a half-written archive left behind
        raise
    partial.replace(output)
    return content


def installation_is_empty() -> bool:
    """No accounts, no pages below the home page, no images, documents or media files: what
    `migrate` alone leaves (or a database without tables yet)."""
    try:
        if get_user_model()._base_manager.exists():
            return False
        if apps.get_model("wagtailcore", "Page")._base_manager.filter(depth__gt=2).exists():
            return False
        for label in ("wagtailimages.Image", "wagtaildocs.Document"):
            if apps.get_model(label)._base_manager.exists():
                return False
    except DatabaseError:  # not migrated yet: nothing to lose
        pass
    return next(media.stored_files(), None) is None


@dataclass
class Restored:
    manifest: dict[str, Any]
    media_files: int
    count_differences: dict[str, tuple[int, int]] = field(default_factory=dict)


def _corrupt(reason: str) -> CommandError:
    return CommandError(_("Tệp sao lưu hỏng hoặc không hợp lệ: %(reason)s") % {"reason": reason})


def _unpack(archive: Path, into: Path) -> dict[str, Any]:
    """Extract and verify: the manifest, then every checksum, before anything is restored."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getmembers()
            for member in members:
                if not (member.isfile() or member.isdir()):
                    raise _corrupt(_("mục lạ %(name)s") % {"name": member.name})
            tar.extractall(into, members=members, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise _corrupt(str(error) or type(error).__name__) from None
    try:
        content = json.loads((into / manifest.MANIFEST_NAME).read_text(encoding="utf-8"))
        expected: dict[str, str] = content["files"]
        content["database"]["file"]
    except (OSError, ValueError, KeyError, TypeError):
        raise _corrupt(_("thiếu hoặc không đọc được manifest.json")) from None
    if content.get("format") != manifest.FORMAT:
        raise _corrupt(
            _("định dạng %(format)r không được hỗ trợ") % {"format": content.get("format")}
        )
    present = {path.relative_to(into).as_posix() for path in into.rglob("*") if path.is_file()}
    present.discard(manifest.MANIFEST_NAME)
    if extra := sorted(present - expected.keys()):
        raise _corrupt(
            _("tệp không có trong manifest: %(names)s") % {"names": ", ".join(extra[:5])}
        )
    for name, checksum in expected.items():
        path = into / name
        if not path.is_file():
            raise _corrupt(_("thiếu tệp %(name)s") % {"name": name})
        with path.open("rb") as handle:
            if manifest.sha256_of(handle) != checksum:
                raise _corrupt(_("sai mã kiểm tra (sha256) của %(name)s") % {"name": name})
    return content


def restore_backup(archive: Path, force: bool = False) -> Restored:
    """Verify the archive, then replace the database and the media files with its copies."""
    if not archive.is_file():
        raise CommandError(_("Không có tệp %(path)s.") % {"path": archive})
    if not force and not installation_is_empty():
        raise CommandError(
            _(
                "Cài đặt này đã có dữ liệu (tài khoản, trang, ảnh hoặc tệp media): khôi phục sẽ "
                "ghi đè tất cả. Thêm --force nếu thật sự muốn thay thế."
            )
        )
    with tempfile.TemporaryDirectory(prefix="hdnd-restore-") as work:
        into = Path(work) / "archive"
        into.mkdir()
        content = _unpack(archive, into)
        if newer := manifest.unknown_migrations(content.get("migrations", {})):
            raise CommandError(
                _(
                    "Bản sao lưu được tạo từ một phiên bản mã mới hơn (có các migration "
                    "%(names)s mà mã này không có): cập nhật mã trước khi khôi phục."
                )
                % {"names": ", ".join(newer[:5])}
            )
        kind = content["database"]["file"]
        if kind != database.file_name():
            raise CommandError(
                _("Bản sao lưu là của %(vendor)s, cơ sở dữ liệu này thì không.")
                % {"vendor": content["database"].get("vendor", "?")}
            )
        database.load(into / kind, Path(work))
        names = {
            name[len(MEDIA_PREFIX) :] for name in content["files"] if name.startswith(MEDIA_PREFIX)
        }
        media.remove_all_but(names)
        for name in sorted(names):
            media.put_back(into / MEDIA_PREFIX / name, name)
    _forget_cached_state()
    counts = manifest.row_counts()
    differences = {
        label: (expected, counts.get(label, 0))
        for label, expected in content.get("counts", {}).items()
        if counts.get(label, 0) != expected
    }
    return Restored(content, len(names), differences)


def _forget_cached_state() -> None:
    """Content types, sites and rendered lists cached from the old database are wrong now."""
    apps.get_model("contenttypes", "ContentType").objects.clear_cache()
    for alias in caches:
        caches[alias].clear()
