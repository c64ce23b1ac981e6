"""The facet filters and counts, in Python over the matches' small columns.

The match query leaves the facet filters out and returns every match with its facet
columns; the filters are applied here, so one query serves both the results and counts
that respect the other filters ("disjunctive" facets): a facet's counts come from the
matches that pass every active filter except that facet's own. A reader who picked
"Báo cáo giám sát" still sees how many articles the other filters leave, and can switch.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from itertools import compress
from operator import attrgetter

from wagtail.models import Page

from reports.list_params import unit_ids
from search.backends.database.engine import Row
from search.models import EntryKind
from search.params import SearchRequest
from search.results import FACETS, FacetValue

Check = Callable[[Row], bool]


def _keys(keys: str) -> list[str]:
    return [key for key in keys.split("|") if key]  # "|3|7|" -> ["3", "7"]


def _section_check(section_id: int) -> Check:
    # The section and everything below it: entries' paths start with the section's path.
    path = Page.objects.filter(pk=section_id).values_list("path", flat=True).first()
    if path is None:
        return lambda row: False
    return lambda row: row.path.startswith(path) and row.path != path


def _locality_check(unit_id: int) -> Check:
    # A district merged in the 2025 reform is found under its old and its new units.
    wanted = {f"|{pk}|" for pk in unit_ids(unit_id)}
    return lambda row: any(key in row.locality_keys for key in wanted)


def checks(request: SearchRequest) -> dict[str, Check]:
    """One test per active facet filter, by facet name."""
    result: dict[str, Check] = {}
    if request.type:
        result["type"] = lambda row: row.kind == request.type
    if request.section is not None:
        result["section"] = _section_check(request.section)
    if request.body is not None:
        result["body"] = lambda row: row.body_id == request.body
    if request.field:
        field_key = f"|{request.field}|"
        result["field"] = lambda row: field_key in row.field_keys
    if request.year is not None:
        result["year"] = lambda row: row.year == request.year
    if request.locality is not None:
        result["locality"] = _locality_check(request.locality)
    if request.status:
        result["status"] = lambda row: row.status == request.status
    return result


def _single(column: str, label_column: str) -> Callable[[list[Row]], list[FacetValue]]:
    """A facet with at most one value per row, counted and labelled in C loops."""
    values, labels = attrgetter(column), attrgetter(label_column)

    def count(rows: list[Row]) -> list[FacetValue]:
        counts = Counter(map(values, rows))
        names = dict(zip(map(values, rows), map(labels, rows), strict=True))
        present = ((v, n) for v, n in counts.items() if v not in (None, ""))
        return [FacetValue(str(v), str(names[v]), n) for v, n in present]

    return count


def _multiple(keys_column: str, json_column: str) -> Callable[[list[Row]], list[FacetValue]]:
    """A facet with several values per row ("|3|7|"): rows share few distinct key strings,
    so those are counted first and split once each."""
    keys, pairs = attrgetter(keys_column), attrgetter(json_column)

    def count(rows: list[Row]) -> list[FacetValue]:
        counts: Counter[str] = Counter()
        names: dict[str, str] = {}
        labelled = dict(zip(map(keys, rows), map(pairs, rows), strict=True))
        for combination, n in Counter(map(keys, rows)).items():
            if not combination:
                continue
            for key in _keys(combination):
                counts[key] += n
            if any(key not in names for key in _keys(combination)):
                for key, label in json.loads(labelled[combination] or "[]"):
                    names.setdefault(str(key), str(label))
        return [FacetValue(key, names.get(key, key), n) for key, n in counts.items()]

    return count


def _types(rows: list[Row]) -> list[FacetValue]:
    labels = dict(EntryKind.choices)
    return [FacetValue(k, str(labels.get(k, k)), n) for k, n in Counter(map(KIND, rows)).items()]


KIND = attrgetter("kind")
COUNTERS: dict[str, Callable[[list[Row]], list[FacetValue]]] = {
    "type": _types,
    "section": _single("section_id", "section_label"),
    "body": _single("body_id", "body_label"),
    "field": _multiple("field_keys", "fields"),
    "year": _single("year", "year"),
    "locality": _multiple("locality_keys", "localities"),
    "status": _single("status", "status_label"),  # only recommendations have a status
}


def _ordered(name: str, values: list[FacetValue]) -> list[FacetValue]:
    if name == "year":
        return sorted(values, key=lambda v: -int(v.value))
    return sorted(values, key=lambda v: (-v.count, v.label))


def apply(rows: list[Row], request: SearchRequest) -> tuple[list[Row], dict[str, list[FacetValue]]]:
    """The rows that pass every facet filter, and each facet's counts.

    A value's count is the number of matches that pass every other active filter (plus
    the date range and scope, applied in SQL), so the counts of an active facet show the
    alternatives to the chosen value. Recommendations alone carry a status.
    """
    tests = checks(request)
    passes = {name: [test(row) for row in rows] for name, test in tests.items()}

    def passing(names: list[str]) -> list[Row]:
        if not names:
            return rows
        return list(compress(rows, map(all, zip(*(passes[n] for n in names), strict=True))))

    kept = passing(list(tests))
    groups = {name: kept for name in FACETS}
    for name in tests:
        groups[name] = passing([other for other in tests if other != name])
    return kept, {name: _ordered(name, COUNTERS[name](groups[name])) for name in FACETS}
