"""The database's order of matches: by score (complete matches first), or by date.

The best CANDIDATES matches are then re-ranked on their text by search.ranking, the model
every backend shares; matches beyond them keep this order (a reader rarely pages that far).
"""

from __future__ import annotations

from operator import itemgetter

from search.backends.database.engine import Row

# As many as Elasticsearch re-ranks (RERANKED): 200 cost PostgreSQL 20-30 ms more on the
# common queries and changed no judged result.
CANDIDATES = 100
ID, SCORE, PUBLISHED = itemgetter(0), itemgetter(1), itemgetter(3)


def initial_order(rows: list[Row], complete: set[int]) -> list[Row]:
    """All-words matches first, then by the database's score, newest first on a tie
    (on PostgreSQL the score is the heading's: many body-only matches tie at 0).

    The engine returns each match query's rows in that order already (engine.order_by),
    so the stable sort by score keeps the date order of ties and costs one pass.
    """
    whole = [row for row in rows if row.id in complete]
    partial = [row for row in rows if row.id not in complete] if len(whole) < len(rows) else []
    return sorted(whole, key=SCORE, reverse=True) + sorted(partial, key=SCORE, reverse=True)


def newest_first(rows: list[Row]) -> list[Row]:
    """By publication, newest first; entries without a date last; ties by id (a report
    and its recommendations share a date)."""
    dated = [row for row in _by_id(rows) if row.published is not None]
    undated = [row for row in rows if row.published is None] if len(dated) < len(rows) else []
    return sorted(dated, key=PUBLISHED, reverse=True) + _by_id(undated)


def oldest_first(rows: list[Row]) -> list[Row]:
    dated = [row for row in _by_id(rows) if row.published is not None]
    undated = [row for row in rows if row.published is None] if len(dated) < len(rows) else []
    return sorted(dated, key=PUBLISHED) + _by_id(undated)


def _by_id(rows: list[Row]) -> list[Row]:
    # Matches come best first (engine.order_by): the date sorts are stable, so the ties
    # of a date sort follow the ids, whatever order the rows came in.
    return sorted(rows, key=ID)
