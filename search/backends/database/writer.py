"""Wagtail's database search index for SearchEntry rows, written in bulk.

Wagtail's `add_items` reads every search field of every row in Python; on PostgreSQL it
also compiles one ORM expression per field per row into one huge statement: at 20,000
entries that was three quarters of a rebuild. Here the database builds the same index
rows itself, with one INSERT … SELECT over the SearchEntry rows already in the table
(PostgreSQL computes the vectors; on SQLite, Wagtail's triggers fill the FTS5 table).
`tests/test_search_database.py` checks, row for row, that the result equals what
Wagtail's `add_items` writes, so a change of SearchEntry's search fields (or of Wagtail)
that this module does not follow fails loudly. Other databases get Wagtail's add_items.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from search.models import HeadingField, SearchEntry


def _database_index():
    return get_search_backend("default").get_index_for_model(SearchEntry)


def add_entries(rows: Sequence[SearchEntry]) -> None:
    """Index these (saved) rows in Wagtail's database search index, replacing old rows."""
    if not rows:
        return
    database_index = _database_index()
    content_type = ContentType.objects.get_for_model(SearchEntry).pk
    ids = [row.pk for row in rows]
    if connection.vendor == "postgresql":
        backend = database_index.backend
        sql, params = _postgres_sql(backend.config, backend.autocomplete_config)
        params = [content_type, *params, ids]
    elif connection.vendor == "sqlite":
        sql, params = _sqlite_sql(), [content_type, json.dumps(ids)]
    else:
        database_index.add_items(SearchEntry, list(rows))
        return
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    # Wagtail's add_items ends so too: title_norm of the new rows from the average length.
    database_index._refresh_title_norms()


class BatchedIndexWriter:
    """`add_entries` for a rebuild: rows collected into batches of `batch` rows.

    Wagtail re-averages every title's length (title_norm) once per call, so a few large
    calls beat one per chunk. On PostgreSQL outside a transaction each batch is written
    from a thread with a connection of its own: the server builds vectors and updates
    its GIN indexes while this process reads and normalises the next pages. Inside a
    transaction (tests, a seed) another connection would not see the rows: it writes
    in line.
    """

    def __init__(self, batch: int = 5000) -> None:
        self.batch = batch
        self.rows: list[SearchEntry] = []
        concurrent = connection.vendor == "postgresql" and not connection.in_atomic_block
        self.thread = ThreadPoolExecutor(max_workers=1) if concurrent else None
        self.pending: Future[None] | None = None

    def add(self, rows: Sequence[SearchEntry]) -> None:
        self.rows += rows
        if len(self.rows) >= self.batch:
            self._write()

    def _write(self) -> None:
        rows, self.rows = self.rows, []
        if self.thread is None:
            add_entries(rows)
            return
        if self.pending is not None:
            self.pending.result()  # one batch in flight; raises what the last one raised
        self.pending = self.thread.submit(_add_on_own_connection, rows)

    def __enter__(self) -> BatchedIndexWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if kind is None and self.rows:
                self._write()
            if self.pending is not None:
                self.pending.result()
        finally:
            if self.thread is not None:
                self.thread.shutdown()


def _add_on_own_connection(rows: list[SearchEntry]) -> None:
    try:
        add_entries(rows)
    finally:
        connections.close_all()  # this thread's connections only


def _text(field: index.SearchField | index.AutocompleteField, trim: str) -> str:
    """SQL for the text Wagtail's indexer reads from `field` of row `e`."""
    if isinstance(field, HeadingField):
        return f"{trim}(e.title_folded || ' ' || e.summary_folded)"
    if type(field) in (index.SearchField, index.AutocompleteField):
        return f"e.{SearchEntry._meta.get_field(field.field_name).column}"
    raise TypeError(f"writer.add_entries does not know how to index {field!r}")


def _fields(trim: str) -> tuple[list[tuple[str, float | None]], ...]:
    """(SQL text, boost) of what Wagtail puts in the title, body and autocomplete columns,
    in SearchEntry.search_fields order (Wagtail's order)."""
    title, body, autocomplete = [], [], []
    for field in SearchEntry.get_search_fields():
        if isinstance(field, index.SearchField):
            target = title if field.field_name == "title" else body
            target.append((_text(field, trim), field.boost))
        elif isinstance(field, index.AutocompleteField):
            autocomplete.append((_text(field, trim), None))
    return title, body, autocomplete


def _sqlite_sql() -> str:
    # Wagtail's SQLite indexer joins the texts with a space, empty ones included; its
    # triggers copy the row into the FTS5 table on insert and on update.
    title, body, autocomplete = (
        " || ' ' || ".join(text for text, _boost in parts) or "''" for parts in _fields("trim")
    )
    return (
        f"INSERT INTO {IndexEntry._meta.db_table} "
        "(content_type_id, object_id, title, autocomplete, body, title_norm) "
        f"SELECT %s, CAST(e.id AS text), {title}, {autocomplete}, {body}, 1.0 "
        f"FROM {SearchEntry._meta.db_table} e WHERE e.id IN (SELECT value FROM json_each(%s)) "
        "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = excluded.title, "
        "autocomplete = excluded.autocomplete, body = excluded.body"
    )


def _vector(parts: list[tuple[str, str]], config: str | None) -> tuple[str, list[str]]:
    # Wagtail's as_vector: one weighted to_tsvector per text, concatenated; empty texts
    # add nothing either way. Without a config, PostgreSQL's default one, as in Wagtail.
    if not parts:
        return "to_tsvector('')", []
    sqls, params = [], []
    for text, weight in parts:
        if config:
            sqls.append(f"setweight(to_tsvector(%s::regconfig, COALESCE({text}, '')), '{weight}')")
            params.append(config)
        else:
            sqls.append(f"setweight(to_tsvector(COALESCE({text}, '')), '{weight}')")
    return " || ".join(sqls), params


def _plain(texts: list[str]) -> str:
    # Wagtail's title_text/body_text: the non-empty stripped texts, space-separated.
    if not texts:
        return "''"
    return "concat_ws(' ', " + ", ".join(f"NULLIF(btrim({t}), '')" for t in texts) + ")"


def _postgres_sql(config: str | None, autocomplete_config: str | None) -> tuple[str, list[str]]:
    from modelsearch.backends.database.postgres.weights import get_weight

    title, body, autocomplete = (
        [(text, get_weight(boost)) for text, boost in parts] for parts in _fields("btrim")
    )
    # Wagtail weighs autocomplete text "D" whatever the field says.
    autocomplete = [(text, "D") for text, _weight in autocomplete]
    title_sql, title_params = _vector(title, config)
    auto_sql, auto_params = _vector(autocomplete, autocomplete_config)
    body_sql, body_params = _vector(body, config)
    table = IndexEntry._meta.db_table
    sql = (
        f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "
        "title_norm, title_text, body_text) "
        f"SELECT %s, CAST(e.id AS text), {title_sql}, {auto_sql}, {body_sql}, 1.0, "
        f"{_plain([t for t, _w in title])}, {_plain([t for t, _w in body])} "
        f"FROM {SearchEntry._meta.db_table} e WHERE e.id = ANY(%s) "
        "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
        "title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
        "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text"
    )
    # Parameters: the content type, the SELECT list's configs in order, then the ids.
    return sql, [*title_params, *auto_params, *body_params]
