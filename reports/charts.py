"""Tiny server-side SVG charts: no JavaScript, no external assets, readable when printed.

`bar_chart_svg()` draws horizontal bars (Vietnamese labels are long, so each is written
in full width above its bar, wrapped) and returns markup safe to drop into a template.
The SVG carries role="img" with <title>/<desc> so screen readers announce it; pages should
still show the same numbers as a table, which stays the accessible source of truth.

`format_number()` writes numbers the Vietnamese way (8.712 and 12,5); templates and the
chart share it so a figure reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation, localcontext
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

Number = int | float | Decimal

# Geometry in SVG user units. Each row is its label (full width, wrapped) above its bar,
# so a long Vietnamese label never squeezes the bars or the value beside them. The chart is
# narrow (300 units) so that on a 360 px phone it is drawn at about its own size, text
# still ~13 px; wide screens cap it (reports.css) rather than blow it up.
WIDTH = 300
BAR_HEIGHT = 16
ROW_GAP = 12
PADDING = 6
FONT_SIZE = 13
LINE_HEIGHT = 1.25  # of the font size
LABEL_GAP = 3  # between a label's last line and its bar
# Widths of a glyph, in ems, on the wide side (DejaVu Sans, Be Vietnam Pro): text sized
# with them fits in every common font. Values are bold.
LABEL_EM = 0.62
VALUE_EM = 0.7
MAX_LABEL_LINES = 3
# Presentation attributes, so the chart reads right without any stylesheet (feeds, print,
# a page that does not load reports.css); CSS may override them.
BAR_FILL = "#0b4f8a"
NEGATIVE_FILL = "#9b1c20"
TEXT_FILL = "#1d2125"
AXIS_STROKE = "#555e69"

_chart_ids = count(1)


def format_number(value: Number | str | None, max_decimals: int = 4) -> str:
    """8712 → "8.712", 12.5 → "12,5", -1234567.891 → "-1.234.567,891"; junk → "—".

    Trailing zeros of the decimal part go (the DecimalField keeps four places: 12.5000).
    """
    number = _to_decimal(value)
    if number is None:
        return "—"
    if number.as_tuple().exponent < -max_decimals:
        with localcontext() as context:
            context.prec = max(28, number.adjusted() + max_decimals + 2)  # 1e30 stays exact
            number = number.quantize(Decimal(1).scaleb(-max_decimals))
    text = format(abs(number), "f")
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    sign = "-" if number < 0 and (whole.strip("0") or fraction) else ""  # never "-0"
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _chart_number(value: Decimal) -> str:
    """format_number(), or "1,23 × 10³⁰" when the full digits would not fit beside a bar."""
    text = format_number(value, max_decimals=2)
    if len(text) <= 16:
        return text
    exponent = value.adjusted()
    mantissa = format_number(value.scaleb(-exponent), max_decimals=2)
    return f"{mantissa} × 10{str(exponent).translate(_SUPERSCRIPT)}"


def _to_decimal(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def text_width(text: str, font_size: float, em: float = LABEL_EM) -> float:
    """A generous estimate of how wide `text` is drawn, in user units."""
    return len(text) * font_size * em


def _wrap(label: str, font_size: float = FONT_SIZE, em: float = LABEL_EM) -> list[str]:
    """The label in lines that fit the chart's width, at most three; a longer label is
    cut with an ellipsis. A word longer than a line is cut where the line ends."""
    per_line = max(8, int((WIDTH - 2 * PADDING) / (font_size * em)))
    words = " ".join(str(label).split()).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        while len(word) > per_line:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= per_line:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > MAX_LABEL_LINES:
        last = lines[MAX_LABEL_LINES - 1][: per_line - 1].rstrip()
        lines = [*lines[: MAX_LABEL_LINES - 1], last + "…"]
    return lines or [""]


def _fmt(coordinate: float) -> str:
    return f"{coordinate:.1f}".removesuffix(".0")


def bar_chart_svg(
    rows: Iterable[tuple[str, Number | None]],
    title: str,
    unit: str = "",
    *,
    description: str = "",
    font_size: float = FONT_SIZE,
) -> SafeString:
    """A horizontal bar chart as inline SVG, bars proportional to the values.

    rows: (label, value) pairs in display order. A value that is None or not a finite
    number gets no bar and reads "—". Negative values extend left of a zero line. Any
    magnitude works: proportions are computed in Decimal, so 1e30 next to 1 still draws.
    font_size is in user units; the layout is computed for it, so set it here, not in CSS.
    Returns "" for no rows, so callers can write `{% if chart %}`.
    """
    items = [(str(label), _to_decimal(value)) for label, value in rows]
    if not items:
        return mark_safe("")
    suffix = f" {unit}" if unit else ""
    value_texts = [
        f"{_chart_number(value)}{suffix}" if value is not None else "—" for _, value in items
    ]
    numbers = [value for _, value in items if value is not None]
    low = min([Decimal(0), *numbers])
    high = max([Decimal(0), *numbers])
    span = (high - low) or Decimal(1)

    # The value is written right of its bar's end, room kept for the widest one; values
    # too wide for that (long units) get their own line under the label instead.
    value_width = max(text_width(text, font_size, VALUE_EM) for text in value_texts) + 4
    beside = value_width <= WIDTH * 0.6
    plot_left = PADDING
    plot_width = WIDTH - 2 * PADDING - (value_width if beside else 0)

    def x_of(value: Decimal) -> float:
        return plot_left + float((value - low) / span) * plot_width

    zero_x = x_of(Decimal(0))
    line_height = font_size * LINE_HEIGHT
    labels = [_wrap(label, font_size) for label, _ in items]
    chart_id = f"bar-chart-{next(_chart_ids)}"
    if not description:
        description = "; ".join(
            f"{label}: {text}" for (label, _), text in zip(items, value_texts, strict=True)
        )

    body: list[str] = []
    bar_tops: list[float] = []
    top = PADDING
    for lines, (_, value), value_text in zip(labels, items, value_texts, strict=True):
        # First baseline one ascent below the row's top; dominant-baseline is avoided for
        # labels (renderers disagree on it), so the text box is where we computed it.
        label_spans = "".join(
            f'<tspan x="{PADDING}" y="{_fmt(top + font_size * 0.95 + n * line_height)}">'
            f"{escape(line)}</tspan>"
            for n, line in enumerate(lines)
        )
        value_lines = [] if beside else _wrap(value_text, font_size, VALUE_EM)
        bar_top = top + (len(lines) + len(value_lines)) * line_height + LABEL_GAP
        bar_tops.append(bar_top)
        middle = bar_top + BAR_HEIGHT / 2
        body.append('<g class="bar-chart__row">')
        body.append(f'<text class="bar-chart__label">{label_spans}</text>')
        value_x, value_y = zero_x + 4, middle + font_size * 0.35
        if value is not None:
            end_x = x_of(value)
            left, right = sorted((zero_x, end_x))
            negative = value < 0
            body.append(
                f'<rect class="bar-chart__bar{" bar-chart__bar--negative" if negative else ""}" '
                f'x="{_fmt(left)}" y="{_fmt(bar_top)}" width="{_fmt(right - left)}" '
                f'height="{BAR_HEIGHT}" fill="{NEGATIVE_FILL if negative else BAR_FILL}" '
                f'data-value="{escape(str(value))}"/>'
            )
            # Right of the bar's end; for a negative bar right of zero, where the room
            # for values is kept.
            value_x = (zero_x if negative else right) + 4
        if beside:
            value_markup = escape(value_text)
        else:  # its own lines, under the label
            first_y = top + font_size * 0.95 + len(lines) * line_height
            value_x, value_y = PADDING, first_y
            value_markup = "".join(
                f'<tspan x="{PADDING}" y="{_fmt(first_y + n * line_height)}">{escape(line)}</tspan>'
                for n, line in enumerate(value_lines)
            )
        body.append(
            f'<text class="bar-chart__value" font-weight="600" x="{_fmt(value_x)}" '
            f'y="{_fmt(value_y)}">{value_markup}</text>'
        )
        body.append("</g>")
        top = bar_top + BAR_HEIGHT + ROW_GAP
    height = top - ROW_GAP + PADDING

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {_fmt(height)}" width="{WIDTH}" height="{_fmt(height)}" '
        f'font-size="{_fmt(font_size)}" fill="{TEXT_FILL}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        *body,
    ]
    if low < 0:  # the zero line, beside each bar only: it must not cross the labels
        parts.extend(
            f'<line class="bar-chart__axis" x1="{_fmt(zero_x)}" x2="{_fmt(zero_x)}" '
            f'y1="{_fmt(y - 2)}" y2="{_fmt(y + BAR_HEIGHT + 2)}" stroke="{AXIS_STROKE}"/>'
            for y in bar_tops
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped
