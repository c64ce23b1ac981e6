"""The project's full-text storage of each database, queried the way a page view can afford.

search.backends.database.writer fills it (search/migrations/0005): an FTS5 table keyed
by entry id on SQLite, the `SearchVectors` rows on PostgreSQL. Django's querysets are not
used to match: at 20,000 entries a correlated score or a rank over every body vector
costs seconds, and the planners need the order spelled out.

* SQLite: the FTS5 match first, then search entries by primary key (CROSS JOIN fixes
  that order, through the index of their small columns, search/migrations/0003), ranked
  by bm25 with the heading column weighted.
* PostgreSQL: the GIN index on `heading || body`, ranked on the small heading vector only:
  the large body vectors are decompressed for the few candidates only (`details`).

A match yields its id, a score and the small facet columns, never the text, best score
first, then newest first (undated last), then by id: SQLite sorts them (`order_by`),
PostgreSQL's rows are sorted in Python (`best_first`), and search.backends.database.ranking
keeps that order. The words are always quoted, so nothing a reader types is query syntax,
and the filters are SQL of the project's own with parameters (`Condition`, built by
search.backends.database).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import OperationalError, connection
from django.db.models import F

from search.backends.database.writer import AUTOCOMPLETE_CONFIG, CONFIG, FULLTEXT_TABLE
from search.models import EntryKind, SearchEntry, SearchVectors

# The FTS5 table's columns are (heading, body, autocomplete) (search/migrations/0005);
# bm25 takes one weight per column. The heading (title and summary) counts three times
# as much as the body, which holds it too.
BM25_WEIGHTS = (3.0, 1.0, 0.0)
MATCH_COLUMNS = "{heading body}"
# SQLite's indexes of the small columns a match reads (search/migrations/0003).
ENTRY_COLUMNS_INDEX = "portal_search_entry_columns"


class Condition(NamedTuple):
    """SQL filters on the search entry table: " AND ..." (or ""), and its parameters."""

    sql: str
    params: list[Any]


class Cap(NamedTuple):
    """Read at most `limit` matches: the best scored, or the newest (`newest`) or oldest
    (`oldest`) when the reader sorts by date."""

    limit: int
    order: str = "relevance"  # or "newest", "oldest"

    def pooled(self, condition: Condition) -> bool:
        """Whether the engine reads the `limit` most recently indexed matches (highest
        ids) and ranks those, rather than ranking every match to keep the best: a score
        is computed per match (bm25 over 10,000 matches cost 190 ms of a 200 ms search),
        while the engines walk their matches by id and stop at the limit. With SQL
        filters or a date order the engine ranks every match as before."""
        return self.order == "relevance" and not condition.sql

    def sql(self) -> str:
        """The ORDER BY and LIMIT of the capped rows (after order_by()'s columns)."""
        table = _table()
        if self.order == "newest":
            return f" ORDER BY {table}.published DESC NULLS LAST, {table}.id LIMIT {self.limit:d}"
        if self.order == "oldest":
            return f" ORDER BY {table}.published ASC NULLS LAST, {table}.id LIMIT {self.limit:d}"
        return f"{order_by()} LIMIT {self.limit:d}"


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


def order_by() -> str:
    """The order of matches: score, newest first and undated last, id (ties stay put).

    ranking.initial_order keeps it (its sorts are stable, and linear on sorted input):
    at 20,000 entries, sorting 17,000 matches by date, then by score, in Python cost
    more than SQLite's sort of the same rows. PostgreSQL's sort of the wide joined rows
    cost more than Python's (EXPLAIN ANALYZE, "hdnd": +35 ms), so there `best_first`.
    """
    table = _table()
    return f" ORDER BY 2 DESC, {table}.published DESC NULLS LAST, {table}.id"


_SCORE, _PUBLISHED = itemgetter(1), itemgetter(3)


def best_first(rows: list[Row]) -> list[Row]:
    """`order_by()`'s order in Python, as the ranking sorted before: stable sorts by date,
    then by score (equal score and date keep the join's order)."""
    dated = [row for row in rows if row.published is not None]
    undated = [row for row in rows if row.published is None] if len(dated) < len(rows) else []
    return sorted(sorted(dated, key=_PUBLISHED, reverse=True) + undated, key=_SCORE, reverse=True)


def _table() -> str:
    return connection.ops.quote_name(SearchEntry._meta.db_table)


def _columns() -> str:
    table = _table()
    return ", ".join(
        f"CAST({table}.{name} AS TEXT)" if name in TEXT_COLUMNS else f"{table}.{name}"
        for name in Row._fields[2:]
    )


def _rows(sql: str, params: list[Any]) -> list[Row]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # Row._make(values) without its Python frame per row: a third of the time at
        # 17,000 matches (the database's tuples are already in Row's field order).
        return list(map(tuple.__new__, repeat(Row), cursor.fetchall()))


def browse(condition: Condition, cap: Cap | None = None) -> list[Row]:
    """Every entry the SQL filters let through (a search with no words), score 0."""
    table = _table()
    sql = f"SELECT {table}.id, CAST(0 AS REAL), {_columns()} FROM {table} WHERE 1 = 1"
    return _rows(sql + condition.sql + (cap.sql() if cap else ""), condition.params)


def count_browse(condition: Condition) -> int:
    table = _table()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table} WHERE 1 = 1{condition.sql}", condition.params)
        return cursor.fetchone()[0]


