"""One Vietnamese normaliser for every search backend, run alike at index and at query time.

Readers type "uy ban nhan dan", "ủy ban", "uỷ ban" or "UBND" and expect the same results;
editors paste NFD text from some keyboards, zero-width characters from Word and "Ð" (the
Icelandic eth) for "Đ". Matching survives all of that only if documents and queries go
through the same steps, so every backend (Elasticsearch, the database fallback, anything
later) calls `search.analysis.index_forms` on what it stores and `search.analysis.query_forms`
on what a reader typed, never its own variant:

* `clean` repairs the encoding: NFC, no invisible or control characters, one space.
* `normalize_tones` puts each syllable's tone mark in one place. Both placements are in use
  ("hòa"/"hoà", "thủy"/"thuỷ"); the canonical one here is the modern one (Unikey's "new
  style", "kiểu mới", as in school textbooks): the tone sits on the main vowel, so "hoà",
  "khoẻ", "thuỷ", "uỷ". Only open "oa", "oe", "uy" differ between the styles; "quý", "giá",
  "hoàn", "tuyết" are the same in both. Being a rule rather than a habit, it is decided per
  syllable with no exceptions. Only the accent-sensitive `exact` form needs it; `fold`
  drops tones anyway.
* `fold` is the accent-insensitive key most readers need (they type without diacritics):
  lower case, no tone or vowel marks, "đ" as "d", and the lone vowel "y" after a consonant
  as "i" since "kỹ"/"kĩ", "lý"/"lí", "Mỹ"/"Mĩ" are both current spellings.
* Abbreviations ("UBND", "LĐ-TB&XH") are spelled out from data/abbreviations.tsv, and
  numbers get one spelling, words and digit groups one space apart ("8.712" = "8712" ->
  "8712", "30/6/2020" = "30/06/2020" = "30 tháng 6 năm 2020" -> "30 thang 6 nam 2020"),
  in the `expanded_folded` form, so either spelling on either side meets the other, and
  every search backend's tokenizer splits a number the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# ---------------------------------------------------------------------------------- clean

# Look-alikes that legacy converters and foreign keyboards put where "Đ"/"đ" belongs.
_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"})
_LOOKALIKE = re.compile("[ÐðƉɖ]")

# Invisible characters: C0/C1 controls that are not whitespace (whitespace is collapsed
# below), every format character (Cf: zero-width space/joiners, BOM, soft hyphen, bidi
# marks) as of Unicode 14, and lone surrogates. Listed rather than scanned from
# unicodedata at import, which costs ~65 ms; a test checks the list against unicodedata.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f\ud800-\udfff]"
)


def clean(text: str) -> str:
    """`text` in NFC, without invisible or control characters, with single spaces."""
    if _LOOKALIKE.search(text):  # rare; translate() walks every character of a long body
        text = text.translate(_LOOKALIKES)
    text = _INVISIBLE.sub("", text)
    # Removing invisibles first: a zero-width space between "a" and a combining acute
    # would otherwise leave "a" + U+0301 uncomposed after NFC.
    text = unicodedata.normalize("NFC", text)
    # str.split() knows every Unicode space (NBSP, U+2028, U+3000...) and \x1c-\x1f.
    return " ".join(text.split())


# ------------------------------------------------------------------------ per token

# Results remembered per function; a bound, not an eviction policy: past it, tokens are
# simply computed again (still right, only slower).
_TOKEN_CACHE_SIZE = 100_000


def _by_token(function: Callable[[str], str]) -> Callable[[str], list[str]]:
    """`function` on each space-separated token of a text, each distinct token once.

    Vietnamese text reuses a few thousand syllables, so a rebuild meets the same tokens
    millions of times; a dict lookup per token beats a regular expression over every
    character. Only for steps that never look across a space, so that mapping each token
    equals mapping the text (tests compare both on arbitrary text).
    """
    cache: dict[str, str] = {}
    get = cache.get

    def mapped(text: str) -> list[str]:
        results = []
        for token in text.split(" "):
            result = get(token)
            if result is None:
                result = function(token)
                if len(cache) < _TOKEN_CACHE_SIZE:
                    cache[token] = result
            results.append(result)
        return results

    return mapped


# ------------------------------------------------------------------------ normalize_tones

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = "aăâeêioôơuưy"
_DIACRITIC_VOWELS = "ăâêôơư"
_VOWEL_SET = frozenset(_VOWELS)  # a set: `"" in "aă..."` would be True

# "à" -> ("a", grave) and back, for every Vietnamese vowel in both cases.
_SPLIT_TONE: dict[str, tuple[str, str]] = {}
_JOIN_TONE: dict[tuple[str, str], str] = {}
for _base in _VOWELS + _VOWELS.upper():
    for _mark in _TONE_MARKS:
        _toned = unicodedata.normalize("NFC", _base + _mark)
        _SPLIT_TONE[_toned] = (_base, _mark)
        _JOIN_TONE[(_base, _mark)] = _toned
_VIETNAMESE_LETTERS = frozenset(
    _VOWELS + _VOWELS.upper() + "đĐ" + "abcdefghijklmnopqrstuvwxyz" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
)
# Letters that show a reader typed diacritics (for QueryForms.has_diacritics).
# Letters that only exist with a mark: a query containing one was typed with diacritics.
MARKED_LETTERS = frozenset(_SPLIT_TONE) | frozenset("ăâêôơưđĂÂÊÔƠƯĐ")


def _spaced(words: str) -> tuple[str, ...]:
    # Phonology tables read best as space-separated strings rather than quoted lists.
    return tuple(words.split())


# Longest first, so "ngh" wins over "ng" and "n". "gi" and "qu" are onsets: their i/u is not
# part of the vowel nucleus ("giá", "quả", "quý").
_ONSETS = _spaced("ngh gh gi ng nh ch kh ph qu th tr b c d đ g h k l m n p r s t v x")
_CODAS = frozenset(("", "c", "ch", "m", "n", "ng", "nh", "p", "t"))
_NUCLEI = frozenset(
    _spaced(
        "a ă â e ê i o ô ơ u ư y "
        "ai ao au ay âu ây eo êu ia iu iê oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ "
        "yê yu iêu yêu oai oay oeo uây uôi uya uyu uyê ươi ươu"
    )
)
# "yu" is "uyu" after qu ("quỵu"). Nuclei that never end a syllable, and those (ending in a
# glide, or ia/ua/ưa) that always do.
_CLOSED_ONLY = frozenset(_spaced("ă â iê yê uô ươ oă uâ oo uyê"))
_OPEN_ONLY = frozenset(
    _spaced(
        "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu yu "
        "iêu yêu oai oay oeo uây uôi uya uyu ươi ươu"
    )
)


def _tone_position(syllable: str) -> int | None:
    """Where the modern rule puts the tone in a toneless lower-case syllable, or None if
    `syllable` is not Vietnamese (then it is left alone)."""
    onset = next((o for o in _ONSETS if syllable.startswith(o)), "")
    if not onset and syllable[:1] not in _VOWEL_SET:
        return None  # f, j, w, z or a lone "q": not a Vietnamese onset
    rest = syllable[len(onset) :]
    if onset == "gi" and rest[:1] not in _VOWEL_SET:
        onset, rest = "g", "i" + rest  # "gì", "gìn": the i is the vowel
    end = 0
    while end < len(rest) and rest[end] in _VOWEL_SET:
        end += 1
    nucleus, coda = rest[:end], rest[end:]
    if nucleus not in _NUCLEI or coda not in _CODAS:
        return None
    if (coda and nucleus in _OPEN_ONLY) or (not coda and nucleus in _CLOSED_ONLY):
        return None
    marked = [i for i, ch in enumerate(nucleus) if ch in _DIACRITIC_VOWELS]
    if marked:
        index = marked[-1]  # "ươ" takes it on ơ; "ưa", "uô", "iê", "uyê" on the marked one
    elif coda:
        index = len(nucleus) - 1  # "hoàn", "khoét", "huỳnh": the last vowel
    elif len(nucleus) == 3:
        index = 1  # "oai", "oay", "oeo", "uyu": the middle one
    elif nucleus in ("oa", "oe", "uy"):
        index = 1  # the modern rule: "hoà", "khoẻ", "thuỷ" (old style: hòa, khỏe, thủy)
    else:
        index = 0  # "ai", "ao", "ia", "ua", "ui"...: the first, in both styles
    return len(onset) + index


def is_syllable(word: str) -> bool:
    """Whether `word` spells one Vietnamese syllable (any case, with or without marks)."""
    toneless = "".join(_SPLIT_TONE.get(ch, (ch,))[0] for ch in unicodedata.normalize("NFC", word))
    return _tone_position(toneless.lower()) is not None


@lru_cache(maxsize=65536)
def _normalize_word(word: str) -> str:
    bases: list[str] = []
    tones: list[tuple[int, str]] = []
    for i, ch in enumerate(word):
        if ch in _SPLIT_TONE:
            base, mark = _SPLIT_TONE[ch]
            bases.append(base)
            tones.append((i, mark))
        elif ch in _VIETNAMESE_LETTERS:
            bases.append(ch)
        else:
            return word  # a letter Vietnamese does not use: not ours to touch
    if len(tones) != 1:
        return word  # no tone to move, or two tones: not a single Vietnamese syllable
    (current, mark), toneless = tones[0], "".join(bases)
    target = _tone_position(toneless.lower())
    if target is None or target == current:
        return word
    bases[target] = _JOIN_TONE.get((bases[target], mark), bases[target] + mark)
    return "".join(bases)


_WORD = re.compile(r"[^\W\d_]+")


def normalize_tones(text: str) -> str:
    """Each Vietnamese syllable's tone on the main vowel ("hòa" -> "hoà", "Thủy" -> "Thuỷ").

    Works on NFC or NFD text and returns NFC; words that are not Vietnamese syllables
    (foreign words, typos with two tones) come back unchanged.
    """
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text
    return " ".join(_tones_by_token(text))


def _normalize_words(text: str) -> str:
    return _WORD.sub(lambda m: _normalize_word(m.group()), text)


_tones_by_token = _by_token(_normalize_words)


# ----------------------------------------------------------------------------------- fold

_LATIN_MARKS = re.compile("[\u0300-\u036f]+")
# Lone "y" after a consonant is "i" ("ky"/"ki", "ly"/"li", "my"/"mi"); "qui" is "quy".
# Length-preserving, so abbreviations.py can run it on character-aligned text too.
_LONE_Y = re.compile(r"(?<![a-z0-9])(ch|gh|kh|ng|nh|ph|th|tr|[bcdghklmnprstvx])y(?![a-z0-9])")
_QUI = re.compile(r"(?<![a-z0-9])qui(?![a-z0-9])")


def unify_i_y(folded: str) -> str:
    """Folded text with the i/y spelling variants made one (used by `fold`)."""
    return _QUI.sub("quy", _LONE_Y.sub(r"\1i", folded))


def fold(text: str) -> str:
    """Accent- and case-insensitive form: "Sở Lao động" -> "so lao dong".

    Punctuation stays; Vietnamese text comes out ASCII. Idempotent.
    """
    return fold_clean(clean(text))


_ALNUM_RUN = re.compile(r"[a-z0-9]+")


def fold_words(text: str) -> str:
    """fold() down to its ASCII letters and digits, one space apart: a punctuation-blind key.

    "Sở LĐ-TB&XH" -> "so ld tb xh", "Văn hoá - Xã hội" -> "van hoa xa hoi"; what names are
    compared and matched on (report extraction, administrative units, abbreviations).
    """
    return " ".join(_ALNUM_RUN.findall(fold(text)))


def _fold_foreign(match: re.Match[str]) -> str:
    # Compatibility forms ("ﬁ", "²", full-width letters) and other scripts' marks. The whole
    # combining block goes too: U+034F (grapheme joiner) is in it with combining class 0.
    # A compatibility form may decompose to a dash the table folds ("︱" -> "—" -> "-").
    text = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", match.group()))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_FOLD)


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _fold_table() -> dict[int, str]:
    # Every Latin letter whose decomposition is one ASCII letter plus marks (all of
    # Vietnamese's 134 marked letters among them), plus "đ"/"Đ" and the dashes: one
    # str.translate pass folds Vietnamese text without decomposing every character
    # (once most of a rebuild's cost). Anything else takes `_fold_foreign`.
    table = {ord(dash): "-" for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
    table.update({ord("đ"): "d", ord("Đ"): "D"})
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", chr(code)))
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[code] = base
    return table


_FOLD = _fold_table()


def fold_clean(text: str) -> str:
    """fold() for text that has been through clean() already (saves a second pass)."""
    # Split again: a compatibility form may fold to something with a space in it.
    return " ".join(" ".join(_fold_by_token(text)).split())


def _fold_token(text: str) -> str:
    text = text.translate(_FOLD)
    if not text.isascii():
        text = _NON_ASCII_RUN.sub(_fold_foreign, text)
    text = text.lower()
    if not text.isascii():
        # What lower() decomposes anew ("İ" -> "i̇").
        text = _NON_ASCII_RUN.sub(_fold_foreign, text).lower()
    return unify_i_y(text)


_fold_by_token = _by_token(_fold_token)


# --------------------------------------------------------------------- numbers and tokens

# A number as written: "8.712", "1.234,5", "30/6/2020", "12-7-2022", "12,5%". Separators
# only count between digits, so "năm 2020." ends at the digits.
_NUMBER = r"\d+(?:[.,/-]\d+)*%?"
_TOKEN = re.compile(rf"{_NUMBER}|[^\W\d_]+")
# Dates: day, month and year with one separator ("30/6/2021", "30.06.2021", "12-7-2022"),
# day and month with "/" or "." ("30/6", "30.6"; "3-5" is a range, and a "%" makes a
# decimal: "12.5%" is "12,5%"), month and year ("6/2021").
_DATE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})")
_DAY_MONTH = re.compile(r"(\d{1,2})[./](\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[./-](\d{4})")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SEPARATOR = re.compile(r"([.,/-])")


def _is_day_month(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _spelled(token: str, document: bool) -> str:
    core = token.removesuffix("%")
    if core == token and not document:  # a percentage or a document number is no date
        date, day_month = _DATE.fullmatch(core), _DAY_MONTH.fullmatch(core)
        month_year = _MONTH_YEAR.fullmatch(core)
        if date and _is_day_month(date[1], date[3]):
            return f"{int(date[1])} thang {int(date[3])} nam {date[4]}"
        if day_month and _is_day_month(day_month[1], day_month[2]):
            return f"{int(day_month[1])} thang {int(day_month[2])}"
        if month_year and 1 <= int(month_year[1]) <= 12:
            return f"thang {int(month_year[1])} nam {month_year[2]}"
    if _THOUSANDS.fullmatch(core):
        whole, _comma, decimals = core.partition(",")
        return " ".join([whole.replace(".", ""), *([decimals] if decimals else [])])
    # A whole part and the groups after "/" or "-" (document numbers: "05/2021", ranges:
    # "2021-2025") lose their leading zeros; decimals after "," or "." keep theirs ("95,05"
    # is not "95,5").
    parts = _SEPARATOR.split(core)
    groups = [parts[0].lstrip("0") or "0"]
    for separator, group in zip(parts[1::2], parts[2::2], strict=True):
        groups.append((group.lstrip("0") or "0") if separator in "/-" else group)
    return " ".join(groups)


def canonical_number(token: str, *, document: bool = False) -> str:
    """The one spelling index and query forms share: words and digit groups one space
    apart, which every backend's tokenizer splits the same way (PostgreSQL's parser read
    "15/10/2020" as one token, SQLite's and Elasticsearch's split it, and Elasticsearch
    kept "95,5" whole). A date is spelled as Vietnamese says it, so either way of writing
    it meets the other: "30/06/2020", "30.6.2020", "30-6-2020" -> "30 thang 6 nam 2020",
    like "30 tháng 6 năm 2020"; "30/6" -> "30 thang 6"; "6/2020" -> "thang 6 nam 2020".
    Numbers: "8.712" -> "8712", "12,5%" and "12.5%" -> "12 5", "20/2021" -> "20 2021",
    "06" -> "6". The number of a `document` ("05/2021" in "05/2021/NQ-HĐND") is no date:
    "5 2021". A number of several parts is matched as a phrase
    (`analysis.QueryForms.phrases`)."""
    return _spelled(token, document)


def number_variants(token: str) -> list[str]:
    """`token` first, then its other spellings: without "%", and `canonical_number`.

    "8.712" -> ["8.712", "8712"]; "30.6.2020" -> ["30.6.2020", "30 thang 6 nam 2020"];
    "12,5%" -> ["12,5%", "12,5", "12 5"]. Vietnamese writes "." for thousands and ","
    for decimals.
    """
    return list(dict.fromkeys([token, token.removesuffix("%"), canonical_number(token)]))


def tokens(text: str, *, variants: bool = True) -> list[str]:
    """Words and numbers of `text` as written, in order; numbers and dates stay whole.

    With `variants`, each number is followed by its other spellings (`number_variants`),
    so a term index holds both "8.712" and "8712". Letters and digits split ("10km" ->
    "10", "km"); case and accents are kept, so pass folded text for folded terms.
    """
    result: list[str] = []
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text)):
        if variants and token[0].isdigit():
            result += number_variants(token)
        else:
            result.append(token)
    return result


# The same tokens in ASCII text (most folded text), where a plain class beats [^\W\d_].
_ASCII_TOKEN = re.compile(rf"{_NUMBER}|[A-Za-z]+", re.ASCII)


def canonical_terms(folded: str) -> str:
    """Folded text as space-separated terms, punctuation gone, numbers in one spelling."""
    return " ".join(terms for terms in _terms_by_token(folded) if terms)


def _canonical_terms(folded: str) -> str:
    pattern = _ASCII_TOKEN if folded.isascii() else _TOKEN
    terms = []
    for match in pattern.finditer(folded):
        term = match.group()
        if term[0].isdigit():
            # "05/2021/nq-hdnd": a "/" and letters after the number make it a document's.
            term = canonical_number(term, document=folded[match.end() : match.end() + 1] == "/")
        terms.append(term)
    return " ".join(terms)


_terms_by_token = _by_token(_canonical_terms)
