"""The forms of a text that every search backend indexes and queries.

Built from normalize.py (cleaning, tone placement, folding, numbers) and abbreviations.py
(which itself uses normalize), so the dependency runs one way: normalize ← abbreviations ←
forms. The same functions run at index and at query time, on every backend.
"""

from __future__ import annotations

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
    """

    terms: tuple[str, ...]
    has_diacritics: bool
    concepts: tuple[str, ...] = ()


def _forms(text: str) -> tuple[str, str, str]:
    exact = normalize_tones(clean(text))
    folded = fold_clean(exact)  # exact is clean already
    return exact, folded, canonical_terms(expand_folded(folded))


def index_forms(text: str) -> IndexForms:
    """The forms of a document field (title, body...) to index."""
    return IndexForms(*_forms(text))


def query_forms(query: str) -> QueryForms:
    """The forms of a reader's query, built exactly as `index_forms` builds a document's."""
    exact, folded, expanded = _forms(query)
    terms = tuple(dict.fromkeys(tokens(folded) + tokens(expanded)))
    has_diacritics = has_real_diacritics(exact)
    return QueryForms(exact, folded, expanded, terms, has_diacritics, concepts(folded))


def expanded_folded(text: str) -> str:
    """`index_forms(text).expanded_folded` alone, without the exact form: folding drops
    tone marks, so where they sit does not matter (a third less work in a rebuild)."""
    return canonical_terms(expand_folded(fold_clean(clean(text))))


def expanded_folded_all(texts: list[str]) -> list[str]:
    """`expanded_folded` of each text: what SearchEntry's `*_folded` columns hold. A list
    in, a list out, so search.parallel can run it on worker processes."""
    return [expanded_folded(text) for text in texts]
