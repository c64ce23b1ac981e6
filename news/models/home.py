from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from core.pages import SeoMixin, VietnameseSlugMixin
from core.visibility import PathRestrictionsMixin

from ..routing import DirectRoutingMixin
from ..selectors import home_page_context


class HomePage(SeoMixin, VietnameseSlugMixin, PathRestrictionsMixin, DirectRoutingMixin, Page):
    intro = models.CharField(_("lời giới thiệu"), max_length=500, blank=True)
    featured_article = models.ForeignKey(
        "news.NewsArticlePage",
        verbose_name=_("tin nổi bật"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Để trống: tự lấy tin mới nhất."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured_article"),
        InlinePanel(
            "home_sections",
            label=_("Chuyên mục trên trang chủ"),
            help_text=_("Để trống: hiện các chuyên mục con của trang chủ."),
        ),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # Other apps (reports) may place their index pages here; each page type's own
    # parent_page_types decides, so the home page need not know them.

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self, cached=not getattr(request, "is_preview", False)))
        return context


class HomeSection(Orderable):
    home = ParentalKey(HomePage, related_name="home_sections", on_delete=models.CASCADE)
    section = models.ForeignKey(
        "news.NewsIndexPage",
        verbose_name=_("chuyên mục"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("section")]

    class Meta(Orderable.Meta):
        verbose_name = _("chuyên mục trên trang chủ")
