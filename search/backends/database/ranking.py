"""Relevance: the database's score, then the best candidates re-ranked on their text.

Full-text scores know terms, not Vietnamese: a word is mostly two syllables, so "bảo trợ"
side by side is the word while "bảo" and "trợ" apart are two unrelated words, and a
reader who typed "hóa" means "hóa", not "hòa". The CANDIDATES best matches by score are
re-ranked in Python on their folded text (search.analysis), the same for both databases:

(a) every word found beats some of them (a relaxed match, see search()), strictly;
(b) the words side by side (adjacent pairs, the whole phrase) beat words scattered;
(c) when the reader typed accents, the same accents in the title or summary count;
(d) title > summary > conclusion > body, by where the words and pairs are found.

The database's score, normalised, weighs less than the least of the fields: it orders the
candidates the text does not tell apart. Matches beyond the candidates keep the
database's order after them (a reader rarely pages that far).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from operator import itemgetter
from typing import Any

from core.text.normalize import clean, normalize_tones
from search.analysis import QueryForms
from search.backends.database.engine import Row
from search.models import EntryKind

CANDIDATES = 200
# Where the words are found, and how much that says about the document.
FIELD_WEIGHTS = {"title": 4.0, "summary": 2.0, "conclusion": 1.5, "body": 1.0}
FOLDED_FIELDS = {name: f"{name}_folded" for name in FIELD_WEIGHTS}
# Within a field: single words, adjacent pairs, the whole phrase (sums to 1).
WORDS, PAIRS, PHRASE = 0.1, 0.6, 0.3
EXACT_WEIGHT = 1.5  # words with the accents typed, in the title or summary
ALL_WORDS = 100.0  # above anything the text can add up to
BACKEND_WEIGHT = 0.9
# A recommendation repeats part of its report in a short text; the report shows it in
# context, so when both match equally the report comes first (as in Elasticsearch).
RECOMMENDATION_WEIGHT = 0.8
RANK_COLUMNS = ("title", "summary", *FOLDED_FIELDS.values())

_WORD = re.compile(r"\w+")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
ID, SCORE, PUBLISHED = itemgetter(0), itemgetter(1), itemgetter(3)


def spellings(word: str) -> frozenset[str]:
    """The ways of writing a tone-normalised word that mean it: "hoá" -> {"hoá", "hóa"}.

    The tone mark is tried on each letter; a placement counts when normalize_tones maps
    it back to `word`, so each candidate's text needs no normalising, only this set.
    """
    decomposed = unicodedata.normalize("NFD", word)
    marks = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(marks) != 1:
        return frozenset((word,))
    toneless = decomposed.replace(marks[0], "")
    placed = {
        unicodedata.normalize("NFC", toneless[: i + 1] + marks[0] + toneless[i + 1 :])
        for i, ch in enumerate(toneless)
        if ch in "aeiouy"
    }
    return frozenset({word} | {p for p in placed if normalize_tones(p) == word})


class Query:
    """What ranking compares a document with, computed once per search."""

    def __init__(self, forms: QueryForms, words: Sequence[str]) -> None:
        self.words = [f" {word} " for word in words]
        pairs = [f" {a} {b} " for a, b in zip(words, words[1:], strict=False)]
        self.pairs = list(dict.fromkeys(pairs))
        self.phrase = f" {' '.join(words)} " if len(words) > 1 else ""
        typed = dict.fromkeys(_WORD.findall(forms.exact.lower()))
        self.exact = [spellings(word) for word in typed if not word.isascii()]

    def field_score(self, folded: str) -> float:
        """How much of the query a folded field holds, from 0 to 1."""
        if not folded or not self.words:
            return 0.0
        padded = f" {folded} "
        words = sum(word in padded for word in self.words) / len(self.words)
        if not self.pairs:
            return words
        pairs = sum(pair in padded for pair in self.pairs) / len(self.pairs)
        return WORDS * words + PAIRS * pairs + PHRASE * (self.phrase in padded)

    def exact_score(self, title: str, summary: str) -> float:
        """The share of the accented words typed that the title or summary has as typed
        (either tone placement, any case)."""
        if not self.exact:
            return 0.0
        shown = set(_WORD.findall(clean(f"{title} {summary}").lower()))
        return sum(not shown.isdisjoint(ways) for ways in self.exact) / len(self.exact)


def initial_order(rows: list[Row], complete: set[int]) -> list[Row]:
    """All-words matches first, then by the database's score, newest first on a tie
    (on PostgreSQL the score is the heading's: many body-only matches tie at 0).

    The engine returns each match query's rows in that order already (engine.order_by),
    so the stable sort by score keeps the date order of ties and costs one pass.
    """
    whole = [row for row in rows if row.id in complete]
    partial = [row for row in rows if row.id not in complete] if len(whole) < len(rows) else []
    return sorted(whole, key=SCORE, reverse=True) + sorted(partial, key=SCORE, reverse=True)


def newest_first(rows: list[Row]) -> list[Row]:
    """By publication, newest first; entries without a date last; ties by id (a report
    and its recommendations share a date)."""
    dated = [row for row in _by_id(rows) if row.published is not None]
    undated = [row for row in rows if row.published is None] if len(dated) < len(rows) else []
    return sorted(dated, key=PUBLISHED, reverse=True) + _by_id(undated)


def oldest_first(rows: list[Row]) -> list[Row]:
    dated = [row for row in _by_id(rows) if row.published is not None]
    undated = [row for row in rows if row.published is None] if len(dated) < len(rows) else []
    return sorted(dated, key=PUBLISHED) + _by_id(undated)


def _by_id(rows: list[Row]) -> list[Row]:
    # Matches come best first (engine.order_by): the date sorts are stable, so the ties
    # of a date sort follow the ids, whatever order the rows came in.
    return sorted(rows, key=ID)


def rerank(
    candidates: list[Row],
    texts: Mapping[int, Mapping[str, Any]],
    extra_scores: Mapping[int, float],
    query: Query,
    complete: set[int],
) -> list[tuple[Row, float]]:
    """The candidates with their final scores, best first."""
    backend = {row.id: row.score + extra_scores.get(row.id, 0.0) for row in candidates}
    top = max(backend.values(), default=0.0) or 1.0
    scored = []
    for position, row in enumerate(candidates):
        values = texts.get(row.id, {})
        score = sum(
            weight * query.field_score(values.get(FOLDED_FIELDS[name], ""))
            for name, weight in FIELD_WEIGHTS.items()
        )
        shown = values.get("title", ""), values.get("summary", "")
        score += EXACT_WEIGHT * query.exact_score(*shown)
        score += BACKEND_WEIGHT * max(backend[row.id], 0.0) / top
        if row.kind == EntryKind.RECOMMENDATION:
            score *= RECOMMENDATION_WEIGHT
        score += ALL_WORDS * (row.id in complete)
        scored.append((score, position, row))
    # Equal scores keep the database's order (position).
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(row, score) for score, _position, row in scored]
