"""What a title suggestion matches, and in what order, on every backend.

The search box suggests titles as the reader types. The database (search.backends.database)
and Elasticsearch (search.backends.elastic.suggest) must suggest the same titles in the same
order, so both take their words from `SuggestQuery` and sort by the same keys, which either
can compute over every match (not only over a first page of them):

1. articles and reports before recommendations (a recommendation repeats its report);
2. titles whose folded form starts with the typed words before titles holding them
   further on;
3. newest first (undated last), then by key, so equal titles keep one order.

A relevance score is deliberately not a key: SQLite's bm25, PostgreSQL's ts_rank and
Elasticsearch's BM25 rank the same titles differently, and every suggested title holds
all the typed words anyway. Then, among the few titles suggested and within those tiers,
`accents_first` puts those written with the accents the reader typed first ("hồi" →
"Hồi hương" above "Hội nghị"), the same Python on every backend.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.text.normalize import MARKED_LETTERS, clean, is_syllable, normalize_tones
from search.analysis import expanded_folded, query_forms
from search.models import EntryKind
from search.results import Suggestion

MAX_WORDS = 32  # the words of a query that count, as in a search
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class SuggestQuery:
    """words: the expanded folded words, in order; the last one is matched as a prefix,
        the others whole, anywhere in the title.
    phrases: abbreviations' full forms ("uy ban nhan dan" for "UBND"), which must stand
        side by side in the title, as in a search.
    start: what a title's folded form starts with to come first.
    accented: the words typed with accents, lower case, tones in one place.
    """

    words: tuple[str, ...]
    phrases: tuple[str, ...]
    start: str
    accented: tuple[str, ...]


def suggest_query(query: str) -> SuggestQuery | None:
    """The query's suggestion words, or None when it holds no word."""
    forms = query_forms(query)
    words = tuple(forms.expanded_folded.split()[:MAX_WORDS])
    if not words:
        return None
    # Syllables only: "HĐND" has a mark but says nothing about how a title is written.
    accented = tuple(
        word
        for word in _WORD.findall(forms.exact.lower())
        if any(ch in MARKED_LETTERS for ch in word) and is_syllable(word)
    )
    return SuggestQuery(words, forms.concepts, " ".join(words), accented)


def _has_accents(title: str, query: SuggestQuery) -> bool:
    written = _WORD.findall(normalize_tones(clean(title)).lower())
    *whole, last = query.accented
    return all(word in written for word in whole) and any(w.startswith(last) for w in written)


def accents_first(suggestions: Sequence[Suggestion], query: SuggestQuery) -> list[Suggestion]:
    """Within each of the first two tiers (kind, start), the titles holding the accented
    words as typed (the last as a prefix) first; otherwise in the backend's order."""
    if not query.accented:
        return list(suggestions)

    def key(item: Suggestion) -> tuple[bool, bool, bool]:
        starts = expanded_folded(item.text).startswith(query.start)  # as SearchEntry's
        return item.type == EntryKind.RECOMMENDATION, not starts, not _has_accents(item.text, query)

    return sorted(suggestions, key=key)
