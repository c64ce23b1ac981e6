"""The full-text index of each database, queried the way a page view can afford.

Wagtail's database backend (modelsearch) builds and keeps the index: SearchEntry's
search_fields go into its IndexEntry rows (an FTS5 table on SQLite, tsvector columns on
PostgreSQL) whenever search.indexing writes entries. Its `search()` querysets are not
used to read it: at 20,000 entries they cost seconds.

* SQLite: the score is a correlated subquery that re-runs the FTS5 match for every row
  (160 s for 14,000 matches), and without ANALYZE statistics SQLite walks the index
  entries and probes the FTS table once each (2 s) instead of reading the match first.
* PostgreSQL: it ranks on the large body vectors, decompressed for every match (300 ms
  for 14,000 matches), and the planner prefers reading every vector to the GIN index.

So each database gets one query that reads the index in the right order: on SQLite the
FTS5 match first, then index entries and search entries by primary key (CROSS JOIN fixes
that order), ranked by bm25 with the heading column weighted; on PostgreSQL the GIN index
on `title || body` (search/migrations/0002), ranked on the small `title` vector only
(search.models.HeadingField). A match yields its id, a score and the small facet columns,
never the text. The words are always quoted, so nothing a reader types is query syntax.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import OperationalError, connection
from django.db.models import Case, F, Q, When
from modelsearch.conf import get_app_config
from wagtail.search.backends import get_search_backend

from search.models import EntryKind, SearchEntry

# The FTS5 table's columns are (autocomplete, body, title) (Wagtail's migration); bm25
# takes one weight per column. The heading (title and summary) counts three times as
# much as the body, which holds it too.
BM25_WEIGHTS = (0.0, 1.0, 3.0)
MATCH_COLUMNS = "{title body}"
# "At least k of the words" is a sum over words; its cost grows with the number of words.
MAX_RELAXED_WORDS = 8
# SQLite's indexes of the small columns a match reads (search/migrations/0003).
ENTRY_COLUMNS_INDEX = "portal_search_entry_columns"
INDEX_ENTRY_IDS_INDEX = "portal_search_indexentry_ids"


class Row(NamedTuple):
    """One match: what ranking, filtering and facets need, without the text."""

    id: int
    score: float
    kind: str
    published: str | None  # as stored text: sorts like the dates, costs no parsing
    year: int | None
    section_id: int | None
    section_label: str
    path: str
    body_id: int | None
    body_label: str
    status: str
    status_label: str
    field_keys: str
    fields: str  # JSON text of [[slug, name], ...], parsed only for facet labels
    locality_keys: str
    localities: str


TEXT_COLUMNS = ("published", "fields", "localities")  # read as text (see Row)


def _content_type_id() -> int:
    return ContentType.objects.get_for_model(SearchEntry).pk  # cached by Django


def _table() -> str:
    return connection.ops.quote_name(SearchEntry._meta.db_table)


def _columns() -> str:
    table = _table()
    return ", ".join(
        f"CAST({table}.{name} AS TEXT)" if name in TEXT_COLUMNS else f"{table}.{name}"
        for name in Row._fields[2:]
    )


def _where_sql(where: Q) -> tuple[str, list[Any]] | None:
    """`where` as SQL on the search entry table, "" for no condition, None for nothing."""
    query = SearchEntry.objects.filter(where).query
    try:
        sql, params = query.get_compiler(connection=connection).compile(query.where)
    except FullResultSet:
        return "", []
    except EmptyResultSet:
        return None
    return (f" AND {sql}" if sql else ""), list(params)


def _rows(sql: str, params: list[Any]) -> list[Row]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Row._make(values) for values in cursor.fetchall()]


def browse(where: Q) -> list[Row]:
    """Every entry the SQL filters let through (a search with no words), score 0."""
    condition = _where_sql(where)
    if condition is None:
        return []
    table = _table()
    sql = f"SELECT {table}.id, CAST(0 AS REAL), {_columns()} FROM {table} WHERE 1 = 1"
    return _rows(sql + condition[0], condition[1])


def details(ids: Sequence[int], columns: Sequence[str]) -> dict[int, dict[str, Any]]:
    """Columns of the given entries, by id."""
    rows = SearchEntry.objects.filter(pk__in=list(ids)).values(*dict.fromkeys(["id", *columns]))
    return {row["id"]: row for row in rows}


# ---------------------------------------------------------------------------- SQLite


def _phrase(word: str) -> str:
    # Inside double quotes FTS5 reads only a string: AND, NEAR(, *, ^ and : are words.
    return '"' + word.replace('"', '""') + '"'


def _fts(words: Sequence[str], operator: str = "AND") -> str:
    return f"{MATCH_COLUMNS} : ({f' {operator} '.join(map(_phrase, words))})"


_sqlite_indexes: dict[str, frozenset[str]] = {}


def _indexed_by(name: str) -> str:
    """The hint to read index `name`, when SQLite has it (looked up once per database;
    a migration that drops it while the process runs costs one failed query, see
    SQLiteEngine._matches)."""
    database = str(connection.settings_dict["NAME"])
    if database not in _sqlite_indexes:
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
            _sqlite_indexes[database] = frozenset(row[0] for row in cursor.fetchall())
    return f" INDEXED BY {name}" if name in _sqlite_indexes[database] else ""


class _Engine:
    """What both engines share: no words lists by filter; a filter that can match
    nothing answers at once; otherwise the engine's own full-text query."""

    def matches(self, words: Sequence[str], required: int, where: Q) -> list[Row]:
        """Entries holding at least `required` of `words` (all of them when equal)."""
        if not words:
            return browse(where)
        condition = _where_sql(where)
        if condition is None:
            return []
        return self._matches(words, required, condition)

    def _matches(
        self, words: Sequence[str], required: int, condition: tuple[str, list[Any]]
    ) -> list[Row]:
        raise NotImplementedError


