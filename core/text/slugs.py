"""ASCII slugs for Vietnamese titles: "Hội đồng nhân dân tỉnh" → "hoi-dong-nhan-dan-tinh".

One rule, used by the server and (through `slug_formatters()`) by the admin's slug field:
every character in FOLD_TABLE becomes its anyascii transliteration (đ → d, all tone marks
dropped), combining marks vanish (decomposed input folds like precomposed), every other run
of non-ASCII-alphanumerics becomes "-", and the result is lower case with no "-" at either
end. Django's slugify() would turn "Đoàn" into "oan" and Wagtail's browser slugify into
"djoan" / "tnh" (for "tỉnh"): both lose letters, hence this module.
"""

from __future__ import annotations

import re
from functools import cache

from anyascii import anyascii

SLUG_MAX = 80
PAGE_SLUG_MAX = 255  # Page.slug's max_length, and what Wagtail's browser urlify keeps

# Latin (Vietnamese lives in Latin-1, Extended-A/B and Extended Additional), Greek, Cyrillic,
# and the symbol blocks whose letters or digits an editor may paste (½, №, ℃, ①).
FOLD_RANGES = [
    (0x00A0, 0x02AF),
    (0x0300, 0x036F),
    (0x0370, 0x04FF),
    (0x1E00, 0x1EFF),
    (0x2000, 0x215F),
    (0x2460, 0x24FF),
]
NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def _fold_entry(char: str) -> str | None:
    folded = anyascii(char)
    # Only entries that keep a letter or digit matter: the rest end up as "-" anyway.
    return folded if NOT_ALNUM.sub("", folded) else None


FOLD_TABLE: dict[str, str] = {
    char: folded
    for start, end in FOLD_RANGES
    for char in map(chr, range(start, end + 1))
    if (folded := _fold_entry(char)) is not None
}
COMBINING_MARKS = "[\u0300-\u036f]"


def fold_slug(text: str, max_length: int = PAGE_SLUG_MAX) -> str:
    """The folded ASCII slug of `text` ("" if nothing alphanumeric is left)."""
    folded = "".join(FOLD_TABLE.get(char, char) for char in re.sub(COMBINING_MARKS, "", text or ""))
    slug = NOT_ALNUM.sub("-", folded).strip("-").lower()
    return slug[:max_length].rstrip("-")


def vietnamese_slug(text: str, fallback: str = "", max_length: int = SLUG_MAX) -> str:
    """A short slug for imported content: `fold_slug`, cut on a word boundary."""
    slug = fold_slug(text, max_length=max_length)
    if len(slug) == max_length and "-" in slug:
        slug = slug.rsplit("-", 1)[0]  # don't end on half a word
    return slug or fallback


@cache
def slug_formatters() -> list[list]:
    """`fold_slug` as the `formatters` value of Wagtail's `w-slug` controller.

    Each formatter is `[[pattern, flags], replacement]`, applied in order before Wagtail's
    own slugify/urlify, which then only lower-cases and cuts to 255 characters.
    """
    by_output: dict[str, list[str]] = {}
    for char, folded in FOLD_TABLE.items():
        by_output.setdefault(folded, []).append(char)
    # Table characters are all non-ASCII, so none needs escaping inside a character class.
    formatters: list[list] = [[[COMBINING_MARKS, "gu"], ""]]
    formatters += [[[f"[{''.join(chars)}]", "gu"], out] for out, chars in by_output.items()]
    formatters += [[["[^A-Za-z0-9]+", "gu"], "-"], [["^-+|-+$", "gu"], ""]]
    return formatters


def _renderings(char: str) -> set[str]:
    """What a lossy slug builder may have made of one title character."""
    if char.isascii() and char.isalnum():
        return {char.lower()}
    folded = NOT_ALNUM.sub("", FOLD_TABLE.get(char, "")).lower()
    if folded:
        # Dropped (Django, or Wagtail for ỉ, ậ, ư...), folded, or đ → "dj" (Wagtail's Serbian map).
        return {folded, ""} | ({"dj"} if char in "đĐ" else set())
    return {"-", ""}  # a separator: kept as one "-" or lost (runs of "-" are collapsed)


def is_lossy_slug(slug: str, title: str) -> bool:
    """True if `slug` is `title` slugified by a builder that garbles Vietnamese letters.

    "djoan-giam-sat-hdjnd-tnh" for "Đoàn giám sát HĐND tỉnh": every ASCII letter and digit of
    the title is there in order, only Vietnamese letters are missing or mangled. A slug the
    editor chose (shorter, other words) fails that test and is left alone.
    """
    if not slug or slug == fold_slug(title):
        return False
    options = [_renderings(char) for char in re.sub(COMBINING_MARKS, "", title or "")]
    reachable = {0}  # positions in `slug` reachable after the characters read so far
    for choices in options:
        reachable = {
            pos + len(choice)
            for pos in reachable
            for choice in choices
            if slug.startswith(choice, pos)
        }
        if not reachable:
            return False
    return len(slug) in reachable
