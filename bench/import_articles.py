"""Benchmark: import N generated articles into a throwaway SQLite database, twice.

    .venv/bin/python bench/import_articles.py [--lines 10000] [--draft] [--keep]

The first run creates every article (published, unless --draft); the second imports
the same file again, where every line should come out unchanged. Prints lines/s,
wall seconds and CPU seconds (of this process and of the search refresh's worker
processes) for both, then checks the page tree (treebeard find_problems) and the counts.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SECTIONS = [
    "Tin tức hoạt động/Hội đồng nhân dân tỉnh",
    "Tin tức hoạt động/Hội đồng nhân dân tỉnh/Các Ban HĐND tỉnh",
    "Tin tức hoạt động/Đại biểu HĐND tỉnh",
    "Tin tức hoạt động/Hoạt động của Văn phòng",
    "Kỳ họp/Kỳ họp thứ 16",
    "Giám sát/Giám sát chuyên đề",
]
SUBJECTS = [
    "Thường trực HĐND tỉnh",
    "Ban Kinh tế - Ngân sách HĐND tỉnh",
    "Ban Văn hoá - Xã hội HĐND tỉnh",
    "Ban Pháp chế HĐND tỉnh",
    "Ban Dân tộc HĐND tỉnh",
    "Đoàn đại biểu Quốc hội tỉnh",
    "Tổ đại biểu HĐND tỉnh đơn vị huyện Đắk Đoa",
]
ACTIONS = [
    "làm việc với Sở Tài chính về dự toán ngân sách năm 2021",
    "giám sát việc thực hiện chính sách bảo trợ xã hội",
    "tiếp xúc cử tri trước Kỳ họp thứ 16",
    "khảo sát tình hình đầu tư xây dựng cơ bản",
    "thẩm tra các dự thảo nghị quyết trình kỳ họp",
    "tổ chức phiên họp thường kỳ tháng 10",
    "giám sát công tác phòng, chống thiên tai",
]
SENTENCES = [
    "Tham dự buổi làm việc có đồng chí Nguyễn Văn Hùng, Phó Chủ tịch HĐND tỉnh.",
    "Theo báo cáo, trong 9 tháng đầu năm, tổng thu ngân sách trên địa bàn ước đạt 78% dự toán.",
    "Cử tri kiến nghị quan tâm đầu tư sửa chữa tuyến đường liên xã đã xuống cấp nghiêm trọng.",
    "Đoàn giám sát đánh giá cao sự chủ động của địa phương trong triển khai nhiệm vụ.",
    "Phát biểu kết luận, đồng chí Trưởng đoàn đề nghị đơn vị khắc phục những tồn tại, hạn chế.",
    "Việc chi trả trợ cấp cho đối tượng bảo trợ xã hội được thực hiện đúng quy định, kịp thời.",
    "Đại biểu đề nghị làm rõ nguyên nhân chậm giải ngân vốn đầu tư công ở một số dự án.",
    "Kỳ họp dự kiến xem xét, thông qua 25 nghị quyết quan trọng về kinh tế - xã hội.",
]
AUTHORS = ["Minh Châu", "Thanh Hà", "Đức Thuỵ", "Hoàng Ngọc", "Phương Dung", ""]


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 6)))


def legacy_date(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{moment:%d/%m/%Y} {hour}:{moment:%M:%S} {'SA' if moment.hour < 12 else 'CH'}"


def make_line(number: int, rng: random.Random) -> dict:
    title = f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)}"
    paragraphs = [paragraph(rng) for _ in range(rng.randint(4, 10))]
    if number % 2:
        body = "\n\n".join(paragraphs)
    else:
        body = (
            '<div class="content"><style>.x{color:red}</style>'
            + "".join(
                f'<p style="text-align:justify"><span style="font-size:13pt">{text}</span></p>'
                for text in paragraphs
            )
            + '<p><strong>Tin: </strong><a href="https://hdnd.gialai.gov.vn/" onclick="t()">HĐND'
            '</a></p><script>ga("send")</script><p><img src="/Uploads/anh.jpg"></p></div>'
        )
    moment = datetime(2018, 1, 1) + timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
    published = legacy_date(moment) if number % 3 else moment.isoformat()
    return {
        "title": title,
        "summary": paragraphs[0][:200],
        "body": body,
        "published": published,
        "author": rng.choice(AUTHORS),
        "section": rng.choice(SECTIONS),
        "source_url": f"https://hdnd.gialai.gov.vn/Tin-tuc/{number}.aspx",
        "image_caption": "Quang cảnh buổi làm việc" if number % 4 == 0 else "",
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_import(path: Path, publish: bool) -> tuple[float, float, float, str]:
    """Wall-clock seconds, CPU seconds of this process and of its worker processes (the
    search refresh folds text on workers, see search.parallel) for one import. CPU time
    is steadier than wall time on a busy machine."""
    from django.core.management import call_command

    out = io.StringIO()
    # The generated sections don't exist yet: the importer reports a missing section
    # unless told to create it.
    args = [str(path), "--create-sections"] + (["--publish"] if publish else [])
    started, cpu_started, workers_started = (
        time.perf_counter(),
        time.process_time(),
        _children_cpu(),
    )
    call_command("import_articles", *args, stdout=out, stderr=out)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return elapsed, cpu, _children_cpu() - workers_started, out.getvalue().strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--draft", action="store_true", help="import as drafts")
    parser.add_argument("--keep", action="store_true", help="keep the database and file")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ.setdefault("CACHE_URL", "locmem://bench")
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - started:.1f} s (not counted)")

    rng = random.Random(20201027)
    path = workdir / "articles.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number in range(1, options.lines + 1):
            handle.write(json.dumps(make_line(number, rng), ensure_ascii=False) + "\n")
    size = path.stat().st_size / 1e6
    print(f"{options.lines} lines, {size:.1f} MB, {'drafts' if options.draft else 'published'}")

    for label in ("first run (all new)", "second run (all unchanged)"):
        seconds, cpu, workers_cpu, summary = timed_import(path, publish=not options.draft)
        rate = options.lines / seconds
        print(
            f"{label}: {seconds:.1f} s, {rate:.0f} lines/s "
            f"(CPU {cpu:.1f} s + {workers_cpu:.1f} s in workers) — {summary}"
        )

    from wagtail.models import Page

    from news.models import NewsArticlePage

    problems = [len(found) for found in Page.find_problems()]
    print(f"tree problems (alpha, path, orphans, depth, numchild): {problems}")
    print(f"articles: {NewsArticlePage.objects.count()}")
    if options.keep:
        print(f"kept: {workdir}")
    else:
        for item in sorted(workdir.rglob("*"), reverse=True):
            item.rmdir() if item.is_dir() else item.unlink()
        workdir.rmdir()
    return 1 if any(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
