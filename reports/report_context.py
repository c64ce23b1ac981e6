"""What a supervision report page shows, read in a fixed number of queries.

The parts fixed when the report is published (team, scope, legal bases, figures,
documents, linked news and reports) are read together and cached per published version.
The cache key also carries the news content generation (bumped when any page is
published, unpublished or restricted) and the reference generation (bumped when an
agency, locality, person, field, body or document changes; see reports.reference_data),
so no stale copy is served after a change that matters. Recommendations are read fresh
on every request: their status changes with each recorded update, without the report
being republished.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Length, Substr
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail.models import CollectionViewRestriction

from core.cache import cached, content_generation
from core.visibility import is_public, not_restricted

from .anchors import IN_EDITOR_ORDER
from .charts import bar_chart_svg
from .models import AdministrativeUnit, Agency, RecommendationUpdate
from .reference_data import reference_generation
from .verdicts import report_verdicts

if TYPE_CHECKING:
    from .models import KeyFigure, Recommendation, SupervisionReportPage

REPORT_LIST_FIELDS = ("title", "url_path", "path", "depth", "live", "report_date", "follows_up_id")


def collection_not_restricted(path_field: str) -> Exists:
    """True where no view restriction covers the document's collection or an ancestor:
    a private document's title and link stay off public pages."""
    covering = CollectionViewRestriction.objects.filter(
        collection__path=Substr(OuterRef(path_field), 1, Length("collection__path"))
    )
    return ~Exists(covering)


@dataclass
class Locality:
    """A visited unit and, when it has been merged or split, the units it became."""

    unit: AdministrativeUnit
    successors: list[str] = field(default_factory=list)

    @property
    def changed_on(self) -> date | None:
        until = self.unit.valid_until
        return until + timedelta(days=1) if until else None


def _localities(report: SupervisionReportPage, preview: bool) -> list[Locality]:
    if preview:
        return [Locality(unit) for unit in report.localities.all()]
    # One query: each row is a (unit, successor name) pair, successors joined outward.
    rows = (
        AdministrativeUnit.objects.filter(reports=report)
        .select_related("parent")
        .annotate(successor_name=F("successors__name"))
        .order_by("level", "name", "pk", "successors__name")
    )
    by_unit: dict[int, Locality] = {}
    for row in rows:
        locality = by_unit.setdefault(row.pk, Locality(row))
        if row.successor_name:
            locality.successors.append(row.successor_name)
    return list(by_unit.values())


def figure_charts(figures: list[KeyFigure]) -> list[SafeString]:
    """One bar chart per unit with two or more figures: bars of different units (people
    and billion đồng) side by side would mislead, and one bar alone says nothing."""
    by_unit: dict[str, list[KeyFigure]] = defaultdict(list)
    for figure in figures:
        by_unit[figure.unit.strip()].append(figure)
    charts = []
    for unit, group in by_unit.items():
        if len(group) < 2:
            continue
        title = _("Số liệu chính") + (f" ({_('đơn vị')}: {unit})" if unit else "")
        charts.append(bar_chart_svg([(f.label, f.value) for f in group], title, unit))
    return charts


def published_parts(report: SupervisionReportPage, preview: bool = False) -> dict[str, Any]:
    """Everything but the recommendations, cached per published version of the report."""
    if preview or not report.pk:
        return _read_published_parts(report, preview=True)
    key = (
        f"reports:page:{report.pk}:{report.live_revision_id}:"
        f"{content_generation()}:{reference_generation()}"
    )
    return cached(key, lambda: _read_published_parts(report, preview=False))


def _read_published_parts(report: SupervisionReportPage, preview: bool) -> dict[str, Any]:
    from .models import SupervisionReportPage

    documents = report.documents.select_related("document").order_by(*IN_EDITOR_ORDER)
    news_links = report.news_links.select_related("article").order_by(*IN_EDITOR_ORDER)
    if not preview:
        documents = documents.filter(collection_not_restricted("document__collection__path"))
        news_links = (
            news_links.filter(article__live=True)
            .filter(not_restricted("article__path"))
            .defer("article__body")
        )
    news = [link.article for link in news_links if link.article.live]
    # Both directions of re-inspection in one query; drafts and restricted ones stay hidden.
    linked = Q(follows_up_id=report.pk) if report.pk else Q(pk__in=[])
    if report.follows_up_id:
        linked |= Q(pk=report.follows_up_id)
    related = list(
        SupervisionReportPage.objects.live()
        .filter(not_restricted())
        .filter(linked)
        .only(*REPORT_LIST_FIELDS)
        .order_by("report_date", "pk")
    )
    figures = list(report.figures.order_by(*IN_EDITOR_ORDER))
    return {
        "members": list(report.members.all()),
        "fields": list(report.fields.all()),
        "agencies": list(report.agencies.select_related("successor__successor__successor")),
        "localities": _localities(report, preview),
        "legal_bases": list(report.legal_bases.order_by(*IN_EDITOR_ORDER)),
        "sessions": list(report.sessions.order_by(*IN_EDITOR_ORDER)),
        "figures": figures,
        "figure_charts": figure_charts(figures),
        "documents": list(documents),
        "news": news,
        "follows_up": next((r for r in related if r.pk == report.follows_up_id), None),
        "follow_ups": [r for r in related if r.follows_up_id == report.pk and r.pk],
        # Fixed when the re-inspection is published, like the parts above.
        "verdicts": report_verdicts(report, preview) if report.pk or preview else [],
    }


def recommendations_with_history(
    report: SupervisionReportPage, preview: bool = False
) -> list[Recommendation]:
    """The report's recommendations with addressees and public history, in three queries.

    `history` holds the dated updates, oldest first; each carries `source_public` and
    `evidence_public` so a draft or restricted source report, or a document in a private
    collection, is never linked. Who recorded an update is not public and is not loaded.
    """
    recommendations = report.recommendations.order_by(*IN_EDITOR_ORDER)
    if not preview:  # a preview's rows live in memory, some not saved: nothing to prefetch
        recommendations = recommendations.prefetch_related(
            Prefetch("addressees", queryset=Agency.objects.select_related("successor__successor"))
        )
    recommendations = list(recommendations)
    saved = [r.pk for r in recommendations if r.pk]
    history: dict[int, list[RecommendationUpdate]] = defaultdict(list)
    if saved:
        updates = (
            RecommendationUpdate.objects.approved()
            .filter(recommendation_id__in=saved)
            .select_related("evidence", "source_report")
            .only(
                "recommendation_id",
                "date",
                "status",
                "note",
                "source_text",
                "evidence__title",
                "evidence__file",
                "evidence__collection_id",
                *(f"source_report__{name}" for name in REPORT_LIST_FIELDS),
            )
            .annotate(
                source_public=is_public("source_report__path"),
                evidence_public=collection_not_restricted("evidence__collection__path"),
            )
            .order_by("date", "pk")
        )
        for update in updates:
            history[update.recommendation_id].append(update)
    for recommendation in recommendations:
        recommendation.history = history.get(recommendation.pk, [])
    return recommendations


def recommendation_summary(recommendations: list[Recommendation]) -> dict[str, int]:
    from .enums import RecommendationStatus

    return {
        "total": len(recommendations),
        "done": sum(r.status == RecommendationStatus.DONE for r in recommendations),
        "overdue": sum(r.is_overdue for r in recommendations),
    }
