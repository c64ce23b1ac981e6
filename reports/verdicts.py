"""A re-inspection's verdicts ("Kết quả tái giám sát"): each reviewed recommendation with
its new status and the team's note, linked to its place on the report that made it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.visibility import is_public

from .anchors import IN_EDITOR_ORDER, anchor, recommendation_positions

if TYPE_CHECKING:
    from .models import RecommendationReview, SupervisionReportPage

# The judged recommendation's report is only linked; its long texts are never read.
UNREAD_REPORT_FIELDS = tuple(
    f"recommendation__report__{name}"
    for name in ("summary", "findings", "shortcomings", "agency_response", "conclusion")
)


def report_verdicts(
    report: SupervisionReportPage, preview: bool = False
) -> list[RecommendationReview]:
    """The reviews in editor order, each with `link` ("" when the judged report is a draft
    or restricted, or the editor has not chosen a recommendation yet), in two queries."""
    if preview:  # the editor's unsaved rows live in memory
        reviews = [r for r in report.reviews.all() if r.recommendation_id]
        for review in reviews:
            review.target_public = False
    else:
        reviews = list(
            report.reviews.select_related("recommendation__report")
            .defer(*UNREAD_REPORT_FIELDS)
            .annotate(target_public=is_public("recommendation__report__path"))
            .order_by(*IN_EDITOR_ORDER)
        )
    positions = recommendation_positions(r.recommendation.report_id for r in reviews)
    for review in reviews:
        target = review.recommendation.report
        public = review.target_public and target.live
        review.link = (
            f"{target.url}{anchor(positions.get(review.recommendation_id))}" if public else ""
        )
    return reviews
