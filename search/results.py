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

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.page_size))


@dataclass(frozen=True)
class Suggestion:
    text: str
    url: str
    type: str
