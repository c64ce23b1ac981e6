"""Demo content for the portal: sections, articles, drawn lead images, office settings.

    from news.demo import build_demo_site
    summary = build_demo_site()

The articles are illustrative and written for this demo; only the social-assistance
supervision of 26/10/2020 follows the facts of a real report from the old portal.
"""

from .builder import build_demo_site
from .content import FEATURED_SLUG, all_articles

__all__ = ["FEATURED_SLUG", "all_articles", "build_demo_site"]
