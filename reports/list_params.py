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

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from core.params import Param, ParamError, boolean, choice, positive_id, slug, year
from core.params import parse_params as parse_declared

from .enums import RecommendationStatus, ReportKind
from .reference_data import MergerGraph

# ParamError is re-exported: the report list and the tracker hand these errors on.
__all__ = ["PARAMS", "SORTS", "ParamError", "agency_ids", "parse_params", "unit_ids"]

SORTS = ("newest", "oldest")

# Every filter of the report lists, with what it is called in a note to readers.
PARAMS: dict[str, Param] = {
    "body": Param(positive_id, _("Mã cơ quan giám sát")),
    "agency": Param(positive_id, _("Mã cơ quan, đơn vị")),
    "locality": Param(positive_id, _("Mã địa bàn")),
    "year": Param(year, _("Năm")),
    "kind": Param(choice(ReportKind.values), _("Hình thức giám sát")),
    "status": Param(choice(RecommendationStatus.values), _("Tình trạng kiến nghị")),
    "field": Param(slug, _("Mã lĩnh vực")),
    "overdue": Param(boolean, _("Giá trị lọc quá hạn")),
    "sort": Param(choice(SORTS), _("Cách sắp xếp")),
}


def parse_params(
    params: Mapping[str, Any], names: Iterable[str]
) -> tuple[dict[str, Any], dict[str, ParamError]]:
    """The accepted values of the filters `names` in `params`, and an error per refused one."""
    return parse_declared(params, {name: PARAMS[name] for name in names})


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
