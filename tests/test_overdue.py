"""One rule for "quá hạn": the database filter and the Python check agree on every case."""

from datetime import date, timedelta
from itertools import product

import pytest

from reports.enums import RecommendationStatus
from reports.models import Recommendation
from reports.overdue import is_overdue, is_past_due, overdue_q
from tests.report_factories import make_report, make_report_index

TODAY = date(2025, 6, 15)
DEADLINES = {
    "none": None,
    "long ago": TODAY - timedelta(days=400),
    "yesterday": TODAY - timedelta(days=1),
    "today": TODAY,
    "tomorrow": TODAY + timedelta(days=1),
}
CLOSED = {RecommendationStatus.DONE, RecommendationStatus.OBSOLETE}


@pytest.mark.parametrize(
    ("deadline", "status", "expected"),
    [
        (None, RecommendationStatus.NOT_STARTED, False),  # no deadline, never overdue
        (TODAY, RecommendationStatus.NOT_STARTED, False),  # due today is not yet late
        (TODAY - timedelta(days=1), RecommendationStatus.NOT_STARTED, True),
        (TODAY - timedelta(days=1), RecommendationStatus.IN_PROGRESS, True),
        (TODAY - timedelta(days=1), RecommendationStatus.PARTLY_DONE, True),
        (TODAY - timedelta(days=1), RecommendationStatus.DONE, False),
        (TODAY - timedelta(days=1), RecommendationStatus.OBSOLETE, False),
    ],
)
def test_the_rule_in_words(deadline, status, expected):
    assert is_past_due(deadline, status, TODAY) is expected


def test_the_query_and_the_python_check_agree_on_every_case(home):
    cases = list(product(DEADLINES, RecommendationStatus.values))
    report = make_report(
        make_report_index(),
        recommendations=[
            {"text": f"{label} / {status}", "deadline": DEADLINES[label]} for label, status in cases
        ],
    )
    # The status is derived from dated updates; set it directly for the table. Matched by
    # text: the factory does not promise an order, and PostgreSQL returns another one.
    for label, status in cases:
        report.recommendations.filter(text=f"{label} / {status}").update(status=status)

    rows = list(report.recommendations.all())
    in_sql = set(report.recommendations.filter(overdue_q(TODAY)).values_list("pk", flat=True))
    in_python = {row.pk for row in rows if is_overdue(row, TODAY)}
    assert in_sql == in_python
    expected = {
        f"{label} / {status}"
        for label, status in cases
        if label in {"long ago", "yesterday"} and status not in CLOSED
    }
    assert {row.text for row in rows if row.pk in in_sql} == expected
    # The queryset methods split the rows in two, with nothing lost to NULL deadlines.
    overdue = set(Recommendation.objects.overdue(TODAY).values_list("pk", flat=True))
    not_overdue = set(Recommendation.objects.not_overdue(TODAY).values_list("pk", flat=True))
    assert overdue == in_sql and overdue.isdisjoint(not_overdue)
    assert overdue | not_overdue == {row.pk for row in rows}
