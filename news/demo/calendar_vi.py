"""Vietnamese day names for dates written "dd/mm/yyyy", and small numbers in words."""

from datetime import date

NUMBER_WORDS = {1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm"}
WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


def parse_day(text: str) -> date:
    day, month, year = (int(part) for part in text.split("/"))
    return date(year, month, day)


def weekday(text: str) -> str:
    """ "15/03/2021" -> "thứ Hai"."""
    return WEEKDAYS[parse_day(text).weekday()]


def in_words(number: int) -> str:
    """Small counts read better spelled out: 3 -> "ba"."""
    return NUMBER_WORDS.get(number, str(number))
