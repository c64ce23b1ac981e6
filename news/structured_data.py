"""schema.org NewsArticle for an article page, with absolute URLs on the site's address.

Google's article rich results want `image` (several aspect ratios, ideally ≥ 1200 px
wide) and a `publisher` Organization with a logo. Wagtail never enlarges an image, so a
smaller original gives smaller crops; that is still better than no image.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.templatetags.static import static

from .site_address import absolute_url

if TYPE_CHECKING:
    from .models import NewsArticlePage

# 16:9, 4:3 and 1:1, as https://developers.google.com/search/docs/appearance/structured-data/article
IMAGE_FILTERS = (
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
)
LOGO_FILTER = "max-600x600|format-png"
EMBLEM = "img/emblem.svg"


def article_json_ld(page: NewsArticlePage, request: HttpRequest | None) -> dict:
    from .models import PortalSettings

    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.summary,
        "inLanguage": "vi",
        "mainEntityOfPage": page.get_full_url(request),
        "datePublished": page.display_date.isoformat() if page.display_date else None,
        "dateModified": (page.last_published_at or page.display_date).isoformat()
        if (page.last_published_at or page.display_date)
        else None,
    }
    if page.lead_image:
        renditions = page.lead_image.get_renditions(*IMAGE_FILTERS)  # one query when cached
        data["image"] = [absolute_url(request, renditions[spec].url) for spec in IMAGE_FILTERS]
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    portal = PortalSettings.for_request(request) if request is not None else None
    if portal is None:
        portal = PortalSettings.for_site(page.get_site())
    logo = portal.logo.get_rendition(LOGO_FILTER).url if portal.logo else static(EMBLEM)
    data["publisher"] = {
        "@type": "Organization",
        "name": portal.office_name,
        "logo": {"@type": "ImageObject", "url": absolute_url(request, logo)},
    }
    return {key: value for key, value in data.items() if value}
