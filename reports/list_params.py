"""The filter parameters of every public report list, read and checked the same way.

The report index (reports.report_list), the recommendation tracker (reports.tracker.queries) and the
open-data API (reports.api) all take these parameters. This module decides what a value
may be and which agencies and administrative units a chosen one stands for; it never
decides what to do with a bad value. `parse_params` returns the accepted values and, per
refused parameter, a `ParamError`: the HTML pages ignore that parameter and show
`error.note`, the API answers 400 with `error.code` and `error.api_message`.

A well-formed value that matches nothing (an agency id that does not exist, an unused
field slug) is not an error: it filters to an empty list, like any other filter.

Merger rules, decided by the council office:
  agency    the agency and every agency merged into it, however many mergers ago (its
            predecessors). Not its successors, not its "siblings": filtering by today's
            Sở Nội vụ finds what went to the former Sở Lao động - Thương binh và Xã hội,
            whose work it carried over; filtering by the old department finds only its own.
  locality  the unit, the units it was formed from and the units it became: territory
            carries across the 1 July 2025 reform in both directions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .enums import RecommendationStatus, ReportKind
from .reference_data import MergerGraph

MIN_YEAR, MAX_YEAR = 1900, 2100
# Larger ids cannot be stored anyway, and SQLite raises OverflowError (a 500) on them.
MAX_ID = 2**63 - 1
SORTS = ("newest", "oldest")
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
INTEGER = re.compile(r"^[+-]?[0-9]+$")
TRUE, FALSE = ("1", "true"), ("0", "false")

# What each parameter is called in a note to readers.
SUBJECTS: dict[str, Promise] = {
    "body": _("Mã cơ quan giám sát"),
    "agency": _("Mã cơ quan, đơn vị"),
    "locality": _("Mã địa bàn"),
    "year": _("Năm"),
    "kind": _("Hình thức giám sát"),
    "status": _("Tình trạng kiến nghị"),
    "field": _("Mã lĩnh vực"),
    "overdue": _("Giá trị lọc quá hạn"),
    "sort": _("Cách sắp xếp"),
}


@dataclass(frozen=True)
class ParamError:
    """Why one parameter was refused, for a reader (`note`) and for a program (`code`)."""

    param: str
    code: str  # invalid_integer, out_of_range, invalid_choice, invalid_slug, invalid_boolean
    value: str
    expected: str  # what the parameter accepts, in Vietnamese, without a subject

    @property
    def subject(self) -> str:
        """What the parameter is called in a note to readers."""
        return str(SUBJECTS[self.param])

    @property
    def message(self) -> str:
        shown = self.value if len(self.value) <= 40 else self.value[:39] + "…"
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


class Refused(Exception):
    def __init__(self, code: str, expected: str) -> None:
        self.code, self.expected = code, expected


def _integer(raw: str, low: int, high: int, expected: str) -> int:
    if not INTEGER.match(raw):
        raise Refused("invalid_integer", expected)
    # Length first: int() of thousands of digits is slow, and no such id can exist.
    digits = raw.lstrip("+-")
    if len(digits.lstrip("0")) > 19 or not low <= int(raw) <= high:
        raise Refused("out_of_range", expected)
    return int(raw)


def positive_id(raw: str) -> int:
    return _integer(raw, 1, MAX_ID, gettext("phải là số nguyên dương"))


def year(raw: str) -> int:
    expected = gettext("phải là năm từ %(low)s đến %(high)s") % {"low": MIN_YEAR, "high": MAX_YEAR}
    return _integer(raw, MIN_YEAR, MAX_YEAR, expected)


def choice(values: Iterable[str]) -> Callable[[str], str]:
    allowed = tuple(values)

    def parse(raw: str) -> str:
        if raw not in allowed:
            raise Refused(
                "invalid_choice",
                gettext("chỉ nhận một trong các giá trị: %s") % ", ".join(allowed),
            )
        return raw

    return parse


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


PARSERS: dict[str, Callable[[str], Any]] = {
    "body": positive_id,
    "agency": positive_id,
    "locality": positive_id,
    "year": year,
    "kind": choice(ReportKind.values),
    "status": choice(RecommendationStatus.values),
    "field": slug,
    "overdue": boolean,
    "sort": choice(SORTS),
}


def raw_value(params: Mapping[str, Any], name: str) -> str:
    """One parameter as text: a QueryDict's last value, a list's first, "" when absent."""
    value = params.get(name)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return "" if value is None else str(value).strip()


def parse_params(
    params: Mapping[str, Any], names: Iterable[str]
) -> tuple[dict[str, Any], dict[str, ParamError]]:
    """The accepted values of `names` in `params`, and an error per refused one.

    An empty value is no filter at all: a GET form sends every field, unused ones blank.
    """
    accepted: dict[str, Any] = {}
    errors: dict[str, ParamError] = {}
    for name in names:
        raw = raw_value(params, name)
        if not raw:
            continue
        try:
            accepted[name] = PARSERS[name](raw)
        except Refused as refused:
            errors[name] = ParamError(name, refused.code, raw, refused.expected)
    return accepted, errors


def _closure(start: int, edges: Mapping[int, Iterable[int]]) -> set[int]:
    seen, pending = {start}, [start]
    while pending:
        for following in edges.get(pending.pop(), ()):
            if following not in seen:
                seen.add(following)
                pending.append(following)
    return seen


def agency_ids(agency_id: int, graph: MergerGraph | None = None) -> set[int]:
    """The agencies `agency=<agency_id>` matches: itself and all its predecessors."""
    graph = graph or MergerGraph.load()
    return _closure(agency_id, graph.agency_predecessors)


def unit_ids(unit_id: int, graph: MergerGraph | None = None) -> set[int]:
    """The units `locality=<unit_id>` matches: itself, its predecessors and successors."""
    graph = graph or MergerGraph.load()
    return _closure(unit_id, graph.unit_successors) | _closure(unit_id, graph.unit_predecessors)
