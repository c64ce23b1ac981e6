"""The project's full-text storage of SearchEntry rows, written in bulk by the database.

Each database keeps the full text in a table the project owns (search/migrations/0005),
filled here with one statement per batch over the SearchEntry rows already written, so
the text never travels back to Python:

* PostgreSQL: `SearchVectors` (search.models), one row per entry, its vectors computed
  by the same INSERT … SELECT that writes it (`hdnd_unaccent`, search/migrations/0002).
  Deleting an entry deletes its row (Django's cascade).
* SQLite: the FTS5 table `portal_search_fulltext`, rowid = the entry's id, columns
  (heading, body, autocomplete). A trigger on SearchEntry deletes the rows of deleted
  entries, so a queryset delete, a page's cascade or a raw DELETE all keep it in step.

What goes where (both databases): the heading is the folded title and summary, ranked on
for every match; the body every folded text, matched on; the autocomplete the folded
title, for suggestions. On PostgreSQL the weights are those the ranking was tuned with:
title and heading B, summary C, conclusion and body D.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from django.db import connection, connections

from search.models import SearchEntry, SearchVectors

CONFIG = "hdnd_unaccent"  # search/migrations/0002: `simple` with unaccent
AUTOCOMPLETE_CONFIG = "simple"
FULLTEXT_TABLE = "portal_search_fulltext"  # SQLite's FTS5 table (search/migrations/0005)
# (folded column, PostgreSQL weight) of the body, in this order.
BODY_PARTS = (
    ("title_folded", "B"),
    ("summary_folded", "C"),
    ("conclusion_folded", "D"),
    ("body_folded", "D"),
)


def add_entries(rows: Sequence[SearchEntry]) -> None:
    """Write the full text of these (saved) rows, replacing what they had."""
    if rows:
        write_ids([row.pk for row in rows])


def write_ids(ids: Sequence[int]) -> None:
    """Write the full text of the SearchEntry rows with these ids."""
    if not ids:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(postgres_sql(), [list(ids)])
        elif connection.vendor == "sqlite":
            listed = json.dumps(list(ids))
            # FTS5 has no upsert: the old text goes first (nothing, for new entries).
            cursor.execute(
                f"DELETE FROM {FULLTEXT_TABLE} WHERE rowid IN (SELECT value FROM json_each(%s))",
                [listed],
            )
            cursor.execute(sqlite_sql(), [listed])
        else:
            raise NotImplementedError(
                f"The database search supports SQLite and PostgreSQL, not {connection.vendor}."
            )


class BatchedIndexWriter:
    """`add_entries` for a rebuild: rows collected into batches of `batch` rows.

    One statement per few thousand rows costs less than one per chunk of pages. On
    PostgreSQL outside a transaction each batch is written from a thread with a connection
    of its own: the server builds vectors and updates its GIN indexes while this process
    reads and normalises the next pages. Inside a transaction (tests, a seed) another
    connection would not see the rows: it writes in line.
    """

    def __init__(self, batch: int = 5000) -> None:
        self.batch = batch
        self.ids: list[int] = []
        concurrent = connection.vendor == "postgresql" and not connection.in_atomic_block
        self.thread = ThreadPoolExecutor(max_workers=1) if concurrent else None
        self.pending: Future[None] | None = None

    def add(self, rows: Sequence[SearchEntry]) -> None:
        self.ids += [row.pk for row in rows]
        if len(self.ids) >= self.batch:
            self._write()

    def _write(self) -> None:
        ids, self.ids = self.ids, []
        if self.thread is None:
            write_ids(ids)
            return
        if self.pending is not None:
            self.pending.result()  # one batch in flight; raises what the last one raised
        self.pending = self.thread.submit(_write_on_own_connection, ids)

    def __enter__(self) -> BatchedIndexWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if kind is None and self.ids:
                self._write()
            if self.pending is not None:
                self.pending.result()
        finally:
            if self.thread is not None:
                self.thread.shutdown()


def _write_on_own_connection(ids: list[int]) -> None:
    try:
        write_ids(ids)
    finally:
        connections.close_all()  # this thread's connections only


def heading_sql(trim: str) -> str:
    """The heading text of entry `e`: folded title and summary, trimmed (no summary)."""
    return f"{trim}(e.title_folded || ' ' || e.summary_folded)"


def sqlite_sql() -> str:
    """INSERT of the FTS5 rows of the entries whose ids are a JSON list (one parameter)."""
    body = " || ' ' || ".join(f"e.{column}" for column, _weight in BODY_PARTS)
    return (
        f"INSERT INTO {FULLTEXT_TABLE} (rowid, heading, body, autocomplete) "
        f"SELECT e.id, {heading_sql('trim')}, {body}, e.title_folded "
        f"FROM {SearchEntry._meta.db_table} e WHERE e.id IN (SELECT value FROM json_each(%s))"
    )


def _vector(text: str, weight: str, config: str = CONFIG) -> str:
    return f"setweight(to_tsvector('{config}'::regconfig, COALESCE({text}, '')), '{weight}')"


def postgres_sql() -> str:
    """Upsert of the vectors of the entries whose ids are an array (one parameter)."""
    body = " || ".join(_vector(f"e.{column}", weight) for column, weight in BODY_PARTS)
    heading = _vector(heading_sql("btrim"), "B")
    autocomplete = _vector("e.title_folded", "D", AUTOCOMPLETE_CONFIG)
    return (
        f"INSERT INTO {SearchVectors._meta.db_table} (entry_id, heading, body, autocomplete) "
        f"SELECT e.id, {heading}, {body}, {autocomplete} "
        f"FROM {SearchEntry._meta.db_table} e WHERE e.id = ANY(%s) "
        "ON CONFLICT (entry_id) DO UPDATE SET heading = EXCLUDED.heading, "
        "body = EXCLUDED.body, autocomplete = EXCLUDED.autocomplete"
    )
