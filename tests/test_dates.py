from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from news.dates import format_vietnamese_datetime, parse_published, parse_vietnamese_datetime

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        (datetime(2020, 10, 27, 8, 18, 57), "27/10/2020 8:18:57 SA"),
        (datetime(2020, 11, 20, 20, 26, 3), "20/11/2020 8:26:03 CH"),
        (datetime(2020, 11, 8, 17, 23, 25), "08/11/2020 5:23:25 CH"),
        (datetime(2021, 1, 1, 0, 5, 0), "01/01/2021 12:05:00 SA"),
        (datetime(2021, 1, 1, 12, 30, 0), "01/01/2021 12:30:00 CH"),
        (datetime(2021, 1, 1, 11, 59, 59), "01/01/2021 11:59:59 SA"),
        (datetime(2021, 1, 1, 12, 0, 0), "01/01/2021 12:00:00 CH"),
    ],
)
def test_date_line_uses_the_portal_twelve_hour_style(local, expected):
    assert format_vietnamese_datetime(local.replace(tzinfo=HANOI)) == expected


def test_date_line_converts_utc_to_hanoi_time():
    utc_instant = datetime(2020, 10, 27, 1, 18, 57, tzinfo=ZoneInfo("UTC"))
    assert format_vietnamese_datetime(utc_instant) == "27/10/2020 8:18:57 SA"


def test_empty_date_gives_empty_line():
    assert format_vietnamese_datetime(None) == ""


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("27/10/2020 8:18:57 SA", 8),
        ("20/11/2020 8:26:03 CH", 20),
        ("1/1/2021 12:05:00 SA", 0),
        ("1/1/2021 12:30:00 CH", 12),
        ("1/1/2021", 0),
        ("01/01/2021 14:00", 14),
    ],
)
def test_legacy_dates_parse_as_local_time(text, hour):
    value = parse_vietnamese_datetime(text)
    assert timezone.localtime(value).hour == hour


@pytest.mark.parametrize(
    "text", ["", "32/13/2020", "27/10/2020 13:00:00 CH", "hôm qua", "2020-13-01"]
)
def test_bad_dates_raise_value_error_with_reason(text):
    with pytest.raises(ValueError):
        parse_published(text)


def test_iso_dates_keep_their_offset():
    value = parse_published("2020-10-27T08:18:57+07:00")
    assert format_vietnamese_datetime(value) == "27/10/2020 8:18:57 SA"


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)))
def test_format_then_parse_round_trips(naive):
    naive = naive.replace(microsecond=0)
    # Skip the non-existent local times of historical DST changes (none after 1975 in Vietnam).
    aware = naive.replace(tzinfo=HANOI)
    assert parse_vietnamese_datetime(format_vietnamese_datetime(aware)) == aware
