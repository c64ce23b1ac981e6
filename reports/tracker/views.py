"""What the tracker page shows for a request: filters, counts, charts, one page of rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils import timezone

from core.pagination import pagination_for

from ..enums import RecommendationStatus
from ..models import Recommendation
from ..overdue import is_overdue
from .charts import agency_chart, status_chart
from .queries import TrackerChoices, attach_addressees, filter_recommendations, with_relations

PER_PAGE = 50
TOP_AGENCIES = 10


def _attach_row_facts(recommendations: list[Recommendation], today: date) -> None:
    """The status label and overdue flag each row prints, worked out once here: in the
    template get_status_display() resolves a lazy translation per call and is_overdue,
    asked twice a row, reads the clock each time (about a sixth of the rendering)."""
    labels = {value: str(label) for value, label in RecommendationStatus.choices}
    for recommendation in recommendations:
        recommendation.status_label = labels.get(recommendation.status, recommendation.status)
        recommendation.overdue_today = is_overdue(recommendation, today)


def _page_url(filter_querystring: str) -> Callable[[int], str]:
    """Page links keep the filter, written in its own canonical order, then ?page=."""
    prefix = f"?{filter_querystring}&" if filter_querystring else "?"
    return lambda number: f"{prefix}page={number}"


def tracker_context(request: HttpRequest) -> dict:
    from ..admin.followup_views import can_record_updates

    choices = TrackerChoices()
    today = timezone.localdate()  # one date for the counts and the rows, even at midnight
    queryset, filters, counts = filter_recommendations(request.GET, choices=choices, today=today)
    # get_page() turns junk and out-of-range numbers into the first or last page: a
    # hand-edited ?page= never costs the reader an error page.
    paginator = Paginator(with_relations(queryset), PER_PAGE)
    # The summary counts the same filtered set in its one aggregate query; reusing its
    # total spares the paginator a COUNT over every matching recommendation.
    paginator.count = counts.total
    page_obj = paginator.get_page(request.GET.get("page"))
    recommendations = list(page_obj.object_list)
    attach_addressees(recommendations, choices)
    _attach_row_facts(recommendations, today)
    return {
        "filters": filters,
        "filter_querystring": filters.querystring(),
        "status_choices": RecommendationStatus.choices,
        "agency_options": choices.agency_options(),
        "body_options": choices.bodies,
        "field_options": choices.fields,
        "year_options": choices.years,
        "selected_agency": choices.agencies.get(filters.agency),
        "counts": counts,
        # Each status count links to the same filter narrowed to that status.
        "status_links": [
            (item, filters.querystring(status=item.value)) for item in counts.by_status
        ],
        "today": today,
        "top_agencies": [
            (row, filters.querystring(agency=row.agency.pk))
            for row in counts.top_agencies(TOP_AGENCIES)
        ],
        "status_chart": status_chart(counts),
        "agency_chart": agency_chart(counts),
        "recommendations": recommendations,
        "page_obj": page_obj,
        "pagination": pagination_for(page_obj, _page_url(filters.querystring())),
        # Admin links only for people who can use them; readers never see admin URLs.
        "can_record_updates": can_record_updates(request.user),
        "current_url": request.get_full_path(),
    }
