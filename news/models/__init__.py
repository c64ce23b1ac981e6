from .articles import NewsArticlePage, NewsArticleTag, RelatedArticle
from .counters import ArticleViewCount
from .home import HomePage, HomeSection
from .sections import NewsIndexPage
from .site_settings import PortalSettings

__all__ = [
    "ArticleViewCount",
    "HomePage",
    "HomeSection",
    "NewsArticlePage",
    "NewsArticleTag",
    "NewsIndexPage",
    "PortalSettings",
    "RelatedArticle",
]
