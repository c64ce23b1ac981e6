"""A result row of any backend, as the page, the feed and the API show it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from search.highlight import Matcher, mark, snippet
from search.models import SearchEntry
from search.results import SearchHit

# The SearchEntry columns a hit is made of.
DISPLAY_COLUMNS = (
    "id",
    "key",
    "kind",
    "title",
    "url",
    "published",
    "summary",
    "conclusion",
    "body",
    "body_label",
    "section_label",
    "status",
    "status_label",
)


def display_values(ids: list[int]) -> dict[int, dict[str, Any]]:
    """What the hits of these entries show, by id (entries deleted since are absent)."""
    rows = SearchEntry.objects.filter(pk__in=ids).values(*DISPLAY_COLUMNS)
    return {row["id"]: row for row in rows}


def make_hit(values: Mapping[str, Any], score: float, matcher: Matcher, scope: str) -> SearchHit:
    """A SearchHit from SearchEntry values (a model instance's __dict__ or an ES _source).

    The snippet comes from the conclusions in the "conclusions" scope, else from whichever
    of summary, conclusion and body matches best.
    """
    if scope == "conclusions":
        texts = [values.get("conclusion", ""), values.get("summary", "")]
    else:
        texts = [values.get("summary", ""), values.get("conclusion", ""), values.get("body", "")]
    context = values.get("body_label") or values.get("section_label") or ""
    return SearchHit(
        key=values["key"],
        type=values["kind"],
        title=values["title"],
        url=values["url"],
        published=values.get("published"),
        snippet=snippet(texts, matcher),
        score=round(float(score), 4),
        context=context,
        status=values.get("status") or "",
        status_label=values.get("status_label") or "",
        title_html=mark(values["title"], matcher),
    )
