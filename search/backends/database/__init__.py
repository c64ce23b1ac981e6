"""Database backend: the site's search without Elasticsearch, on SQLite or PostgreSQL.

Documents and queries meet in the folded form of search.analysis (no accents, "đ" as "d",
abbreviations spelled out, numbers in one spelling), in the project's own full-text
storage (writer.py: an FTS5 table on SQLite, SearchVectors on PostgreSQL). A search costs
at most three queries in the usual case, whatever the number of matches (a section filter
reads the section's path, and a relaxed match, below, costs one more):

1. the match (engine.py): every matching entry's id, score and small facet columns,
   filtered in SQL by the date range, the conclusions scope and the phrases only (quoted
   words and the parts of a number, side by side in one folded text);
2. the ranking texts of the best CANDIDATES matches, re-ranked in Python (ranking.py);
3. the display text of the page's hits, highlighted by search.hits.

Facet filters and counts come from the rows of query 1 (facets.py). Query 2 is skipped
when sorting by date, and 2 and 3 are one query when there are few candidates. When fewer
than RELAX_BELOW entries hold every word (none, for two words), one more query adds
those holding most of its content words (search.concepts), after the complete matches:
a word missing or mistyped still finds something. With no complete match, a close
spelling is offered (search.spelling), and a note says that the results hold only some
of the words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection
from django.utils import timezone

from search import ranking as text_ranking
from search.analysis import TEXT_FIELDS, QueryForms, query_forms
from search.backends.database import bounds, engine, ranking
from search.backends.database import facets as facet_counts
from search.backends.database.engine import Condition, Engine, Row
from search.concepts import match_words, relaxed_required, relaxed_words, should_relax
from search.highlight import matcher_for
from search.hits import DISPLAY_COLUMNS, display_values, make_hit
from search.models import EntryKind, SearchEntry
from search.notes import partial_note
from search.params import SearchRequest
from search.results import BACKEND_DATABASE, FACETS, SearchHit, SearchResults, Suggestion
from search.spelling import close_spelling
from search.suggestions import accents_first, suggest_query

ONE_QUERY_FETCH = 20  # this few candidates: ranking and display text in one query
MAX_SUGGESTIONS = 50
CONCLUSION_KINDS = (EntryKind.REPORT, EntryKind.RECOMMENDATION)


def _day_start(day: date) -> Any:
    # The reader's days are Vietnamese days (TIME_ZONE), whatever the server's clock says;
    # the value as the database stores it (UTC text on SQLite).
    start = timezone.make_aware(datetime.combine(day, time.min))
    return connection.ops.adapt_datetimefield_value(start)


def _padded_find(column: str) -> str:
    # A plain substring search (instr, strpos) rather than LIKE: nothing in a word is a
    # pattern. The column padded with spaces, and the words too: whole words only.
    find = "instr" if connection.vendor == "sqlite" else "strpos"
    return f"{find}(' ' || {_column(column)} || ' ', %s) > 0"


def _in_conclusion(words: Sequence[str], required: int) -> tuple[str, list[Any]]:
    # Each word between spaces in the padded folded conclusion.
    found = [_padded_find("conclusion_folded") for _word in words]
    params: list[Any] = [f" {word} " for word in words]
    if required >= len(words):
        return " AND ".join(found), params
    counted = " + ".join(f"(CASE WHEN {test} THEN 1 ELSE 0 END)" for test in found)
    return f"({counted}) >= %s", [*params, required]


def _holding(phrases: Sequence[str], columns: Sequence[str]) -> tuple[str, list[Any]]:
    """Each phrase, its words side by side, in one of the folded columns (not across two:
    a title's last word and a summary's first are not a phrase)."""
    sql: list[str] = []
    params: list[Any] = []
    for phrase in phrases:
        sql.append("(" + " OR ".join(_padded_find(column) for column in columns) + ")")
        params += [f" {phrase} "] * len(columns)
    return " AND ".join(sql), params


def _column(name: str) -> str:
    quote = connection.ops.quote_name
    return f"{quote(SearchEntry._meta.db_table)}.{quote(name)}"


def sql_filters(
    request: SearchRequest, words: Sequence[str], required: int, phrases: Sequence[str] = ()
) -> Condition:
    """The filters applied in SQL: the date range (whole days), the conclusions scope and
    the phrases (`QueryForms.phrases`).

    In the conclusions scope the words must be in the conclusion itself (a report's
    conclusion and recommendations, a recommendation's text), as many as the match needs,
    and so must the phrases; otherwise a phrase may be in any of the texts.
    """
    sql: list[str] = []
    params: list[Any] = []
    if request.date_from:
        sql.append(f"{_column('published')} >= %s")
        params.append(_day_start(request.date_from))
    if request.date_to:
        sql.append(f"{_column('published')} < %s")
        params.append(_day_start(request.date_to + timedelta(days=1)))
    if request.scope == "conclusions":
        sql.append(f"{_column('kind')} IN (%s, %s) AND {_column('conclusion_folded')} <> ''")
        params += CONCLUSION_KINDS
        if words:
            found, found_params = _in_conclusion(words, required)
            sql.append(found)
            params += found_params
    # That a phrase is in one of the texts: on SQLite, where FTS5 matched the phrase
    # first, for the few rows left; on PostgreSQL the engine tests the vectors instead
    # (a substring test of every match's texts cost +60-90 ms for "UBND tỉnh" at 20,000
    # entries), but in the conclusions scope the phrase must be in the conclusion itself.
    if phrases and (connection.vendor == "sqlite" or request.scope == "conclusions"):
        scope = ("conclusion",) if request.scope == "conclusions" else TEXT_FIELDS
        held, held_params = _holding(phrases, [f"{name}_folded" for name in scope])
        sql.append(held)
        params += held_params
    return Condition("".join(f" AND {part}" for part in sql), params)


def _empty(request: SearchRequest) -> SearchResults:
    return SearchResults(
        query=request.query,
        count=0,
        page=request.page,
        page_size=request.page_size,
        items=[],
        facets={name: [] for name in FACETS},
        backend=BACKEND_DATABASE,
    )


def _match(
    db: Engine, request: SearchRequest, forms: QueryForms, words: list[str]
) -> tuple[list[Row], set[int], int | None]:
    """The matching rows, the ids of those holding every word, and, when the rows are
    only the cap's best (search.backends.database.bounds), how many matched in all.

    Every phrase is required in complete and relaxed matches alike, as on Elasticsearch:
    what the reader quoted, each number or date of several parts (QueryForms.phrases),
    and each abbreviation's full form (QueryForms.concepts: "UBND huyện" must not find
    "Ủy ban bầu cử huyện" for holding "uy", "ban" and "huyen").
    """
    phrases = list(dict.fromkeys([*forms.phrases, *forms.concepts]))
    found = sql_filters(request, words, len(words), phrases)
    cap = bounds.cap_for(request)
    rows = db.matches(words, len(words), found, phrases, cap)
    complete = {row.id for row in rows} if words else set()
    # Two words are both required unless they are never found together.
    if not should_relax(len(words), len(rows)):
        if not bounds.truncated(cap, len(rows)):
            return rows, complete, None
        if cap is not None and cap.pooled(found):
            return rows, complete, bounds.estimated_total(rows)
        return rows, complete, db.count(words, len(words), found, phrases)
    some = relaxed_words(forms.exact, forms.expanded_folded)
    required = relaxed_required(len(some))
    relaxed = sql_filters(request, some, required, phrases)
    more = db.matches(some, required, relaxed, phrases, cap)
    rows += [row for row in more if row.id not in complete]
    if not bounds.truncated(cap, len(more)):
        return rows, complete, None
    # The relaxed matches hold the complete ones (few, or there would be no relaxing).
    return rows, complete, max(len(rows), db.count(some, required, relaxed, phrases))


def _order(
    db: Engine,
    kept: list[Row],
    request: SearchRequest,
    forms: QueryForms,
    words: list[str],
    complete: set[int],
) -> tuple[list[Row], dict[int, float], dict[int, dict[str, Any]]]:
    """The rows in the page's order, the final scores known, and texts already fetched."""
    if not words or request.sort == "newest":
        return ranking.newest_first(kept), {}, {}
    if request.sort == "oldest":
        return ranking.oldest_first(kept), {}, {}
    ordered = ranking.initial_order(kept, complete)
    candidates = ordered[: ranking.CANDIDATES]
    if request.offset >= len(candidates):
        return ordered, {}, {}  # a page past the candidates is in the database's order
    columns = list(text_ranking.RANK_COLUMNS)
    if len(candidates) <= ONE_QUERY_FETCH:
        columns += DISPLAY_COLUMNS
    texts, extra = db.details([row.id for row in candidates], columns, words)
    query = text_ranking.Query(forms)
    reranked = text_ranking.rerank(candidates, texts, extra, query, complete)
    scores = {row.id: score for row, score in reranked}
    return [row for row, _score in reranked] + ordered[len(candidates) :], scores, texts


