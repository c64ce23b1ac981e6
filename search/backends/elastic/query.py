"""Searching the live index: the filters, the facets, the order, the page.

Elasticsearch decides what matches (the same words the database requires, search.concepts),
counts and facets it, and scores it; the best RERANKED matches are then ordered by
search.ranking, the model the database uses too, so both backends put the same result
first. Its own score still counts there (least), and orders the matches beyond.

The text query is text.py's; suggestions are suggest.py's. Queries are built only from
match, multi_match and match_phrase on text that went through search.analysis.query_forms,
never query_string: whatever a reader types ("(*~^ AND", quotes, ten thousand characters)
is words to look for, never syntax that could fail to parse. Any failure (down, slower
than ELASTICSEARCH_TIMEOUT, an error) raises, and search.service answers from the
database instead.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from django.utils import timezone
from wagtail.models import Page

from reports.enums import RecommendationStatus
from reports.list_params import unit_ids
from search import ranking
from search.analysis import QueryForms, query_forms
from search.backends.elastic import connection
from search.backends.elastic.documents import SOURCE_FOR_HITS
from search.backends.elastic.text import phrase_clauses, text_query
from search.concepts import (
    match_words,
    should_relax,
)
from search.highlight import matcher_for
from search.hits import display_values, make_hit
from search.models import EntryKind, SearchEntry
from search.notes import partial_note
from search.params import SearchRequest
from search.results import BACKEND_ELASTICSEARCH, FacetValue, SearchResults
from search.spelling import close_spelling

# Elasticsearch's max_result_window: from + size beyond it is refused, so it is capped.
MAX_WINDOW = 10_000
# The best matches re-ranked by search.ranking, as the database re-ranks its own: the same
# model orders both, so they agree on what comes first.
RERANKED = 100
# Facet name -> (aggregated field, how many values at most).
FACET_FIELDS = {
    "type": ("kind", 10),
    "section": ("section_facet", 100),
    "body": ("body_facet", 100),
    "field": ("field_facets", 100),
    "year": ("year", 100),
    "locality": ("locality_facets", 300),
    "status": ("status", 20),
}
CHOICE_LABELS = {"type": EntryKind, "status": RecommendationStatus}


# --------------------------------------------------------------------------- filters


def _day_start(day: date) -> str:
    # The reader's days are the site's (Asia/Ho_Chi_Minh) days, whatever zone is active.
    start = datetime.combine(day, time.min)
    return timezone.make_aware(start, timezone.get_default_timezone()).isoformat()


def filters(request: SearchRequest) -> list[dict[str, Any]]:
    """The facet, date and scope filters, as the database backend applies them."""
    clauses: list[dict[str, Any]] = []
    if request.type:
        clauses.append({"term": {"kind": request.type}})
    if request.section is not None:
        path = Page.objects.filter(pk=request.section).values_list("path", flat=True).first()
        # The section and every section below it; an unknown section matches nothing.
        clauses.append({"prefix": {"path": path}} if path else {"match_none": {}})
    if request.body is not None:
        clauses.append({"term": {"body_id": request.body}})
    if request.field:
        clauses.append({"term": {"field_slugs": request.field}})
    if request.year is not None:
        clauses.append({"term": {"year": request.year}})
    if request.locality is not None:
        # A district merged in 2025 is still found under its old and its new name.
        clauses.append({"terms": {"locality_ids": sorted(unit_ids(request.locality))}})
    if request.status:
        clauses.append({"term": {"status": request.status}})
    published: dict[str, str] = {}
    if request.date_from:
        published["gte"] = _day_start(request.date_from)
    if request.date_to:
        published["lt"] = _day_start(request.date_to + timedelta(days=1))
    if published:
        clauses.append({"range": {"published": published}})
    if request.scope == "conclusions":
        clauses.append({"exists": {"field": "conclusion_folded"}})
    return clauses


# ---------------------------------------------------------------------------- facets


def _aggregations() -> dict[str, Any]:
    aggs = {}
    for name, (field, size) in FACET_FIELDS.items():
        terms: dict[str, Any] = {"field": field, "size": size}
        if name == "year":
            terms["order"] = {"_key": "desc"}
        aggs[name] = {"terms": terms}
    return aggs


def _label(name: str, key: str) -> tuple[str, str]:
    if name in CHOICE_LABELS:
        choices = CHOICE_LABELS[name]
        return key, str(choices(key).label) if key in choices.values else key
    if name == "year":
        return key, key
    value, _sep, label = key.partition("|")  # "12|Ban Văn hóa - Xã hội"
    return value, label


def facets(aggregations: dict[str, Any]) -> dict[str, list[FacetValue]]:
    result: dict[str, list[FacetValue]] = {}
    for name in FACET_FIELDS:
        values = []
        for bucket in aggregations.get(name, {}).get("buckets", []):
            value, label = _label(name, str(bucket["key"]))
            values.append(FacetValue(value=value, label=label, count=bucket["doc_count"]))
        result[name] = values
    return result


# ---------------------------------------------------------------------------- search


def _sort(request: SearchRequest, has_text: bool) -> list[dict[str, Any]]:
    newest = {"published": {"order": "desc", "missing": "_last"}}
    oldest = {"published": {"order": "asc", "missing": "_last"}}
    tie = {"key": "asc"}  # a stable order for pagination
    if request.sort == "oldest":
        return [oldest, {"_score": "desc"}, tie]
    if request.sort == "newest" or not has_text:
        return [newest, {"_score": "desc"}, tie]
    return [{"_score": "desc"}, newest, tie]


def _hit_values(source: dict[str, Any]) -> dict[str, Any]:
    published = source.get("published")
    return {**source, "published": datetime.fromisoformat(published) if published else None}


def _search(
    request: SearchRequest,
    query: dict[str, Any],
    has_text: bool,
    window: tuple[int, int] | None = None,
    source: tuple[str, ...] = SOURCE_FOR_HITS,
    phrases: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    start, size = window or (request.offset, request.page_size)
    start = min(start, MAX_WINDOW)
    size = max(0, min(size, MAX_WINDOW - start))
    return connection.client().search(
        index=connection.alias(),
        query={"bool": {"must": [query], "filter": filters(request) + (phrases or [])}},
        sort=_sort(request, has_text),
        track_scores=has_text,
        from_=start,
        size=size,
        aggs=_aggregations(),
        # No _source for candidates: their key is the document's _id, and the fetch
        # phase of 100 sources cost 6-7 ms.
        **({"source_includes": list(source)} if source else {"source": False}),
        track_total_hits=True,
    )


class _Candidate(NamedTuple):
    id: int
    score: float
    kind: str


def _reranked_page(
    request: SearchRequest, forms: QueryForms, hits: list[dict[str, Any]], relaxed: bool
) -> list[tuple[dict[str, Any], float]]:
    """The page's values and scores, once search.ranking has ordered the candidates.

    The folded text is not kept in Elasticsearch's _source: it is read from the search
    entries the index was built from, by key, for the candidates only.
    """
    keys = [hit["_id"] for hit in hits]  # a document's _id is its entry's key
    columns = ("id", "key", "kind", *ranking.RANK_COLUMNS)
    by_key = {row["key"]: row for row in SearchEntry.objects.filter(key__in=keys).values(*columns)}
    query = ranking.Query(forms)
    candidates, texts = [], {}
    for hit in hits:
        row = by_key.get(hit["_id"])
        if row is None:
            continue  # deleted since the index was updated: `search_index sync` catches up
        candidates.append(_Candidate(row["id"], hit.get("_score") or 0.0, row["kind"]))
        texts[row["id"]] = row
    complete = {
        c.id for c in candidates if not relaxed or ranking.holds_every_word(query, texts[c.id])
    }
    ordered = ranking.rerank(candidates, texts, {}, query, complete)
    page = ordered[request.offset : request.offset + request.page_size]
    values = display_values([row.id for row, _score in page])
    return [(values[row.id], score) for row, score in page if row.id in values]


def search(request: SearchRequest) -> SearchResults:
    """The matches, counted and faceted by Elasticsearch; their order by search.ranking, as
    on the database, for the first RERANKED of them (beyond, Elasticsearch's order)."""
    forms = query_forms(request.query)
    text = text_query(forms, request.scope) if request.query.strip() else None
    if text is None and request.query.strip():
        query: dict[str, Any] = {"match_none": {}}  # only punctuation: nothing to look for
    else:
        query = text or {"match_all": {}}
    rerank = text is not None and request.sort == "relevance" and request.offset < RERANKED
    window = (0, max(RERANKED, request.offset + request.page_size)) if rerank else None
    source = () if rerank else SOURCE_FOR_HITS
    phrases = phrase_clauses(forms, request.scope) if text is not None else []
    response = _search(request, query, text is not None, window, source, phrases)
    complete = response["hits"]["total"]["value"]
    relaxed = text is not None and should_relax(len(match_words(forms.expanded_folded)), complete)
    if relaxed:
        # As on the database: too few entries hold every word, so those holding most of
        # the content words count too.
        query = text_query(forms, request.scope, relaxed=True)
        response = _search(request, query, True, window, source, phrases)
    matcher = matcher_for(forms)
    hits = response["hits"]["hits"]
    if rerank:
        shown = _reranked_page(request, forms, hits, relaxed)
    else:
        shown = [(_hit_values(hit["_source"]), hit.get("_score") or 0.0) for hit in hits]
    results = SearchResults(
        query=request.query,
        count=response["hits"]["total"]["value"],
        page=request.page,
        page_size=request.page_size,
        items=[make_hit(values, score, matcher, request.scope) for values, score in shown],
        facets=facets(response.get("aggregations", {})),
        backend=BACKEND_ELASTICSEARCH,
    )
    if text is not None and not complete:
        results.suggestion = close_spelling(request.query)
        if results.count:
            results.notes.append(partial_note())
    return results
