"""When a recommendation is overdue (quá hạn): the one rule, in SQL and in Python.

Overdue means its deadline has passed (a deadline of today is not yet overdue) and it is
neither done nor obsolete: after those statuses a deadline no longer matters. Without a
deadline it is never overdue. Every list, count, chart, export and flag uses these two
functions, so the home page, the tracker, the CSV, the API and the admin agree; a test
checks that the query and the Python check agree case by case.

`today` is always passed in by the caller, who reads the clock once per page, so the
counts and the rows of one page cannot disagree across midnight.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from django.db.models import Q

from .enums import RecommendationStatus

CLOSED = frozenset(RecommendationStatus.closed())


class HasDeadline(Protocol):
    deadline: date | None
    status: str


def overdue_q(today: date) -> Q:
    """The overdue recommendations, as a filter (also usable inside aggregates)."""
    return Q(deadline__lt=today) & ~Q(status__in=sorted(CLOSED))


def is_past_due(deadline: date | None, status: str, today: date) -> bool:
    """The rule on plain values (rows read with .values())."""
    return deadline is not None and deadline < today and status not in CLOSED


def is_overdue(recommendation: HasDeadline, today: date) -> bool:
    """Whether `recommendation` is overdue on `today`; the same answer as overdue_q."""
    return is_past_due(recommendation.deadline, recommendation.status, today)
