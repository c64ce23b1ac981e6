"""Searching the live index: the text query, the filters, the facets, the suggestions.

Elasticsearch decides what matches (the same words the database requires, search.concepts),
counts and facets it, and scores it; the best RERANKED matches are then ordered by
search.ranking, the model the database uses too, so both backends put the same result
first. Its own score still counts there (least), and orders the matches beyond.

Queries are built only from match, multi_match and match_phrase on text that went
through search.analysis.query_forms, never query_string: whatever a reader types ("(*~^ AND",
quotes, ten thousand characters) is words to look for, never syntax that could fail to
parse. Any failure (down, slower than ELASTICSEARCH_TIMEOUT, an error) raises, and
search.service answers from the database instead.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from django.utils import timezone
from wagtail.models import Page

from reports.enums import RecommendationStatus
from reports.list_params import unit_ids
from search import ranking
from search.analysis import QueryForms, query_forms
from search.backends.elastic import connection
from search.backends.elastic.documents import (
    BOOSTS,
    SOURCE_FOR_HITS,
    TEXT_FIELDS,
)
from search.concepts import (
    accented_words,
    match_words,
    relaxed_required,
    relaxed_words,
    should_relax,
    weights,
)
from search.highlight import matcher_for
from search.hits import display_values, make_hit
from search.models import EntryKind, SearchEntry
from search.notes import partial_note
from search.params import SearchRequest
from search.results import BACKEND_ELASTICSEARCH, FacetValue, SearchResults, Suggestion
from search.spelling import close_spelling
from search.suggestions import accents_first, suggest_query

# Elasticsearch's max_result_window: from + size beyond it is refused, so it is capped.
MAX_WINDOW = 10_000
MAX_SUGGESTIONS = 50  # as on the database
# How much each part of the text query counts, as on the database (search.backends.
# database.ranking): every word found, weighted by concept (search.concepts: an
# abbreviation spelled out counts once, a function word little) and by the field it is in;
# adjacent pairs wherever they are, a heading adding a little (PAIR_BOOSTS), since a
# Vietnamese word is mostly two syllables ("bảo trợ") and a body holding a whole name must
# beat a title holding half of it; the whole phrase; and the words typed with accents.
CLAUSE_BOOSTS = {"words": 1.0, "pairs": 3.0, "phrase": 2.0, "exact_words": 1.0}
PAIR_BOOSTS = {"title": 1.5, "summary": 1.3, "conclusion": 1.1, "body": 1.0}
# Where the words are found: a title says what a document is about, but one word of it
# must not outweigh the body holding all of them side by side.
WORD_BOOSTS = {"title": 2.0, "summary": 1.5, "conclusion": 1.2, "body": 1.0}
# A recommendation repeats a part of its report, in a short text that BM25 favours; the
# report shows it in context, so when both match the report comes first.
RECOMMENDATION_WEIGHT = 0.8
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


# ------------------------------------------------------------------------------ text


def _fields(names: tuple[str, ...], form: str, sub: str = "", boosts=BOOSTS) -> list[str]:
    return [f"{name}_{form}{sub}^{boosts[name]}" for name in names]


def _words(query: str, fields: list[str], boost: float) -> dict[str, Any]:
    # A phrase query: a word the tokenizer splits ("30/06/2021") is found as its parts in
    # order, as the database finds it.
    return {"multi_match": {"query": query, "fields": fields, "type": "phrase", "boost": boost}}


def text_query(forms: QueryForms, scope: str, required: int | None = None) -> dict[str, Any] | None:
    """The query for a reader's words, or None when they hold no word to look for.

    What matches is what the database matches (search.concepts): every word, or, with
    `required`, at least that many of the relaxed words. The rest only ranks.
    Recommendations count less (RECOMMENDATION_WEIGHT).
    """
    words = match_words(forms.expanded_folded)
    if not words:
        return None
    names = ("conclusion",) if scope == "conclusions" else TEXT_FIELDS
    word_fields = _fields(names, "folded", boosts=WORD_BOOSTS)
    weighed = weights(forms.exact, forms.expanded_folded)
    if required is None:
        matched, minimum = words, len(words)
    else:
        matched, minimum = relaxed_words(forms.exact, forms.expanded_folded), required
    must = {
        "bool": {
            "should": [
                _words(w, word_fields, CLAUSE_BOOSTS["words"] * weighed.words.get(w, 1.0))
                for w in matched
            ],
            "minimum_should_match": minimum,
        }
    }
    pair_fields = _fields(names, "folded", ".pairs", PAIR_BOOSTS)
    should: list[dict[str, Any]] = [
        {
            "multi_match": {
                "query": pair,
                "fields": pair_fields,
                "type": "best_fields",
                "boost": CLAUSE_BOOSTS["pairs"] * weight,
            }
        }
        for pair, weight in weighed.pairs.items()
    ]
    if len(words) > 1:
        phrase_fields = _fields(names, "folded", boosts=PAIR_BOOSTS)
        should.append(_words(forms.expanded_folded, phrase_fields, CLAUSE_BOOSTS["phrase"]))
    accented = accented_words(forms.exact)
    if accented:
        should.append(
            {
                "multi_match": {
                    "query": " ".join(accented),
                    "fields": _fields(names, "exact", boosts=WORD_BOOSTS),
                    "type": "best_fields",
                    "tie_breaker": 0.3,
                    "boost": CLAUSE_BOOSTS["exact_words"],
                }
            }
        )
    return {
        "function_score": {
            "query": {"bool": {"must": [must], "should": should}},
            "functions": [
                {"filter": {"term": {"kind": "recommendation"}}, "weight": RECOMMENDATION_WEIGHT}
            ],
            "boost_mode": "multiply",
        }
    }


def phrase_clauses(forms: QueryForms, scope: str) -> list[dict[str, Any]]:
    """One clause per phrase the database requires too, side by side in one of the folded
    fields: what the reader quoted, each number or date of several parts
    (`QueryForms.phrases`), and each abbreviation's full form (`QueryForms.concepts`: the
    words of "UBND" side by side, never "Ủy ban bầu cử ... nhân dân"). Filters: they
    decide what matches, and the text query ranks."""
    names = ("conclusion",) if scope == "conclusions" else TEXT_FIELDS
    fields = [f"{name}_folded" for name in names]  # the forms with positions
    return [
        {"multi_match": {"query": phrase, "fields": fields, "type": "phrase"}}
        for phrase in dict.fromkeys([*forms.phrases, *forms.concepts])
    ]


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
        required = relaxed_required(len(relaxed_words(forms.exact, forms.expanded_folded)))
        query = text_query(forms, request.scope, required)
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


# --------------------------------------------------------------------------- suggest

# Terms as the `standard` tokenizer cuts the folded words (their punctuation splits them).
_TOKEN = re.compile(r"[a-z0-9]+")


def _starts(words: tuple[str, ...]) -> dict[str, Any] | None:
    """Titles whose folded form starts with the words, the last as a prefix: the
    database's `starts_with(title_folded, ...)` on positions (span_first)."""
    tokens = _TOKEN.findall(" ".join(words))
    if not tokens:
        return None
    *whole, last = tokens
    spans = [{"span_term": {"title_folded": token}} for token in whole]
    spans.append({"span_multi": {"match": {"prefix": {"title_folded": {"value": last}}}}})
    near = (
        spans[0]
        if len(spans) == 1
        else {"span_near": {"clauses": spans, "slop": 0, "in_order": True}}
    )
    return {"span_first": {"match": near, "end": len(tokens)}}


