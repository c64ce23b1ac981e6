"""RSS 2.0 for any search: /tim-kiem/?<the same parameters>&format=rss.

A reader who follows a search ("kiến nghị bảo trợ xã hội", only recommendations) gets the
newest matching items, whatever order the page was sorted in: a feed is about what is new.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from wagtail.models import Site

from news.feeds import VietnameseRssFeed, feed_description
from news.site_address import absolute_url
from search.models import EntryKind
from search.params import SearchRequest, parse_request
from search.results import SearchHit
from search.service import run_search
from search.views import MAX_AGE, page_params, search_url

FEED_SIZE = 20


class SearchFeed(Feed):
    feed_type = VietnameseRssFeed
    language = "vi"

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    def get_object(self, request: HttpRequest, *args, **kwargs) -> SearchRequest:
        # Refused parameters are left out, as on the page; a feed has nowhere to say so.
        search, _errors = parse_request(request.GET)
        return replace(search, sort="newest", page=1, page_size=FEED_SIZE)

    def _site_name(self) -> str:
        site = Site.find_for_request(self.request)
        return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME

    def title(self, search: SearchRequest) -> str:
        params = page_params(search)
        what = params.get("q") or gettext("mọi nội dung")
        return gettext("Tìm kiếm: %(query)s — %(site)s") % {
            "query": what,
            "site": self._site_name(),
        }

    def link(self, search: SearchRequest) -> str:
        params = page_params(replace(search, sort="relevance"))
        return absolute_url(self.request, search_url(params))

    def description(self, search: SearchRequest) -> str:
        return gettext("Các mục mới nhất phù hợp với tìm kiếm này trên %(site)s.") % {
            "site": self._site_name()
        }

    def items(self, search: SearchRequest) -> list[SearchHit]:
        return run_search(search).items

    def item_title(self, hit: SearchHit) -> str:
        return hit.title

    def item_link(self, hit: SearchHit) -> str:
        return absolute_url(self.request, hit.url)

    def item_description(self, hit: SearchHit) -> str:
        # The snippet is escaped HTML with <mark>: the marks go, the escaping stays, so
        # a "<script>" in an indexed text reaches the reader as text, never as markup.
        return feed_description(hit.snippet)

    def item_pubdate(self, hit: SearchHit) -> datetime | None:
        return hit.published

    def item_categories(self, hit: SearchHit) -> list[str]:
        return [str(EntryKind(hit.type).label), *([hit.status_label] if hit.status_label else [])]
