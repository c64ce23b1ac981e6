"""The tracker's two charts, drawn on the server by reports.charts (SVG, no JavaScript)."""

from __future__ import annotations

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ..charts import bar_chart_svg
from .queries import TrackerCounts

AGENCY_CHART_LIMIT = 10


def status_chart(counts: TrackerCounts) -> SafeString:
    """Recommendations per status; empty when nothing matches, so the page shows text only."""
    if not counts.total:
        return SafeString("")
    return bar_chart_svg(
        [(item.label, item.count) for item in counts.by_status],
        _("Số kiến nghị theo tình trạng thực hiện"),
        _("kiến nghị"),
    )


def agency_chart(counts: TrackerCounts, limit: int = AGENCY_CHART_LIMIT) -> SafeString:
    """Overdue recommendations of the agencies with the most of them."""
    rows = sorted(
        (item for item in counts.by_agency if item.overdue),
        key=lambda item: (-item.overdue, item.agency.name),
    )[:limit]
    if not rows:
        return SafeString("")
    return bar_chart_svg(
        [(item.agency.name, item.overdue) for item in rows],
        _("Cơ quan có nhiều kiến nghị quá hạn nhất"),
        _("kiến nghị"),
    )
