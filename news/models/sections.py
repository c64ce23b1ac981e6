from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.cache import cached_for_generation
from core.pages import SeoMixin, VietnameseSlugMixin
from core.pagination import page_number_from, pagination_for
from core.visibility import PathRestrictionsMixin, not_restricted

from .. import selectors
from ..selectors import articles_below, count_below

ARTICLES_PER_PAGE = 20


class NewsIndexPage(SeoMixin, VietnameseSlugMixin, PathRestrictionsMixin, RoutablePageMixin, Page):
    """A news section. Sections nest; each lists its own and its descendants' articles."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["news.HomePage", "news.NewsIndexPage"]
    subpage_types = ["news.NewsIndexPage", "news.NewsArticlePage"]

    class Meta:
        verbose_name = _("chuyên mục tin")
        verbose_name_plural = _("chuyên mục tin")

    @path("")
    def index_route(self, request):
        # Tag slugs are ASCII; anything else matches nothing and must not bloat cache keys.
        tag = slugify(request.GET.get("tag") or "")[:100]
        articles = articles_below(self)
        if tag:
            articles = articles.filter(tags__slug=tag)
        # Counting and sorting a big section's articles costs tens of milliseconds on
        # SQLite; both only change when published content does. The count is bounded
        # (selectors.count_below), and a big section's list walks the date index.
        cache_key = f"section:{self.pk}:{tag}"
        count = cached_for_generation(f"{cache_key}:count", lambda: count_below(self, articles))
        number = page_number_from(request)
        if count >= selectors.SECTION_COUNT_LIMIT and number * ARTICLES_PER_PAGE > count:
            # An old bookmark or a reader paging deep: count as far as that page (and one
            # past it, so the pager links the next), instead of a 404 for a page that exists.
            count = count_below(self, articles, limit=number * ARTICLES_PER_PAGE + 1)
        if selectors.is_dense(count):
            articles = articles_below(self, dense=True)
            if tag:
                articles = articles.filter(tags__slug=tag)
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        paginator.count = count
        try:
            page_obj = paginator.page(number)
        except EmptyPage as error:
            raise Http404("Trang không tồn tại") from error
        page_obj.object_list = cached_for_generation(
            f"{cache_key}:page:{page_obj.number}", lambda: list(page_obj.object_list)
        )
        child_sections = cached_for_generation(
            f"section:{self.pk}:children",
            lambda: list(
                self.get_children()
                .live()
                .filter(not_restricted())
                .type(NewsIndexPage)
                .only("title", "url_path", "path", "depth")
            ),
        )
        return self.render(
            request,
            context_overrides={
                "articles": page_obj,
                "pagination": pagination_for(
                    page_obj, lambda number: f"?page={number}" + (f"&tag={tag}" if tag else "")
                ),
                "child_sections": child_sections,
                # Each page of the list is its own document for search engines.
                "canonical_url": self.get_full_url(request)
                + (f"?page={page_obj.number}" if page_obj.number > 1 else ""),
                "active_tag": tag,
            },
        )

    @path("rss/")
    def rss_route(self, request):
        from ..feeds import SectionFeed

        return SectionFeed()(request, section=self)