def details(ids: Sequence[int], columns: Sequence[str]) -> dict[int, dict[str, Any]]:
    """Columns of the given entries, by id."""
    rows = SearchEntry.objects.filter(pk__in=list(ids)).values(*dict.fromkeys(["id", *columns]))
    return {row["id"]: row for row in rows}


# ---------------------------------------------------------------------------- SQLite


def _phrase(word: str) -> str:
    # Inside double quotes FTS5 reads only a string: AND, NEAR(, *, ^ and : are words.
    return '"' + word.replace('"', '""') + '"'


def _fts(words: Sequence[str], operator: str = "AND", phrases: Sequence[str] = ()) -> str:
    # A phrase ("uy ban nhan dan") quoted whole is FTS5's phrase: its words side by side.
    found = f"({f' {operator} '.join(map(_phrase, words))})" if words else ""
    return f"{MATCH_COLUMNS} : ({' AND '.join([*filter(None, [found]), *map(_phrase, phrases)])})"


def without_phrased(words: Sequence[str], phrases: Sequence[str]) -> list[str]:
    """The words no phrase holds: with every phrase required, its words need no test of
    their own in FTS5 (at 20,000 entries, "HĐND" as one phrase costs less than its four
    words: 47 ms against 52, and 87 for the words and the phrase); bm25 then counts the
    abbreviation once (the relevance set's MRR@10 is unchanged on SQLite)."""
    phrased = {word for phrase in phrases for word in phrase.split()}
    return [word for word in words if word not in phrased]


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
    """What both engines share: no words lists by filter; otherwise the engine's own
    full-text query."""

    def matches(
        self,
        words: Sequence[str],
        required: int,
        condition: Condition,
        phrases: Sequence[str] = (),
        cap: Cap | None = None,
    ) -> list[Row]:
        """Entries holding at least `required` of `words` (all of them when equal), and,
        where it saves reading rows, every phrase's words side by side in the full text
        (quoted phrases, numbers and dates of several parts, abbreviations' full forms).
        The full text runs a document's texts together: that a phrase is in one of them
        is for `condition` to check, on every engine.

        With a `cap`, only its `limit` best (or newest) matches are read: a common word
        matched every entry of the archive, and reading them all made a search's cost
        grow with it (search.backends.database.bounds)."""
        if not words:
            return browse(condition, cap)
        return self._matches(words, required, condition, phrases, cap)

    def _matches(
        self,
        words: Sequence[str],
        required: int,
        condition: Condition,
        phrases: Sequence[str],
        cap: Cap | None,
    ) -> list[Row]:
        raise NotImplementedError


