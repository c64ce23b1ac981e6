"""Load the site's province's administrative units, before and after 1 July 2025.

    python manage.py load_admin_units                 # settings.REPORTS_PROVINCE
    python manage.py load_admin_units --province "Sơn La"

Safe to run again: units are updated in place, keyed on (code, valid_from).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reports.administrative_units import REFORM_FROM, AdminUnitDataError, load_province


class Command(BaseCommand):
    help = "Nạp đơn vị hành chính của tỉnh (trước và sau sắp xếp 01/07/2025)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            default=None,
            help="Tên tỉnh, thành phố (mặc định: REPORTS_PROVINCE trong cấu hình).",
        )

    def handle(self, *args, province: str | None = None, **options):
        province = province or getattr(settings, "REPORTS_PROVINCE", "Lai Châu")
        try:
            result = load_province(province)
        except AdminUnitDataError as error:
            raise CommandError(str(error)) from error
        counts = result.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.province}: trước {REFORM_FROM:%d/%m/%Y} có "
                f"{counts.get('legacy_districts', 0)} đơn vị cấp huyện, "
                f"{counts.get('legacy_communes', 0)} đơn vị cấp xã; "
                f"từ {REFORM_FROM:%d/%m/%Y} có {counts.get('current_communes', 0)} xã, phường. "
                f"Tạo mới {result.created}, cập nhật {result.updated}, "
                f"giữ nguyên {result.unchanged}."
            )
        )
