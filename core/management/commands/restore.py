"""`manage.py restore ARCHIVE [--force]`: put a `manage.py backup` archive back, then rebuild
the search index. Refuses an installation that holds data unless --force."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.backup.archive import restore_backup

# Called by name: the search app sits above core in the layering.
INDEX_COMMAND = "search_index"


class Command(BaseCommand):
    help = gettext_lazy(
        "Khôi phục một tệp sao lưu (cơ sở dữ liệu và media) rồi dựng lại chỉ mục tìm kiếm."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help=gettext_lazy("Ghi đè cả một cài đặt đã có dữ liệu."),
        )
        parser.add_argument(
            "--no-reindex",
            action="store_true",
            help=gettext_lazy("Không dựng lại chỉ mục tìm kiếm sau khi khôi phục."),
        )

    def handle(
        self, *args: Any, archive: Path, force: bool, no_reindex: bool, **options: Any
    ) -> None:
        restored = restore_backup(archive, force=force)
        versions = restored.manifest.get("versions", {})
        self.stdout.write(
            _("Đã khôi phục %(path)s (tạo lúc %(created)s, ứng dụng %(app)s): %(media)d tệp media.")
            % {
                "path": archive,
                "created": restored.manifest.get("created", "?"),
                "app": versions.get("app", "?"),
                "media": restored.media_files,
            }
        )
        for label, (expected, found) in sorted(restored.count_differences.items()):
            self.stderr.write(
                _("Cảnh báo: %(model)s có %(found)d dòng, bản kê ghi %(expected)d.")
                % {"model": label, "found": found, "expected": expected}
            )
        if not no_reindex and INDEX_COMMAND in get_commands():
            call_command(INDEX_COMMAND, "rebuild", stdout=self.stdout, stderr=self.stderr)