class SQLiteEngine(_Engine):
    def __init__(self) -> None:
        app = get_app_config()
        self.fts = connection.ops.quote_name(app.get_model("SQLiteFTSIndexEntry")._meta.db_table)
        self.entries = connection.ops.quote_name(app.get_model("IndexEntry")._meta.db_table)

    def _from(self, small_columns: bool = True) -> str:
        table = _table()
        # For lookups by id SQLite prefers a table to an index holding the columns wanted,
        # then walks each row's text on overflow pages (search/migrations/0003).
        entries = _indexed_by(INDEX_ENTRY_IDS_INDEX)
        columns = _indexed_by(ENTRY_COLUMNS_INDEX) if small_columns else ""
        return (
            f"FROM {self.fts} CROSS JOIN {self.entries} AS ie{entries} ON ie.id = {self.fts}.rowid "
            f"CROSS JOIN {table}{columns} ON {table}.id = CAST(ie.object_id AS INTEGER) "
            f"WHERE {self.fts} MATCH %s AND ie.content_type_id = %s"
        )

    def _matches(
        self, words: Sequence[str], required: int, condition: tuple[str, list[Any]]
    ) -> list[Row]:
        weights = ", ".join(map(str, BM25_WEIGHTS))
        sql = f"SELECT {_table()}.id, -bm25({self.fts}, {weights}), {_columns()} {self._from()}"
        if required >= len(words):
            params: list[Any] = [_fts(words), _content_type_id()]
        else:
            # Each word's matches are listed once (an IN list is materialised), and the
            # sum counts a row's words. FTS5's own OR of ANDs takes seconds at 7 words.
            listed = f"(SELECT rowid FROM {self.fts} WHERE {self.fts} MATCH %s)"
            counted = " + ".join(f"({self.fts}.rowid IN {listed})" for _word in words)
            sql += f" AND ({counted}) >= %s"
            params = [_fts(words, "OR"), _content_type_id()]
            params += [*(_fts([word]) for word in words), required]
        try:
            return _rows(sql + condition[0], params + condition[1])
        except OperationalError as error:
            if "no such index" not in str(error) or not _sqlite_indexes:
                raise
            _sqlite_indexes.clear()  # gone since looked up: look again, without it
            return self._matches(words, required, condition)

    def details(
        self, ids: Sequence[int], columns: Sequence[str], words: Sequence[str]
    ) -> tuple[dict[int, dict[str, Any]], dict[int, float]]:
        """Columns of the candidates, and no extra score: bm25 weighed the body already."""
        return details(ids, columns), {}

    def prefixed(self, words: Sequence[str], limit: int) -> list[tuple[str, str, str]]:
        """(title, url, kind) of entries whose folded title has the words, the last one
        as a prefix: articles and reports first, titles starting so, best bm25, newest."""
        table, start = _table(), " ".join(words)
        match = "{autocomplete} : (" + " AND ".join([*map(_phrase, words)]) + "*)"
        sql = (
            f"SELECT {table}.title, {table}.url, {table}.kind {self._from(small_columns=False)} "
            f"ORDER BY {table}.kind = %s, substr({self.fts}.autocomplete, 1, %s) = %s DESC, "
            f"bm25({self.fts}), {table}.published DESC LIMIT %s"
        )
        params = [match, _content_type_id(), EntryKind.RECOMMENDATION, len(start), start, limit]
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        except OperationalError as error:
            if "no such index" not in str(error) or not _sqlite_indexes:
                raise
            _sqlite_indexes.clear()
            return self.prefixed(words, limit)


