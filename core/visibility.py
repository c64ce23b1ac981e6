"""Which pages the public may see: the view restrictions (login, password, groups) of a
page and its ancestors, as query conditions and as one query per page.

Every public list (news, reports, search, the API) filters with `not_restricted()` or
annotates with `is_public()`, so the rule lives here once.
"""

from __future__ import annotations

from django.db.models import BooleanField, Expression, ExpressionWrapper, Q, QuerySet, Value
from wagtail.models import PageViewRestriction

from .cache import cached_for_generation

RESTRICTIONS_CACHE_SECONDS = 30


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of pages under a view restriction (login, password, groups).

    Few or none on a public portal, so we read them once and cache them; any change to a
    restriction bumps the content generation. The short timeout bounds staleness for
    processes that do not share a cache (use CACHE_URL=redis://… with several workers).
    """
    return cached_for_generation(
        "restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
        timeout=RESTRICTIONS_CACHE_SECONDS,
    )


def not_restricted(path_field: str = "path") -> Q:
    """Pages that no view restriction covers, themselves or through an ancestor.

    The same rule as Wagtail's `.public()`, which queries the restrictions on every call;
    a correlated subquery was tried and made SQLite scan the page table per row.
    """
    condition = Q()
    for path in restricted_paths():
        condition &= ~Q(**{f"{path_field}__startswith": path})
    return condition


def is_public(path_field: str = "path") -> Expression:
    """not_restricted() as a boolean column, for annotations."""
    condition = not_restricted(path_field)
    if not condition:
        return Value(True, output_field=BooleanField())
    return ExpressionWrapper(condition, output_field=BooleanField())


class PathRestrictionsMixin:
    """View restrictions of the page and its ancestors in one query.

    Wagtail loads the ancestors first to resolve aliases; our pages are not aliases, and
    ancestor paths are prefixes of our own path, so no ancestor needs loading.
    """

    def get_view_restrictions(self) -> QuerySet:
        if self.alias_of_id:
            return super().get_view_restrictions()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(page__path__in=paths)
