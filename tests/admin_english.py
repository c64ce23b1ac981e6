"""Is this admin text English? Shared by the admin walk (browser) and the catalogue tests.

A word counts as English when it is one of the words of Wagtail's own English msgids and cannot
be a Vietnamese syllable written without tone marks ("the", "can", "tin" pass that second test:
the words around them give English away).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import polib

# English-looking words that may stay, each for a reason.
ALLOWED = {
    "url": "the usual Vietnamese word for a web address in administrative IT texts",
    "email": "the field and setting are called email in Vietnamese state agencies' portals",
    "menu": "a Vietnamese loanword; our own settings say menu chính",
    "web": "glossary: site = trang web",
    "wagtail": "glossary keeps the product's name (editor guide, 'trang quản trị Wagtail')",
    "alt": "our own label 'mô tả ảnh (alt)' names the HTML attribute editors hear about",
    "utc": "time zone abbreviation, written so in Vietnamese",
}
# Whole lines or table cells that may stay.
ALLOWED_SEGMENTS = {
    "Search": 'Wagtail 8.0 hard-codes value="Search" on the visually hidden submit button of '
    "search forms (home.html, shared/header.html): not translatable without copying them",
    "None": "Wagtail's aging-pages report prints Python's None for pages published by no user "
    "(data migration, importer, scheduler): not a translatable string",
}
# Phrases that may stay wherever they appear.
ALLOWED_PHRASES = {
    "Moderators approval": "Wagtail's sample workflow task (wagtailcore data migration), data "
    "not interface; removing it belongs to the editorial groups migration",
}

# ASCII spelling of a Vietnamese syllable: onset, one to three vowels, final consonant.
VIETNAMESE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
PLACEHOLDER = re.compile(r"%\([^)]+\)\w|%\w|\{\w*\}|<[^>]+>|&\w+;")
# Addresses, e-mails, file names, dotted identifiers (news.homepage), time zones (Asia/Ho_Chi_Minh).
NOT_WORDS = re.compile(
    r"\S+://\S+|\S+@\S+|\b\w+(?:\.\w+)+\b|\b[A-Z]\w*(?:/[\w+-]+)+|"
    + "|".join(re.escape(phrase) for phrase in ALLOWED_PHRASES)
)


@cache
def english_vocabulary() -> frozenset[str]:
    """Lower-case words of 3+ letters in the msgids of Wagtail's (and taggit's) en catalogues."""
    import taggit
    import wagtail

    words: set[str] = set()
    for package in (wagtail, taggit):
        root = Path(package.__file__).parent
        for path in root.glob("**/locale/en/LC_MESSAGES/*.po"):
            for entry in polib.pofile(str(path)):
                text = PLACEHOLDER.sub(" ", f"{entry.msgid} {entry.msgid_plural}")
                words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
    return frozenset(words)


def english_words(text: str) -> list[tuple[str, str]]:
    """(word, its line) for each English-looking word of `text`."""
    found = []
    vocabulary = english_vocabulary()
    for line in NOT_WORDS.sub(" ", text).replace("\t", "\n").splitlines():
        if line.strip() in ALLOWED_SEGMENTS:
            continue
        for word in re.findall(r"[^\W\d_]+", line):
            lower = word.lower()
            if (
                len(word) >= 3
                and word.isascii()
                and lower in vocabulary
                and lower not in ALLOWED
                and not VIETNAMESE_SYLLABLE.fullmatch(lower)
            ):
                found.append((word, line.strip()[:140]))
    return found
