"""RSS 2.0 feeds: the whole site at /rss/, each section at <section url>rss/."""

import nh3
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.models import Site

from .selectors import articles_below, visible_articles
from .site_address import absolute_url, site_root_url

FEED_SIZE = 30


def feed_description(text: str) -> str:
    """An RSS description (which readers render as HTML) that carries no markup at all.

    Summaries and intros are an editor's plain text, and search snippets are escaped HTML;
    either may hold "<script>" or "<img onerror=…>" pasted from elsewhere. nh3 drops every
    tag (script and style with their content) and escapes what is left, so a reader shows
    text and never runs anything; the feed generator then escapes it once more for XML.
    """
    return nh3.clean(text, tags=set()).strip()


class VietnameseRssFeed(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        attributes = super().rss_attributes()
        attributes["xml:lang"] = "vi"
        return attributes


class _ArticleFeed(Feed):
    feed_type = VietnameseRssFeed
    language = "vi"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def feed_url(self):
        # Django would take the request's Host; the feed's self link must say BASE_URL.
        return absolute_url(self.request, self.request.path)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return feed_description(item.summary or item.search_description or "")

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.display_date

    def item_author_name(self, item):
        return item.author or None


class SiteFeed(_ArticleFeed):
    description = "Tin hoạt động mới nhất của Hội đồng nhân dân tỉnh."

    def title(self):
        site = Site.find_for_request(self.request)
        return (site.site_name if site else None) or "Tin tức hoạt động HĐND tỉnh"

    def link(self):
        return site_root_url(self.request) + "/"

    def items(self):
        return visible_articles()[:FEED_SIZE]


class SectionFeed(_ArticleFeed):
    def get_object(self, request, section=None):
        return section

    def title(self, section):
        return section.title

    def link(self, section):
        return section.get_full_url(self.request)

    def description(self, section):
        return feed_description(section.intro or f"Tin mới trong chuyên mục {section.title}.")

    def items(self, section):
        return articles_below(section)[:FEED_SIZE]
