"""`manage.py backup [--output PATH]`: the database, the media files and a manifest in one
tar.gz (core.backup). Restore it with `manage.py restore PATH`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.backup.archive import write_backup


def default_output() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BASE_DIR) / "var" / "backups" / f"hdnd-{stamp}.tar.gz"


class Command(BaseCommand):
    help = gettext_lazy(
        "Sao lưu cơ sở dữ liệu, các tệp media và bản kê (manifest) vào một tệp .tar.gz."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help=gettext_lazy(
                "Đường dẫn tệp sao lưu (mặc định var/backups/hdnd-<thời điểm>.tar.gz)."
            ),
        )

    def handle(self, *args: Any, output: Path | None, **options: Any) -> None:
        target = (output or default_output()).resolve()
        content = write_backup(target)
        media = sum(1 for name in content["files"] if name.startswith("media/"))
        self.stdout.write(
            _(
                "Đã sao lưu vào %(path)s: cơ sở dữ liệu %(vendor)s, "
                "%(media)d tệp media, %(size)s byte."
            )
            % {
                "path": target,
                "vendor": content["database"]["vendor"],
                "media": media,
                "size": f"{target.stat().st_size:,}",
            }
        )
