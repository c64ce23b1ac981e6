"""A full rebuild spreads its text work over worker processes; nothing may change by it."""

from __future__ import annotations

import pytest

from search import parallel
from search.analysis import expanded_folded, expanded_folded_all
from search.backends import database
from search.indexing import rebuild_entries
from search.models import SearchEntry
from tests.search_factories import article, index_site, titles
from tests.search_factories import search as run
from tests.search_rows import index_rows

TEXTS = [
    "Giám sát chính sách bảo trợ xã hội tại huyện Sìn Hồ",
    "UBND tỉnh chi trả 8.712 triệu đồng đến 30/6/2020",
    "Sở LĐ-TB&XH và Ban VH-XH HĐND tỉnh",
    "",
    "Công trình thủy lợi nội đồng, hoà giải ở cơ sở",
]


def test_worker_processes_return_every_batch_in_order():
    batches = [TEXTS[:2], TEXTS[2:3], [], TEXTS[3:]]
    results = list(parallel.pipelined(expanded_folded_all, iter(batches), workers=2))
    assert results == [[expanded_folded(text) for text in batch] for batch in batches]


def test_small_jobs_stay_in_process(settings):
    settings.SEARCH_INDEX_WORKERS = 4
    assert parallel.workers_for(parallel.MIN_ITEMS_FOR_POOL - 1) == 1
    assert parallel.workers_for(parallel.MIN_ITEMS_FOR_POOL) == 4


@pytest.mark.django_db
def test_a_rebuild_on_workers_writes_what_one_in_process_writes(sections, settings, monkeypatch):
    for n, text in enumerate(TEXTS[:3] + TEXTS[4:]):
        article(sections["council"], f"{text} ({n})", summary=text, body_text=text)
    index_site()  # in-process: a handful of pages
    columns = ("key", "title_folded", "summary_folded", "body_folded", "conclusion_folded")
    in_process = sorted(SearchEntry.objects.values_list(*columns))
    SearchEntry.objects.all().delete()

    settings.SEARCH_INDEX_WORKERS = 2
    monkeypatch.setattr(parallel, "MIN_ITEMS_FOR_POOL", 1)
    assert rebuild_entries() == (len(in_process), 0)
    assert sorted(SearchEntry.objects.values_list(*columns)) == in_process
    best = titles(run(database, "uy ban nhan dan 8712"))[0]
    assert best == "UBND tỉnh chi trả 8.712 triệu đồng đến 30/6/2020 (1)"


# serialized_rollback: a transactional test before this one flushed the home page.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebuild_outside_a_transaction_indexes_every_batch(sections, monkeypatch):
    """On PostgreSQL, outside a transaction, batches are written from a thread with its
    own connection (search.backends.database.writer); every one must land."""
    from search import indexing

    for n, text in enumerate(TEXTS[:3] + TEXTS[4:]):
        article(sections["council"], f"{text} ({n})", summary=text, body_text=text)
    SearchEntry.objects.all().delete()  # publishing indexed them already
    assert index_rows() == []
    monkeypatch.setattr(indexing, "INDEX_BATCH", 2)  # several batches, one in flight
    written, _deleted = rebuild_entries()
    assert written == SearchEntry.objects.count() == 4
    assert len(index_rows()) == 4
    assert titles(run(database, "thuy loi noi dong")) == [
        "Công trình thủy lợi nội đồng, hoà giải ở cơ sở (3)"
    ]
