"""Matched words in <mark>, on the text as written, for every backend.

Backends match on folded text, which is no good to show. This module finds, in the
display text, the words whose folded form is one of the query's terms (search.analysis), so
"thuy" marks "Thủy" and "UBND" marks both "UBND" and "Ủy ban nhân dân". An abbreviation
the reader typed is marked only whole, as the backends match it (QueryForms.concepts):
"UBND" marks "Ủy ban nhân dân", never a lone "ban", "dân" or the "Ủy" of "Ủy viên".
Everything else is escaped: the result is safe to put in a page as is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.text.normalize import canonical_number, canonical_terms, fold, fold_clean
from search.abbreviations import abbreviation_map, concepts_in
from search.analysis import QUOTES, QueryForms, expanded_folded, query_forms, quoted

_NUMBER = re.compile(r"\d+(?:[.,/-]\d+)*%?")
_WORD = re.compile(rf"{_NUMBER.pattern}|[^\W\d_]+")
SNIPPET_LENGTH = 240
# Words so common in council news that marking them alone only adds noise.
_NOISE = frozenset({"va", "cua", "cac", "nhung", "cho", "voi", "tai", "la", "co", "duoc", "trong"})


@lru_cache(maxsize=1)
def _folded_abbreviations() -> dict[str, tuple[str, ...]]:
    return {
        fold_clean(short): tuple(canonical_terms(fold_clean(full)).split())
        for short, full in abbreviation_map().items()
    }


@dataclass(frozen=True)
class Matcher:
    """The folded terms of one query, ready to test words of a document.

    concepts: full forms ("uy ban nhan dan") of the abbreviations the query writes, marked
        only as a whole (or as the abbreviation); their words are not in `terms` unless
        the query also has them on their own.
    phrases: quoted phrases, dates and numbers of several parts, as folded words: marked
        where the words are side by side only.
    """

    terms: frozenset[str]
    concepts: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    # Each distinct word of the texts shown for one query is judged once.
    _judged: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def matches(self, word: str) -> bool:
        judged = self._judged.get(word)
        if judged is None:
            judged = self._judged[word] = self._matches(word)
        return judged

    def _matches(self, word: str) -> bool:
        folded = _fold_word(word)
        if folded in self.terms:
            return True
        if folded[:1].isdigit() and " " in folded:
            # A date or number holding one the reader typed: "30/6" marks "30/06/2021",
            # the way every backend finds it (its parts side by side).
            padded = f" {folded} "
            return any(f" {term} " in padded for term in self.terms if term[0].isdigit())
        # An abbreviation in the text, for a query that spells it out (or the reverse).
        expansion = _folded_abbreviations().get(folded)
        if not expansion:
            return False
        return " ".join(expansion) in self.concepts or all(p in self.terms for p in expansion)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    # Cached: snippets fold every word they show, and council prose repeats its words.
    if word[0].isdigit():
        return canonical_number(word)
    return fold(word)  # tone placement cannot matter: folding drops tones


def _concept_words(forms: QueryForms) -> set[str]:
    """The words of the query's concepts that it has nowhere else ("UBND ban hành":
    "uy", "nhan", "dan", but not "ban")."""
    if not forms.concepts:
        return set()
    rest = f" {forms.expanded_folded} "
    for concept in forms.concepts:
        rest = rest.replace(f" {concept} ", " ")
    return {w for c in forms.concepts for w in c.split()} - set(rest.split())


def matcher_for(query: str | QueryForms) -> Matcher:
    forms = query_forms(query) if isinstance(query, str) else query
    # A phrase (quoted words, a date, a number of several parts) is marked where its words
    # are side by side, as it was found; its words are not marked alone elsewhere.
    phrases = tuple(tuple(phrase.split()) for phrase in forms.phrases)
    in_phrases = {word for phrase in phrases for word in phrase}
    unquoted = " ".join(QUOTES.split(forms.exact)[0::2]) if quoted(forms.exact) else forms.exact
    numbers = _NUMBER.findall(unquoted)
    words = query_forms(_NUMBER.sub(" ", unquoted)) if phrases or numbers else forms
    terms = {term for term in words.terms if not set(expanded_folded(term).split()) <= in_phrases}
    # A number of one part ("2021", "8.712") is a term; it also marks the dates and numbers
    # holding it (Matcher._matches).
    terms |= {
        number
        for number in map(canonical_number, numbers)
        if " " not in number and number not in in_phrases
    }
    terms -= _concept_words(forms)
    if len(terms) > 1:
        terms -= _NOISE
    # An abbreviation inside a phrase ("NQ-HĐND" of "05/2021/NQ-HĐND") is marked with it.
    padded = [f" {' '.join(phrase)} " for phrase in phrases]
    concepts = {c for c in forms.concepts if not any(f" {c} " in p for p in padded)}
    return Matcher(frozenset(terms), frozenset(concepts), phrases)


def _words_of_match(text: str, match: re.Match[str]) -> Sequence[str]:
    # What a phrase is matched on: the expanded folded words (search.analysis); a number
    # followed by "/" is a document's ("05/2021/NQ-HĐND"), no date.
    word = match.group()
    if word[0].isdigit():
        return canonical_number(word, document=text[match.end() : match.end() + 1] == "/").split()
    return _expanded_word(word)


@lru_cache(maxsize=65536)
def _expanded_word(word: str) -> tuple[str, ...]:
    # Cached like _fold_word: a long body is scanned word by word for each phrase query.
    return tuple(expanded_folded(word).split())


def _phrase_spans(text: str, matcher: Matcher) -> list[tuple[int, int]]:
    """Where the words of a phrase (quoted, a date, a number) are side by side in `text`,
    as every backend found it: folded, abbreviations spelled out, numbers by their parts."""
    words: list[str] = []
    owners: list[tuple[int, int]] = []  # the span of the written word each folded word is of
    for match in _WORD.finditer(text):
        parts = _words_of_match(text, match)
        words += parts
        owners += [match.span()] * len(parts)
    spans = []
    for phrase in matcher.phrases:
        size = len(phrase)
        for start in range(len(words) - size + 1):
            if words[start] == phrase[0] and tuple(words[start : start + size]) == phrase:
                spans.append((owners[start][0], owners[start + size - 1][1]))
    return spans


def _group_spans(text: str, matcher: Matcher) -> list[tuple[int, int]]:
    """Spans marked as one, found in one scan of the text: the query's concepts, written
    out ("Ủy ban nhân dân") or abbreviated; and abbreviations written in parts
    ("LĐ-TB&XH", "VH-XH") for a query holding their words, which no single word shows."""
    in_parts = any(ch in "-&" for ch in text)
    if not (matcher.concepts or in_parts):
        return []
    spans = []
    for span, full, abbreviated in concepts_in(text):
        if full in matcher.concepts:
            spans.append(span)
        elif abbreviated and in_parts:
            words = [w for w in full.split() if w not in _NOISE]
            if all(word in matcher.terms for word in words):
                spans.append(span)
    return spans


def _word_spans(text: str, matcher: Matcher) -> list[tuple[int, int]]:
    words = [m.span() for m in _WORD.finditer(text) if matcher.matches(m.group())]
    if not matcher.phrases:
        return words
    phrases = _phrase_spans(text, matcher)
    # A word inside a phrase's mark is not marked again: marks never overlap.
    inside = [w for w in words if not any(s <= w[0] and w[1] <= e for s, e in phrases)]
    return _disjoint(sorted(inside + phrases))


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Overlapping phrase marks ("a b" and "b c" in "a b c") become one.
    result: list[tuple[int, int]] = []
    for start, end in spans:
        if result and start < result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        else:
            result.append((start, end))
    return result


def _spans(text: str, matcher: Matcher) -> list[tuple[int, int]]:
    words = _word_spans(text, matcher)
    groups = _group_spans(text, matcher)
    if not groups:
        return words
    # A group's span replaces the words inside it, so marks never overlap.
    inside = [w for w in words if not any(s <= w[0] and w[1] <= e for s, e in groups)]
    return _disjoint(sorted(inside + groups))


def _merged(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    # "bảo trợ xã hội" reads better as one mark than four.
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _render(text: str, spans: Sequence[tuple[int, int]]) -> str:
    parts, last = [], 0
    for start, end in _merged(text, spans):
        parts.append(escape(text[last:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    parts.append(escape(text[last:]))
    return "".join(parts)


def mark(text: str, matcher: Matcher) -> SafeString:
    """The whole text, escaped, with matched words in <mark>."""
    return mark_safe(_render(text, _spans(text, matcher)))


def _window(text: str, spans: list[tuple[int, int]], length: int) -> tuple[int, int]:
    """The stretch of `length` characters holding the most distinct matched words."""
    # One pass with a sliding window (spans are in text order): a long body may match
    # hundreds of times.
    folded = [_fold_word(text[s:e]) for s, e in spans]
    inside: Counter[str] = Counter()
    best, best_start, following = -1, 0, 0
    for position, (start, _end) in enumerate(spans):
        following = max(following, position)
        while following < len(spans) and spans[following][1] <= start + length:
            inside[folded[following]] += 1
            following += 1
        if len(inside) > best:
            best, best_start = len(inside), start
        if inside[folded[position]] > 0:
            inside[folded[position]] -= 1
            if not inside[folded[position]]:
                del inside[folded[position]]
    # Start a little before the first match, at a word boundary.
    start = max(0, best_start - length // 4)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def _best_text(texts: list[str], matcher: Matcher, find) -> tuple[str, list[tuple[int, int]]]:
    best_text, best_spans, best_count = texts[0], [], 0
    for text in texts:
        spans = find(text, matcher)
        count = len({_fold_word(text[s:e]) for s, e in spans})
        if count > best_count:
            best_text, best_spans, best_count = text, spans, count
    return best_text, best_spans


def snippet(texts: Sequence[str], matcher: Matcher, length: int = SNIPPET_LENGTH) -> SafeString:
    """A short passage from the first text that matches best, with the matches marked.

    Falls back to the beginning of the first non-empty text when nothing matches.
    """
    texts = [" ".join((text or "").split()) for text in texts]
    texts = [text for text in texts if text]
    if not texts:
        return mark_safe("")
    # Choose the text and the window on single words (cheap); scan for abbreviations
    # written in parts only when no word matched, and then only in the shown passage.
    # A query's concepts are phrases, not words: they need the scan from the start.
    best_text, best_spans = _best_text(texts, matcher, _spans if matcher.concepts else _word_spans)
    if not best_spans:
        best_text, best_spans = _best_text(texts, matcher, _spans)
    if not best_spans:
        start, end = 0, min(len(best_text), length)
        if end < len(best_text):
            space = best_text.rfind(" ", 0, end)
            end = space if space > 0 else end
    else:
        start, end = _window(best_text, best_spans, length)
    html = _render(best_text[start:end], _spans(best_text[start:end], matcher))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(best_text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")