def _hits(
    page: list[Row],
    scores: Mapping[int, float],
    texts: Mapping[int, Mapping[str, Any]],
    forms: QueryForms,
    request: SearchRequest,
    top: float,
) -> list[SearchHit]:
    ids = [row.id for row in page]
    if not all("key" in texts.get(pk, {}) for pk in ids):
        texts = display_values(ids)
    matcher = matcher_for(forms)
    return [
        make_hit(texts[row.id], scores.get(row.id, row.score / top), matcher, request.scope)
        for row in page
        if row.id in texts  # deleted between the two queries
    ]


def search(request: SearchRequest) -> SearchResults:
    """Search the entries: results, counts, facets, and advice when nothing matches."""
    forms = query_forms(request.query)
    words = match_words(forms.expanded_folded)
    if request.query.strip() and not words:
        return _empty(request)  # only punctuation or invisible characters: no word to find
    db = engine.for_connection()
    rows, complete, total = _match(db, request, forms, words)
    kept, facets = facet_counts.apply(rows, request)
    results = _empty(request)
    results.count, results.facets = len(kept), facets
    if total is not None:  # the cap's best only (no facet filter: kept are the rows)
        results.count, results.approximate = total, True
        results.facets = bounds.scaled(facets, len(rows), total)
        results.reachable = len(kept)
    if words and not any(row.id in complete for row in kept):
        results.suggestion = close_spelling(request.query)
        if kept:
            results.notes.append(partial_note())
    ordered, scores, texts = _order(db, kept, request, forms, words, complete)
    page = ordered[request.offset : request.offset + request.page_size]
    if page:
        top = max((row.score for row in kept), default=0.0) or 1.0
        results.items = _hits(page, scores, texts, forms, request, top)
    return results


def suggest(query: str, limit: int = 8) -> list[Suggestion]:
    """Titles holding what the reader is typing, anywhere (the last word as a prefix, an
    abbreviation as its full form's phrase), in search.suggestions' order, which
    Elasticsearch shares."""
    wanted = suggest_query(query)
    if wanted is None or limit <= 0:
        return []
    db = engine.for_connection()
    found = db.prefixed(wanted.words, min(limit, MAX_SUGGESTIONS), wanted.phrases)
    items = [Suggestion(text=title, url=url, type=kind) for title, url, kind in found]
    return accents_first(items, wanted)
