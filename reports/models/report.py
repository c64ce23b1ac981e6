"""Supervision report pages and their structured parts."""

from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.pages import SeoMixin, VietnameseSlugMixin
from core.visibility import PathRestrictionsMixin

from ..charts import format_number
from ..enums import DocumentRole, LegalBasisKind, ReportKind

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class SupervisionReportPage(SeoMixin, VietnameseSlugMixin, PathRestrictionsMixin, Page):
    og_type = "article"  # link previews (core.pages.SeoMixin)

    kind = models.CharField(
        _("hình thức"), max_length=20, choices=ReportKind.choices, default=ReportKind.THEMATIC
    )
    subject = models.CharField(
        _("nội dung giám sát"),
        max_length=500,
        blank=True,
        help_text=_("Ví dụ: việc thực hiện chính sách pháp luật về trợ giúp xã hội."),
    )
    supervising_body = models.ForeignKey(
        "reports.SupervisingBody",
        verbose_name=_("cơ quan giám sát"),
        null=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    head = models.ForeignKey(
        "reports.Person",
        verbose_name=_("trưởng đoàn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headed_reports",
    )
    members = ParentalManyToManyField(
        "reports.Person",
        verbose_name=_("thành viên đoàn"),
        blank=True,
        related_name="member_of_reports",
    )
    fields = ParentalManyToManyField(
        "reports.Field", verbose_name=_("lĩnh vực"), blank=True, related_name="reports"
    )
    agencies = ParentalManyToManyField(
        "reports.Agency",
        verbose_name=_("cơ quan được giám sát"),
        blank=True,
        related_name="supervised_in",
    )
    localities = ParentalManyToManyField(
        "reports.AdministrativeUnit",
        verbose_name=_("địa bàn giám sát"),
        blank=True,
        related_name="reports",
    )
    localities_note = models.CharField(
        _("ghi chú địa bàn"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: 12 xã thuộc 3 huyện."),
    )
    period_start = models.DateField(_("thời kỳ giám sát từ"), null=True, blank=True)
    period_end = models.DateField(_("đến"), null=True, blank=True)
    report_date = models.DateField(
        _("ngày giám sát"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Ngày làm việc chính hoặc ngày ban hành báo cáo; dùng để sắp xếp, lọc theo năm."
        ),
    )
    summary = models.TextField(_("tóm tắt"), blank=True)
    findings = RichTextField(_("kết quả đạt được"), features=TEXT_FEATURES, blank=True)
    shortcomings = RichTextField(_("tồn tại, hạn chế"), features=TEXT_FEATURES, blank=True)
    agency_response = RichTextField(_("giải trình của cơ quan"), features=TEXT_FEATURES, blank=True)
    conclusion = RichTextField(_("kết luận"), features=TEXT_FEATURES, blank=True)
    follows_up = models.ForeignKey(
        "self",
        verbose_name=_("tái giám sát báo cáo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
        help_text=_("Báo cáo trước mà lần tái giám sát này theo dõi."),
    )
    source_article = models.ForeignKey(
        "news.NewsArticlePage",
        verbose_name=_("tạo từ bài viết"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("subject"),
                FieldPanel("supervising_body"),
                FieldPanel("head"),
                FieldPanel("members"),
                FieldPanel("follows_up"),
            ],
            heading=_("Đoàn giám sát"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("fields"),
                FieldPanel("agencies"),
                FieldPanel("localities"),
                FieldPanel("localities_note"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("report_date"),
            ],
            heading=_("Phạm vi"),
        ),
        InlinePanel("legal_bases", label=_("Căn cứ pháp lý")),
        InlinePanel("sessions", label=_("Buổi làm việc")),
        InlinePanel("figures", label=_("Số liệu chính")),
        FieldPanel("summary"),
        FieldPanel("findings"),
        FieldPanel("shortcomings"),
        FieldPanel("agency_response"),
        FieldPanel("conclusion"),
        InlinePanel("recommendations", label=_("Kiến nghị")),
        InlinePanel("reviews", label=_("Đánh giá kiến nghị của báo cáo trước (tái giám sát)")),
        InlinePanel("documents", label=_("Tài liệu đính kèm")),
        InlinePanel("news_links", label=_("Tin bài liên quan")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("subject"),
        index.SearchField("summary"),
        index.SearchField("findings"),
        index.SearchField("shortcomings"),
        index.SearchField("conclusion"),
        index.FilterField("report_date"),
    ]

    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("báo cáo giám sát")
        verbose_name_plural = _("báo cáo giám sát")

    @cached_property
    def recommendation_list(self) -> list:
        from .recommendations import RecommendationUpdate  # same package, loaded after this

        approved = RecommendationUpdate.objects.approved().select_related("source_report")
        return list(
            self.recommendations.prefetch_related(
                "addressees", Prefetch("updates", queryset=approved)
            )
        )

    # Joined into the one query news.routing makes for the page (see specific_for_serving).
    serve_select_related = ("supervising_body", "head")

    def seo_fallback_description(self) -> str:
        return self.summary or self.subject

    def get_context(self, request, *args, **kwargs) -> dict:
        """The page in a fixed number of queries, however large the report (see
        reports.report_context); previews read the editor's unsaved, in-memory version."""
        from ..report_context import (
            published_parts,
            recommendation_summary,
            recommendations_with_history,
        )

        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        context.update(published_parts(self, preview=preview))
        recommendations = recommendations_with_history(self, preview=preview)
        context["recommendations"] = recommendations
        context["recommendation_summary"] = recommendation_summary(recommendations)
        return context


class LegalBasis(Orderable):
    report = ParentalKey(
        SupervisionReportPage, related_name="legal_bases", on_delete=models.CASCADE
    )
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=LegalBasisKind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=100)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("issued_on")]),
        FieldPanel("issuer"),
        FieldPanel("title"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("căn cứ pháp lý")


class WorkingSession(Orderable):
    report = ParentalKey(SupervisionReportPage, related_name="sessions", on_delete=models.CASCADE)
    held_on = models.DateField(_("ngày"))
    place = models.CharField(_("nơi làm việc"), max_length=255, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    panels = [FieldRowPanel([FieldPanel("held_on"), FieldPanel("place")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("buổi làm việc")


class KeyFigure(Orderable):
    report = ParentalKey(SupervisionReportPage, related_name="figures", on_delete=models.CASCADE)
    label = models.CharField(_("chỉ tiêu"), max_length=255)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4)
    unit = models.CharField(_("đơn vị"), max_length=50, blank=True)
    as_of = models.DateField(_("tính đến ngày"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit"), FieldPanel("as_of")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("số liệu")

    @property
    def display_value(self) -> str:
        """The value written the Vietnamese way: 8.712 and 12,5."""
        return format_number(self.value)


class ReportDocument(Orderable):
    report = ParentalKey(SupervisionReportPage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tài liệu"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(
        _("loại"), max_length=20, choices=DocumentRole.choices, default=DocumentRole.SIGNED_REPORT
    )

    panels = [FieldPanel("document"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("tài liệu")


class ReportNewsLink(Orderable):
    """Links a report to its news, both ways: article.supervision_report_links."""

    report = ParentalKey(SupervisionReportPage, related_name="news_links", on_delete=models.CASCADE)
    article = models.ForeignKey(
        "news.NewsArticlePage",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="supervision_report_links",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("tin bài liên quan")
        constraints = [
            models.UniqueConstraint(fields=["report", "article"], name="report_news_link_unique")
        ]
