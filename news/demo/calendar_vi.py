"""Vietnamese day names for dates written "dd/mm/yyyy"."""

from datetime import date

WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


def parse_day(text: str) -> date:
    day, month, year = (int(part) for part in text.split("/"))
    return date(year, month, day)


def weekday(text: str) -> str:
    """ "15/03/2021" -> "thứ Hai"."""
    return WEEKDAYS[parse_day(text).weekday()]
