"""Abbreviations of council documents ("UBND", "LĐ-TB&XH") and their full forms.

The list is data/abbreviations.tsv, edited by hand and read once per process. Matching
runs on folded text, whole words only, so "ubnd", "UBND" and "Ủy ban nhân dân" all meet,
"TP" is not found inside "ATTP", and either side of a search can use either form:
`expand_folded` (used by `normalize.index_forms`/`query_forms`) spells every abbreviation
out, so documents and queries both end up in the long form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from core.text import normalize

DATA = Path(__file__).parent / "data" / "abbreviations.tsv"

# Between the parts of an abbreviation: "LĐ-TB&XH", "LĐTB&XH", "VH, TT&DL".
_PART_SEPARATORS = re.compile(r"[\s\-&,]+")
# Between the words of a full form: "Lao động - Thương binh", "cán bộ, công chức".
_WORD_SEPARATOR = r"(?:\s*[-,&]\s*|\s+)"
# Word characters of the aligned key: ASCII letters/digits, and \x01 for other letters.
_BOUNDARY_AFTER = r"(?![a-z0-9\x01])"


@dataclass(frozen=True)
class Abbreviation:
    full: str  # "Ủy ban nhân dân"
    spellings: tuple[str, ...]  # ("UBND",); the first is the house spelling

    @property
    def short(self) -> str:
        return self.spellings[0]


def load(path: Path = DATA) -> tuple[Abbreviation, ...]:
    """Parse an abbreviation list, refusing lines that would make matching ambiguous."""
    entries: list[Abbreviation] = []
    owner: dict[str, int] = {}  # folded spelling without separators -> line number
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        # Tabs, or runs of spaces from an editor that expands them.
        fields = [normalize.clean(f) for f in re.split(r"\t+| {2,}", line.strip())]
        if len(fields) < 2:
            raise ValueError(f"{path}:{number}: want a full form and abbreviations, tab-separated")
        full, *spellings = fields
        for spelling in spellings:
            key = _PART_SEPARATORS.sub("", normalize.fold(spelling))
            if not key or normalize.is_syllable(key):
                raise ValueError(f"{path}:{number}: {spelling!r} folds to an ordinary syllable")
            if owner.setdefault(key, number) != number:
                raise ValueError(f"{path}:{number}: {spelling!r} is also on line {owner[key]}")
        entries.append(Abbreviation(full, tuple(spellings)))
    return tuple(entries)


@cache
def abbreviations() -> tuple[Abbreviation, ...]:
    """The repository's list, loaded on first use."""
    return load()


def abbreviation_map() -> dict[str, str]:
    """Every abbreviation spelling as written in the list -> its full form."""
    return {s: entry.full for entry in abbreviations() for s in entry.spellings}


def _spelling_pattern(spelling: str) -> str:
    parts = _PART_SEPARATORS.split(normalize.fold(spelling))
    return r"\s*[-&,]?\s*".join(re.escape(p) for p in parts if p)


