from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api
from news import sitemaps
from news.feeds import SiteFeed
from news.most_read import record_article_view
from news.views import robots_txt

# No /django-admin/ (issue 11 §4): Wagtail's admin is the one login; Django's own admin was a
# second, unprotected login page that nothing needed.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Sitemap (issue 11, scale): an index of sections of at most SITEMAP_PAGE_SIZE URLs.
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.section, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("rss/", SiteFeed(), name="site_feed"),
    path("luot-xem/<int:page_id>/", record_article_view, name="article_view"),
    # Before Wagtail's catch-all, which would otherwise look for a page called "tim-kiem".
    path("", include("search.urls")),
    path("api/v1/", api.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# --- Faults (issue 11 §5): the database unreachable outside a view answers 503, not 500.
handler500 = "core.db_unavailable.server_error"
