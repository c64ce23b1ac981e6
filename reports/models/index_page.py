from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.pages import SeoMixin, VietnameseSlugMixin
from core.pagination import page_number_from, pagination_for, with_page
from core.visibility import PathRestrictionsMixin

REPORTS_PER_PAGE = 20


def _without(request, param: str) -> str:
    """The current list's URL query without one filter (and back to page 1)."""
    query = request.GET.copy()
    for name in (param, "page"):
        query.pop(name, None)
    return f"?{query.urlencode()}" if query else request.path


def with_verdict_counts(reports: list) -> list:
    """Set `verdict_count` and `verdict_done_count` on each report, in one query: a
    re-inspection judges earlier recommendations rather than making its own."""
    from django.db.models import Count, Q

    from ..enums import RecommendationStatus
    from .recommendations import RecommendationReview

    if not reports:
        return reports
    counts = {
        row["report_id"]: row
        for row in RecommendationReview.objects.filter(report_id__in=[r.pk for r in reports])
        .values("report_id")
        .annotate(n=Count("pk"), done=Count("pk", filter=Q(status=RecommendationStatus.DONE)))
        .order_by()
    }
    for report in reports:
        row = counts.get(report.pk, {})
        report.verdict_count, report.verdict_done_count = row.get("n", 0), row.get("done", 0)
    return reports


class ReportIndexPage(SeoMixin, VietnameseSlugMixin, PathRestrictionsMixin, Page):
    """Lists supervision reports with bookmarkable filters (each a GET parameter)."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = ["reports.SupervisionReportPage", "reports.RecommendationTrackerPage"]
    # Readers must reach the reports: a new index starts ticked "show in menus", which the
    # main menu lists while the office has not written its own (news.menu).
    show_in_menus_default = True

    class Meta:
        verbose_name = _("danh sách báo cáo giám sát")

    def get_context(self, request, *args, **kwargs) -> dict:
        """The filtered, paginated list; every filter is a GET parameter (bookmarkable).

        Junk page numbers read as page 1, a page past the end is a 404, like news sections.
        """
        from ..report_list import filter_reports

        context = super().get_context(request, *args, **kwargs)
        result = filter_reports(request.GET, within=self)
        paginator = Paginator(result.queryset, REPORTS_PER_PAGE)
        try:
            reports = paginator.page(page_number_from(request))
        except EmptyPage as error:
            raise Http404("Trang không tồn tại") from error
        reports.object_list = with_verdict_counts(list(reports.object_list))
        context.update(
            reports=reports,
            pagination=pagination_for(reports, with_page(request.GET)),
            result=result,
            active_filters=[
                (title, label, _without(request, param)) for param, title, label in result.active
            ],
        )
        return context


class RecommendationTrackerPage(
    SeoMixin, VietnameseSlugMixin, PathRestrictionsMixin, RoutablePageMixin, Page
):
    """ "Theo dõi thực hiện kiến nghị": every recommendation with filters, counts, charts, CSV."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["reports.ReportIndexPage", "news.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    show_in_menus_default = True  # as ReportIndexPage: in the default main menu

    class Meta:
        verbose_name = _("trang theo dõi kiến nghị")

    # The tracker modules import the models, so they are imported when a route runs.
    @path("")
    def tracker_route(self, request):
        from ..tracker.views import tracker_context

        response = self.render(request, context_overrides=tracker_context(request))
        if request.user.is_authenticated:
            # Editors see admin links here; no shared cache may hand their copy to readers.
            response["Cache-Control"] = "private"
        return response

    @path("csv/")
    def csv_route(self, request):
        from ..tracker.export import csv_response

        return csv_response(request)
