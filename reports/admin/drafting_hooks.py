"""Admin action "Tạo báo cáo giám sát từ bài viết" on news articles.

A button in the article's header menu and in the page listing's "more" menu leads to a
confirmation page; confirming (POST) creates a draft report and opens it for editing.
If there is no report list yet, the page says so instead of creating one: where reports
live on the public site is the administrator's decision, and an editor cannot publish a
new section anyway.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

from core.request_memo import once_per_request
from news.models import NewsArticlePage

from ..drafting import (
    article_day,
    article_text,
    draft_report_from_article,
    existing_report_for,
    report_indexes,
    target_index_for,
)
from ..extraction import extract

URL_NAME = "reports_draft_from_article"
BUTTON_LABEL = gettext_lazy("Tạo báo cáo giám sát từ bài viết")


def _offer_for(user) -> bool:
    """Whether `user` gets the button, decided once per request (the listing asks per row,
    and the hooks are not handed the request: core.request_memo remembers it).

    Without any report list the button still shows, so the editor learns why it cannot work.
    """
    return once_per_request(
        ("reports.offer_draft", user.pk),
        lambda: target_index_for(user) is not None or not report_indexes().exists(),
    )


def _may_offer(page, user) -> bool:
    return issubclass(page.specific_class or type(None), NewsArticlePage) and _offer_for(user)


def _button(page, priority: int) -> Button:
    return Button(
        BUTTON_LABEL,
        reverse(URL_NAME, args=[page.pk]),
        icon_name="clipboard-list",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def draft_report_header_button(page, user, view_name, next_url=None):
    if _may_offer(page, user):
        yield _button(page, priority=90)


@hooks.register("register_page_listing_more_buttons")
def draft_report_listing_button(page, user, next_url=None):
    if _may_offer(page, user):
        yield _button(page, priority=70)


class DraftFromArticleView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/admin/draft_from_article.html"
    page_title = gettext_lazy("Tạo báo cáo giám sát")
    header_icon = "clipboard-list"

    def setup(self, request, article_id: int, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.article = get_object_or_404(NewsArticlePage, pk=article_id)
        self.existing = existing_report_for(self.article)
        self.index = target_index_for(request.user)
        self.no_index = self.index is None and not report_indexes().exists()

    def dispatch(self, request, *args, **kwargs):
        if self.existing is None and self.index is None and not self.no_index:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.article.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.article.pk]),
                "label": self.article.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            article=self.article,
            existing=self.existing,
            index=self.index,
            no_index=self.no_index,
            article_edit_url=reverse("wagtailadmin_pages:edit", args=[self.article.pk]),
        )
        if self.existing is None and self.index is not None:
            context["found"] = extract(article_text(self.article), article_day(self.article))
        return context

    def post(self, request, *args, **kwargs):
        if self.existing is not None:
            messages.info(
                request,
                _("Bài viết này đã có báo cáo “%(title)s”; không tạo thêm bản mới.")
                % {"title": self.existing.get_admin_display_title()},
            )
            return redirect("wagtailadmin_pages:edit", self.existing.pk)
        if self.index is None:
            return self.get(request, *args, **kwargs)
        result = draft_report_from_article(self.article, self.index, request.user)
        if not result.created:  # made by a concurrent click a moment ago
            return redirect("wagtailadmin_pages:edit", result.report.pk)
        messages.success(
            request,
            _(
                "Đã tạo bản nháp báo cáo “%(title)s” từ bài viết. Hãy kiểm tra từng trường "
                "trước khi lưu và gửi duyệt."
            )
            % {"title": result.report.title},
        )
        if result.missing:
            messages.warning(
                request,
                _("Bài viết không nêu rõ: %(items)s. Hãy bổ sung nếu có.")
                % {"items": ", ".join(result.missing)},
            )
        return redirect("wagtailadmin_pages:edit", result.report.pk)


@hooks.register("register_admin_urls")
def draft_report_urls():
    return [
        path(
            "reports/draft-from-article/<int:article_id>/",
            DraftFromArticleView.as_view(),
            name=URL_NAME,
        )
    ]
