"""python manage.py seed_demo — build the demo site; running it again changes nothing."""

import time

from django.apps import apps
from django.core.management.base import BaseCommand

from news.demo import build_demo_site
from news.importer.indexes import indexed_once_at_the_end


class Command(BaseCommand):
    help = "Tạo nội dung mẫu: chuyên mục, bài viết, ảnh minh họa, thông tin cơ quan."

    def handle(self, *args, **options):
        started = time.monotonic()
        # Wagtail's admin search and reference index: once per page, not on each save.
        with indexed_once_at_the_end():
            self._seed()
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Xong sau {elapsed:.1f} giây."))

    def _seed(self) -> None:
        summary = build_demo_site()

        def line(label: str, counts: dict) -> str:
            return f"{label}: tạo mới {counts['created']}, đã có {counts['existing']}."

        self.stdout.write(line("Chuyên mục", summary["sections"]))
        self.stdout.write(line("Bài viết", summary["articles"]))
        self.stdout.write(line("Ảnh", summary["images"]))
        self.stdout.write(
            "Cài đặt cổng thông tin: "
            + ("đã cập nhật." if summary["settings_changed"] else "không thay đổi.")
        )
        self.stdout.write(
            "Trang chủ: " + ("đã cập nhật." if summary["home_changed"] else "không thay đổi.")
        )
        # Apps that build on news (reports, search) add their own demo content through an
        # AppConfig.seed_demo(stdout) method, so news need not know them.
        for config in apps.get_app_configs():
            if config.name != "news" and callable(getattr(config, "seed_demo", None)):
                config.seed_demo(self.stdout)
