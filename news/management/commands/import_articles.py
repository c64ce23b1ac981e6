"""python manage.py import_articles FILE.jsonl [--section "A/B"] [--publish] [--create-sections]

The work is in news.importer; this only wires it to the command line.
"""

from django.core.management.base import BaseCommand, CommandError

from news.importer import ImportFailed, import_articles


class Command(BaseCommand):
    help = (
        "Nhập bài viết từ cổng cũ (JSON Lines, UTF-8): mỗi dòng một đối tượng với title, "
        "body, published và tuỳ chọn summary, author, section, source_url, image_caption. "
        "Nhập lại cùng source_url sẽ cập nhật bài cũ."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp .jsonl")
        parser.add_argument(
            "--section",
            help="Chuyên mục mặc định, đường dẫn tên chuyên mục dưới trang chủ, ví dụ "
            '"Tin tức hoạt động/Hội đồng nhân dân tỉnh". Trường section của dòng được ưu tiên.',
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Xuất bản ngay; mặc định bài được tạo ở dạng nháp để biên tập viên duyệt.",
        )
        parser.add_argument(
            "--create-sections",
            action="store_true",
            help="Tạo chuyên mục còn thiếu; mặc định dòng có chuyên mục không tồn tại bị báo lỗi "
            "và bỏ qua (tránh tạo chuyên mục mới do gõ nhầm).",
        )

    def handle(self, *args, **options):
        def on_error(line: int, reason: str) -> None:
            self.stderr.write(f"dòng {line}: {reason}")

        try:
            report = import_articles(
                options["file"],
                section=options["section"],
                publish=options["publish"],
                create_sections=options["create_sections"],
                on_error=on_error,
            )
        except ImportFailed as error:
            raise CommandError(str(error)) from error
        if report.failed:
            self.stdout.write(report.summary)
            raise CommandError(f"{report.failed} dòng không nhập được (xem các dòng lỗi ở trên).")
        self.stdout.write(self.style.SUCCESS(report.summary))
