"""Reports shown on news articles: the other half of the two-way report ↔ news link.

news must not know about reports, so it offers the `news_article_extras` hook (see
news.templatetags.news_tags.article_extras) and we answer it here.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks
from wagtail.models import Page

from core.visibility import not_restricted

# Wagtail imports every wagtail_hooks module (and so this one) in each process that serves
# the admin: importing reference_data here connects the signals that expire cached report
# pages when an editor changes an agency, a unit or a document.
from . import reference_data  # noqa: F401

# Long text columns the list never shows.
HEAVY_FIELDS = ("summary", "findings", "shortcomings", "agency_response", "conclusion")


@hooks.register("news_article_extras")
def related_supervision_reports(request: HttpRequest | None, page: Page) -> SafeString:
    """ "Báo cáo giám sát liên quan": live, public reports that link this article, newest
    first, in one query. Drafts and restricted reports never appear."""
    links = getattr(page, "supervision_report_links", None)
    if links is None or not page.pk:  # another page type, or an unsaved preview
        return mark_safe("")
    reports = [
        link.report
        for link in links.filter(report__live=True)
        .filter(not_restricted("report__path"))
        .select_related("report__supervising_body")
        .defer(*(f"report__{name}" for name in HEAVY_FIELDS))
        .order_by("-report__report_date", "-report_id")
    ]
    if not reports:
        return mark_safe("")
    return render_to_string(
        "reports/includes/article_reports.html", {"reports": reports}, request=request
    )
