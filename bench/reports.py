"""Server time and SQL queries of the supervision-report pages and API at volume.

    .venv/bin/python bench/reports.py [--reports 500] [--recommendations 5000] [--requests 100]

Builds (once, in a throwaway SQLite file) the demo site plus N generated reports published
through Wagtail, each with figures, agencies, localities and recommendations carrying
follow-up history, then times requests in-process with the test client (server time, no
network) and prints median and p95 milliseconds and the SQL query count per page.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import measure, setup_django  # noqa: E402

STATUSES = [
    "chua-thuc-hien",
    "dang-thuc-hien",
    "da-thuc-hien",
    "thuc-hien-mot-phan",
    "khong-thuc-hien",
    "khong-con-phu-hop",
]


def build(reports: int, recommendations: int) -> None:
    from io import StringIO

    from django.core.management import call_command

    from reports.models import (
        AdministrativeUnit,
        Agency,
        Field,
        KeyFigure,
        Recommendation,
        RecommendationUpdate,
        ReportIndexPage,
        SupervisingBody,
        SupervisionReportPage,
    )

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=StringIO())
    existing = SupervisionReportPage.objects.filter(slug__startswith="bench-").count()
    if existing >= reports:
        print(f"site: reusing {existing} generated reports")
        return
    rng = random.Random(2020)
    index = ReportIndexPage.objects.get()
    bodies = list(SupervisingBody.objects.all())
    agencies = list(Agency.objects.all())
    fields = list(Field.objects.all())
    units = list(AdministrativeUnit.objects.filter(level="huyen"))
    per_report = max(1, recommendations // reports)
    began = time.perf_counter()
    for n in range(existing, reports):
        day = date(2018, 1, 1) + timedelta(days=rng.randrange(2500))
        report = SupervisionReportPage(
            title=f"Giám sát chuyên đề số {n} về {rng.choice(fields).name.lower()}",
            slug=f"bench-{n}",
            kind=rng.choice(["chuyen-de", "khao-sat", "tai-giam-sat", "thuong-xuyen"]),
            supervising_body=rng.choice(bodies),
            report_date=day,
            summary="Đoàn giám sát làm việc với các cơ quan và kiểm tra thực tế tại cơ sở.",
            conclusion="<p>Đoàn đề nghị các cơ quan khắc phục hạn chế đã nêu.</p>",
        )
        report.fields = rng.sample(fields, 2)
        report.agencies = rng.sample(agencies, 2)
        report.localities = rng.sample(units, 2)
        for k in range(4):
            report.figures.add(
                KeyFigure(
                    label=f"Chỉ tiêu {k}",
                    value=Decimal(rng.randrange(10**5)),
                    unit="người",
                    as_of=day,
                )
            )
        for k in range(per_report):
            recommendation = Recommendation(
                text=f"Kiến nghị {k} của báo cáo {n}: tăng cường kiểm tra, rà soát đối tượng.",
                deadline=day + timedelta(days=rng.randrange(90, 720)),
                is_priority=k == 0,
            )
            recommendation.addressees = rng.sample(agencies, 1)
            report.recommendations.add(recommendation)
        index.add_child(instance=report)
        report.save_revision().publish()
    updates = [
        RecommendationUpdate(
            recommendation_id=pk,
            date=date(2023, 1, 1) + timedelta(days=pk % 300),
            status=STATUSES[pk % len(STATUSES)],
            note="Cập nhật định kỳ",
        )
        for pk in Recommendation.objects.filter(report__slug__startswith="bench-").values_list(
            "pk", flat=True
        )
    ]
    RecommendationUpdate.objects.bulk_create(updates)
    for status in STATUSES:  # bulk_create skips save(): set the derived status in bulk
        Recommendation.objects.filter(updates__status=status).update(status=status)
    print(f"site: built {reports - existing} reports in {time.perf_counter() - began:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--recommendations", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=100)
    default_db = Path(tempfile.gettempdir()) / "hdnd-bench-reports.sqlite3"
    parser.add_argument("--db", type=Path, default=default_db)
    args = parser.parse_args()
    setup_django(args.db)

    from django.test import Client

    from reports.models import (
        Recommendation,
        RecommendationTrackerPage,
        ReportIndexPage,
        SupervisionReportPage,
    )

    build(args.reports, args.recommendations)
    client = Client()
    report = SupervisionReportPage.objects.live().filter(slug__startswith="bench-").last()
    index = ReportIndexPage.objects.get()
    tracker = RecommendationTrackerPage.objects.get()
    pages = [
        ("report page", report.url),
        ("report index", index.url),
        ("report index, filtered", f"{index.url}?year=2020&status=da-thuc-hien"),
        ("tracker", tracker.url),
        ("tracker, overdue", f"{tracker.url}?overdue=1"),
        ("tracker csv", f"{tracker.url}csv/"),
        ("api reports (20)", "/api/v1/reports/"),
        ("api reports (500)", "/api/v1/reports/?page_size=500"),
        ("api recommendations (100)", "/api/v1/recommendations/?page_size=100"),
        ("api report detail", f"/api/v1/reports/{report.pk}/"),
    ]
    print(
        f"{SupervisionReportPage.objects.live().count()} reports, "
        f"{Recommendation.objects.count()} recommendations, {args.requests} requests each"
    )
    print(f"{'page':<28}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
    for name, url in pages:
        requests = max(5, args.requests // 10) if "csv" in name or "500" in name else args.requests
        median, p95, queries = measure(client, url, requests)
        print(f"{name:<28}{median:>10.2f}{p95:>10.2f}{queries:>9}")


if __name__ == "__main__":
    main()
