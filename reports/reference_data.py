"""Reference data public pages read on every request, and the merger graph they follow.

Bodies, fields, agencies and administrative units are small tables that change rarely;
`ReferenceData.load()` reads them in four queries and `MergerGraph.load()` their merger
edges in two; both are cached until one changes.
A "reference generation" number, bumped by the signals below, is part of every cache key
built from this data (here and in reports.report_context), so an edit in the admin shows
at once. Bulk `QuerySet.update()` sends no signal; the cache timeout bounds that case.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from core.cache import bump_content_generation, bump_generation, cached, generation

from .models import AdministrativeUnit, Agency, Field, Person, SupervisingBody

REFERENCE_GENERATION_KEY = "reports:reference-generation"


def reference_generation() -> int:
    """A number bumped whenever reference data a public page shows changes."""
    return generation(REFERENCE_GENERATION_KEY)


def bump_reference_generation(**kwargs) -> None:
    bump_generation(REFERENCE_GENERATION_KEY)
    # Whole pages show this data too: the full-page cache (core.page_cache) is keyed on
    # the content generation only.
    bump_content_generation()


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


class MergerGraph:
    """Who merged into whom: agency successors and administrative-unit successors.

    Every filter by agency or locality follows these edges (see reports.list_params for
    the rules), so they are cached like the rest of the reference data: two queries when
    the cache is cold, none after. Edges only; names are in ReferenceData.
    """

    @classmethod
    def load(cls) -> MergerGraph:
        return cached(f"reports:merger-graph:{reference_generation()}", cls)

    def __init__(self) -> None:
        self.agency_predecessors: dict[int, set[int]] = defaultdict(set)
        for pk, successor_id in Agency.objects.filter(successor__isnull=False).values_list(
            "pk", "successor_id"
        ):
            self.agency_predecessors[successor_id].add(pk)
        self.unit_successors: dict[int, set[int]] = defaultdict(set)
        self.unit_predecessors: dict[int, set[int]] = defaultdict(set)
        edges = AdministrativeUnit.successors.through.objects.values_list(
            "from_administrativeunit_id", "to_administrativeunit_id"
        )
        for old, new in edges:
            self.unit_successors[old].add(new)
            self.unit_predecessors[new].add(old)


class ReferenceData:
    """Every body, field, agency and unit, for option lists and labels."""

    @classmethod
    def load(cls) -> ReferenceData:
        return cached(f"reports:reference-data:{reference_generation()}", cls)

    def __init__(self) -> None:
        self.bodies = list(SupervisingBody.objects.only("name", "short_name", "sort_order"))
        self.fields = list(Field.objects.only("name", "slug"))
        # Every field a page prints of an agency (its str() shows active_until): a deferred
        # one would cost a query per agency on each request that reads this cached copy.
        self.agencies = {
            a.pk: a
            for a in Agency.objects.only("name", "abbreviation", "active_until", "successor_id")
        }
        self.units = {
            u.pk: u
            for u in AdministrativeUnit.objects.select_related("parent").only(
                "name", "short_name", "level", "valid_until", "parent__name", "parent__short_name"
            )
        }

    @property
    def graph(self) -> MergerGraph:
        return MergerGraph.load()

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
