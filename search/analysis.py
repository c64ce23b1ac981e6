"""The forms of a text that every search backend indexes and queries.

Built from normalize.py (cleaning, tone placement, folding, numbers) and abbreviations.py
(which itself uses normalize), so the dependency runs one way: normalize ← abbreviations ←
forms. The same functions run at index and at query time, on every backend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text.normalize import (
    canonical_terms,
    clean,
    fold_clean,
    normalize_tones,
    tokens,
)
from search.abbreviations import concepts, expand_folded
from search.concepts import has_real_diacritics

# The text fields of a search entry, each stored beside its `<name>_folded` form.
TEXT_FIELDS = ("title", "summary", "body", "conclusion")


@dataclass(frozen=True)
class IndexForms:
    """What a backend stores for one text field.

    exact: cleaned, tones in one place, case kept (accent-sensitive matching/boosting).
    folded: `fold(exact)`, punctuation kept (accent-insensitive matching).
    expanded_folded: folded terms with abbreviations spelled out and numbers in one
        spelling, space-separated; match phrases from `QueryForms.expanded_folded` here.
    """

    exact: str
    folded: str
    expanded_folded: str


@dataclass(frozen=True)
class QueryForms(IndexForms):
    """The same forms for a reader's query, plus what a backend needs to build it.

    terms: distinct folded terms of the query as typed and as expanded, with number
        variants, for term (OR/AND) queries.
    has_diacritics: the reader typed accents, so matches in `exact` deserve a boost (an
        abbreviation's "Đ", as in "HĐND", is not one: search.concepts).
    concepts: the full forms (space-separated folded terms) of the abbreviations the
        query names, in either form ("UBND" or "Ủy ban nhân dân" -> "uy ban nhan dan"):
        each must be found as a phrase, and is highlighted only whole.
    phrases: word sequences a match must hold as they are, in the `expanded_folded` form
        (so without accents they still match): what the reader put in double quotes, and
        each number or date of several parts ("30/6" and "30 tháng 6" -> "30 thang 6",
        "20/2021/NĐ-CP" -> "20 2021 nd cp", "95,5%" -> "95 5"), so that its parts are found
        side by side, as one token, on every backend.
    """

    terms: tuple[str, ...]
    has_diacritics: bool
    concepts: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()


def _forms(text: str) -> tuple[str, str, str]:
    exact = normalize_tones(clean(text))
    folded = fold_clean(exact)  # exact is clean already
    return exact, folded, canonical_terms(expand_folded(folded))


def index_forms(text: str) -> IndexForms:
    """The forms of a document field (title, body...) to index."""
    return IndexForms(*_forms(text))


# Straight and typographic double quotes; readers' keyboards and pasted text use both.
QUOTES = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb]')


def quoted(query: str) -> list[str]:
    """The texts between pairs of double quotes, in order. With an odd number of quotes
    none is a pair (a reader's stray quote is no phrase), and no text is quoted."""
    parts = QUOTES.split(query)
    if len(parts) % 2 == 0:
        return []
    return [part for part in parts[1::2] if part.strip()]


# Phrases of a query that count: each one costs a test per text field of every match.
MAX_PHRASES = 16
# A number as written, with the letters of a document number after it: "30/6",
# "20/2021/nd-cp", "15/2023/nq-hdnd".
_NUMBER_PHRASE = re.compile(r"\d+(?:[.,/-]\d+)*(?:/[a-z]+(?:[-&][a-z]+)*)?", re.ASCII)


# A date as said ("30 tháng 6 năm 2020", "tháng 6"), in the expanded folded form, which
# spells written dates so too (core.text.normalize.canonical_number).
_SPOKEN_DATE = re.compile(r"(?<![a-z0-9])(?:\d+ )?thang \d+(?: nam \d+)?(?![a-z0-9])")


def phrases_of(query: str, folded: str, expanded: str) -> tuple[str, ...]:
    """`QueryForms.phrases` of `query`, whose folded forms are `folded` and `expanded`."""
    found = [expanded_folded(text) for text in quoted(query)]
    # A reader who typed "20/2021/NĐ-CP" wants that decree, not every "20" near a "2021".
    numbers = map(expanded_folded, _NUMBER_PHRASE.findall(folded))
    found += [number for number in numbers if " " in number]
    # "tháng 6" is June, not the "6 tháng" (six months) of another page.
    found += _SPOKEN_DATE.findall(expanded)
    return tuple(phrase for phrase in dict.fromkeys(found) if phrase)[:MAX_PHRASES]


def query_forms(query: str) -> QueryForms:
    """The forms of a reader's query, built exactly as `index_forms` builds a document's.

    Quotes are no word: the words of a quoted phrase are also the query's words, as if
    unquoted, and `phrases` says which must be found side by side.
    """
    exact, folded, expanded = _forms(query)
    terms = tuple(dict.fromkeys(tokens(folded) + tokens(expanded)))
    has_diacritics = has_real_diacritics(exact)
    phrases = phrases_of(query, folded, expanded)
    return QueryForms(exact, folded, expanded, terms, has_diacritics, concepts(folded), phrases)


def expanded_folded(text: str) -> str:
    """`index_forms(text).expanded_folded` alone, without the exact form: folding drops
    tone marks, so where they sit does not matter (a third less work in a rebuild)."""
    return canonical_terms(expand_folded(fold_clean(clean(text))))


def expanded_folded_all(texts: list[str]) -> list[str]:
    """`expanded_folded` of each text: what SearchEntry's `*_folded` columns hold. A list
    in, a list out, so search.parallel can run it on worker processes."""
    return [expanded_folded(text) for text in texts]
