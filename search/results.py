"""What every backend returns: the same shapes for the page, the feed and the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.safestring import SafeString

from search.notes import Note

BACKEND_ELASTICSEARCH = "elasticsearch"
BACKEND_DATABASE = "database"

# Facet names, in the order the page shows them.
FACETS = ("type", "section", "body", "field", "year", "locality", "status")


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class SearchHit:
    key: str  # "article:12"
    type: str  # EntryKind value
    title: str
    url: str
    published: datetime | None
    snippet: SafeString  # escaped text with the matched words in <mark>
    score: float
    context: str = ""  # section or supervising body
    status: str = ""
    status_label: str = ""
    title_html: SafeString | None = None  # the title with <mark>, when it matched


@dataclass
class SearchResults:
    query: str
    count: int
    page: int
    page_size: int
    items: list[SearchHit]
    facets: dict[str, list[FacetValue]]
    backend: str
    # Set when the configured backend failed and another answered (shown discreetly).
    fallback_reason: str = ""
    # A close spelling found in the index, for zero-result advice.
    suggestion: str = ""
    # What the backend says about these results (search.notes: partial_note()).
    notes: list[Note] = field(default_factory=list)
    # True when the facet counts are estimated from the best matches read, not counted
    # over every match (a common word on the database backend: bounds.py).
    approximate: bool = False
    # How many of `count` can be paged to (the matches read), when fewer than all.
    reachable: int | None = None

    @property
    def pages(self) -> int:
        listed = self.count if self.reachable is None else min(self.count, self.reachable)
        return max(1, -(-listed // self.page_size))


@dataclass(frozen=True)
class Suggestion:
    text: str
    url: str
    type: str
