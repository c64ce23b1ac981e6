"""The text part of an Elasticsearch query: what must match, and what ranks it.

What matches is what the database matches (search.concepts): every word, or at least
`required` of the relaxed words, and every phrase (quoted, a number or date of several
parts, an abbreviation's full form) side by side in one field. What ranks mirrors
search.ranking, which then orders the best matches (search.backends.elastic.query).
Only match-family queries on text that went through search.analysis, never query_string.
"""

from __future__ import annotations

from typing import Any

from search.analysis import QueryForms
from search.backends.elastic.documents import BOOSTS, TEXT_FIELDS
from search.concepts import (
    accented_words,
    match_words,
    relaxed_required,
    relaxed_words,
    weights,
)

# How much each part of the text query counts, mirroring search.ranking (which then
# orders the best matches, as on the database): every word found, weighted by concept
# (search.concepts: an abbreviation spelled out counts once, a function word little) and
# by the field it is in; adjacent pairs wherever they are, a heading adding a little
# (PAIR_BOOSTS), since a Vietnamese word is mostly two syllables ("bảo trợ") and a body
# holding a whole name must beat a title holding half of it; the whole phrase; and the
# words typed with accents.
CLAUSE_BOOSTS = {"words": 1.0, "pairs": 3.0, "phrase": 2.0, "exact_words": 1.0}
PAIR_BOOSTS = {"title": 1.5, "summary": 1.3, "conclusion": 1.1, "body": 1.0}
# Where the words are found: a title says what a document is about, but one word of it
# must not outweigh the body holding all of them side by side.
WORD_BOOSTS = {"title": 2.0, "summary": 1.5, "conclusion": 1.2, "body": 1.0}
# A recommendation repeats a part of its report, in a short text that BM25 favours; the
# report shows it in context, so when both match the report comes first.
RECOMMENDATION_WEIGHT = 0.8


def _fields(names: tuple[str, ...], form: str, sub: str = "", boosts=BOOSTS) -> list[str]:
    return [f"{name}_{form}{sub}^{boosts[name]}" for name in names]


def _words(query: str, fields: list[str], boost: float) -> dict[str, Any]:
    # A phrase query: a word the tokenizer splits ("30/06/2021") is found as its parts in
    # order, as the database finds it.
    return {"multi_match": {"query": query, "fields": fields, "type": "phrase", "boost": boost}}


def text_query(forms: QueryForms, scope: str, relaxed: bool = False) -> dict[str, Any] | None:
    """The query for a reader's words, or None when they hold no word to look for.

    What matches is what the database matches (search.concepts): every word, or, when
    `relaxed`, most of the content words. The rest only ranks. Recommendations count less
    (RECOMMENDATION_WEIGHT).
    """
    words = match_words(forms.expanded_folded)
    if not words:
        return None
    names = ("conclusion",) if scope == "conclusions" else TEXT_FIELDS
    word_fields = _fields(names, "folded", boosts=WORD_BOOSTS)
    weighed = weights(forms.exact, forms.expanded_folded)
    if relaxed:
        matched = relaxed_words(forms.exact, forms.expanded_folded)
        minimum = relaxed_required(len(matched))
    else:
        matched, minimum = words, len(words)
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
