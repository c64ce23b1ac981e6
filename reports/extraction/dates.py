"""Dates as Vietnamese news writes them: "26/10/2020", "ngày 26 tháng 10 năm 2020", "chiều nay"."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# Nothing the council supervised happened before the province was re-established (2004),
# but old articles cite laws back to 1945; beyond these bounds a "date" is noise.
MIN_YEAR, MAX_YEAR = 1945, 2100

# d/m/yyyy, d-m-yyyy, d.m.yyyy; no digit may touch either end (that is a longer number).
NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})(?!\d)")
WORDED_DATE = re.compile(
    r"(?<!\w)ngày\s{1,3}(\d{1,2})\s{1,3}tháng\s{1,3}(\d{1,2})\s{1,3}năm\s{1,3}(\d{4})(?!\d)",
    re.IGNORECASE,
)

# Time-of-day words that start a relative date: "chiều nay", "sáng qua", "hôm nay".
RELATIVE = re.compile(
    r"(?<!\w)(?:(sáng|trưa|chiều|tối|đêm|hôm)\s{1,3}(nay|qua)|(ngày\s{1,3}hôm\s{1,3}qua))(?!\w)",
    re.IGNORECASE,
)
# The old portal prints "(Ngày đăng :27/10/2020 8:18:57 SA)" under the title.
PUBLISHED_LINE = re.compile(r"Ngày đăng\s{0,3}:?\s{0,3}(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)


def make_date(day: str | int, month: str | int, year: str | int) -> date | None:
    """A real calendar date or None: 31/02/2020 and year 99999 are not dates."""
    try:
        d, m, y = int(day), int(month), int(year)
    except (TypeError, ValueError):
        return None
    if not (MIN_YEAR <= y <= MAX_YEAR and 1 <= m <= 12):
        return None
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return date(y, m, d)


def month_end(month: str, year: str) -> date | None:
    """ "tháng 6/2020" as a cut-off means the end of June."""
    start = make_date(1, month, year)
    if start is None:
        return None
    return make_date(calendar.monthrange(start.year, start.month)[1], start.month, start.year)


def first_date(text: str) -> date | None:
    """The first valid full date written in `text`, in either notation."""
    found: list[tuple[int, date]] = []
    for pattern in (NUMERIC_DATE, WORDED_DATE):
        for match in pattern.finditer(text):
            value = make_date(*match.groups())
            if value:
                found.append((match.start(), value))
                break
    return min(found)[1] if found else None


def published_date_in(text: str) -> date | None:
    match = PUBLISHED_LINE.search(text)
    return make_date(*match.groups()) if match else None


def resolve_relative(word: str, published: date) -> date:
    """ "nay" is the day of publication, "qua" the day before."""
    return published - timedelta(days=1) if "qua" in word.lower() else published


def with_inferred_year(day: str, month: str, published: date | None) -> date | None:
    """ "26/10" in an article published 27/10/2020 means 2020; in one of 02/01/2021, 2020."""
    if published is None:
        return None
    value = make_date(day, month, published.year)
    if value and value > published + timedelta(days=31):
        value = make_date(day, month, published.year - 1)
    return value
