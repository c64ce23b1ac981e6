"""Requests per second under load: gunicorn (2 sync workers, production settings, Redis)
driven by wrk at 50 connections, the full-page cache on and off.

    .venv/bin/python bench/load.py [--articles 2000] [--duration 30] [--connections 50]
    .venv/bin/python bench/load.py --duration 5          # a smoke run

Builds (once, reused) a SQLite site of N imported articles plus the demo content (reports,
the tracker) with bench/pages.py's generator, starts a private Redis (scripts/redis.sh,
its database 1, emptied first), collects static files, then starts gunicorn on production
settings (DEBUG off) and runs wrk (Debian's /usr/bin/wrk) on each page in turn.

"Uncached" is an honest full render: a second gunicorn with PAGE_CACHE_SECONDS=0, so every
request goes through routing, the database and the templates (the smaller caches under the
page cache — lists, restrictions, renditions — stay warm, as they are between publishes).
A cache-busting query string would not do: wrk repeats one URL, which the cache keeps.

Prints per page: requests/s, p50 and p99 latency, non-2xx/3xx answers and socket errors
(connect, read, write, timeout; wrk waits up to gunicorn's 30 s), then the cached/uncached
ratio of the article.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project first: bench/ (the script's folder, already on the path) has a search.py.
sys.path.insert(0, str(ROOT))

from tests.gunicorn_server import free_port, gunicorn  # noqa: E402

WRK = shutil.which("wrk") or "/usr/bin/wrk"
PYTHON = ROOT / ".venv" / "bin" / "python"
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36 hdnd-bench"


@dataclass
class Row:
    name: str
    cache: str
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int


def build_site(db: Path, articles: int) -> dict[str, str]:
    """Build (or reuse) the site in `db`; the URL of each page type to load."""
    import pages

    pages.setup_django(db)
    from django.core.management import call_command
    from django.db import connections

    from news.models import NewsArticlePage, NewsIndexPage
    from reports.models import RecommendationTrackerPage, SupervisionReportPage

    pages.build_site(articles)
    if not SupervisionReportPage.objects.live().exists():
        began = time.perf_counter()
        call_command("seed_demo", verbosity=0)
        print(f"site: demo reports and tracker in {time.perf_counter() - began:.1f} s")
    urls = {
        "article": NewsArticlePage.objects.live().order_by("-published_at").first().url,
        "section": NewsIndexPage.objects.live().order_by("depth", "path").first().url,
        "home": "/",
        "report": SupervisionReportPage.objects.live().order_by("-report_date").first().url,
        "tracker": RecommendationTrackerPage.objects.live().first().url,
        "search page": "/tim-kiem/?q=giam+sat",
        "search API": "/api/v1/search/?q=giam+sat",
    }
    print(f"site: {NewsArticlePage.objects.live().count()} live articles in {db}")
    connections.close_all()
    return urls


def start_redis() -> str:
    output = subprocess.run(
        ["bash", str(ROOT / "scripts" / "redis.sh"), "start"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    url = output.strip().partition("=")[2].rsplit("/", 1)[0] + "/1"  # database 1: the bench's
    import redis

    redis.Redis.from_url(url).flushdb()  # no page of an earlier run's site
    return url


def server_environment(db: Path, static_root: Path, cache_url: str, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"sqlite:///{db}",
        "CACHE_URL": cache_url,
        "SECRET_KEY": secrets.token_urlsafe(48),
        "BASE_URL": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on the loopback: no redirect to https
        "STATIC_ROOT": str(static_root),
        "ELASTICSEARCH_URL": "",
        "LOG_LEVEL": "ERROR",
        # wrk is one address asking thousands of times a second: the per-address API limit
        # (120/min) would answer 429 to nearly all of it, which measures the throttle.
        "SEARCH_API_RATE": "1000000/min",
        "SUGGEST_API_RATE": "1000000/min",
    }


def collect_static(environment: dict[str, str]) -> None:
    began = time.perf_counter()
    subprocess.run(
        [str(PYTHON), "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )
    print(f"static files collected in {time.perf_counter() - began:.1f} s")


def check(url: str) -> str:
    """GET once (warming the cache): the page must answer 200; its X-Page-Cache."""
    request = urllib.request.Request(url, headers={"User-Agent": READER_AGENT})
    with urllib.request.urlopen(request, timeout=30) as response:
        if response.status != 200 or response.url != url:
            raise SystemExit(f"{url}: {response.status} {response.url}")
        response.read()
        return response.headers.get("X-Page-Cache", "-")


def milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def run_wrk(url: str, duration: int, connections: int) -> tuple[float, float, float, int, int]:
    output = subprocess.run(
        [
            WRK,
            "--threads=2",
            f"--connections={connections}",
            f"--duration={duration}s",
            # gunicorn's own worker timeout: a slower request would be killed there anyway,
            # so a wrk timeout means an answer the server could not give.
            "--timeout=30s",
            "--latency",
            "-H",
            f"User-Agent: {READER_AGENT}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    socket_errors = sum(int(n) for n in sockets.groups()) if sockets else 0
    return rps, p50, p99, int(bad.group(1)) if bad else 0, socket_errors


def load(name: str, cache: str, base: str, path: str, args: argparse.Namespace) -> Row:
    url = base + path
    state = check(url)
    if cache == "cached":
        state = check(url)
        if state != "hit":
            raise SystemExit(f"{url}: expected a cache hit, got X-Page-Cache: {state}")
    rps, p50, p99, non_2xx, socket_errors = run_wrk(url, args.duration, args.connections)
    row = Row(name, cache, rps, p50, p99, non_2xx, socket_errors)
    print(
        f"{row.name:<13}{row.cache:<10}{row.rps:>10.1f}{row.p50_ms:>10.1f}{row.p99_ms:>10.1f}"
        f"{row.non_2xx:>9}{row.socket_errors:>9}",
        flush=True,
    )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--duration", type=int, default=30, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument(
        "--uncached-all", action="store_true", help="every page uncached too, not only the article"
    )
    default_db = Path(tempfile.gettempdir()) / "hdnd-bench-load.sqlite3"
    parser.add_argument("--db", type=Path, default=default_db)
    parser.add_argument("--static-root", type=Path, default=ROOT / "var" / "bench-static")
    args = parser.parse_args()
    if not Path(WRK).exists():
        raise SystemExit("wrk is missing: apt-get install -y wrk")

    urls = build_site(args.db, args.articles)
    cache_url = start_redis()
    cached_port, uncached_port = free_port(), free_port()
    cached_env = server_environment(args.db, args.static_root, cache_url, cached_port)
    collect_static(cached_env)
    uncached_env = {
        **server_environment(args.db, args.static_root, cache_url, uncached_port),
        "PAGE_CACHE_SECONDS": "0",
    }
    print(
        f"gunicorn 2 sync workers, wrk {args.connections} connections, {args.duration} s a page; "
        f"load: {os.getloadavg()[0]:.2f}"
    )
    header = f"{'page':<13}{'cache':<10}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}"
    print(header + f"{'non-2xx':>9}{'sockets':>9}")
    rows = []
    with gunicorn(cached_env, cached_port) as base:
        for name, path in urls.items():
            rows.append(load(name, "cached", base, path, args))
    with gunicorn(uncached_env, uncached_port) as base:
        for name, path in urls.items():
            if name == "article" or args.uncached_all:
                rows.append(load(name, "uncached", base, path, args))
    by_key = {(row.name, row.cache): row for row in rows}
    ratio = by_key[("article", "cached")].rps / max(by_key[("article", "uncached")].rps, 0.01)
    errors = sum(row.non_2xx + row.socket_errors for row in rows)
    print(f"cached/uncached article: {ratio:.1f}x (target >= 20x); errors: {errors} (target 0)")


if __name__ == "__main__":
    main()
