"""Counting article views for "Tin đọc nhiều", in a way a full-page cache cannot break.

The article page carries a tiny script (site/static/js/view-count.js) that POSTs to
/luot-xem/<id>/ once the page is shown; the page itself stays cacheable. This endpoint
decides what counts: live public articles only, never bots, never people who can use the
admin, never from another site, and one count per reader and article every 30 minutes.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import urlsplit

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.client_ip import client_ip
from core.visibility import not_restricted

from .models import ArticleViewCount, NewsArticlePage

REPEAT_SECONDS = 30 * 60
# Crawlers, link previews, scripts and headless browsers; an empty User-Agent too.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|curl|wget|python-|java/|go-http|okhttp|axios|node-fetch|"
    r"headless|phantomjs|selenium|puppeteer|playwright|lighthouse|pagespeed|"
    r"facebookexternalhit|preview|fetch|scan|monitor|httpclient|libwww|feed|archive",
    re.IGNORECASE,
)


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))


def is_editor(request: HttpRequest) -> bool:
    """Anyone who can open the admin: their reading is work, not readership."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


def is_same_site(request: HttpRequest) -> bool:
    """The POST came from one of our pages (the endpoint is CSRF-exempt for cached pages).

    Fetch metadata first (every current browser); older browsers send Origin with a POST,
    or at least a Referer. A request with none of them is refused.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site", "")
    if fetch_site:
        return fetch_site == "same-origin"
    host = request.get_host()
    for header in ("Origin", "Referer"):
        value = request.headers.get(header, "")
        if value and value != "null":
            return urlsplit(value).netloc == host
    return False


def record_view(article_id: int, day: date | None = None) -> None:
    """Add one view to the article's row for the day, atomically (no lost updates)."""
    day = day or timezone.localdate()
    rows = ArticleViewCount.objects.filter(article_id=article_id, day=day)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ArticleViewCount.objects.create(article_id=article_id, day=day, count=1)
    except IntegrityError:  # another request created the row first
        rows.update(count=F("count") + 1)


def _first_view_in_a_while(request: HttpRequest, article_id: int) -> bool:
    reader = f"{client_ip(request)}|{request.headers.get('User-Agent', '')}"
    digest = hashlib.blake2b(reader.encode(), digest_size=12).hexdigest()
    return cache.add(f"news:viewed:{article_id}:{digest}", 1, REPEAT_SECONDS)


@csrf_exempt
@require_POST
@never_cache
def record_article_view(request: HttpRequest, page_id: int) -> HttpResponse:
    if not is_same_site(request):
        return HttpResponseForbidden("Yêu cầu không đến từ trang này.")
    article = NewsArticlePage.objects.live().filter(not_restricted(), pk=page_id).only("pk").first()
    if article is None:
        raise Http404("Không có bài viết công khai này.")
    user_agent = request.headers.get("User-Agent", "")
    counted = not is_bot(user_agent) and not is_editor(request)
    if counted and _first_view_in_a_while(request, article.pk):
        record_view(article.pk)
    # Always 204: a bot or an editor learns nothing from the answer.
    return HttpResponse(status=204)
