"""Numbered pagination for every public list (news sections, reports, the tracker, search).

Each list builds its links with `pagination()` and renders them with the one template
core/pagination.html, so the lists look, read (aria-current, rel=prev/next) and
elide alike; only how a page's URL is written differs, which the caller passes in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, QueryDict


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: an ellipsis
    url: str
    current: bool


@dataclass(frozen=True)
class Pagination:
    links: list[PageLink] = field(default_factory=list)
    previous_url: str = ""
    next_url: str = ""
    label: str = ""  # the nav's aria-label; the template says "Phân trang" when empty


def page_number_from(request: HttpRequest) -> int:
    """Readers and crawlers send junk (?page=abc, ?page=-3): treat it as page 1."""
    try:
        number = int(request.GET.get("page", "1"))
    except (TypeError, ValueError):
        return 1
    return number if number >= 1 else 1


def pagination(
    current: int,
    last: int,
    url_for: Callable[[int], str],
    *,
    on_ends: int = 2,
    label: str = "",
) -> Pagination | None:
    """Links to pages 1..last around `current` (None when there is only one page).

    `current` may lie past `last` (a search page beyond its results): the numbers are then
    those around the last page, none marked current, and "previous" still steps back one.
    """
    if last <= 1:
        return None
    # Django's elision on a stand-in paginator: one object a page, `last` pages.
    paginator = Paginator(range(last), 1)
    numbers = paginator.get_elided_page_range(min(current, last), on_each_side=2, on_ends=on_ends)
    return Pagination(
        links=[
            PageLink(None, "", False)
            if number == paginator.ELLIPSIS
            else PageLink(number, url_for(number), number == current)
            for number in numbers
        ],
        previous_url=url_for(current - 1) if current > 1 else "",
        next_url=url_for(current + 1) if current < last else "",
        label=label,
    )


def pagination_for(page: Page, url_for: Callable[[int], str]) -> Pagination | None:
    """`pagination()` for a page of a Django Paginator."""
    return pagination(page.number, page.paginator.num_pages, url_for)


def with_page(query: QueryDict) -> Callable[[int], str]:
    """URLs of the current list with only ?page= changed, as Django's {% querystring %}."""

    def url_for(number: int) -> str:
        params = query.copy()
        params["page"] = str(number)
        return f"?{params.urlencode()}"

    return url_for
