from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from news.routing import PathRestrictionsMixin


class ReportIndexPage(PathRestrictionsMixin, Page):
    """Lists supervision reports with bookmarkable filters (each a GET parameter)."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = ["reports.SupervisionReportPage", "reports.RecommendationTrackerPage"]

    class Meta:
        verbose_name = _("danh sách báo cáo giám sát")


class RecommendationTrackerPage(PathRestrictionsMixin, Page):
    """ "Theo dõi thực hiện kiến nghị": every recommendation with filters, counts, charts, CSV."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["reports.ReportIndexPage", "news.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("trang theo dõi kiến nghị")
