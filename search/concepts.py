"""What a reader's query asks for, concept by concept, and what every backend must match.

The weights here rank, they never decide what matches. A query's folded words
(search.analysis) are not equally telling:

* an abbreviation spelled out ("LĐTBXH" -> seven words) or a full form typed out ("Ủy ban
  nhân dân") is one concept: counted word by word, it would outweigh the rest of the query,
  and any document naming the department would win over the one about the subject;
* function words ("với", "về", "của", "ở", "ra sao") say little about what the reader
  wants: they weigh STOP_WEIGHT of a content word.

Both database engines and Elasticsearch rank with these weights, so the backends agree.
Matching is untouched: a function word typed must still be found (and an abbreviation's
full form found side by side: `QueryForms.concepts`, search.abbreviations).

What must match is shared too (`match_words`, `should_relax`, `relaxed_words`): every word,
or, when fewer than RELAX_BELOW entries hold them all, most of the content words; so the
backends count the same results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from core.text.normalize import MARKED_LETTERS, canonical_terms, clean, fold, normalize_tones
from search.abbreviations import abbreviations

STOP_WEIGHT = 0.15
# Function words as typed with accents. A word typed without them is a function word only
# when no content word folds the same: "de" may be "đê" (a dike), "tai" "tái định cư",
# "bao" "bảo hiểm", "da" "mỏ đá", "sau" "vùng sâu", "the" "thẻ", "trong" "trồng", "o" "ô
# nhiễm", "ve" "vệ sinh", "bi" "Bí thư", "dau" "đầu tư", "khi" "khí thải", "la" "Sơn La".
FUNCTION_WORDS = frozenset(
    """và với về cho của sau ở các những là có được trong tại ra sao gì không đã để nào
    bao nhiêu thế như khi thì mà này đó từ đến bị vẫn còn hay hoặc nên theo trên dưới
    đang sẽ một hỏi ai đâu""".split()  # noqa: SIM905 - a word list reads better as text
)
UNAMBIGUOUS_FOLDED = frozenset(
    """va voi cua cac nhung duoc sao gi khong nao nhieu nay hay hoac theo tren duoi se
    mot ai""".split()  # noqa: SIM905
)
# Upper-case words with no tone mark ("HĐND", "LĐTBXH", "GD&ĐT"): abbreviations, whose "Đ"
# is not an accent the reader chose.
_ABBREVIATION = re.compile(r"^[A-ZĐ0-9&\-]+$")


@dataclass(frozen=True)
class Concept:
    """One thing the reader asks for: its folded words and how much it counts."""

    words: tuple[str, ...]
    weight: float

    @property
    def is_function_word(self) -> bool:
        return self.weight < 1


@cache
def _full_forms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Folded full forms of the abbreviation list by first word, longest first."""
    forms: dict[str, list[tuple[str, ...]]] = {}
    for entry in abbreviations():
        words = tuple(canonical_terms(fold(entry.full)).split())
        if len(words) > 1:
            forms.setdefault(words[0], []).append(words)
    return {
        first: tuple(sorted(set(found), key=len, reverse=True)) for first, found in forms.items()
    }


def _function_words(exact: str) -> set[str]:
    """The folded words the reader typed as function words."""
    typed: dict[str, bool] = {}
    for word in normalize_tones(clean(exact)).lower().split():
        word = word.strip(".,;:!?\"'()“”")
        folded = fold(word)
        marked = any(ch in MARKED_LETTERS for ch in word)
        is_function = word in FUNCTION_WORDS if marked else folded in UNAMBIGUOUS_FOLDED
        # The same folded word typed once as content ("đê") keeps it content.
        typed[folded] = typed.get(folded, True) and is_function
    return {folded for folded, function in typed.items() if function}


def weighted_concepts(exact: str, expanded_folded: str) -> list[Concept]:
    """The concepts of a query, in order: `exact` as typed, `expanded_folded` its
    search.analysis form (abbreviations spelled out, numbers in one spelling)."""
    words = expanded_folded.split()
    function = _function_words(exact)
    full_forms = _full_forms()
    found: list[Concept] = []
    position = 0
    while position < len(words):
        for form in full_forms.get(words[position], ()):
            if tuple(words[position : position + len(form)]) == form:
                found.append(Concept(form, 1.0))
                position += len(form)
                break
        else:
            word = words[position]
            found.append(Concept((word,), STOP_WEIGHT if word in function else 1.0))
            position += 1
    return found


