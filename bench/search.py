"""Search at volume: rebuild speed and query latency on SQLite, PostgreSQL and Elasticsearch.

    .venv/bin/python bench/search.py [--documents 20000] [--queries 300]
        [--backends sqlite,postgresql,elasticsearch] [--db /tmp/bench.sqlite3]

Builds a site of N search documents once (the demo site, generated news articles through
`import_articles --publish`, generated supervision reports with one recommendation each),
in a throwaway SQLite file and, for PostgreSQL, in a database `hdnd_bench` on the local
cluster; both are reused while they hold N documents. Then, per backend, in a process of its
own (Django is configured once per process): the rebuild time (database side from an empty
SearchEntry table; Elasticsearch bulk load alone), the latency of N mixed queries through
the backend's `search(request)` (results, facets and highlights), and the search page
/tim-kiem/ through Django's test client with its SQL query count. Prints one table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# Python puts this file's folder first on sys.path, where `import search` would find this
# very file instead of the project's search app: the project root goes first, bench/ last.
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != BENCH), str(BENCH)]

import _search_corpus as corpus  # noqa: E402
from _search_site import (  # noqa: E402
    build_site,
    reset_sqlite,
    say,
    setup_postgres,
    site_documents,
)
from pages import fetch, measure, setup_django  # noqa: E402

BACKENDS = ("sqlite", "postgresql", "elasticsearch")
ES_PREFIX = "hdnd-bench"  # apart from the developer's own indices on the same node
TARGET_REBUILD = 1000  # documents per second
TARGET_P95 = {"sqlite": 200.0, "postgresql": 200.0, "elasticsearch": 50.0}  # ms
TARGET_PAGE_QUERIES = 10
SLOWEST = 10  # queries listed with their time


def percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


# ------------------------------------------------------------------------- measuring


def rebuild_database(backend: str) -> tuple[int, float]:
    """search.indexing.rebuild_entries() from an empty SearchEntry table and index."""
    from django.db import connection, transaction

    from search import indexing
    from search.models import SearchEntry, SearchVectors

    with transaction.atomic(), connection.cursor() as cursor:
        # The project's own tables, emptied by SQL: a queryset delete() would first load
        # every entry to cascade. On SQLite a trigger clears the deleted entries' FTS5 rows.
        for model in (SearchVectors, SearchEntry):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    began = time.perf_counter()
    written, _deleted = indexing.rebuild_entries()
    seconds = time.perf_counter() - began
    if connection.vendor == "postgresql":
        # What autovacuum would do within a minute; planning on stale statistics would
        # make the first queries unrepresentative.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return written, seconds


def rebuild_elasticsearch(backend: str) -> tuple[int, float]:
    """The Elasticsearch part of `search_index rebuild` alone: new index, bulk load, swap."""
    from search import indexing
    from search.backends.elastic import indexer
    from search.models import SearchEntry

    if SearchEntry.objects.count() != site_documents():
        indexing.rebuild_entries()  # the database side, untimed
    began = time.perf_counter()
    report = indexer.rebuild()
    return report.documents, time.perf_counter() - began


def time_queries(backend: str, queries: list[corpus.Query], profile: bool) -> dict[str, Any]:
    from search.params import SearchRequest

    if backend == "elasticsearch":
        from search.backends import elastic as engine
    else:
        from search.backends import database as engine

    requests = [
        SearchRequest(query=q.query, type=q.type, year=q.year, sort=q.sort, page=q.page)
        for q in queries
    ]
    for request in requests[:10]:  # warm connections and caches
        engine.search(request)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    timings: dict[str, list[float]] = {}
    each: list[tuple[float, int, corpus.Query]] = []
    empty = 0
    for query, request in zip(queries, requests, strict=True):
        began = time.perf_counter()
        results = engine.search(request)
        took = (time.perf_counter() - began) * 1000
        timings.setdefault(query.kind, []).append(took)
        each.append((took, results.count, query))
        empty += not results.count
    # What makes the p95: the slowest queries, with their number of matches.
    say(backend, "slowest queries (ms, matches, query):")
    for took, count, query in sorted(each, key=lambda item: -item[0])[:SLOWEST]:
        print(f"  {took:7.1f} {count:>7}  {query}", flush=True)
    if profiler:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(30)
    p50, p95 = percentiles([t for kind in timings.values() for t in kind])
    return {
        "p50": p50,
        "p95": p95,
        "empty": empty,
        "kinds": {kind: percentiles(values) for kind, values in timings.items()},
    }


def page_url(query: corpus.Query) -> str:
    params: dict[str, Any] = {"q": query.query, "type": query.type, "year": query.year}
    params["sort"] = query.sort if query.sort != "relevance" else None
    params["page"] = query.page if query.page > 1 else None
    return "/tim-kiem/?" + urlencode({k: v for k, v in params.items() if v is not None})


def time_page(requests: int) -> dict[str, Any]:
    from django.test import Client

    client = Client()
    # Queries of their own: the ones just timed would be answered from warm caches.
    queries = corpus.queries(requests, seed=5050)
    urls = [page_url(query) for query in queries]
    fetch(client, urls[0])  # warm
    timings = []
    for url in urls:
        began = time.perf_counter()
        response = fetch(client, url)
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    # SQL queries of a warm request: plain, filtered, sorted and second-page searches.
    samples = [
        corpus.Query("diacritics", "giảm nghèo"),
        corpus.Query("filter_both", "nông thôn mới", type="report", year=2020),
        corpus.Query("newest", "khoáng sản", sort="newest"),
        corpus.Query("page_2", "tiếp công dân", page=2),
    ]
    sql = max(measure(client, page_url(query), 1)[2] for query in samples)
    p50, p95 = percentiles(timings)
    return {"page_p50": p50, "page_p95": p95, "page_sql": sql}


# ------------------------------------------------------------------------ the worker


def worker(args: argparse.Namespace) -> None:
    backend = args.worker
    os.environ["ELASTICSEARCH_URL"] = args.target if backend == "elasticsearch" else ""
    os.environ["ELASTICSEARCH_INDEX_PREFIX"] = ES_PREFIX
    if backend == "postgresql":
        reset = setup_postgres(args.target)
    else:
        setup_django(args.db)
        reset = reset_sqlite(args.db)
    build_site(backend, args.documents, reset)
    if backend == "elasticsearch":
        documents, seconds = rebuild_elasticsearch(backend)
    else:
        documents, seconds = rebuild_database(backend)
    say(backend, f"rebuild: {documents} documents in {seconds:.1f} s")
    queries = corpus.queries(args.queries)
    try:
        result = {"backend": backend, "documents": documents, "rebuild": documents / seconds}
        result.update(time_queries(backend, queries, args.profile))
        result.update(time_page(args.page_requests))
    finally:
        if backend == "elasticsearch":
            from search.backends import elastic

            elastic.drop_indices()  # a 512 MB node; the next run rebuilds anyway
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")


# ------------------------------------------------------------------------ the parent


def postgres_url(given: str) -> tuple[str, str]:
    """(cluster URL, "") when PostgreSQL answers, else ("", why not)."""
    url = given or os.environ.get("BENCH_POSTGRES_URL", "")
    if not url:
        script = ROOT / "scripts" / "postgres.sh"
        status = subprocess.run(["bash", str(script), "status"], capture_output=True, text=True)
        if status.returncode != 0:
            return "", "PostgreSQL is not running (bash scripts/postgres.sh start)"
        out = subprocess.run(["bash", str(script), "url"], capture_output=True, text=True)
        url = (
            out.stdout.strip().splitlines()[-1].removeprefix("DATABASE_URL=") if out.stdout else ""
        )
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=5).close()
    except Exception as error:  # noqa: BLE001 - any failure means "skip", never a traceback
        return "", f"PostgreSQL at {url or '?'} does not answer: {error}"
    return url, ""


def elasticsearch_url(given: str) -> tuple[str, str]:
    url = given or os.environ.get("ELASTICSEARCH_URL", "")
    url_file = ROOT / "var" / "elasticsearch" / "url"
    if not url and url_file.exists():
        url = url_file.read_text().strip().removeprefix("ELASTICSEARCH_URL=")
    if not url:
        return "", "no ELASTICSEARCH_URL (bash scripts/elasticsearch.sh start)"
    try:
        # Not "/": the bare node scripts/elasticsearch.sh runs answers 405 there.
        with urllib.request.urlopen(f"{url.rstrip('/')}/_cluster/health", timeout=5) as response:
            response.read()
    except Exception as error:  # noqa: BLE001
        return "", f"Elasticsearch at {url} does not answer: {error}"
    return url, ""


def run_worker(backend: str, target: str, args: argparse.Namespace) -> dict[str, Any] | None:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result = Path(handle.name)
    command = [sys.executable, __file__, "--worker", backend, "--target", target]
    command += ["--documents", str(args.documents), "--queries", str(args.queries)]
    command += ["--db", str(args.db), "--page-requests", str(args.page_requests)]
    command += ["--result", str(result)] + (["--profile"] if args.profile else [])
    done = subprocess.run(command, cwd=ROOT)
    text = result.read_text(encoding="utf-8") if result.exists() else ""
    result.unlink(missing_ok=True)
    if done.returncode != 0 or not text:
        print(f"[{backend}] failed (exit {done.returncode}): see its output above")
        return None
    return json.loads(text)


def misses(row: dict[str, Any]) -> str:
    missed = []
    if row["rebuild"] < TARGET_REBUILD:
        missed.append("rebuild")
    if row["p95"] > TARGET_P95[row["backend"]]:
        missed.append("p95")
    if row["page_sql"] > TARGET_PAGE_QUERIES:
        missed.append("page SQL")
    return "missed: " + ", ".join(missed) if missed else "ok"


def print_table(rows: list[dict[str, Any]], skipped: dict[str, str], queries: int) -> None:
    print()
    print(
        f"{'backend':<15}{'documents':>10}{'rebuild/s':>11}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'empty':>7}{'page p50':>10}{'page p95':>10}{'page SQL':>10}  targets"
    )
    for row in rows:
        print(
            f"{row['backend']:<15}{row['documents']:>10}{row['rebuild']:>11.0f}"
            f"{row['p50']:>9.1f}{row['p95']:>9.1f}{row['empty']:>7}{row['page_p50']:>10.1f}"
            f"{row['page_p95']:>10.1f}{row['page_sql']:>10}  {misses(row)}"
        )
    for backend, reason in skipped.items():
        print(f"{backend:<15}skipped: {reason}")
    print(
        f"targets: rebuild >= {TARGET_REBUILD:,} documents/s; p95 <= 200 ms (database), "
        f"<= 50 ms (Elasticsearch); search page <= {TARGET_PAGE_QUERIES} SQL queries. "
        f"{queries} queries; 'empty' = queries with no result."
    )
    if rows:
        print(f"\n{'query kind':<15}" + "".join(f"{r['backend'] + ' p50/p95':>26}" for r in rows))
        for kind in corpus.KINDS:
            cells = [r["kinds"].get(kind) for r in rows]
            print(
                f"{kind:<15}"
                + "".join(f"{c[0]:>17.1f}{c[1]:>9.1f}" if c else f"{'-':>26}" for c in cells)
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--db", type=Path, default=None, help="SQLite file (built once)")
    parser.add_argument("--page-requests", type=int, default=50)
    parser.add_argument("--postgres-url", default="", help="default: scripts/postgres.sh url")
    parser.add_argument("--elasticsearch-url", default="", help="default: $ELASTICSEARCH_URL")
    parser.add_argument("--profile", action="store_true", help="cProfile the query timing")
    parser.add_argument("--worker", choices=BACKENDS, help=argparse.SUPPRESS)
    parser.add_argument("--target", default="", help=argparse.SUPPRESS)
    parser.add_argument("--result", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.db is None:
        args.db = Path(tempfile.gettempdir()) / f"hdnd-bench-search-{args.documents}.sqlite3"
    if args.worker:
        worker(args)
        return
    began = time.perf_counter()
    rows: list[dict[str, Any]] = []
    skipped: dict[str, str] = {}
    for backend in [name.strip() for name in args.backends.split(",") if name.strip()]:
        if backend not in BACKENDS:
            skipped[backend] = f"unknown backend (one of {', '.join(BACKENDS)})"
            continue
        target, reason = "", ""
        if backend == "postgresql":
            target, reason = postgres_url(args.postgres_url)
        elif backend == "elasticsearch":
            target, reason = elasticsearch_url(args.elasticsearch_url)
        if reason:
            print(f"[{backend}] skipped: {reason}")
            skipped[backend] = reason
            continue
        started = time.perf_counter()
        row = run_worker(backend, target, args)
        print(f"[{backend}] done in {time.perf_counter() - started:.0f} s", flush=True)
        if row:
            rows.append(row)
        else:
            skipped[backend] = "failed, see its output above"
    print_table(rows, skipped, args.queries)
    print(f"\ntotal {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
