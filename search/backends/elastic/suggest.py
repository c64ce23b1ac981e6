"""Suggestions from the live index: titles holding what the reader is typing, in the
order search.suggestions gives every backend."""

from __future__ import annotations

import re
from typing import Any

from search.backends.elastic import connection
from search.models import EntryKind
from search.results import Suggestion
from search.suggestions import accents_first, suggest_query

MAX_SUGGESTIONS = 50  # as on the database
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
