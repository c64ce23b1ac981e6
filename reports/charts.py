"""Tiny server-side SVG charts: no JavaScript, no external assets, readable when printed.

`bar_chart_svg()` draws horizontal bars (Vietnamese labels are long, so they get their
own column on the left) and returns markup safe to drop into a template. The SVG carries
role="img" with <title>/<desc> so screen readers announce it; pages should still show the
same numbers as a table, which stays the accessible source of truth.

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

# Geometry in SVG user units; the chart scales to its container through viewBox.
WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 22
ROW_GAP = 12
PADDING = 8
FONT_SIZE = 13
CHAR_WIDTH = 7.2  # average advance of a 13px sans-serif glyph, to size the value column
CHARS_PER_LABEL_LINE = 30
MAX_LABEL_CHARS = 58
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


def _wrap(label: str) -> list[str]:
    """At most two lines of label; longer labels are cut with an ellipsis."""
    label = " ".join(str(label).split())
    if len(label) > MAX_LABEL_CHARS:
        label = label[: MAX_LABEL_CHARS - 1].rstrip() + "…"
    if len(label) <= CHARS_PER_LABEL_LINE:
        return [label]
    cut = label.rfind(" ", 0, CHARS_PER_LABEL_LINE + 1)
    if cut <= 0:
        cut = CHARS_PER_LABEL_LINE
    return [label[:cut].rstrip(), label[cut:].strip()]


def _fmt(coordinate: float) -> str:
    return f"{coordinate:.1f}".removesuffix(".0")


def bar_chart_svg(
    rows: Iterable[tuple[str, Number | None]],
    title: str,
    unit: str = "",
    *,
    description: str = "",
) -> SafeString:
    """A horizontal bar chart as inline SVG, bars proportional to the values.

    rows: (label, value) pairs in display order. A value that is None or not a finite
    number gets no bar and reads "—". Negative values extend left of a zero line. Any
    magnitude works: proportions are computed in Decimal, so 1e30 next to 1 still draws.
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

    value_width = min(max(len(text) for text in value_texts) * CHAR_WIDTH + PADDING, 200)
    plot_left = LABEL_WIDTH + PADDING
    plot_width = WIDTH - plot_left - value_width - PADDING

    def x_of(value: Decimal) -> float:
        return plot_left + float((value - low) / span) * plot_width

    zero_x = x_of(Decimal(0))
    height = PADDING * 2 + len(items) * (BAR_HEIGHT + ROW_GAP) - ROW_GAP
    chart_id = f"bar-chart-{next(_chart_ids)}"
    if not description:
        description = "; ".join(
            f"{label}: {text}" for (label, _), text in zip(items, value_texts, strict=True)
        )

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-size="{FONT_SIZE}" fill="{TEXT_FILL}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for index, ((label, value), value_text) in enumerate(zip(items, value_texts, strict=True)):
        top = PADDING + index * (BAR_HEIGHT + ROW_GAP)
        middle = top + BAR_HEIGHT / 2
        lines = _wrap(label)
        first_y = middle - (len(lines) - 1) * (FONT_SIZE + 1) / 2
        label_spans = "".join(
            f'<tspan x="{LABEL_WIDTH}" y="{_fmt(first_y + n * (FONT_SIZE + 1))}">'
            f"{escape(line)}</tspan>"
            for n, line in enumerate(lines)
        )
        parts.append('<g class="bar-chart__row">')
        parts.append(
            f'<text class="bar-chart__label" text-anchor="end" dominant-baseline="middle">'
            f"{label_spans}</text>"
        )
        value_x = zero_x + 4
        if value is not None:
            end_x = x_of(value)
            left, right = sorted((zero_x, end_x))
            negative = value < 0
            parts.append(
                f'<rect class="bar-chart__bar{" bar-chart__bar--negative" if negative else ""}" '
                f'x="{_fmt(left)}" y="{_fmt(top)}" width="{_fmt(right - left)}" '
                f'height="{BAR_HEIGHT}" fill="{NEGATIVE_FILL if negative else BAR_FILL}" '
                f'data-value="{escape(str(value))}"/>'
            )
            # Right of the bar's end; for a negative bar right of zero, so the text never
            # runs into the label column.
            value_x = (zero_x if negative else right) + 4
        parts.append(
            f'<text class="bar-chart__value" x="{_fmt(value_x)}" y="{_fmt(middle)}" '
            f'dominant-baseline="middle">{escape(value_text)}</text>'
        )
        parts.append("</g>")
    if low < 0:
        parts.append(
            f'<line class="bar-chart__axis" x1="{_fmt(zero_x)}" x2="{_fmt(zero_x)}" '
            f'y1="{_fmt(PADDING / 2)}" y2="{_fmt(height - PADDING / 2)}" stroke="{AXIS_STROKE}"/>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped
