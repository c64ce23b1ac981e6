"""Cells of the CSV files the site offers, safe to open in a spreadsheet.

Excel, LibreOffice and Google Sheets run a cell that starts with "=", "+", "-" or "@" as a
formula (and skip a leading tab or carriage return before deciding), so a recommendation
typed as '=HYPERLINK("http://…","Bấm vào đây")' would become a live link, or worse, in the
office's copy of the export (OWASP "CSV injection"). A leading single quote makes the
spreadsheet show the text as typed. Only text is touched: a number handed over as a number
stays a number cell.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """The value a CSV writer should get: text that a spreadsheet would run gets a "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[object]) -> list[object]:
    return [safe_cell(value) for value in row]
