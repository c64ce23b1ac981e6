"""The sitemap as an index of sections: /sitemap.xml lists /sitemap-pages.xml?p=1, 2, …

One file of every page took 14 s and 7.7 MB at 50,000 articles, past the protocol's
50,000 URLs. Now the index costs one COUNT and one MAX, and each section one query of at
most SITEMAP_PAGE_SIZE rows of Page's own columns, in path order (sections shift little
as articles are added). A section is written as XML text, not through Django's sitemap
template and a model instance per page: at 1,000 pages those cost 600 ms of a 640 ms
response. A page's address is its url_path below the site's root page, as Wagtail
builds it for a single site without locale prefixes (WAGTAIL_I18N_ENABLED is off).
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db.models import Count, Max, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import http_date
from wagtail.models import Page, Site

from .site_address import absolute_url

PROTOCOL_LIMIT = 50_000  # URLs in one sitemap file (sitemaps.org)
DEFAULT_PAGE_SIZE = 5_000
SECTION = "pages"
XML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
ROBOTS_TAG = "noindex, noodp, noarchive"  # as Django's sitemap views say


def page_size() -> int:
    """URLs per section file: SITEMAP_PAGE_SIZE, never above the protocol's limit."""
    wanted = int(getattr(settings, "SITEMAP_PAGE_SIZE", DEFAULT_PAGE_SIZE))
    return max(1, min(wanted, PROTOCOL_LIMIT))


def _site(request: HttpRequest) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.select_related("root_page").get(is_default_site=True)
    return site


def public_pages(site: Site) -> QuerySet[Page]:
    """The live, unrestricted pages of the site, the root included, in path order."""
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).live().public()
    return pages.order_by("path")


def _lastmod(published: datetime | None, revised: datetime | None) -> str:
    moment = published or revised
    # The site's day, as Django's sitemap template prints it (date:"Y-m-d").
    return f"<lastmod>{timezone.localdate(moment).isoformat()}</lastmod>" if moment else ""


def index(request: HttpRequest) -> HttpResponse:
    """The sitemap index, with the site's configured origin (Django's index view prints
    the request's Host instead)."""
    pages = public_pages(_site(request))
    found = pages.aggregate(count=Count("id"), latest=Max("last_published_at"))
    count, latest = found["count"], found["latest"]
    location = absolute_url(request, reverse("sitemap_section", kwargs={"section": SECTION}))
    files = max(1, -(-count // page_size()))
    items = [{"location": f"{location}?p={n}", "last_mod": latest} for n in range(1, files + 1)]
    headers = {"Last-Modified": http_date(latest.timestamp())} if latest else None
    response = TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": items},
        content_type="application/xml",
        headers=headers,
    )
    response.headers["X-Robots-Tag"] = ROBOTS_TAG
    return response


def section(request: HttpRequest, section: str) -> HttpResponse:
    """One file of the index, `?p=N` (from 1): at most page_size() URLs."""
    number = request.GET.get("p", "1")
    if section != SECTION or not number.isdigit() or int(number) < 1:
        raise Http404("Không có trang sơ đồ này.")
    site, size = _site(request), page_size()
    start = (int(number) - 1) * size
    rows = list(
        public_pages(site).values_list(
            "url_path", "last_published_at", "latest_revision_created_at"
        )[start : start + size]
    )
    if not rows and start:
        raise Http404("Không có trang sơ đồ này.")
    root_path, root_url = site.root_page.url_path, site.root_url
    parts = [XML_HEAD]
    for url_path, published, revised in rows:
        location = escape(f"{root_url}/{url_path[len(root_path) :]}")
        parts.append(f"<url><loc>{location}</loc>{_lastmod(published, revised)}</url>\n")
    parts.append("</urlset>\n")
    response = HttpResponse("".join(parts), content_type="application/xml")
    response.headers["X-Robots-Tag"] = ROBOTS_TAG
    return response
