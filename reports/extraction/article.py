"""The one text an article is read from: title, standfirst and body blocks, as HTML.

The admin action (reports.drafting) and the extraction benchmark build it the same way,
so what the benchmark measures is what an editor gets.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape


def article_html(title: str, summary: str, body_html: Iterable[str]) -> str:
    """HTML paragraphs: the title, the standfirst if any, then each body block's HTML."""
    parts = [f"<p>{escape(title, quote=False)}</p>"]
    if summary:
        parts.append(f"<p>{escape(summary, quote=False)}</p>")
    parts.extend(body_html)
    return "\n".join(parts)
