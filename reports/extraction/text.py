"""Turn an article (HTML or plain text) into clean Vietnamese paragraphs, folded in place.

Names are folded with core.text.normalize (`fold_words`); `fold_aligned` is the same fold
character by character, for matching on text whose offsets must stay those of the original.

Everything here is pure and total: any string in, a usable string or list out.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser

from core.text.normalize import unify_i_y

# Articles are a few KB; anything past this is junk pasted by mistake. Capping the input
# keeps every later step bounded, whatever an editor or an importer feeds in.
MAX_CHARS = 300_000

# Tags whose content is never prose a reader sees.
_SKIPPED_TAGS = {"script", "style", "template", "noscript", "head", "title", "svg", "iframe"}
# Tags that end a paragraph.
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "tr", "table", "section", "article", "figure", "figcaption", "hr",
}  # fmt: skip

# How a list item (<li>) reads once the article is text, like a typed "- " line.
BULLET = "•"

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                                 "\u2008\u2009\u200a\u202f\u205f\u3000\t\r\f\v"), " ")  # fmt: skip
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_QUOTES = dict.fromkeys(map(ord, "\u201c\u201d\u201e\u00ab\u00bb"), '"') | dict.fromkeys(
    map(ord, "\u2018\u2019\u201a"), "'"
)

_MULTI_SPACE = re.compile(r" {2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" +([,.;:!?)])")
# "quy định.Tính đến" → "quy định. Tính đến": the old portal often lost that space, and
# sentences must split there. Only after a lowercase letter, so "TP.HCM" stays intact.
_GLUED_SENTENCE = re.compile(r"(?<=[a-zà-ỹđ])\.(?=[A-ZÀ-ỸĐ])")
# Where the article proper ends on pages copied from the old portal.
_TRAILER = re.compile(
    r"^[ \t]*(?:Tin liên quan|Tin mới nhất|Tin khác|Các tin khác|Tin cùng chuyên mục)"
    r"[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


class _TextCollector(HTMLParser):
    """Collects visible text, breaking paragraphs at block tags. Never raises on bad HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag == "li":
            # Keep the list visible: a request list's items are told apart by their marker.
            self.parts.append(f"\n\n{BULLET} ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data.replace("\n", " "))


_TAG_RE = re.compile(r"<[a-zA-Z/!?]")


def html_to_text(text: str) -> str:
    """Visible text, paragraphs separated by newlines.

    In HTML a line break is just a space and block tags end paragraphs; in plain text (the
    old portal's export, "Sở LĐ-TB&XH" included) each line is a paragraph.
    """
    if not _TAG_RE.search(text):
        return html.unescape(text) if "&" in text else text
    collector = _TextCollector()
    try:
        collector.feed(text)
        collector.close()
    except Exception:  # noqa: BLE001 - html.parser can still trip on pathological input
        return re.sub(r"<[^<>]{0,2000}>", " ", text)
    return "".join(collector.parts)


def clean_line(line: str) -> str:
    """One line in normal form: NFC, plain spaces, ASCII hyphens and quotes, no controls."""
    line = unicodedata.normalize("NFC", line)
    line = line.translate(_SPACES).translate(_ZERO_WIDTH).translate(_DASHES).translate(_QUOTES)
    # Control and unassigned characters carry no meaning in an article; drop them.
    line = "".join(ch for ch in line if ch == "\n" or unicodedata.category(ch)[0] != "C")
    line = _GLUED_SENTENCE.sub(". ", line)
    line = _MULTI_SPACE.sub(" ", line)
    return _SPACE_BEFORE_PUNCT.sub(r"\1", line).strip()


def paragraphs(text: str) -> list[str]:
    """Non-empty cleaned paragraphs of an article, stopping at the "Tin liên quan" trailer.

    Plain text from the old portal puts one paragraph per line, HTML one per block tag;
    both end up one paragraph per item.
    """
    text = html_to_text(text[:MAX_CHARS])
    trailer = _TRAILER.search(text)
    if trailer:
        text = text[: trailer.start()]
    result = []
    for raw in re.split(r"\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        line = clean_line(raw)
        if line:
            result.append(line)
    return result


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def shorten(text: str, limit: int) -> str:
    """Trim to `limit` characters at a word boundary, marking the cut with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def tidy_hyphens(name: str) -> str:
    """ "Lao động-Thương binh" and "Lao động - Thương binh" → the house spelling with spaces."""
    return re.sub(r" ?- ?", " - ", name).strip(" -")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[:1].lower()
    return base if base.isascii() and base.isalnum() else " "


def fold_aligned(text: str) -> str:
    """`fold_words` that keeps every character in place, so a match's offsets index `text`.

    Letters lose accents and case ("Ồ" → "o"), anything not a letter or digit becomes a
    space, and the i/y spellings become one ("Kỳ" → "ki") as in `fold_words`, which is
    length-preserving. Expects NFC text, where each Vietnamese letter is one code point.
    """
    return unify_i_y("".join(map(_fold_char, text)))
