"""Does a page's cost grow with the archive? Server time at 1,000 / 10,000 / 50,000 articles.

    .venv/bin/python bench/scale.py [--sizes 1000,10000,50000] [--requests 20]
    .venv/bin/python bench/scale.py --sizes 10000 --profile search-page   # cProfile one URL
    PROFILE_SORT=tottime .venv/bin/python bench/scale.py ... --profile search-page  # by own time

Each size is its own SQLite file (`--dir`, default $TMPDIR: hdnd-scale-<N>.sqlite3), built
once by bench/pages.py's generator (the project's importer, so the tree and the search
entries are built as in production) and reused afterwards; `migrate` runs on it each time,
so a new index or migration is measured too. Every size runs in its own process (a
Django process holds one database).

Per size and page (article, top section, home, search page, search API for the commonest
two-word query "giam sat", /sitemap.xml and its first section), in-process with Django's
test client and DEBUG off: the median milliseconds and SQL queries of a request with every
cache cleared before it (uncached: what a reader gets after a publish), and of a warm one,
with the full-page cache off (a hit costs no query at any size: bench/load.py).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))  # after ROOT: bench/search.py is no package

QUERY = "giam sat"  # the commonest two words of the generated articles (bench/pages.py)


def build(count: int) -> None:
    import pages

    pages.build_site(count)


def urls() -> list[tuple[str, str]]:
    from news.models import NewsArticlePage, NewsIndexPage

    article = NewsArticlePage.objects.live().order_by("-published_at").first()
    top = NewsIndexPage.objects.live().order_by("depth", "path").first()
    found = [
        ("article", article.url),
        ("section (top)", top.url),
        ("home", "/"),
        ("search page", f"/tim-kiem/?q={QUERY.replace(' ', '+')}"),
        ("search API", f"/api/v1/search/?q={QUERY.replace(' ', '+')}"),
        ("sitemap.xml", "/sitemap.xml"),
    ]
    from django.test import Client

    index = Client().get("/sitemap.xml")
    if b"<sitemapindex" in index.content:  # an index: time its first section too
        first = index.content.split(b"<loc>")[1].split(b"</loc>")[0].decode()
        found.append(("sitemap section", first.split("testserver", 1)[-1]))
    return found


def clear_caches() -> None:
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()


def timed(client, url: str, requests: int, cold: bool) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    clear_caches()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if cold:
        clear_caches()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = len(queries)
    timings = []
    for _ in range(requests):
        if cold:
            clear_caches()
        began = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings), count


def measure(count: int, requests: int, profile: str) -> None:
    from django.test import Client

    from news.models import NewsArticlePage

    client = Client()
    pages = urls()
    live = NewsArticlePage.objects.live().count()
    if profile:
        name, url = next((n, u) for n, u in pages if n.replace(" ", "-") == profile)
        clear_caches()
        client.get(url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(requests):
            client.get(url)
        profiler.disable()
        print(f"{live} articles, {name} {url}, {requests} warm requests")
        order = os.environ.get("PROFILE_SORT", "cumulative")
        pstats.Stats(profiler).sort_stats(order).print_stats(40)
        return
    for name, url in pages:
        # The sitemap at 50,000 articles took seconds a request: fewer repetitions.
        n = max(3, requests // 4) if name.startswith("sitemap") else requests
        cold_ms, cold_q = timed(client, url, n, cold=True)
        warm_ms, warm_q = timed(client, url, n, cold=False)
        print(
            f"{live:>8} {name:<16}{cold_ms:>10.1f}{cold_q:>8}{warm_ms:>10.1f}{warm_q:>8}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--profile", default="", help="a page name, e.g. search-page")
    parser.add_argument("--one", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    if args.one:
        import pages

        pages.setup_django(args.dir / f"hdnd-scale-{args.one}.sqlite3")
        build(args.one)
        if not args.build_only:
            measure(args.one, args.requests, args.profile)
        return
    print(f"{'articles':>8} {'page':<16}{'cold ms':>10}{'cold q':>8}{'warm ms':>10}{'warm q':>8}")
    for size in [int(s) for s in args.sizes.split(",")]:
        command = [sys.executable, __file__, "--one", str(size), "--dir", str(args.dir)]
        command += ["--requests", str(args.requests), "--profile", args.profile]
        if args.build_only:
            command.append("--build-only")
        # The full-page cache off: this measures rendering (warm = the list and restriction
        # caches below it filled); bench/load.py measures the page cache itself.
        environment = {**os.environ, "PYTHONHASHSEED": "0", "PAGE_CACHE_SECONDS": "0"}
        subprocess.run(command, check=True, env=environment)


if __name__ == "__main__":
    main()
