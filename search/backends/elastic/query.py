"""Searching the live index: the text query, the filters, the facets, the suggestions.

Queries are built only from match, multi_match and match_phrase on text that went
through search.analysis.query_forms, never query_string: whatever a reader types ("(*~^ AND",
quotes, ten thousand characters) is words to look for, never syntax that could fail to
parse. Any failure (down, slower than ELASTICSEARCH_TIMEOUT, an error) raises, and
search.service answers from the database instead.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone
from wagtail.models import Page

from reports.enums import RecommendationStatus
from reports.list_params import unit_ids
from search.analysis import QueryForms, query_forms
from search.backends.elastic import connection
from search.backends.elastic.documents import (
    BOOSTS,
    SOURCE_FOR_HITS,
    SUGGEST_INPUT_LENGTH,
    TEXT_FIELDS,
)
from search.highlight import matcher_for
from search.hits import make_hit
from search.models import EntryKind
from search.params import SearchRequest
from search.results import BACKEND_ELASTICSEARCH, FacetValue, SearchResults, Suggestion

# Elasticsearch's max_result_window: from + size beyond it is refused, so it is capped.
MAX_WINDOW = 10_000
# Up to two words, all must match; beyond that a quarter may be missing, so a long
# question still finds the document that answers most of it.
LOOSE_MATCH = "2<75%"
# How much each clause of the text query counts. Adjacent pairs count most: a Vietnamese
# word is mostly two syllables, so "bảo trợ" side by side is the word while "bảo" and
# "trợ" apart are two unrelated words; single syllables ("xã", "hội") are everywhere, and a
# title holding two of them must not beat a body holding the phrase. Checked against the
# relevance judgements (tests/relevance: MRR@10 1.0, recall@10 0.99 on the demo site)
# and tests/test_search_elasticsearch.
CLAUSE_BOOSTS = {
    "most_words": 1.0,  # decides what matches: most of the words, folded
    "all_words": 1.0,
    "phrase": 3.0,
    "pairs": 4.0,
    "exact_words": 1.5,  # the words with the accents typed
    "exact_pairs": 3.0,
}
# A recommendation repeats a part of its report, in a short text that BM25 favours; the
# report shows it in context, so when both match the report comes first. Half weight
# keeps a recommendation first when it is the only close match (relevance judgements,
# tests/relevance: MRR@10 0.95 at full weight, 0.96 at 0.7, 1.0 at 0.5).
RECOMMENDATION_WEIGHT = 0.5
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


def _fields(names: tuple[str, ...], form: str, sub: str = "") -> list[str]:
    return [f"{name}_{form}{sub}^{BOOSTS[name]}" for name in names]


def _multi(query: str, fields: list[str], kind: str, clause: str, **extra: Any) -> dict:
    options = {"query": query, "fields": fields, "type": kind, **extra}
    return {"multi_match": {**options, "boost": CLAUSE_BOOSTS[clause]}}


def text_query(forms: QueryForms, scope: str) -> dict[str, Any] | None:
    """The query for a reader's words, or None when they hold no word to look for.

    Which documents match is decided by one clause (most of the words, folded); the
    others only rank: all the words, the words as a phrase, adjacent pairs ("bảo trợ"),
    and, when the reader typed accents, the words and pairs with those accents.
    Recommendations count half (RECOMMENDATION_WEIGHT).
    """
    folded = forms.expanded_folded
    if not folded.strip():
        return None
    names = ("conclusion",) if scope == "conclusions" else TEXT_FIELDS
    words, pairs = _fields(names, "folded"), _fields(names, "folded", ".pairs")
    recall = _multi(
        folded, words, "cross_fields", "most_words", operator="or", minimum_should_match=LOOSE_MATCH
    )
    should = [
        _multi(folded, words, "cross_fields", "all_words", operator="and"),
        _multi(folded, words, "phrase", "phrase"),
        _multi(folded, pairs, "best_fields", "pairs", tie_breaker=0.3),
    ]
    if forms.has_diacritics:
        exact_words, exact_pairs = _fields(names, "exact"), _fields(names, "exact", ".pairs")
        should += [
            _multi(forms.exact, exact_words, "cross_fields", "exact_words"),
            _multi(forms.exact, exact_pairs, "best_fields", "exact_pairs", tie_breaker=0.3),
        ]
    return {
        "function_score": {
            "query": {"bool": {"must": [recall], "should": should}},
            "functions": [
                {"filter": {"term": {"kind": "recommendation"}}, "weight": RECOMMENDATION_WEIGHT}
            ],
            "boost_mode": "multiply",
        }
    }


def phrase_clauses(forms: QueryForms, scope: str) -> list[dict[str, Any]]:
    """One clause per phrase of the query (`QueryForms.phrases`: quoted, or a number's
    parts), found side by side in one of the folded fields, as the database backend
    requires them. Filters: they decide what matches, and the text query ranks."""
    names = ("conclusion",) if scope == "conclusions" else TEXT_FIELDS
    fields = [f"{name}_folded" for name in names]  # the forms with positions
    return [
        {"multi_match": {"query": phrase, "fields": fields, "type": "phrase"}}
        for phrase in forms.phrases
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


def search(request: SearchRequest) -> SearchResults:
    forms = query_forms(request.query)
    text = text_query(forms, request.scope) if request.query.strip() else None
    if text is None and request.query.strip():
        query: dict[str, Any] = {"match_none": {}}  # only punctuation: nothing to look for
    else:
        query = text or {"match_all": {}}
    start = min(request.offset, MAX_WINDOW)
    size = max(0, min(request.page_size, MAX_WINDOW - start))
    response = connection.client().search(
        index=connection.alias(),
        query={
            "bool": {
                "must": [query],
                "filter": filters(request) + phrase_clauses(forms, request.scope),
            }
        },
        sort=_sort(request, text is not None),
        track_scores=text is not None,
        from_=start,
        size=size,
        aggs=_aggregations(),
        source_includes=list(SOURCE_FOR_HITS),
        track_total_hits=True,
    )
    matcher = matcher_for(forms)
    items = [
        make_hit(_hit_values(hit["_source"]), hit.get("_score") or 0.0, matcher, request.scope)
        for hit in response["hits"]["hits"]
    ]
    return SearchResults(
        query=request.query,
        count=response["hits"]["total"]["value"],
        page=request.page,
        page_size=request.page_size,
        items=items,
        facets=facets(response.get("aggregations", {})),
        backend=BACKEND_ELASTICSEARCH,
    )


# --------------------------------------------------------------------------- suggest


def _completion(field: str, prefix: str, limit: int) -> dict[str, Any]:
    return {
        "prefix": prefix,
        "completion": {"field": field, "size": limit, "skip_duplicates": True},
    }


def suggest(query: str, limit: int = 8) -> list[Suggestion]:
    """Titles that start with what the reader typed (or have a word that does).

    Typed with accents, titles with those accents come first; then the folded matches.
    """
    forms = query_forms(query)
    folded = forms.folded[:SUGGEST_INPUT_LENGTH].strip()
    if not folded or limit < 1:
        return []
    requested = {"folded": _completion("suggest", folded, limit)}
    if forms.has_diacritics:
        exact = forms.exact[:SUGGEST_INPUT_LENGTH].strip()
        requested["exact"] = _completion("suggest_exact", exact, limit)
    response = connection.client().search(
        index=connection.alias(),
        suggest=requested,
        size=0,
        source_includes=["key", "kind", "title", "url"],
    )
    found: dict[str, Suggestion] = {}
    for name in ("exact", "folded"):
        for entry in response.get("suggest", {}).get(name, []):
            for option in entry["options"]:
                source = option["_source"]
                found.setdefault(
                    source["key"],
                    Suggestion(text=source["title"], url=source["url"], type=source["kind"]),
                )
    return list(found.values())[:limit]