# ------------------------------------------------------------------------ PostgreSQL


def _lexeme(word: str, prefix: bool = False) -> str:
    # Quoted, a word is one operand of to_tsquery whatever it holds (&, |, !, :*, <->).
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" + (":*" if prefix else "")


def _tsquery(words: Sequence[str], required: int) -> str:
    if required >= len(words):
        return " & ".join(map(_lexeme, words))
    # GIN reads each word's postings once, however many combinations there are.
    return " | ".join(
        "(" + " & ".join(map(_lexeme, combination)) + ")"
        for combination in itertools.combinations(words, required)
    )


class PostgresEngine(_Engine):
    def __init__(self) -> None:
        backend = get_search_backend("default")
        self.config = backend.config  # WAGTAILSEARCH_BACKENDS' SEARCH_CONFIG
        self.autocomplete_config = backend.autocomplete_config
        entries = get_app_config().get_model("IndexEntry")
        self.entries = connection.ops.quote_name(entries._meta.db_table)

    def _query(self, text: str, config: str | None = None) -> SearchQuery:
        return SearchQuery(text, search_type="raw", config=config or self.config)

    def _to_tsquery(self, text: str) -> tuple[str, list[Any]]:
        if self.config:
            return "to_tsquery(%s::regconfig, %s)", [self.config, text]
        return "to_tsquery(%s)", [text]

    def _matches(
        self, words: Sequence[str], required: int, condition: tuple[str, list[Any]]
    ) -> list[Row]:
        query, query_params = self._to_tsquery(_tsquery(words, required))
        table = _table()
        # OFFSET 0 keeps the subquery whole: ranked before the join, the hash holds ids
        # and scores rather than title vectors. The GIN index's statistics are off, so the
        # planner expects one match: joining on the primary key keeps its nested loop (with
        # an SQL filter, it chooses one) at a lookup per match, never a scan per match.
        sql = (
            f"SELECT {table}.id, m.score, {_columns()} FROM ("
            f"SELECT ie.object_id, ts_rank(ie.title, {query}) AS score FROM {self.entries} ie "
            f"WHERE ie.content_type_id = %s AND (ie.title || ie.body) @@ {query} OFFSET 0"
            f") AS m JOIN {table} ON {table}.id = CAST(m.object_id AS BIGINT) "
            f"WHERE 1 = 1{condition[0]}"
        )
        params = [*query_params, _content_type_id(), *query_params, *condition[1]]
        return _rows(sql, params)

    def details(
        self, ids: Sequence[int], columns: Sequence[str], words: Sequence[str]
    ) -> tuple[dict[int, dict[str, Any]], dict[int, float]]:
        """Columns of the candidates and their body rank, which matches() left out:
        decompressing a few candidates' body vectors is affordable, all matches' is not."""
        query = self._query(_tsquery(words, 1))
        rows = (
            SearchEntry.objects.filter(pk__in=list(ids))
            .annotate(body_rank=SearchRank(F("index_entries__body"), query))
            .values(*dict.fromkeys(["id", *columns]), "body_rank")
        )
        texts = {row["id"]: row for row in rows}
        return texts, {pk: row["body_rank"] or 0.0 for pk, row in texts.items()}

    def prefixed(self, words: Sequence[str], limit: int) -> list[tuple[str, str, str]]:
        *complete, last = words
        text = " & ".join([*map(_lexeme, complete), _lexeme(last, prefix=True)])
        query = self._query(text, self.autocomplete_config)
        start = " ".join(words)
        queryset = (
            SearchEntry.objects.filter(index_entries__autocomplete=query)
            .annotate(
                later=Case(When(kind=EntryKind.RECOMMENDATION, then=1), default=0),
                starts=Case(When(title_folded__startswith=start, then=0), default=1),
                rank=SearchRank(F("index_entries__autocomplete"), query),
            )
            .order_by("later", "starts", "-rank", F("published").desc(nulls_last=True))
        )
        return list(queryset.values_list("title", "url", "kind")[:limit])


Engine = SQLiteEngine | PostgresEngine


def for_connection() -> Engine:
    """The engine for the default database."""
    if connection.vendor == "postgresql":
        return PostgresEngine()
    if connection.vendor == "sqlite":
        return SQLiteEngine()
    raise NotImplementedError(
        f"The database search backend supports SQLite and PostgreSQL, not {connection.vendor}."
    )