class SQLiteEngine(_Engine):
    def __init__(self) -> None:
        self.fts = connection.ops.quote_name(FULLTEXT_TABLE)

    def _from(self, small_columns: bool = True) -> str:
        table = _table()
        # For lookups by id SQLite prefers a table to an index holding the columns wanted,
        # then walks each row's text on overflow pages (search/migrations/0003).
        columns = _indexed_by(ENTRY_COLUMNS_INDEX) if small_columns else ""
        return (
            f"FROM {self.fts} CROSS JOIN {table}{columns} ON {table}.id = {self.fts}.rowid "
            f"WHERE {self.fts} MATCH %s"
        )

    def _match_sql(
        self, words: Sequence[str], required: int, phrases: Sequence[str]
    ) -> tuple[str, list[Any]]:
        """The FTS5 condition (after `WHERE fts MATCH %s`) and its parameters."""
        if required >= len(words):
            return "", [_fts(without_phrased(words, phrases), phrases=phrases)]
        # Each word's matches are listed once (an IN list is materialised), and the
        # sum counts a row's words. FTS5's own OR of ANDs takes seconds at 7 words.
        listed = f"(SELECT rowid FROM {self.fts} WHERE {self.fts} MATCH %s)"
        counted = " + ".join(f"({self.fts}.rowid IN {listed})" for _word in words)
        params = [_fts(words, "OR", phrases), *(_fts([word]) for word in words), required]
        return f" AND ({counted}) >= %s", params

    def _matches(
        self,
        words: Sequence[str],
        required: int,
        condition: Condition,
        phrases: Sequence[str],
        cap: Cap | None,
    ) -> list[Row]:
        weights = ", ".join(map(str, BM25_WEIGHTS))
        more, params = self._match_sql(words, required, phrases)
        score = f"-bm25({self.fts}, {weights})"
        if cap is not None and cap.pooled(condition) and not more:
            # FTS5 walks its matches by descending rowid and stops at the limit, so bm25
            # is computed for those only (a subquery ORDER BY score would score them all).
            table = _table()
            pool = (
                f"SELECT rowid AS id, {score} AS score FROM {self.fts} WHERE {self.fts} MATCH %s "
                f"ORDER BY rowid DESC LIMIT {cap.limit:d}"
            )
            sql = (
                f"SELECT {table}.id, pool.score, {_columns()} FROM ({pool}) AS pool "
                f"CROSS JOIN {table} ON {table}.id = pool.id{order_by()}"
            )
            return _rows(sql, params)
        sql = f"SELECT {_table()}.id, {score}, {_columns()} {self._from()}{more}"
        tail = cap.sql() if cap is not None else order_by()
        try:
            return _rows(sql + condition.sql + tail, params + condition.params)
        except OperationalError as error:
            if "no such index" not in str(error) or not _sqlite_indexes:
                raise
            _sqlite_indexes.clear()  # gone since looked up: look again, without it
            return self._matches(words, required, condition, phrases, cap)

    def count(
        self, words: Sequence[str], required: int, condition: Condition, phrases: Sequence[str]
    ) -> int:
        """How many entries `matches` would return without a cap, reading no score."""
        if not words:
            return count_browse(condition)
        more, params = self._match_sql(words, required, phrases)
        if not condition.sql:
            sql = f"SELECT count(*) FROM {self.fts} WHERE {self.fts} MATCH %s{more}"
        else:
            sql = f"SELECT count(*) {self._from(small_columns=False)}{more}{condition.sql}"
            params = params + condition.params
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def details(
        self, ids: Sequence[int], columns: Sequence[str], words: Sequence[str]
    ) -> tuple[dict[int, dict[str, Any]], dict[int, float]]:
        """Columns of the candidates, and no extra score: bm25 weighed the body already."""
        return details(ids, columns), {}

    def prefixed(
        self, words: Sequence[str], limit: int, phrases: Sequence[str] = ()
    ) -> list[tuple[str, str, str]]:
        """(title, url, kind) of entries whose folded title has the words, the last one
        as a prefix, and the phrases; in SUGGESTION_ORDER."""
        table, start = _table(), " ".join(words)
        found = [*map(_phrase, words[:-1]), _phrase(words[-1]) + "*", *map(_phrase, phrases)]
        match = "{autocomplete} : (" + " AND ".join(found) + ")"
        sql = (
            f"SELECT {table}.title, {table}.url, {table}.kind {self._from(small_columns=False)} "
            f"ORDER BY {table}.kind = %s, substr({self.fts}.autocomplete, 1, %s) = %s DESC, "
            f'{table}.published DESC, {table}."key" LIMIT %s'
        )
        params = [match, EntryKind.RECOMMENDATION, len(start), start, limit]
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        except OperationalError as error:
            if "no such index" not in str(error) or not _sqlite_indexes:
                raise
            _sqlite_indexes.clear()
            return self.prefixed(words, limit, phrases)


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


def _phrase_tests(phrases: Sequence[str]) -> tuple[str, list[Any]]:
    """SQL requiring each phrase side by side (a quoted phrase is read by to_tsquery as
    its words joined by <->), tested on the vectors after the GIN index found the words.

    Not in the indexed `heading || body` query: GIN knows no positions, so a phrase there
    makes PostgreSQL rebuild that concatenation for every match, +200 ms for "HĐND" at
    20,000 entries. The body vector holds the heading's words too; the small heading
    first spares most bodies (+45 ms).
    """
    test = "(v.heading @@ to_tsquery(%s::regconfig, %s) OR v.body @@ to_tsquery(%s::regconfig, %s))"
    params: list[Any] = []
    for phrase in phrases:
        params += [CONFIG, _lexeme(phrase)] * 2
    return "".join(f" AND {test}" for _phrase in phrases), params


