"""Relevance on the real-world set (tests/relevance/realworld), on every backend.

The targets hold on the check half, which ranking was never tuned on: MRR@10 at least 0.95
overall and 0.90 in every kind, on the database (SQLite or PostgreSQL, whichever the run
uses) and on Elasticsearch; and the backends agree: the same first result for at least 90%
of the queries, and result counts within 10% of each other for as many.

Run with `-s` for the per-kind tables of both halves; they are also written to
var/relevance/realworld-<backend>.txt, and each query's answers to .json, which
bench/relevance_agreement.py compares across backends (SQLite and PostgreSQL run apart).
"""

from __future__ import annotations

import io
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection

from search.params import SearchRequest
from tests.elasticsearch_node import require_elasticsearch
from tests.realworld.corpus import Corpus
from tests.relevance import realworld_set, scoring
from tests.relevance.realworld_set import QUERIES

MIN_MRR = 0.95
MIN_KIND_MRR = 0.90
MIN_AGREEMENT = 0.90
COUNT_TOLERANCE = 0.10


HALF = realworld_set.split().half


@dataclass(frozen=True)
class Run:
    """One backend's answers to every judged query."""

    backend: str
    outcomes: list[scoring.Outcome]
    counts: dict[str, int]

    def half(self, name: str) -> list[scoring.Outcome]:
        return [o for o in self.outcomes if HALF(o.judgement.kind, o.judgement.query) == name]


def _run(name: str, backend, corpus: Corpus) -> Run:
    counts: dict[str, int] = {}

    def search(query: str) -> list[str]:
        results = backend.search(SearchRequest(query=query, page_size=scoring.TOP))
        counts[query] = results.count
        return [corpus.document(hit.type, hit.url) for hit in results.items]

    outcomes = scoring.evaluate(search, scoring.load(QUERIES))
    run = Run(name, outcomes, counts)
    _report(run)
    return run


def table(run: Run) -> str:
    tune, check = scoring.figures(run.half("tune")), scoring.figures(run.half("check"))
    lines = [
        f"{run.backend}: kind           tune: n  MRR@10 recall@10 | check: n  MRR@10 recall@10",
    ]
    for kind in sorted(tune.keys() | check.keys(), key=lambda k: (k == "all", k)):
        row = f"  {kind:<22}"
        for figures in (tune, check):
            f = figures.get(kind)
            row += f" {f.queries:>4} {f.mrr:7.3f} {f.recall:8.3f} |" if f else " " * 23 + "|"
        lines.append(row.rstrip("|"))
    for outcome in run.outcomes:
        if outcome.reciprocal_rank < 1:
            j = outcome.judgement
            lines.append(
                f"  rr={outcome.reciprocal_rank:.2f} [{HALF(j.kind, j.query)} {j.kind}] "
                f"{j.query!r} relevant={sorted(j.relevant)[:3]} top={list(outcome.ranked[:3])}"
            )
    return "\n".join(lines)


def _report(run: Run) -> None:
    text = table(run)
    print()
    print(text)
    folder = Path(django_settings.BASE_DIR) / "var" / "relevance"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"realworld-{run.backend}.txt").write_text(text + "\n", encoding="utf-8")
    # What bench/relevance_agreement.py compares across runs (SQLite and PostgreSQL run
    # apart): each query's top ten and count.
    answers = {
        o.judgement.query: {"ranked": list(o.ranked), "count": run.counts[o.judgement.query]}
        for o in run.outcomes
    }
    with (folder / f"realworld-{run.backend}.json").open("w", encoding="utf-8") as out:
        json.dump(answers, out, ensure_ascii=False, indent=0)


def _assert_targets(run: Run) -> None:
    # Rounded: a mean of reciprocal ranks that is exactly 0.9 adds up to 0.8999999...
    mrr = {kind: round(f.mrr, 9) for kind, f in scoring.figures(run.half("check")).items()}
    assert mrr["all"] >= MIN_MRR, table(run)
    weak = {kind: round(value, 3) for kind, value in mrr.items() if value < MIN_KIND_MRR}
    assert not weak, f"kinds under {MIN_KIND_MRR} on the check half: {weak}\n{table(run)}"


_database_runs: dict[str, Run] = {}


def _database_run(corpus: Corpus) -> Run:
    from search.backends import database

    if connection.vendor not in _database_runs:
        _database_runs[connection.vendor] = _run(connection.vendor, database, corpus)
    return _database_runs[connection.vendor]


def test_database_backend_meets_the_targets_on_the_check_half(corpus):
    _assert_targets(_database_run(corpus))


def agreement(first: Run, second: Run) -> tuple[float, float]:
    """The share of queries with the same first result, and with counts within 10%."""
    same_first = same_count = 0
    for a, b in zip(first.outcomes, second.outcomes, strict=True):
        same_first += a.ranked[:1] == b.ranked[:1]
        ca, cb = first.counts[a.judgement.query], second.counts[b.judgement.query]
        same_count += abs(ca - cb) <= COUNT_TOLERANCE * max(ca, cb)
    total = len(first.outcomes)
    return same_first / total, same_count / total


@pytest.fixture
def elasticsearch_index(corpus, settings):
    settings.ELASTICSEARCH_URL = require_elasticsearch()
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-realworld-{uuid.uuid4().hex[:8]}"
    from search.backends import elastic

    call_command("search_index", "rebuild", stdout=io.StringIO())
    yield elastic
    elastic.drop_indices()


def test_elasticsearch_meets_the_targets_and_agrees_with_the_database(corpus, elasticsearch_index):
    database = _database_run(corpus)
    run = _run("elasticsearch", elasticsearch_index, corpus)
    first, counts = agreement(database, run)
    print(f"\nagreement {database.backend}/elasticsearch: first {first:.3f}, counts {counts:.3f}")
    _assert_targets(run)
    assert first >= MIN_AGREEMENT and counts >= MIN_AGREEMENT, (first, counts)
