"""Page-number pagination: the count rides along with the page's rows in one query."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Count, Model, QuerySet, Window

M = TypeVar("M", bound=Model)


def paginate(queryset: QuerySet[M], page: int, page_size: int) -> tuple[int, list[M]]:
    """The total count and the rows of one page.

    The count is a window over the filtered rows, so a page costs one query; only an
    empty page (no match, or past the end) needs a separate COUNT. A page past the end is
    an empty list with the real count, not a 404: a client walking pages while reports
    are unpublished must be able to stop cleanly.
    """
    offset = (page - 1) * page_size
    rows = list(queryset.annotate(_total=Window(Count("pk")))[offset : offset + page_size])
    if rows:
        return rows[0]._total, rows
    return queryset.count(), []