def has_real_diacritics(exact: str) -> bool:
    """Whether the reader typed tone marks or vowel marks, not only an abbreviation's "Đ"
    ("HĐND tỉnh" has them, through "tỉnh"; "HĐND" alone, or "(HĐND)", has none)."""
    return bool(accented_words(exact))


def accented_words(exact: str) -> list[str]:
    """The words typed with real diacritics, lower case, abbreviations left out."""
    words = []
    for word in re.findall(r"[\w&\-]+", exact):
        if _ABBREVIATION.match(word):
            continue
        for part in re.findall(r"\w+", word.lower()):
            if not part.isascii():
                words.append(part)
    return list(dict.fromkeys(words))


# ------------------------------------------------------------------- what must match

MAX_WORDS = 32  # distinct words of a query that count; a pasted paragraph stays cheap
RELAX_BELOW = 10  # fewer complete matches than this: add the matches of most words
# "At least k of the words" is a sum over words on the databases; its cost grows with them.
MAX_RELAXED_WORDS = 8


def match_words(expanded_folded: str) -> list[str]:
    """The distinct folded words to match, in the reader's order (every backend)."""
    return list(dict.fromkeys(expanded_folded.split()))[:MAX_WORDS]


def relaxed_words(exact: str, expanded_folded: str) -> list[str]:
    """The words a relaxed match counts: the content words first, at most
    MAX_RELAXED_WORDS, so a long question is matched on what it asks, not on its opening
    words and its "với", "về", "của"."""
    words = match_words(expanded_folded)
    function = {c.words[0] for c in weighted_concepts(exact, expanded_folded) if c.is_function_word}
    content = [word for word in words if word not in function]
    return (content if len(content) >= 2 else words)[:MAX_RELAXED_WORDS]


def relaxed_required(count: int) -> int:
    """How many of `count` words a relaxed match must hold: one of two, else three
    quarters rounded down (2 of 3, 3 of 4 or 5, 6 of 8)."""
    return 1 if count <= 2 else max(2, count * 3 // 4)


def should_relax(word_count: int, complete: int) -> bool:
    """Whether to add the matches of most words: fewer than RELAX_BELOW entries hold
    every word (none, for two words)."""
    if word_count == 2:
        return complete == 0
    return word_count > 2 and complete < RELAX_BELOW


# ------------------------------------------------------------------- weights


@dataclass(frozen=True)
class Weights:
    """A query's folded words and adjacent pairs ("a b"), with what each counts for, and its
    words in order (the whole phrase)."""

    words: dict[str, float]
    pairs: dict[str, float]
    ordered: tuple[str, ...]


def weights(exact: str, expanded_folded: str) -> Weights:
    """Each word weighs its concept's weight, shared among the concept's words; each
    adjacent pair inside a concept its share, across two concepts the lesser weight."""
    kept = set(match_words(expanded_folded))
    words: dict[str, float] = {}
    pairs: dict[str, float] = {}
    ordered: list[str] = []
    previous: float = 0.0
    for concept in weighted_concepts(exact, expanded_folded):
        if not kept.intersection(concept.words):
            continue
        share = concept.weight / len(concept.words)
        for word in concept.words:
            words[word] = words.get(word, 0.0) + share
        inner = concept.weight / max(1, len(concept.words) - 1)
        inside = [
            (f"{a} {b}", inner) for a, b in zip(concept.words, concept.words[1:], strict=False)
        ]
        across = (
            [(f"{ordered[-1]} {concept.words[0]}", min(previous, concept.weight))]
            if ordered
            else []
        )
        for pair, weight in across + inside:
            pairs[pair] = max(pairs.get(pair, 0.0), weight)
        ordered += concept.words
        previous = concept.weight
    return Weights(words, pairs, tuple(ordered))
