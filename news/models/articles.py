from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.pages import SeoMixin, VietnameseSlugMixin
from core.visibility import PathRestrictionsMixin

from ..blocks import ArticleBodyBlock
from ..dates import format_vietnamese_datetime
from ..selectors import related_articles
from ..structured_data import article_json_ld


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsArticlePage(SeoMixin, VietnameseSlugMixin, PathRestrictionsMixin, Page):
    summary = models.TextField(_("sapo"), blank=True, help_text=_("Đoạn tóm tắt in đậm đầu bài."))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("mô tả ảnh (alt)"),
        max_length=255,
        blank=True,
        help_text=_("Bắt buộc nếu ảnh chưa có mô tả trong thư viện ảnh."),
    )
    lead_image_caption = models.CharField(_("chú thích ảnh"), max_length=500, blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("nội dung"))
    author = models.CharField(_("tác giả"), max_length=255, blank=True)
    source = models.CharField(_("nguồn"), max_length=255, blank=True)
    source_url = models.URLField(
        _("địa chỉ bài gốc"),
        # Old portals' addresses (Liferay asset publishers…) run past 500 characters.
        max_length=2000,
        blank=True,
        db_index=True,
        help_text=_("Địa chỉ trên cổng cũ; dùng để nhập lại không tạo bài trùng."),
    )
    published_at = models.DateTimeField(
        _("ngày đăng"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Để trống: lấy thời điểm xuất bản lần đầu."),
    )
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name=_("thẻ"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
            ],
            heading=_("Ảnh đại diện"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("source"),
                # Seconds shown and kept: the public date line prints them ("8:18:57 SA"),
                # so an unchanged save must not round an imported 08:18:57 down to 08:18.
                FieldPanel("published_at", widget=AdminDateTimeInput(format="%d/%m/%Y %H:%M:%S")),
            ],
            heading=_("Tác giả, nguồn, ngày đăng"),
        ),
        FieldPanel("tags"),
        InlinePanel("related_links", label=_("Tin liên quan (chọn tay)"), max_num=10),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("source_url")]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("published_at"),
    ]

    serve_select_related = ("lead_image",)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        indexes = [models.Index(fields=["-published_at"], name="news_article_published_desc")]

    def clean(self):
        super().clean()
        if self.lead_image_id and not self.lead_image_alt.strip():
            description = getattr(self.lead_image, "description", "") if self.lead_image else ""
            if not (description or "").strip():
                raise ValidationError(
                    {"lead_image_alt": _("Hãy mô tả ảnh cho người dùng trình đọc màn hình.")}
                )

    @property
    def display_date(self):
        return self.published_at or self.first_published_at or self.latest_revision_created_at

    @property
    def date_line(self) -> str:
        return format_vietnamese_datetime(self.display_date)

    @property
    def lead_image_alt_text(self) -> str:
        if self.lead_image_alt:
            return self.lead_image_alt
        return self.lead_image.default_alt_text if self.lead_image else ""

    # What link previews show (core.pages.SeoMixin).
    og_type = "article"

    def seo_fallback_description(self) -> str:
        return self.summary

    @property
    def seo_image(self):
        return self.lead_image

    @property
    def seo_image_alt(self) -> str:
        return self.lead_image_alt_text

    @cached_property
    def tag_list(self) -> list:
        return list(self.tags.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview must show the editor's unsaved choice of related articles.
        context["related_articles"] = related_articles(
            self, cached=not getattr(request, "is_preview", False)
        )
        context["json_ld"] = article_json_ld(self, request)
        return context

    @property
    def section_url(self) -> str:
        """The parent section's URL, derived from ours instead of loading the parent."""
        url = self.url or ""
        return url[: url.rstrip("/").rfind("/") + 1]

    def get_sitemap_urls(self, request=None):
        entries = super().get_sitemap_urls(request)
        for entry in entries:
            entry["lastmod"] = self.last_published_at or entry.get("lastmod")
        return entries

    def save(self, *args, **kwargs):
        # Scheduled or imported pages may go live without a date: keep the list ordering sane.
        if self.live and self.published_at is None:
            self.published_at = self.first_published_at or timezone.now()
        super().save(*args, **kwargs)


class RelatedArticle(Orderable):
    page = ParentalKey(NewsArticlePage, related_name="related_links", on_delete=models.CASCADE)
    article = models.ForeignKey(
        NewsArticlePage, verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("tin liên quan")