class PostgresEngine(_Engine):
    def __init__(self) -> None:
        self.vectors = connection.ops.quote_name(SearchVectors._meta.db_table)

    def _matches(
        self,
        words: Sequence[str],
        required: int,
        condition: Condition,
        phrases: Sequence[str],
        cap: Cap | None,
    ) -> list[Row]:
        # The phrases are tested on the vectors of the rows the GIN index found, never in
        # the indexed query: there a phrase (<->) makes GIN recheck every candidate's
        # vectors ("giải ngân vốn" in quotes at 20,000 entries: 245 ms against 136 ms).
        query = "to_tsquery(%s::regconfig, %s)"
        query_params = [CONFIG, _tsquery(words, required)]
        phrased, phrase_params = _phrase_tests(phrases)
        table = _table()
        # OFFSET 0 keeps the subquery whole: ranked before the join, the hash holds ids
        # and scores rather than heading vectors. The GIN index's statistics are off, so
        # the planner expects one match: joining on the primary key keeps its nested loop
        # (with an SQL filter, it chooses one) at a lookup per match, never a scan per match.
        if cap is not None and cap.pooled(condition):
            # The `limit` highest ids first (a top-N sort of ids), ranked after: ts_rank
            # of the heading is computed for those only.
            sql = (
                f"SELECT {table}.id, ts_rank(v.heading, {query}), {_columns()} FROM ("
                f"SELECT v.entry_id FROM {self.vectors} v "
                f"WHERE (v.heading || v.body) @@ {query}{phrased} "
                f"ORDER BY v.entry_id DESC LIMIT {cap.limit:d}"
                f") AS m JOIN {self.vectors} v ON v.entry_id = m.entry_id "
                f"JOIN {table} ON {table}.id = m.entry_id"
            )
            return best_first(_rows(sql, [*query_params, *query_params, *phrase_params]))
        sql = (
            f"SELECT {table}.id, m.score, {_columns()} FROM ("
            f"SELECT v.entry_id, ts_rank(v.heading, {query}) AS score FROM {self.vectors} v "
            f"WHERE (v.heading || v.body) @@ {query}{phrased} OFFSET 0"
            f") AS m JOIN {table} ON {table}.id = m.entry_id "
            f"WHERE 1 = 1{condition.sql}{cap.sql() if cap is not None else ''}"
        )
        params = [*query_params, *query_params, *phrase_params, *condition.params]
        return best_first(_rows(sql, params))

    def count(
        self, words: Sequence[str], required: int, condition: Condition, phrases: Sequence[str]
    ) -> int:
        """How many entries `matches` would return without a cap, ranking none."""
        if not words:
            return count_browse(condition)
        query = "to_tsquery(%s::regconfig, %s)"
        query_params = [CONFIG, _tsquery(words, required)]
        phrased, phrase_params = _phrase_tests(phrases)
        table = _table()
        sql = (
            f"SELECT count(*) FROM {self.vectors} v JOIN {table} ON {table}.id = v.entry_id "
            f"WHERE (v.heading || v.body) @@ {query}{phrased}{condition.sql}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*query_params, *phrase_params, *condition.params])
            return cursor.fetchone()[0]

    def details(
        self, ids: Sequence[int], columns: Sequence[str], words: Sequence[str]
    ) -> tuple[dict[int, dict[str, Any]], dict[int, float]]:
        """Columns of the candidates and their body rank, which matches() left out:
        decompressing a few candidates' body vectors is affordable, all matches' is not."""
        query = SearchQuery(_tsquery(words, 1), search_type="raw", config=CONFIG)
        rows = (
            SearchEntry.objects.filter(pk__in=list(ids))
            # Divided by 1 + log(length): raw ts_rank grows with a body's length, and
            # favoured long reports over the short article about the query's subject.
            .annotate(body_rank=SearchRank(F("vectors__body"), query, normalization=1))
            .values(*dict.fromkeys(["id", *columns]), "body_rank")
        )
        texts = {row["id"]: row for row in rows}
        return texts, {pk: row["body_rank"] or 0.0 for pk, row in texts.items()}

    def prefixed(
        self, words: Sequence[str], limit: int, phrases: Sequence[str] = ()
    ) -> list[tuple[str, str, str]]:
        *complete, last = words
        found = [*map(_lexeme, complete), _lexeme(last, prefix=True), *map(_lexeme, phrases)]
        table, start = _table(), " ".join(words)
        sql = (
            f"SELECT e.title, e.url, e.kind FROM {self.vectors} v "
            f"JOIN {table} e ON e.id = v.entry_id "
            "WHERE v.autocomplete @@ to_tsquery(%s::regconfig, %s) "
            "ORDER BY CASE WHEN e.kind = %s THEN 1 ELSE 0 END, "
            "CASE WHEN starts_with(e.title_folded, %s) THEN 0 ELSE 1 END, "
            # Keys compared byte by byte, as SQLite and Elasticsearch compare them.
            'e.published DESC NULLS LAST, e."key" COLLATE "C" LIMIT %s'
        )
        params = [AUTOCOMPLETE_CONFIG, " & ".join(found), EntryKind.RECOMMENDATION, start, limit]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


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
