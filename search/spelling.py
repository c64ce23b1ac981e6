"""A close spelling for a search that found nothing: "bao tro xa hoii" -> "bao tro xa hoi".

The vocabulary is every folded word of the entries' titles and summaries (the words a
reader is likely to look for), read once per content generation: publishing bumps it
(core.cache.content_generation), so a new article's words are known at once. A word
of the query the vocabulary lacks is replaced by the closest known word (difflib); known
words, numbers and abbreviations the vocabulary spells out stay as typed.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from core.cache import cached_for_generation
from core.text.normalize import clean, fold_clean, tokens
from search.analysis import query_forms
from search.models import SearchEntry

CUTOFF = 0.75  # difflib similarity below which a known word is no better than a typo
MIN_LENGTH = 3  # one- and two-letter words are too short to tell a typo from a word
MAX_WORDS = 20  # a long query's words are not all looked at (difflib per word)


def _read_vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for title, summary in SearchEntry.objects.values_list("title_folded", "summary_folded"):
        words.update(title.split())
        words.update(summary.split())
    return frozenset(word for word in words if not word[0].isdigit())


def vocabulary() -> frozenset[str]:
    """The folded words of every title and summary, cached until content changes."""
    return cached_for_generation("search:vocabulary", _read_vocabulary)


@lru_cache(maxsize=8)
def _by_length(known: frozenset[str]) -> dict[int, list[str]]:
    # difflib compares with every candidate; a typo is rarely more than two letters off.
    buckets: dict[int, list[str]] = {}
    for word in known:
        buckets.setdefault(len(word), []).append(word)
    for bucket in buckets.values():
        bucket.sort()
    return buckets


def _closest(word: str, known: frozenset[str]) -> str:
    buckets = _by_length(known)
    candidates = [w for n in range(len(word) - 2, len(word) + 3) for w in buckets.get(n, ())]
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=CUTOFF)
    # "and" is not a typo of "an": short words say too little to be offered.
    return found[0] if found and len(found[0]) >= MIN_LENGTH else ""


def _is_known(word: str, known: frozenset[str]) -> bool:
    if word[0].isdigit() or word in known:
        return True
    # An abbreviation ("ubnd") is known when its spelled-out words are.
    expanded = query_forms(word).expanded_folded.split()
    return expanded != [word] and all(part in known or part[0].isdigit() for part in expanded)


def close_spelling(query: str) -> str:
    """`query` with each unknown word replaced by the closest known one, or "" when no
    word was replaced (nothing unknown, or nothing close enough)."""
    words = clean(query).split()
    if not words:
        return ""
    known = vocabulary()
    if not known:
        return ""
    changed = False
    result = []
    for position, written in enumerate(words):
        folded = tokens(fold_clean(written), variants=False)
        if position >= MAX_WORDS or len(folded) != 1 or len(folded[0]) < MIN_LENGTH:
            result.append(written)  # punctuation, numbers glued to words, short words
            continue
        word = folded[0]
        replacement = "" if _is_known(word, known) else _closest(word, known)
        result.append(replacement or written)
        changed = changed or bool(replacement)
    return " ".join(result) if changed else ""
