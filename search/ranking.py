"""One ranking model for every backend: the best candidates re-ranked on their text.

Full-text engines score terms, not Vietnamese: a word is mostly two syllables, so "bảo trợ"
side by side is the word while "bảo" and "trợ" apart are two unrelated words, and a reader
who typed "hóa" means "hóa", not "hòa". Each backend finds its candidates (SQLite FTS5,
PostgreSQL, Elasticsearch), and their folded text (search.analysis) decides the order, the
same way everywhere, so the backends agree on what comes first:

(a) every word found beats some of them (a relaxed match), strictly;
(b) the query's concepts (search.concepts: an abbreviation spelled out counts once, a
    function word little) found anywhere: coverage;
(c) the words side by side (adjacent pairs, the whole phrase), wherever they are, a heading
    adding a little: a body holding a whole name beats a title holding half of it;
(d) where the words are: title > summary > conclusion > body (placement);
(e) when the reader typed accents, the same accents in the title or summary count.

The engine's own score, normalised, weighs least: it orders what the text does not tell
apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from core.text.normalize import clean, normalize_tones
from search.analysis import QueryForms
from search.concepts import accented_words, weights
from search.models import EntryKind

FOLDED_FIELDS = {
    "title": "title_folded",
    "summary": "summary_folded",
    "conclusion": "conclusion_folded",
    "body": "body_folded",
}
# Where the words are found, and how much that says about the document (placement).
FIELD_WEIGHTS = {"title": 4.0, "summary": 2.0, "conclusion": 1.5, "body": 1.0}
# Words side by side count wherever they are, a little more in a heading: a body holding
# the whole name beats a title holding half of it (FIELD_WEIGHTS would reverse that).
PROXIMITY_BONUS = {"title": 1.5, "summary": 1.3, "conclusion": 1.1, "body": 1.0}
COVERAGE, PROXIMITY, PHRASE, PLACEMENT = 2.0, 3.0, 1.0, 2.0
EXACT_WEIGHT = 1.5  # words with the accents typed, in the title or summary
ALL_WORDS = 100.0  # above anything the text can add up to
BACKEND_WEIGHT = 0.3
# A recommendation repeats part of its report in a short text; the report shows it in
# context, so when both match equally the report comes first. A
# step, not a factor: a factor would also shrink what both share (coverage).
RECOMMENDATION_PENALTY = 0.5
RANK_COLUMNS = ("title", "summary", *FOLDED_FIELDS.values())

_WORD = re.compile(r"\w+")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


class Candidate(Protocol):
    """What ranking needs of a backend's match."""

    id: int
    score: float
    kind: str


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
    """What ranking compares a document with, computed once per search.

    Words and pairs are weighted by concept (search.concepts): an abbreviation spelled out
    counts once, a function word little.
    """

    def __init__(self, forms: QueryForms) -> None:
        weighed = weights(forms.exact, forms.expanded_folded)
        # Padded, to find whole words in padded text with `in`.
        self.words = {f" {word} ": weight for word, weight in weighed.words.items()}
        self.pairs = {f" {pair} ": weight for pair, weight in weighed.pairs.items()}
        self.word_total = sum(self.words.values()) or 1.0
        self.pair_total = sum(self.pairs.values()) or 1.0
        ordered = weighed.ordered
        self.phrase = f" {' '.join(ordered)} " if len(ordered) > 1 else ""
        self.exact = [spellings(word) for word in accented_words(forms.exact)]

    def score(self, values: Mapping[str, str]) -> float:
        """How well the folded fields hold the query: coverage, proximity, placement."""
        padded = {name: f" {values.get(column) or ''} " for name, column in FOLDED_FIELDS.items()}
        found_words = {w: [n for n, text in padded.items() if w in text] for w in self.words}
        coverage = sum(self.words[w] for w, where in found_words.items() if where)
        placement = sum(
            FIELD_WEIGHTS[name] * self.words[w]
            for w, where in found_words.items()
            for name in where
        ) / sum(FIELD_WEIGHTS.values())
        proximity = 0.0
        for pair, weight in self.pairs.items():
            best = max(
                (PROXIMITY_BONUS[n] for n, text in padded.items() if pair in text), default=0
            )
            proximity += weight * best
        phrase = 0.0
        if self.phrase:
            phrase = max(
                (PROXIMITY_BONUS[n] for n, t in padded.items() if self.phrase in t), default=0
            )
        return (
            COVERAGE * coverage / self.word_total
            + PLACEMENT * placement / self.word_total
            + (PROXIMITY * proximity / self.pair_total if self.pairs else 0.0)
            + PHRASE * phrase
        )

    def exact_score(self, title: str, summary: str) -> float:
        """The share of the accented words typed that the title or summary has as typed
        (either tone placement, any case)."""
        if not self.exact:
            return 0.0
        shown = set(_WORD.findall(clean(f"{title} {summary}").lower()))
        return sum(not shown.isdisjoint(ways) for ways in self.exact) / len(self.exact)


def holds_every_word(query: Query, values: Mapping[str, Any]) -> bool:
    """Whether the folded fields hold every word of the query (a complete match)."""
    text = " " + "  ".join(values.get(column) or "" for column in FOLDED_FIELDS.values()) + " "
    return all(word in text for word in query.words)


def rerank(
    candidates: Sequence[Candidate],
    texts: Mapping[int, Mapping[str, Any]],
    extra_scores: Mapping[int, float],
    query: Query,
    complete: set[int],
) -> list[tuple[Any, float]]:
    """The candidates with their final scores, best first."""
    backend = {row.id: row.score + extra_scores.get(row.id, 0.0) for row in candidates}
    top = max(backend.values(), default=0.0) or 1.0
    scored = []
    for position, row in enumerate(candidates):
        values = texts.get(row.id, {})
        score = query.score(values)
        shown = values.get("title", ""), values.get("summary", "")
        score += EXACT_WEIGHT * query.exact_score(*shown)
        score += BACKEND_WEIGHT * max(backend[row.id], 0.0) / top
        if row.kind == EntryKind.RECOMMENDATION:
            score -= RECOMMENDATION_PENALTY
        score += ALL_WORDS * (row.id in complete)
        scored.append((score, position, row))
    # Equal scores keep the database's order (position).
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(row, score) for score, _position, row in scored]
