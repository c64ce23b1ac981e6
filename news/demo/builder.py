"""Build (or top up) the demo site in one transaction; safe to run any number of times."""

from __future__ import annotations

from django.db import transaction
from wagtail.images.models import Image
from wagtail.models import Site

from ..models import HomePage
from .articles import ensure_article, image_title
from .content import FEATURED_SLUG, all_articles
from .portal import apply_portal_settings, configure_home
from .sections import ensure_sections


def _default_site() -> Site:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        raise RuntimeError("Chưa có Site nào; hãy chạy migrate trước.")
    return site


def build_demo_site(stdout=None) -> dict:
    """Create whatever demo content is missing and return what was created vs. found.

    Pages are looked up by slug under their parent, images by title; settings and the home
    page are only written when they differ, so a second run changes nothing.
    """

    def say(message: str) -> None:
        if stdout is not None:
            stdout.write(message)

    site = _default_site()
    with transaction.atomic():
        home = HomePage.objects.get(pk=site.root_page_id)
        sections, sections_created = ensure_sections(home)
        say(f"Chuyên mục: {len(sections)} ({sections_created} mới).")

        articles = {}
        counts = {"articles": 0, "images": 0}
        for data in all_articles():
            result = ensure_article(data, sections, articles)
            articles[data["slug"]] = result.page
            counts["articles"] += result.created
            counts["images"] += result.image_created
        say(f"Bài viết: {len(articles)} ({counts['articles']} mới).")
        image_titles = [image_title(data) for data in all_articles() if data.get("image")]
        images_present = Image.objects.filter(title__in=image_titles).count()

        settings_changed = apply_portal_settings(site, sections)
        home_changed = configure_home(home, sections, articles[FEATURED_SLUG])

    return {
        "sections": {"created": sections_created, "existing": len(sections) - sections_created},
        "articles": {
            "created": counts["articles"],
            "existing": len(articles) - counts["articles"],
        },
        "images": {
            "created": counts["images"],
            "existing": images_present - counts["images"],
        },
        "settings_changed": settings_changed,
        "home_changed": home_changed,
        "featured": articles[FEATURED_SLUG],
        "sections_by_slug": sections,
        "articles_by_slug": articles,
    }
