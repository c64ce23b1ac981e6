"""Building the site bench/search.py measures: N search documents, in SQLite or PostgreSQL.

The demo site (seed_demo), then generated news articles through the project's importer
(`import_articles --publish`, so the tree, revisions and live index updates are as in
production), then generated supervision reports with one recommendation each, added
straight to the tree as live pages (search reads live pages, never revisions). A database
already holding N documents is reused; any other is started afresh.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import _search_corpus as corpus

PG_DATABASE = os.environ.get("BENCH_PG_DATABASE", "hdnd_bench")  # two checkouts side by side
REPORT_SHARE = 20  # one report (plus its recommendation) per 20 documents
SECTIONS = [
    "Tin tức hoạt động/Hội đồng nhân dân tỉnh/Thường trực HĐND tỉnh",
    "Tin tức hoạt động/Hội đồng nhân dân tỉnh/Các Ban HĐND tỉnh",
    "Tin tức hoạt động/Hội đồng nhân dân tỉnh/Tổ đại biểu HĐND tỉnh",
    "Tin tức hoạt động/Kỳ họp",
    "Tin tức hoạt động/Hoạt động giám sát",
    "Tin tức hoạt động/Tiếp công dân",
    "Thông báo",
]
Reset = Callable[[], None]


def say(backend: str, message: str) -> None:
    print(f"[{backend}] {message}", flush=True)


def site_documents() -> int:
    """The entries a rebuild writes: public articles, reports and their recommendations."""
    from news.models import NewsArticlePage
    from reports.models import Recommendation, SupervisionReportPage
    from search.sources import public_pages

    reports = public_pages(SupervisionReportPage.objects.all())
    recommendations = Recommendation.objects.filter(report__in=reports)
    return (
        public_pages(NewsArticlePage.objects.all()).count()
        + reports.count()
        + recommendations.count()
    )


def build_site(backend: str, documents: int, reset: Reset) -> None:
    """Reuse the database when it holds `documents` documents, else start it afresh."""
    from django.core.management import call_command
    from django.test import override_settings

    from search import indexing

    call_command("migrate", verbosity=0)
    existing = site_documents()
    if existing == documents:
        say(backend, f"site: reusing {existing} documents")
        return
    say(backend, f"site: {existing} documents, {documents} wanted: building afresh")
    reset()
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    # Live index updates stay on (as in production), but not towards Elasticsearch: the
    # Elasticsearch index is built by the timed rebuild.
    with override_settings(ELASTICSEARCH_URL=""):
        call_command("seed_demo", stdout=StringIO())
        reports = max(1, documents // REPORT_SHARE)
        articles = documents - site_documents() - 2 * reports
        if articles < 0:
            raise SystemExit(f"--documents {documents} is fewer than the demo site holds")
        import_articles(backend, articles)
        add_reports(backend, reports)
        # Reports added without publishing sent no signal: index everything once.
        indexing.rebuild_entries()
    seconds = time.perf_counter() - began
    say(backend, f"site: built {site_documents()} documents in {seconds:.0f} s")


def import_articles(backend: str, count: int) -> None:
    from django.core.management import call_command

    rng = random.Random(2020)
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / "articles.jsonl"
        with jsonl.open("w", encoding="utf-8") as out:
            for n in range(count):
                record = corpus.article(rng, n, SECTIONS[n % len(SECTIONS)])
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        began = time.perf_counter()
        call_command("import_articles", str(jsonl), "--publish", stdout=StringIO())
        seconds = time.perf_counter() - began
        say(backend, f"site: imported {count} articles in {seconds:.0f} s")


def add_reports(backend: str, count: int) -> None:
    """Live reports with figures and one recommendation each, straight into the tree:
    no revisions, which search never reads (it indexes the live page)."""
    from datetime import datetime, timedelta
    from datetime import time as dtime
    from decimal import Decimal

    from django.db import transaction
    from django.utils.timezone import make_aware as aware

    from reports.models import (
        AdministrativeUnit,
        Agency,
        Field,
        KeyFigure,
        Person,
        Recommendation,
        ReportIndexPage,
        SupervisingBody,
        SupervisionReportPage,
    )

    rng = random.Random(2021)
    index = ReportIndexPage.objects.get()
    bodies, agencies = list(SupervisingBody.objects.all()), list(Agency.objects.all())
    fields = list(Field.objects.all())
    units = list(AdministrativeUnit.objects.filter(level="huyen"))
    writer = corpus.Writer(rng)
    people = Person.objects.bulk_create(
        Person(name=writer.person(), position=rng.choice(corpus.POSITIONS)) for _ in range(40)
    )
    began = time.perf_counter()
    for start in range(0, count, 100):
        with transaction.atomic():
            for n in range(start, min(count, start + 100)):
                text = corpus.report(rng)
                page = SupervisionReportPage(
                    title=text.title,
                    slug=f"bench-search-{n}",
                    kind=rng.choice(["chuyen-de", "khao-sat", "tai-giam-sat", "thuong-xuyen"]),
                    subject=text.subject,
                    supervising_body=rng.choice(bodies),
                    head=rng.choice(people),
                    report_date=text.day,
                    summary=text.summary,
                    findings=text.findings,
                    shortcomings=text.shortcomings,
                    conclusion=text.conclusion,
                    localities_note=f"{rng.randrange(3, 15)} xã thuộc {rng.randrange(1, 4)} huyện",
                    first_published_at=aware(datetime.combine(text.day, dtime(12))),
                )
                page.fields = rng.sample(fields, 2)
                page.agencies = rng.sample(agencies, 2)
                page.localities = rng.sample(units, 2)
                for label, unit in (("Số đối tượng được hỗ trợ", "người"), ("Số hộ nghèo", "hộ")):
                    page.figures.add(
                        KeyFigure(
                            label=label,
                            value=Decimal(rng.choice(corpus.FIGURES).replace(".", "")),
                            unit=unit,
                            as_of=text.day - timedelta(days=rng.randrange(30, 200)),
                        )
                    )
                recommendation = Recommendation(
                    text=text.recommendation, deadline=text.day + timedelta(days=365)
                )
                recommendation.addressees = rng.sample(agencies, 1)
                page.recommendations.add(recommendation)
                index.add_child(instance=page)
    say(backend, f"site: added {count} reports in {time.perf_counter() - began:.0f} s")


def reset_sqlite(path: Path) -> Reset:
    def reset() -> None:
        from django.db import connection

        connection.close()  # the next query opens (and creates) a new, empty file
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    return reset


def setup_postgres(cluster_url: str) -> Reset:
    """Point Django at `hdnd_bench` on the cluster (created if missing); returns a reset."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(cluster_url)
    name = sql.Identifier(PG_DATABASE)

    def admin(statement: sql.Composed) -> None:
        with psycopg.connect(cluster_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(statement)

    with psycopg.connect(cluster_url, connect_timeout=5) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE]
        ).fetchone()
    if not exists:  # template1 carries unaccent (scripts/postgres.sh)
        admin(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8'").format(name))
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{PG_DATABASE}"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    import django

    django.setup()

    def reset() -> None:
        from django.db import connection

        connection.close()
        admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8'").format(name))

    return reset
