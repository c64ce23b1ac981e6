"""Request parameters, read and checked the same way by every page and by the API.

A page or endpoint declares its parameters as `Param(reader, subject)`: the reader turns
the text of a GET parameter into a value or raises `Refused`; the subject is what the
parameter is called in a note to readers. `parse_params` returns the accepted values and,
per refused parameter, a `ParamError`: HTML pages ignore that parameter and show
`error.note`, the API answers 400 with `error.code` and `error.api_message`
(core.api_errors). One parser and one set of Vietnamese messages for pages and API.

An empty value is no parameter at all: a GET form sends every field, unused ones blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from django.utils.functional import Promise
from django.utils.translation import gettext

MIN_YEAR, MAX_YEAR = 1900, 2100
# Larger ids cannot be stored anyway, and SQLite raises OverflowError (a 500) on them.
MAX_ID = 2**63 - 1
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
# ASCII digits only: str.isdigit() accepts "²", which int() refuses.
INTEGER = re.compile(r"^[+-]?[0-9]+$")
TRUE, FALSE = ("1", "true"), ("0", "false")
KEPT_VALUE = 100  # characters of a refused value an error keeps
SHOWN_VALUE = 40  # characters of it a note shows


class Refused(Exception):
    """A reader's refusal: a machine code and what the parameter accepts (Vietnamese)."""

    def __init__(self, code: str, expected: str) -> None:
        super().__init__(expected)
        self.code, self.expected = code, expected


Reader = Callable[[str], Any]


class Param(NamedTuple):
    """One parameter a page or endpoint takes: how to read it, and its name for readers."""

    read: Reader
    subject: str | Promise


@dataclass(frozen=True)
class ParamError:
    """Why one parameter was refused, for a reader (`note`) and for a program (`code`)."""

    param: str
    code: str  # invalid_integer, out_of_range, invalid_choice, invalid_slug, invalid_boolean…
    value: str
    expected: str  # what the parameter accepts, in Vietnamese, without a subject
    subject: str | Promise  # what the parameter is called in a note to readers

    @property
    def message(self) -> str:
        shown = self.value
        if len(shown) > SHOWN_VALUE:
            shown = shown[: SHOWN_VALUE - 1] + "…"
        return gettext("%(subject)s “%(value)s” không hợp lệ: %(expected)s.") % {
            "subject": self.subject,
            "value": shown,
            "expected": self.expected,
        }

    @property
    def note(self) -> str:
        """What an HTML page shows above the list it drew without this parameter."""
        return f"{self.message} {gettext('Bộ lọc này được bỏ qua.')}"

    @property
    def api_message(self) -> str:
        return gettext("Tham số “%(param)s” không hợp lệ: %(expected)s.") % {
            "param": self.param,
            "expected": self.expected,
        }

    def __str__(self) -> str:
        return self.message


def _whole_number(raw: str, low: int, high: int, expected: str) -> int:
    if not INTEGER.match(raw):
        raise Refused("invalid_integer", expected)
    # Length first: int() of thousands of digits is slow, and no such value is wanted.
    if len(raw.lstrip("+-").lstrip("0")) > 19 or not low <= int(raw) <= high:
        raise Refused("out_of_range", expected)
    return int(raw)


def integer(low: int, high: int) -> Reader:
    """A whole number from `low` to `high` (a page number, a page size)."""

    def read(raw: str) -> int:
        expected = gettext("phải là số nguyên từ %(low)d đến %(high)d")
        return _whole_number(raw, low, high, expected % {"low": low, "high": high})

    return read


def positive_id(raw: str) -> int:
    """A database id: a positive whole number that can be stored."""
    return _whole_number(raw, 1, MAX_ID, gettext("phải là số nguyên dương"))


def year(raw: str) -> int:
    expected = gettext("phải là năm từ %(low)s đến %(high)s") % {"low": MIN_YEAR, "high": MAX_YEAR}
    return _whole_number(raw, MIN_YEAR, MAX_YEAR, expected)


def choice(values: Iterable[str]) -> Reader:
    """One of `values`, exactly as written."""
    allowed = tuple(values)

    def read(raw: str) -> str:
        if raw not in allowed:
            raise Refused(
                "invalid_choice",
                gettext("chỉ nhận một trong các giá trị: %s") % ", ".join(allowed),
            )
        return raw

    return read


def slug(raw: str) -> str:
    if not SLUG.match(raw):
        raise Refused(
            "invalid_slug",
            gettext("chỉ gồm chữ cái không dấu, chữ số, dấu gạch ngang, tối đa 100 ký tự"),
        )
    return raw


def boolean(raw: str) -> bool:
    # The pages' own forms send 1/0; API clients tend to send true/false. Both, anywhere.
    if raw.lower() in TRUE:
        return True
    if raw.lower() in FALSE:
        return False
    raise Refused("invalid_boolean", gettext("chỉ nhận 1 hoặc 0 (hoặc true/false)"))


def calendar_date(raw: str) -> date:
    """A day as YYYY-MM-DD (what programs send) or DD/MM/YYYY (what Vietnamese readers type)."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            value = datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
        if MIN_YEAR <= value.year <= MAX_YEAR:
            return value
    raise Refused("invalid_date", gettext("ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY"))


def raw_value(params: Mapping[str, Any], name: str) -> str:
    """One parameter as text: a QueryDict's last value, a list's first, "" when absent."""
    value = params.get(name)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return "" if value is None else str(value).strip()


def refusal(name: str, param: Param, raw: str, refused: Refused) -> ParamError:
    """The error for `raw`, refused as parameter `name`."""
    return ParamError(name, refused.code, raw[:KEPT_VALUE], str(refused.expected), param.subject)


def parse_params(
    params: Mapping[str, Any], declared: Mapping[str, Param]
) -> tuple[dict[str, Any], dict[str, ParamError]]:
    """The accepted values of the `declared` parameters found in `params`, and an error
    per refused one, in declaration order (the API reports the first)."""
    accepted: dict[str, Any] = {}
    errors: dict[str, ParamError] = {}
    for name, param in declared.items():
        raw = raw_value(params, name)
        if not raw:
            continue
        try:
            accepted[name] = param.read(raw)
        except Refused as refused:
            errors[name] = refusal(name, param, raw, refused)
    return accepted, errors
