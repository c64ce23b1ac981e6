"""What a search says to the reader beside its results, in one set of words for page and API.

Each note has a stable `code` for programs (the API's `notes`) and the Vietnamese `text`
the page shows, built here only, so the two never drift apart:

- truncated: the query was longer than MAX_QUERY_LENGTH and only its start was searched;
- partial: no result holds every word typed, those shown hold most of them (the backend
  says so, by adding `partial_note()` to its results);
- fallback: Elasticsearch failed and the database answered;
- suggestion: nothing was found and a close spelling exists (`query` is that spelling).

The page puts them in different places (the notes above the results, the fallback line
under the count, the suggestion in the advice for an empty result); `search_notes` lists
exactly those it shows, in that order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from search.params import MAX_QUERY_LENGTH

if TYPE_CHECKING:
    from search.params import SearchRequest
    from search.results import SearchResults

TRUNCATED = "truncated"
PARTIAL = "partial"
FALLBACK = "fallback"
SUGGESTION = "suggestion"
CODES = (TRUNCATED, PARTIAL, FALLBACK, SUGGESTION)

# The words before the suggested query; the page makes the query a link after them.
SUGGESTION_LEAD = _("Có phải bạn muốn tìm:")


@dataclass(frozen=True)
class Note:
    code: str  # one of CODES
    text: str
    query: str = ""  # suggestion: the query to search instead

    def __str__(self) -> str:
        return self.text


def truncated_note() -> Note:
    text = gettext("Từ khóa dài quá %(limit)d ký tự nên chỉ phần đầu được dùng để tìm.")
    return Note(TRUNCATED, text % {"limit": MAX_QUERY_LENGTH})


def partial_note() -> Note:
    return Note(
        PARTIAL,
        gettext(
            "Không có kết quả chứa đủ các từ đã gõ; dưới đây là các kết quả chứa phần lớn các từ."
        ),
    )


def fallback_note() -> Note:
    return Note(
        FALLBACK,
        gettext("Máy chủ tìm kiếm đang bận; kết quả dưới đây lấy từ cơ sở dữ liệu."),
    )


def suggestion_note(query: str) -> Note:
    return Note(SUGGESTION, f"{SUGGESTION_LEAD} {query}?", query=query)


def search_notes(search: SearchRequest, results: SearchResults | None) -> list[Note]:
    """The notes the search page shows for this request and these results, top to bottom."""
    shown = [truncated_note()] if search.truncated else []
    if results is None:  # nothing to search for: the page shows its help
        return shown
    shown += results.notes
    if results.fallback_reason:
        shown.append(Note(FALLBACK, results.fallback_reason))
    if not results.count and results.suggestion:
        shown.append(suggestion_note(results.suggestion))
    return shown