def _full_words(full: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", normalize.fold(full))


def _words_pattern(words: list[str]) -> str:
    return _WORD_SEPARATOR.join("(?:va|&)" if w == "va" else re.escape(w) for w in words)


def _full_pattern(full: str) -> str:
    return _words_pattern(_full_words(full))


def _head_pattern(full: str) -> str:
    """The first two words of `_full_pattern(full)` (all of it when shorter)."""
    return _words_pattern(_full_words(full)[:2])


@dataclass(frozen=True)
class _Candidate:
    is_full_form: bool
    entry: Abbreviation
    folded_full: str
    folded_short: str


_Option = tuple[re.Pattern[str], _Candidate]


@dataclass(frozen=True)
class _Matcher:
    by_first_word: dict[str, tuple[_Option, ...]]  # full forms: "uy" -> "uy ban nhan dan"...
    by_first_part: dict[str, tuple[_Option, ...]]  # spellings: "ld" -> "ld-tb&xh" (and "ldtbxh")
    part_lengths: tuple[int, ...]
    # Where an entry can start: a full form's first word, or a word beginning with a
    # spelling's first part. Lets the scan skip, in C, the words that start nothing.
    starts: re.Pattern[str]


@cache
def _matcher() -> _Matcher:
    # Trying one big alternation at every position costs ~75 ms per 100 KB of text; looking
    # up the few entries that can start with a given word costs a few.
    by_word: dict[str, list[_Option]] = {}
    by_part: dict[str, list[_Option]] = {}
    for entry in abbreviations():
        folded_full, folded_short = normalize.fold(entry.full), normalize.fold(entry.short)
        full = _Candidate(True, entry, folded_full, folded_short)
        option = (re.compile(_full_pattern(entry.full) + _BOUNDARY_AFTER), full)
        by_word.setdefault(_full_words(entry.full)[0], []).append(option)
        short = _Candidate(False, entry, folded_full, folded_short)
        for spelling in entry.spellings:
            option = (re.compile(_spelling_pattern(spelling) + _BOUNDARY_AFTER), short)
            first_part = _PART_SEPARATORS.split(normalize.fold(spelling))[0]
            by_part.setdefault(first_part, []).append(option)
    # A full form starts where its first two words do: "ban" alone, a common word, would
    # make a candidate of every "ban" in the text. A lookahead, so that a candidate that
    # fails does not hide one starting at its second word.
    heads = "|".join(sorted({_head_pattern(e.full) for e in abbreviations()}, reverse=True))
    parts = "|".join(sorted(map(re.escape, by_part), key=len, reverse=True))
    starts = re.compile(rf"(?<![a-z0-9\x01])(?=(?:{heads})(?![a-z0-9\x01])|(?:{parts}))")
    return _Matcher(
        by_first_word={word: tuple(options) for word, options in by_word.items()},
        by_first_part={part: tuple(options) for part, options in by_part.items()},
        part_lengths=tuple(sorted({len(part) for part in by_part})),
        starts=starts,
    )


_KEY_WORD = re.compile(r"[a-z0-9\x01]+")


def _matches(key: str) -> Iterator[tuple[re.Match[str], _Candidate]]:
    """Non-overlapping whole-word matches in an aligned key, leftmost and then longest."""
    matcher = _matcher()
    end = 0
    for candidate in matcher.starts.finditer(key):
        start = candidate.start()
        if start < end:
            continue
        text = _KEY_WORD.match(key, start).group()
        # A spelling's first part may be glued to the next ("LĐTBXH"), so look up prefixes.
        options = matcher.by_first_word.get(text, ())
        for n in matcher.part_lengths:
            if n > len(text):
                break
            options += matcher.by_first_part.get(text[:n], ())
        best: tuple[re.Match[str], _Candidate] | None = None
        for pattern, candidate in options:
            match = pattern.match(key, start)
            if match and (best is None or match.end() > best[0].end()):
                best = (match, candidate)
        if best:
            end = best[0].end()
            yield best


@lru_cache(maxsize=4096)
def _key_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        return "-"
    base = unicodedata.normalize("NFKD", ch)[:1].lower()
    if len(base) == 1 and base.isascii():
        return base
    return "\x01" if ch.isalnum() else "\x02"


class _KeyTable(dict):
    """str.translate's table for `_key`: each character is looked up in C, and computed
    once (a body of 7,000 characters: 0.3 ms rather than 1.5 with a call per character)."""

    def __missing__(self, code: int) -> str:
        self[code] = _key_char(chr(code))
        return self[code]


_KEY_TABLE = _KeyTable()


def _key(text: str) -> str:
    """`text` folded one character for one character, so match offsets index `text`."""
    if not text.isascii():
        text = text.translate(_KEY_TABLE)
    return normalize.unify_i_y(text.lower())


def _replace(
    text: str, *, spell_out: bool, shorten: bool, folded: bool, key: str | None = None
) -> str:
    """`text` with abbreviations spelled out and/or full forms shortened; with `folded`,
    every match (kept or not) is written in the list's folded spelling."""
    pieces, last = [], 0
    for match, found in _matches(_key(text) if key is None else key):
        if found.is_full_form and shorten:
            replacement = found.folded_short if folded else found.entry.short
        elif (not found.is_full_form and spell_out) or folded:
            replacement = found.folded_full if folded else found.entry.full
        else:
            continue
        pieces += [text[last : match.start()], replacement]
        last = match.end()
    return "".join(pieces) + text[last:]


def abbreviations_in(text: str) -> Iterator[tuple[tuple[int, int], str]]:
    """Where `text` writes an abbreviation (any spelling, whole words), with the folded
    full form it stands for: ((start, end), "lao dong thuong binh va xa hoi")."""
    for match, found in _matches(_key(text)):
        if not found.is_full_form:
            yield match.span(), found.folded_full


def expand_folded(folded: str) -> str:
    """Folded text with every abbreviation spelled out and every full form in the list's
    spelling: the long form that `index_forms` and `query_forms` both match on."""
    # Folded text is its own key (lower case, i/y unified), so skip recomputing it.
    key = folded if folded.isascii() else None
    return _replace(folded, spell_out=True, shorten=False, folded=True, key=key)


def expand_abbreviations(text: str) -> list[str]:
    """The other spellings `text` should also be indexed or searched as.

    At most two: every abbreviation spelled out, and every full form abbreviated
    ("UBND tỉnh" -> ["Ủy ban nhân dân tỉnh"]; "Sở Giáo dục và Đào tạo" -> ["Sở GD&ĐT"]).
    Works on folded text too (fold the results to compare them with folded text).
    """
    text = normalize.clean(text)
    spelled_out = _replace(text, spell_out=True, shorten=False, folded=False)
    shortened = _replace(text, spell_out=False, shorten=True, folded=False)
    return [v for v in dict.fromkeys((spelled_out, shortened)) if v != text]


def concepts_in(text: str) -> Iterator[tuple[tuple[int, int], str, bool]]:
    """Where `text` names an entry of the list, in either form ("UBND", "Ủy ban nhân
    dân", "LĐ-TB&XH"), with the entry's full form as index terms ("uy ban nhan dan"):
    the words a search must find side by side, and the highlighter mark as one; and
    whether the text abbreviates it there."""
    for match, found in _matches(_key(text)):
        yield match.span(), normalize.canonical_terms(found.folded_full), not found.is_full_form


def concepts(folded: str) -> tuple[str, ...]:
    """The distinct full forms (as index terms) of the abbreviations a folded query writes.

    A query's "UBND" is expanded to "uy ban nhan dan"; matched word by word, it would
    also find "Ủy ban bầu cử ... nhân dân". Backends match each concept as a phrase.
    Only abbreviations: a reader who types the words ("bảo trợ xã hội") still finds
    them apart, below the phrase. Only full forms of two words or more.
    """
    found = (full for _span, full, abbreviated in concepts_in(folded) if abbreviated)
    return tuple(dict.fromkeys(full for full in found if " " in full))
