"""Turn an old article body (plain text or arbitrary HTML) into the editor's rich text.

Two steps, each doing what it is good at:

1. nh3 (the Ammonia sanitiser, Rust) parses whatever the old portal produced with a real
   HTML5 parser: unclosed tags, stray end tags, <script>/<style> with their content,
   event handlers, javascript: links, comments. It keeps only harmless tags, no
   attributes except a[href] with safe schemes, and writes well-formed HTML.
2. Wagtail's own ContentstateConverter, built with the body block's RICH_TEXT_FEATURES,
   reads that HTML as the Draftail editor would and writes it back in the database
   format. Only the features editors are allowed survive; block-level leftovers such as
   <div> or <td> become paragraphs, <strong>/<em> become <b>/<i>.

Wagtail's converter alone is not enough: its parser asserts on mismatched tags (common
in old CMS output) and keeps <script> text as a paragraph. BeautifulSoup could do step 1
without a new dependency but costs ~2 ms per 2 kB body (20 s of the 60 s budget for
10,000 articles); nh3 takes ~0.06 ms. The converter takes ~1 ms and is kept because it
guarantees the stored HTML is exactly what the editor itself would produce.
"""

from __future__ import annotations

import html
import re
from functools import cache

import nh3
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from ..blocks import RICH_TEXT_FEATURES

# Tags nh3 lets through to the converter. Besides the editor's own (p, h2-h4, b, i, lists,
# links, br), block containers are kept so that their text stays in separate paragraphs
# instead of running together; the converter then flattens them.
_PASS_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "ol", "ul",
    "li", "a", "div", "section", "article", "blockquote", "pre", "table", "thead", "tbody",
    "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd", "figure", "figcaption",
    "address", "center",
}  # fmt: skip
# Dropped together with everything inside them.
_DROP_WITH_CONTENT = {
    "script", "style", "iframe", "object", "noscript", "template", "svg", "math",
    "textarea", "select", "title", "head", "frameset", "noembed", "xmp",
}  # fmt: skip
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Small rewrites of nh3's (well-formed, attribute-free) output before the converter:
# the editor has no h1, h5 or h6, so keep them as headings rather than losing the
# emphasis; a <p> inside <li> would split the list; each table row becomes a paragraph
# and cells are kept apart by a space instead of running together.
_REWRITES = [
    (re.compile(r"<(/?)h1>"), r"<\1h2>"),
    (re.compile(r"<(/?)h[56]>"), r"<\1h4>"),
    (re.compile(r"<li>\s*<p>"), "<li>"),
    (re.compile(r"</p>\s*</li>"), "</li>"),
    (re.compile(r"</?(?:table|thead|tbody|tfoot|caption)>"), ""),
    (re.compile(r"<tr>"), "<p>"),
    (re.compile(r"</tr>"), "</p>"),
    (re.compile(r"<t[dh]>"), ""),
    (re.compile(r"</t[dh]>"), " "),
]
_BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')
_EMPTY_BLOCK = re.compile(r"<(p|h2|h3|h4|li|ul|ol)>(?:\s|<br/>)*</\1>")
_TAG_HINT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&[a-zA-Z]+;|&#\d+;")
_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
_SPACES = re.compile(r"[ \t\f]+")  # what the converter collapses (with \n, \r)


@cache
def _converter() -> ContentstateConverter:
    return ContentstateConverter(RICH_TEXT_FEATURES)


def looks_like_html(text: str) -> bool:
    return bool(_TAG_HINT.search(text))


def body_to_rich_text(body: str) -> str:
    """Rich text HTML for the "paragraph" block, or "" when nothing is left."""
    if looks_like_html(body):
        cleaned = nh3.clean(
            body,
            tags=_PASS_TAGS,
            clean_content_tags=_DROP_WITH_CONTENT,
            attributes={"a": {"href"}},
            url_schemes=_URL_SCHEMES,
            link_rel=None,
            strip_comments=True,
        )
        for pattern, replacement in _REWRITES:
            cleaned = pattern.sub(replacement, cleaned)
        return canonical_rich_text(cleaned)
    return plain_text_to_html(body)


def plain_text_to_html(text: str) -> str:
    """Blank lines separate paragraphs; a single line break stays a line break.

    The result is already in the converter's canonical form (same escaping, same
    whitespace collapsing; a test holds it to that), so it skips the round trip.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for chunk in _BLANK_LINE.split(text):
        # Lines are stripped of any Unicode space (the converter drops it at the start
        # of a block and collapses it elsewhere), empty ones dropped.
        lines = [_SPACES.sub(" ", line).strip() for line in chunk.split("\n")]
        lines = [html.escape(line, quote=False) for line in lines if line]
        if lines:
            paragraphs.append("<p>" + "<br/>".join(lines) + "</p>")
    return "".join(paragraphs)


def canonical_rich_text(well_formed_html: str) -> str:
    """Round-trip through the editor's converter; deterministic output.

    The converter needs XHTML-style void elements (it pairs start and end tags itself).
    The random data-block-key attributes it adds are dropped so that importing the same
    body twice gives the same HTML (the editor adds fresh keys when a page is edited).
    """
    converter = _converter()
    xhtml = well_formed_html.replace("<br>", "<br/>")
    result = converter.to_database_format(converter.from_database_format(xhtml))
    result = _BLOCK_KEY.sub("", result)
    return _EMPTY_BLOCK.sub("", result).strip()


def html_to_text(text: str) -> str:
    """Plain text for fields shown as text (summary): tags dropped, entities decoded."""
    if not looks_like_html(text):
        return text
    stripped = nh3.clean(text, tags=set(), clean_content_tags=_DROP_WITH_CONTENT)
    return " ".join(html.unescape(stripped).split())
