"""Relevance over the demo content: the judged queries must find what a reader wants.

Both backends are scored on the same judgements (tests/relevance/queries.tsv); the suite
fails below MRR@10 0.9. Run with `-s` to see the per-kind table.
"""

from __future__ import annotations

import io
import uuid

import pytest
from django.core.management import call_command

from search.params import SearchRequest
from tests.elasticsearch_node import require_elasticsearch
from tests.relevance import scoring

MIN_MRR = 0.9


def _ranked(backend) -> callable:
    def search(query: str) -> list[str]:
        results = backend.search(SearchRequest(query=query, page_size=scoring.TOP))
        return [scoring.document_id(hit.type, hit.url) for hit in results.items]

    return search


def _score(name: str, backend) -> dict[str, scoring.Figures]:
    judgements = scoring.load()
    outcomes = scoring.evaluate(_ranked(backend), judgements)
    print()
    print(scoring.table(name, outcomes))
    return scoring.figures(outcomes)


def test_judgements_cover_every_kind_with_at_least_sixty_queries():
    judgements = scoring.load()
    kinds = {j.kind for j in judgements}
    assert len(judgements) >= 60
    assert kinds >= {
        "no_diacritics",
        "tones",
        "abbreviation",
        "phrase",
        "person",
        "agency",
        "commune",
        "number",
    }


@pytest.mark.django_db
def test_database_backend_relevance(demo):
    from search.backends import database

    figures = _score("database", database)
    assert figures["all"].mrr >= MIN_MRR, figures


@pytest.mark.django_db
def test_elasticsearch_backend_relevance(demo, settings):
    settings.ELASTICSEARCH_URL = require_elasticsearch()
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-relevance-{uuid.uuid4().hex[:8]}"
    from search.backends import elastic

    call_command("search_index", "rebuild", stdout=io.StringIO())
    try:
        figures = _score("elasticsearch", elastic)
    finally:
        elastic.drop_indices()
    assert figures["all"].mrr >= MIN_MRR, figures