def suggest(query: str, limit: int = 8) -> list[Suggestion]:
    """Titles holding what the reader is typing, anywhere, as the database suggests them.

    A search on the folded title (its words, the last as a prefix: `match_bool_prefix`;
    an abbreviation's full form as a phrase) rather than a completion suggester: a
    completion matches a title from the start of one of its inputs only, so "UBND" or a
    word late in a title found nothing unless every word start were an input. The order
    is search.suggestions': tiers as a constant score (not a recommendation 2, starting
    with the words 1), then newest, then key, which the database sorts the same way.
    """
    wanted = suggest_query(query)
    if wanted is None or limit < 1:
        return []
    text = " ".join(wanted.words)
    matching: list[dict[str, Any]] = [
        {"match_bool_prefix": {"title_folded": {"query": text, "operator": "and"}}}
    ]
    matching += [{"match_phrase": {"title_folded": phrase}} for phrase in wanted.phrases]
    not_recommendation = {"bool": {"must_not": [{"term": {"kind": EntryKind.RECOMMENDATION}}]}}
    tiers: list[dict[str, Any]] = [{"weight": 1}, {"filter": not_recommendation, "weight": 2}]
    if starts := _starts(wanted.words):
        tiers.append({"filter": starts, "weight": 1})
    response = connection.client().search(
        index=connection.alias(),
        query={
            "function_score": {
                "query": {"bool": {"filter": matching}},
                "functions": tiers,
                "score_mode": "sum",
                "boost_mode": "replace",
            }
        },
        sort=[
            {"_score": "desc"},
            {"published": {"order": "desc", "missing": "_last"}},
            {"key": "asc"},
        ],
        track_scores=True,
        size=min(limit, MAX_SUGGESTIONS),
        track_total_hits=False,
        source_includes=["kind", "title", "url"],
    )
    items = [
        Suggestion(
            text=hit["_source"]["title"], url=hit["_source"]["url"], type=hit["_source"]["kind"]
        )
        for hit in response["hits"]["hits"]
    ]
    return accents_first(items, wanted)
