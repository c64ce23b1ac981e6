"""What the tracker page shows for a request: filters, counts, charts, one page of rows."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils import timezone

from .enums import RecommendationStatus
from .tracker import TrackerChoices, attach_addressees, filter_recommendations, with_relations
from .tracker_charts import agency_chart, status_chart

PER_PAGE = 50
TOP_AGENCIES = 10


def tracker_context(request: HttpRequest) -> dict:
    from .admin_views import can_record_updates

    choices = TrackerChoices()
    queryset, filters, counts = filter_recommendations(request.GET, choices=choices)
    # get_page() turns junk and out-of-range numbers into the first or last page: a
    # hand-edited ?page= never costs the reader an error page.
    paginator = Paginator(with_relations(queryset), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    recommendations = list(page_obj.object_list)
    attach_addressees(recommendations, choices)
    return {
        "filters": filters,
        "filter_querystring": filters.querystring(),
        "status_choices": RecommendationStatus.choices,
        "agency_options": choices.agency_options(),
        "body_options": list(choices.bodies.values()),
        "field_options": list(choices.fields.values()),
        "year_options": choices.years,
        "selected_agency": choices.agencies.get(filters.agency),
        "counts": counts,
        # Each status count links to the same filter narrowed to that status.
        "status_links": [
            (item, filters.querystring(status=item.value)) for item in counts.by_status
        ],
        "today": timezone.localdate(),
        "top_agencies": [
            (row, filters.querystring(agency=row.agency.pk))
            for row in counts.top_agencies(TOP_AGENCIES)
        ],
        "status_chart": status_chart(counts),
        "agency_chart": agency_chart(counts),
        "recommendations": recommendations,
        "page_obj": page_obj,
        "page_range": paginator.get_elided_page_range(page_obj.number, on_each_side=2),
        # Admin links only for people who can use them; readers never see admin URLs.
        "can_record_updates": can_record_updates(request.user),
        "current_url": request.get_full_path(),
    }
