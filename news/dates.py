"""The old portal's date style, which readers know: "27/10/2020 8:18:57 SA".

Twelve-hour clock with SA (sáng, before noon) and CH (chiều, from noon), hour without a
leading zero, in the site's time zone (Asia/Ho_Chi_Minh).
"""

import re
from datetime import datetime

from django.utils import timezone

_LEGACY_PATTERN = re.compile(
    r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(SA|CH|AM|PM)?)?\s*$",
    re.IGNORECASE,
)


def format_vietnamese_datetime(value: datetime | None) -> str:
    """Return "dd/mm/yyyy h:mm:ss SA|CH" in local time, or "" for None."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    hour12 = value.hour % 12 or 12
    suffix = "SA" if value.hour < 12 else "CH"
    return f"{value:%d/%m/%Y} {hour12}:{value:%M:%S} {suffix}"


def parse_vietnamese_datetime(text: str) -> datetime:
    """Parse the old portal's "27/10/2020 8:18:57 SA" (or a bare date) as local time.

    Raises ValueError with a reason a person can act on.
    """
    match = _LEGACY_PATTERN.match(text or "")
    if not match:
        raise ValueError(f"ngày giờ không đúng dạng 'dd/mm/yyyy h:mm:ss SA|CH': {text!r}")
    day, month, year, hour, minute, second, suffix = match.groups()
    hour_value = int(hour or 0)
    if suffix:
        if not 1 <= hour_value <= 12:
            raise ValueError(f"giờ {hour_value} không hợp lệ với {suffix.upper()}: {text!r}")
        is_afternoon = suffix.upper() in {"CH", "PM"}
        hour_value = hour_value % 12 + (12 if is_afternoon else 0)
    naive = datetime(
        int(year), int(month), int(day), hour_value, int(minute or 0), int(second or 0)
    )
    return timezone.make_aware(naive)


def parse_published(text: str) -> datetime:
    """Accept ISO 8601 or the legacy Vietnamese form; naive values are local time."""
    text = (text or "").strip()
    if not text:
        raise ValueError("thiếu ngày đăng")
    if "/" in text:
        return parse_vietnamese_datetime(text)
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise ValueError(f"ngày giờ không hợp lệ: {text!r}") from error
    return timezone.make_aware(value) if timezone.is_naive(value) else value
