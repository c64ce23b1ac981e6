"""Keep SearchEntry (and Elasticsearch, when configured) in step with the public site.

`refresh_pages` is what the signals call after a transaction commits: it rebuilds the
entries of the given pages and their descendants, removes entries of what is no longer
public, writes the full text of those rows (search.backends.database.writer), then pushes the same
change to Elasticsearch. An Elasticsearch failure is recorded (IndexingFailure) and never
raised: publishing must not fail because search is down; `search_index sync` catches up.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from search import breaker, parallel, sources
from search.analysis import TEXT_FIELDS, expanded_folded_all
from search.backends.database.writer import BatchedIndexWriter, add_entries
from search.models import IndexingFailure, SearchEntry

logger = logging.getLogger(__name__)

ENTRY_FIELDS = [
    field.name
    for field in SearchEntry._meta.concrete_fields
    if field.name not in ("id", "key", "updated_at")
]
ENTRY_COLUMNS = [SearchEntry._meta.get_field(name).attname for name in ENTRY_FIELDS]
BATCH = 500
INDEX_BATCH = 5000


def _differs(entry: SearchEntry, values: dict[str, Any]) -> bool:
    return any(getattr(entry, column) != values.get(column) for column in ENTRY_COLUMNS)


def _default(field: Any) -> Any:
    if field.has_default():
        return field.get_default()
    return "" if field.get_internal_type() in ("CharField", "TextField") else None


_DEFAULTS = {
    field.attname: _default(field)
    for field in SearchEntry._meta.concrete_fields
    if field.attname in ENTRY_COLUMNS
}


def _values(entry: dict[str, Any]) -> dict[str, Any]:
    return {column: entry.get(column, _DEFAULTS[column]) for column in ENTRY_COLUMNS}


# Columns written as given; the others (dates, JSON) through their field's own preparation.
_PREPARED = [
    field
    for field in SearchEntry._meta.concrete_fields
    if field.get_internal_type() in ("DateTimeField", "JSONField")
]
_INSERT_COLUMNS = ["key", *ENTRY_COLUMNS, "updated_at"]
KEYS_PER_QUERY = 500


def _insert(created: list[SearchEntry]) -> None:
    """bulk_create(created) in one executemany, then the new ids read back by key.

    Django's bulk_create compiles a placeholder and prepares a value per field per row in
    Python: 26 fields × 20,000 entries was a third of a rebuild's time in the main process.
    """
    if not created:
        return
    prepared = [(_INSERT_COLUMNS.index(field.attname), field) for field in _PREPARED]
    quote = connection.ops.quote_name
    columns = ", ".join(map(quote, _INSERT_COLUMNS))
    marks = ", ".join(["%s"] * len(_INSERT_COLUMNS))
    sql = f"INSERT INTO {quote(SearchEntry._meta.db_table)} ({columns}) VALUES ({marks})"
    rows = []
    for entry in created:
        values = [getattr(entry, column) for column in _INSERT_COLUMNS]
        for position, field in prepared:
            values[position] = field.get_db_prep_save(values[position], connection)
        rows.append(values)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    by_key = {entry.key: entry for entry in created}
    keys = list(by_key)
    for start in range(0, len(keys), KEYS_PER_QUERY):
        found = SearchEntry.objects.filter(key__in=keys[start : start + KEYS_PER_QUERY])
        for key, pk in found.values_list("key", "pk"):
            by_key[key].pk = pk


def apply(
    entries: Iterable[dict[str, Any]], scope: Iterable[SearchEntry], *, index: bool = True
) -> tuple[list[SearchEntry], list[SearchEntry]]:
    """Make the rows in `scope` equal `entries`: create, update or delete.

    Returns (written rows, deleted rows). Unchanged rows are neither written nor returned,
    so a re-run over an unchanged site touches nothing. With `index=False` the caller
    writes the rows' full text itself (a rebuild does, in larger batches).
    """
    existing = {entry.key: entry for entry in scope}
    now = timezone.now()
    created: list[SearchEntry] = []
    updated: list[SearchEntry] = []
    for entry in entries:
        values = _values(entry)
        row = existing.pop(entry["key"], None)
        if row is None:
            created.append(SearchEntry(key=entry["key"], updated_at=now, **values))
        elif _differs(row, values):
            for column, value in values.items():
                setattr(row, column, value)
            row.updated_at = now
            updated.append(row)
    deleted = list(existing.values())
    with transaction.atomic():
        if deleted:
            SearchEntry.objects.filter(pk__in=[row.pk for row in deleted]).delete()
        _insert(created)
        if updated:
            SearchEntry.objects.bulk_update(
                updated, [*ENTRY_COLUMNS, "updated_at"], batch_size=BATCH
            )
    written = created + updated
    # Deleting rows removed their full text already (Django's cascade on PostgreSQL, a
    # trigger on SQLite); the written rows' full text is written here in one statement.
    if written and index:
        add_entries(written)
    return written, deleted


def pages_at_or_below(pages: Iterable[Page]) -> list[int]:
    """Ids of the given pages and all their descendants (a moved or hidden section)."""
    ids: set[int] = set()
    for page in pages:
        ids.update(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))
    return sorted(ids)


def _refresh_ids(
    page_ids: list[int], workers: int = 1, *, index: bool = True
) -> Iterator[tuple[list[SearchEntry], list[SearchEntry]]]:
    # In chunks, so a full rebuild of tens of thousands of pages keeps memory flat. With
    # workers, chunk N's text forms are computed on other cores while chunk N-1 is written;
    # only the texts travel (entries hold model enums that workers, without Django, lack).
    read: deque[tuple[list[int], list[dict[str, Any]]]] = deque()

    def texts() -> Iterator[list[str]]:
        for start in range(0, len(page_ids), BATCH):
            chunk = page_ids[start : start + BATCH]
            entries = list(sources.entries_for_page_ids(chunk))
            read.append((chunk, entries))
            yield [entry[name] for entry in entries for name in TEXT_FIELDS]

    for folded in parallel.pipelined(expanded_folded_all, texts(), workers):
        chunk, entries = read.popleft()
        forms = iter(folded)
        for entry in entries:
            for name in TEXT_FIELDS:
                entry[f"{name}_folded"] = next(forms)
        yield apply(entries, SearchEntry.objects.filter(page_id__in=chunk), index=index)


def _refresh_and_push(page_ids: list[int], workers: int = 1) -> tuple[int, int]:
    written: list[SearchEntry] = []
    deleted: list[SearchEntry] = []
    for done, gone in _refresh_ids(page_ids, workers):
        written += done
        deleted += gone
    push_to_elasticsearch(written, [row.key for row in deleted])
    return len(written), len(deleted)


def refresh_pages(
    pages: Iterable[Page], *, descendants: bool = True, workers: int = 1
) -> tuple[int, int]:
    """Re-read the entries of these pages (and descendants); returns (written, deleted).

    `workers` above 1 folds the text on that many processes (search.parallel): only for
    a management command's bulk work, never in a web worker.
    """
    page_ids = pages_at_or_below(pages) if descendants else sorted({page.pk for page in pages})
    return _refresh_and_push(page_ids, workers)


def refresh_pages_by_id(
    page_ids: Iterable[int], *, descendants: bool = True, workers: int = 1
) -> tuple[int, int]:
    if descendants:
        pages = Page.objects.filter(pk__in=list(page_ids))
        return refresh_pages(pages, descendants=True, workers=workers)
    return _refresh_and_push(sorted(set(page_ids)), workers)


def rebuild_entries() -> tuple[int, int]:
    """Bring every entry in line with the site (the database side of a rebuild/sync).

    Elasticsearch is left to the caller (search_index loads it from the rows).
    """
    page_ids = sorted(
        set(sources.document_page_ids())
        | set(SearchEntry.objects.values_list("page_id", flat=True).distinct())
    )
    written = deleted = 0
    # Workers only here, never in a live update: a web worker should not start processes.
    workers = parallel.workers_for(len(page_ids))
    with BatchedIndexWriter(INDEX_BATCH) as database_index:
        for done, gone in _refresh_ids(page_ids, workers, index=False):
            written += len(done)
            deleted += len(gone)
            database_index.add(done)
    return written, deleted


def push_to_elasticsearch(written: list[SearchEntry], deleted_keys: list[str]) -> None:
    """Send a live change to Elasticsearch; record, never raise, on failure."""
    from search.backends import elastic

    if not elastic.is_configured() or not (written or deleted_keys):
        return

    def send() -> None:
        if written:
            elastic.index_entries(written)
        if deleted_keys:
            elastic.delete_keys(deleted_keys)

    try:
        # Through the readers' breaker: while it is open a publish records the change for
        # `search_index sync` at once instead of waiting ELASTICSEARCH_TIMEOUT on a frozen node.
        breaker.guarded(send)
    except Exception as error:  # noqa: BLE001 - any failure must not block publishing
        logger.warning("Elasticsearch update failed, recorded for sync: %s", error)
        message = elastic.describe(error)[:2000]
        IndexingFailure.objects.bulk_create(
            [IndexingFailure(key=row.key, action="index", error=message) for row in written]
            + [IndexingFailure(key=key, action="delete", error=message) for key in deleted_keys]
        )
