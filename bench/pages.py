"""Server time and SQL queries per public page type on a site of N articles.

    .venv/bin/python bench/pages.py [--articles 10000] [--requests 200] [--db /tmp/bench.sqlite3]

Builds the site once in a throwaway SQLite file (reused when it already holds N articles),
through the project's own import command so the tree is built as in production, then
times requests through the full Django stack (middleware, routing, templates) in-process
with the test client: no network, so the figures are server time. Prints, per page type,
median and p95 milliseconds and the SQL query count of a warm request.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECTIONS = [
    "Tin tức hoạt động/Hội đồng nhân dân tỉnh/Các Ban HĐND tỉnh",
    "Tin tức hoạt động/Hội đồng nhân dân tỉnh/Thường trực HĐND tỉnh",
    "Tin tức hoạt động/Kỳ họp",
    "Tin tức hoạt động/Hoạt động giám sát",
    "Tin tức hoạt động/Tiếp công dân",
    "Thông báo",
]
WORDS = (  # noqa: SIM905 - prose is easier to edit than a list of syllables
    "giám sát bảo trợ xã hội kỳ họp ngân sách khoáng sản tiếp công dân cử tri đại biểu "
    "Hội đồng nhân dân tỉnh Ban Văn hóa Xã hội Kinh tế Ngân sách Pháp chế Dân tộc huyện xã"
).split()


def setup_django(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "0"  # DEBUG keeps every SQL query in memory and slows requests
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    import django

    django.setup()


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def write_jsonl(path: Path, count: int) -> None:
    rng = random.Random(20201027)
    start = datetime(2019, 1, 1, 7, 30)
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            published = start + timedelta(minutes=97 * n)
            body = "\n\n".join(sentence(rng, 60) + "." for _ in range(5))
            out.write(
                json.dumps(
                    {
                        "title": f"{sentence(rng, 10)} ({n})",
                        "summary": sentence(rng, 30),
                        "body": body,
                        "published": published.isoformat(),
                        "author": "Nguyễn Thủy",
                        "section": SECTIONS[n % len(SECTIONS)],
                        "source_url": f"https://hdnd.example.vn/tin/{n}",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


def build_site(count: int) -> None:
    from django.core.management import call_command

    from news.models import NewsArticlePage

    call_command("migrate", verbosity=0)
    existing = NewsArticlePage.objects.live().count()
    if existing >= count:
        print(f"site: reusing {existing} live articles")
        return
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / "articles.jsonl"
        write_jsonl(jsonl, count)
        began = time.perf_counter()
        call_command("import_articles", str(jsonl), "--publish", "--create-sections", verbosity=0)
        print(f"site: imported {count} articles in {time.perf_counter() - began:.1f} s")
    add_tags_and_related()


def add_tags_and_related() -> None:
    """Give articles tags and hand-picked related links, as editors do."""
    from taggit.models import Tag

    from core.text.slugs import vietnamese_slug
    from news.models import NewsArticlePage, NewsArticleTag, RelatedArticle

    ids = list(NewsArticlePage.objects.order_by("-published_at").values_list("pk", flat=True))
    names = ["giám sát", "bảo trợ xã hội", "kỳ họp", "khoáng sản", "tiếp công dân", "ngân sách"]
    tags = [
        Tag.objects.get_or_create(name=n, defaults={"slug": vietnamese_slug(n)})[0] for n in names
    ]
    NewsArticleTag.objects.bulk_create(
        NewsArticleTag(content_object_id=page_id, tag=tags[(i + shift) % len(tags)])
        for i, page_id in enumerate(ids[:300])
        for shift in (0, 1)
    )
    RelatedArticle.objects.bulk_create(
        RelatedArticle(page_id=page_id, article_id=ids[(i + 7) % len(ids)], sort_order=0)
        for i, page_id in enumerate(ids[:300])
    )


def fetch(client, url: str):
    """GET and read the whole body: a streamed response (CSV) is only built as it is read."""
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def measure(client, url: str, requests: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = fetch(client, url)  # warm caches
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        fetch(client, url)
    # Read now: every request start clears the connection's query log.
    query_count = len(queries)
    timings = []
    for _ in range(requests):
        began = time.perf_counter()
        fetch(client, url)
        timings.append((time.perf_counter() - began) * 1000)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return statistics.median(timings), p95, query_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    default_db = Path(tempfile.gettempdir()) / "hdnd-bench.sqlite3"
    parser.add_argument("--db", type=Path, default=default_db)
    args = parser.parse_args()
    setup_django(args.db)

    from django.test import Client

    from news.models import NewsArticlePage, NewsIndexPage
    from news.models.sections import ARTICLES_PER_PAGE

    build_site(args.articles)
    client = Client()
    recent = NewsArticlePage.objects.live().order_by("-published_at").first()
    tagged = NewsArticlePage.objects.live().filter(tags__isnull=False).distinct().first()
    deepest = NewsIndexPage.objects.live().order_by("-depth").first()
    top = NewsIndexPage.objects.live().order_by("depth", "path").first()
    # A deep page of the top section, as far as the site has pages (a small site has fewer
    # than 50: asking for page 50 there was a 404 and stopped the bench).
    top_pages = -(-NewsArticlePage.objects.live().descendant_of(top).count() // ARTICLES_PER_PAGE)
    deep = max(1, min(50, top_pages))
    pages = [
        ("home", "/"),
        ("article (newest)", recent.url),
        ("article (tags+related)", tagged.url),
        ("section (top, page 1)", top.url),
        (f"section (top, page {deep})", f"{top.url}?page={deep}"),
        ("section (deepest)", deepest.url),
        ("rss (site)", "/rss/"),
    ]
    print(f"{NewsArticlePage.objects.live().count()} live articles, {args.requests} requests each")
    print(f"{'page':<26}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
    for name, url in pages:
        median, p95, queries = measure(client, url, args.requests)
        print(f"{name:<26}{median:>10.2f}{p95:>10.2f}{queries:>9}")


if __name__ == "__main__":
    main()
