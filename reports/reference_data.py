"""Reference data public pages read on every request, and how merged units are followed.

Bodies, fields, agencies and administrative units are small tables that change rarely;
`ReferenceData.load()` reads them in five queries and caches them until one changes.
A "reference generation" number, bumped by the signals below, is part of every cache key
built from this data (here and in reports.report_context), so an edit in the admin shows
at once. Bulk `QuerySet.update()` sends no signal; the cache timeout bounds that case.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from news.selectors import CACHE_SECONDS

from .models import AdministrativeUnit, Agency, Field, Person, SupervisingBody

REFERENCE_GENERATION_KEY = "reports:reference-generation"


def reference_generation() -> int:
    """A number bumped whenever reference data a public page shows changes."""
    return cache.get_or_set(REFERENCE_GENERATION_KEY, 1, None)


def bump_reference_generation(**kwargs) -> None:
    try:
        cache.incr(REFERENCE_GENERATION_KEY)
    except ValueError:
        cache.set(REFERENCE_GENERATION_KEY, 2, None)


for _model in (
    SupervisingBody,
    Agency,
    AdministrativeUnit,
    Person,
    Field,
    get_document_model(),
    CollectionViewRestriction,
):
    post_save.connect(bump_reference_generation, sender=_model, dispatch_uid=f"ref-save-{_model}")
    post_delete.connect(bump_reference_generation, sender=_model, dispatch_uid=f"ref-del-{_model}")
m2m_changed.connect(
    bump_reference_generation,
    sender=AdministrativeUnit.successors.through,
    dispatch_uid="ref-unit-successors",
)


class ReferenceData:
    """Every body, field, agency and unit, with the merger graph of agencies and units."""

    @classmethod
    def load(cls) -> ReferenceData:
        key = f"reports:reference-data:{reference_generation()}"
        data = cache.get(key)
        if data is None:
            data = cls()
            cache.set(key, data, CACHE_SECONDS)
        return data

    def __init__(self) -> None:
        self.bodies = list(SupervisingBody.objects.only("name", "short_name", "sort_order"))
        self.fields = list(Field.objects.only("name", "slug"))
        self.agencies = {a.pk: a for a in Agency.objects.only("name", "successor_id")}
        self.units = {
            u.pk: u
            for u in AdministrativeUnit.objects.select_related("parent").only(
                "name", "short_name", "level", "valid_until", "parent__name", "parent__short_name"
            )
        }
        self.unit_successors: dict[int, set[int]] = defaultdict(set)
        self.unit_predecessors: dict[int, set[int]] = defaultdict(set)
        edges = AdministrativeUnit.successors.through.objects.values_list(
            "from_administrativeunit_id", "to_administrativeunit_id"
        )
        for old, new in edges:
            self.unit_successors[old].add(new)
            self.unit_predecessors[new].add(old)
        self.agency_predecessors: dict[int, set[int]] = defaultdict(set)
        for agency in self.agencies.values():
            if agency.successor_id:
                self.agency_predecessors[agency.successor_id].add(agency.pk)

    @staticmethod
    def _closure(start: int, edges: dict[int, set[int]]) -> set[int]:
        seen, todo = {start}, [start]
        while todo:
            for following in edges.get(todo.pop(), ()):
                if following not in seen:
                    seen.add(following)
                    todo.append(following)
        return seen

    def agency_ids(self, agency_id: int) -> set[int]:
        """The agency and every agency merged into it, however many mergers ago."""
        return self._closure(agency_id, self.agency_predecessors)

    def unit_ids(self, unit_id: int) -> set[int]:
        """The unit, the units it became and the units it was formed from."""
        return self._closure(unit_id, self.unit_successors) | self._closure(
            unit_id, self.unit_predecessors
        )

    def current_agency(self, agency: Agency) -> Agency:
        """The end of the successor chain: the agency that carries the work today."""
        seen = {agency.pk}
        while agency.successor_id in self.agencies and agency.successor_id not in seen:
            agency = self.agencies[agency.successor_id]
            seen.add(agency.pk)
        return agency

    def agency_label(self, agency: Agency) -> str:
        """ "Old name (nay là Today's name)" for a merged agency, else its name."""
        current = self.current_agency(agency)
        if current.pk == agency.pk:
            return agency.name
        return _("%(old)s (nay là %(new)s)") % {"old": agency.name, "new": current.name}
