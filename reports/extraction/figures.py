"""Key figures as Vietnamese writes them: "8.712 đối tượng", "1.234,5 tỷ đồng", "100%"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from core.text.normalize import fold_words

from .dates import make_date, month_end
from .text import shorten

# KeyFigure.value is Decimal(max_digits=20, decimal_places=4): 16 digits before the comma.
MAX_INT_DIGITS, MAX_FRACTION_DIGITS = 16, 4
MAX_FIGURES = 30
LABEL_LIMIT = 255

# Dot groups thousands and comma marks decimals. No digit, dot, comma, slash or colon may
# touch the number: those make it part of a date, a time, a code or a longer number.
NUMBER_RE = re.compile(
    r"(?<![\w.,/:-])(\d{1,3}(?:\.\d{3}){1,5}|\d{1,16})(?:,(\d{1,4}))?"
    r"(?![\d])(?![.,]\d)(?![/:-]\d)(?:\s?(%))?"
)
AS_OF_RE = re.compile(
    r"(?<!\w)(?:tính\s{1,3}(?:đến|tới)|đến\s{1,3}(?:hết\s{1,3})?ngày|tới\s{1,3}ngày)"
    r"\s{1,3}(?:hết\s{1,3})?(?:ngày\s{1,3})?"
    r"(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|tháng\s{1,3}(\d{1,2})\s?[/.-]\s?(\d{4}))",
    re.IGNORECASE,
)
# Where a label stops: punctuation, or the words that open the next clause.
LABEL_END_RE = re.compile(
    r"[,;.:()\[\]\n!?\"]|\s(?:trong đó|trong số đó|gồm|so với|chiếm|bằng|đạt|tăng|giảm)(?!\w)"
)
SENTENCE_END_RE = re.compile(r"[.;!?\n]")
# Units in the order they must be tried (longest first: "trường hợp" before "trường").
UNITS = (
    "tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "đối tượng", "người",
    "hộ gia đình", "hộ", "nhân khẩu", "lượt", "hồ sơ", "ha", "km", "m2", "m3", "tấn",
    "cơ sở", "trường hợp", "trường", "học sinh", "trẻ em", "bệnh nhân", "doanh nghiệp",
    "dự án", "công trình", "văn bản", "cuộc", "kiến nghị", "cử tri", "giường bệnh",
    "trạm y tế", "trạm", "phòng ở", "phòng học", "phòng", "phiên tòa", "vụ", "đơn", "điểm",
)  # fmt: skip
# Without a known unit, the word after the number names what is counted ("21 bản"),
# unless it is one of these words that only go on with the sentence.
NOT_A_UNIT = {
    "của", "và", "với", "trong", "trên", "dưới", "cho", "là", "được", "đã", "đang", "sẽ",
    "có", "không", "so", "theo", "tại", "ở", "về", "để", "từ", "đến", "tới", "nghìn",
    "triệu", "tỷ", "lần", "thì", "mà", "còn", "chưa", "đạt", "bằng", "chiếm",
}  # fmt: skip
_WORD_RE = re.compile(r"[^\W\d_]{1,12}(?!\w)")
# A number right after these words is a date, a rank or a reference, not a figure.
SKIP_BEFORE = {
    "nam", "thang", "ngay", "so", "khoa", "ki", "lan", "thu", "dieu", "khoan", "diem",
    "muc", "luc", "doan", "dot", "quy", "tuan", "chuong", "phan", "gio", "phut", "trang",
}  # fmt: skip
PREVIOUS_WORD_RE = re.compile(r"(\w+)[ -]{1,3}$")
# A number right before these words is a place count or a span of time.
SKIP_AFTER_RE = re.compile(
    r"\s{0,2}(?:xã|phường|thị trấn|huyện|thành phố|thị xã|tỉnh|năm|tháng|ngày|giờ|phút|tuần|"
    r"quý|lần|buổi|đoàn|khóa|kỳ)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundFigure:
    label: str
    value: Decimal
    unit: str
    as_of: date | None


def parse_number(whole: str, fraction: str | None) -> Decimal | None:
    digits = whole.replace(".", "")
    if len(digits) > MAX_INT_DIGITS or (fraction and len(fraction) > MAX_FRACTION_DIGITS):
        return None
    try:
        return Decimal(f"{digits}.{fraction}" if fraction else digits)
    except InvalidOperation:
        return None


def _as_of_marks(paragraph: str) -> list[tuple[int, date]]:
    marks = []
    for match in AS_OF_RE.finditer(paragraph):
        d, m, y, month, year = match.groups()
        value = make_date(d, m, y) if d else month_end(month, year)
        if value:
            marks.append((match.start(), value))
    return marks


def _as_of_for(position: int, marks: list[tuple[int, date]], paragraph: str) -> date | None:
    """The cut-off stated before the number in its paragraph, else later in its sentence."""
    before = [value for start, value in marks if start < position]
    if before:
        return before[-1]
    end = SENTENCE_END_RE.search(paragraph, position)
    sentence_end = end.start() if end else len(paragraph)
    after = [value for start, value in marks if position < start < sentence_end]
    return after[0] if after else None


def _unit(after: str) -> str:
    lowered = after.lower()
    for unit in UNITS:
        if lowered.startswith(unit) and not lowered[len(unit) : len(unit) + 1].isalnum():
            return unit
    word = _WORD_RE.match(after)
    if word and word.group().islower() and word.group() not in NOT_A_UNIT:
        return word.group()
    return ""


def _label(paragraph: str, start: int, end: int, unit: str) -> str:
    stop = LABEL_END_RE.search(paragraph, end, min(len(paragraph), end + 400))
    after = paragraph[end : stop.start() if stop else min(len(paragraph), end + 400)].strip()
    rest = after[len(unit) :].split() if unit and unit != "%" else after.split()
    if len(rest) >= 2:
        return shorten(after, LABEL_LIMIT)
    # "tỷ lệ hộ nghèo còn 12,5%": the words before the number name it.
    window = paragraph[max(0, start - 400) : start]
    cut = max(window.rfind(ch) for ch in ",;.:()\n")
    before = window[cut + 1 :].strip()
    label = f"{before} ({unit})" if before and unit else before or after
    return shorten(label, LABEL_LIMIT)


def figures_in(paragraphs: list[str]) -> list[FoundFigure]:
    found: list[FoundFigure] = []
    seen: set[tuple[Decimal, str]] = set()
    for paragraph in paragraphs:
        marks = _as_of_marks(paragraph) if AS_OF_RE.search(paragraph) else []
        for match in NUMBER_RE.finditer(paragraph):
            if len(found) >= MAX_FIGURES:
                return found
            whole, fraction, percent = match.groups()
            if not fraction and "." not in whole and len(whole) == 4 and 1945 <= int(whole) <= 2100:
                continue  # a year
            # Only the word right before counts: in "hàng tháng, 646 đối tượng" the comma
            # ends the "tháng" clause.
            previous = PREVIOUS_WORD_RE.search(paragraph, max(0, match.start() - 20), match.start())
            if previous and (
                fold_words(previous.group(1)) in SKIP_BEFORE or previous.group(1).isdigit()
            ):
                continue
            if not percent and SKIP_AFTER_RE.match(paragraph, match.end()):
                continue
            value = parse_number(whole, fraction)
            if value is None:
                continue
            after = paragraph[match.end() : match.end() + 40].lstrip()
            unit = "%" if percent else _unit(after)
            label = _label(paragraph, match.start(), match.end(), unit)
            if not label or (value, label) in seen:
                continue
            seen.add((value, label))
            as_of = _as_of_for(match.start(), marks, paragraph)
            found.append(FoundFigure(label, value, unit, as_of))
    return found
