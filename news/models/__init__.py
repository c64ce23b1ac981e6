from .articles import NewsArticlePage, NewsArticleTag, RelatedArticle
from .home import HomePage, HomeSection
from .sections import NewsIndexPage
from .site_settings import PortalSettings

__all__ = [
    "HomePage",
    "HomeSection",
    "NewsArticlePage",
    "NewsArticleTag",
    "NewsIndexPage",
    "PortalSettings",
    "RelatedArticle",
]
