"""The page cache on a real Redis (scripts/redis.sh), as production runs it: several
workers share the cache, and a purge made by one (an editor's publish, a management
command) is seen by every other at once.

"Another worker" is a second Redis client of its own (redis-py, outside Django's cache),
which reads and bumps the same keys a second gunicorn worker or a command would.
Skipped without the server; under CI=true a missing server fails the run.
"""

from __future__ import annotations

import uuid

import pytest
import redis
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core.cache import CONTENT_GENERATION_KEY
from news.models import PortalSettings
from tests.factories import make_article
from tests.redis_server import require_redis
from tests.test_page_cache import READER, import_article, read, warm


@pytest.fixture(autouse=True)
def redis_cache(settings, home):
    url = require_redis()
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        },
    }
    settings.PAGE_CACHE_SECONDS = 300
    PortalSettings.for_site(home.get_site())  # created on first view otherwise: a purge
    other = redis.Redis.from_url(url)
    yield other
    for key in other.scan_iter(f"{prefix}:*"):
        other.delete(key)


@pytest.fixture
def article(sections):
    return make_article(sections["council"], title="Giám sát bảo trợ xã hội tại huyện")


def generation_seen_by(other: redis.Redis) -> int:
    return int(other.get(cache.make_key(CONTENT_GENERATION_KEY)))


def test_pages_live_in_redis_and_a_hit_costs_no_query(client, article, redis_cache):
    read(client, article.url)
    page_keys = list(redis_cache.scan_iter(cache.make_key("page:*")))
    assert page_keys  # the copy is in the shared server, not in this process
    with CaptureQueriesContext(connection) as queries:
        hit = read(client, article.url)
    assert hit["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert not hit.cookies


def test_a_publish_is_seen_by_every_worker_at_once(client, sections, article, redis_cache):
    before = generation_seen_by(redis_cache)
    for url in ("/", sections["council"].url, "/rss/"):
        warm(client, url)
    make_article(sections["council"], title="Kỳ họp thứ mười HĐND tỉnh")
    assert generation_seen_by(redis_cache) > before  # the other worker's next key moved too
    for url in ("/", sections["council"].url, "/rss/"):
        assert "Kỳ họp thứ mười HĐND tỉnh" in read(client, url).text


def test_unpublish_and_restrict_remove_the_article_at_once(client, sections, article):
    second = make_article(sections["council"], title="Tiếp công dân định kỳ tháng 11")
    for url in ("/", sections["council"].url):
        warm(client, url)
    article.unpublish()
    PageViewRestriction.objects.create(page=second, restriction_type="login")
    for url in ("/", sections["council"].url):
        text = read(client, url).text
        assert article.title not in text and second.title not in text


def test_a_purge_made_by_another_process_is_obeyed(client, article, redis_cache):
    warm(client, article.url)
    redis_cache.incr(cache.make_key(CONTENT_GENERATION_KEY))  # what a command elsewhere does
    assert read(client, article.url)["X-Page-Cache"] == "miss"


def test_an_import_command_purges_the_shared_cache(client, sections, redis_cache, tmp_path):
    warm(client, "/")
    before = generation_seen_by(redis_cache)
    title = "Ban Kinh tế - Ngân sách giám sát tại Sở Xây dựng"
    import_article(tmp_path, title)
    assert generation_seen_by(redis_cache) > before
    assert title in read(client, "/").text


def test_an_editor_is_never_served_the_shared_copy(client, editor, article):
    warm(client, article.url)
    client.force_login(editor)
    response = client.get(article.url, **READER)
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]
