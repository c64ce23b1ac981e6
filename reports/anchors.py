"""Where a recommendation sits on its report's page: "#kien-nghi-N", N counted from 1 in
the order the page lists them (IN_EDITOR_ORDER)."""

from __future__ import annotations

from collections.abc import Iterable

from .models import Recommendation

# Child rows in the order editors gave them; pk breaks ties (rows saved without an order).
IN_EDITOR_ORDER = ("sort_order", "pk")


def recommendation_positions(report_ids: Iterable[int]) -> dict[int, int]:
    """{recommendation pk: its number on its report's page}, in one query."""
    ids = set(report_ids)
    if not ids:
        return {}
    rows = (
        Recommendation.objects.filter(report_id__in=ids)
        .order_by("report_id", *IN_EDITOR_ORDER)
        .values_list("report_id", "pk")
    )
    positions: dict[int, int] = {}
    counters: dict[int, int] = {}
    for report_id, pk in rows:
        counters[report_id] = counters.get(report_id, 0) + 1
        positions[pk] = counters[report_id]
    return positions


def anchor(position: int | None) -> str:
    """The fragment of a recommendation on its report page; the list's when unknown."""
    return f"#kien-nghi-{position}" if position else "#kien-nghi"
