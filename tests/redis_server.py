"""The private Redis for tests, run by scripts/redis.sh.

    from tests.redis_server import require_redis

    def test_something():
        url = require_redis()  # skips without a server; fails under CI=true or REQUIRE_REDIS=1

The server is found through CACHE_URL when it is a redis:// URL, else through the URL file
the script writes ($REDIS_DIR/url, by default var/redis/url).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import redis

REPO_ROOT = Path(__file__).resolve().parent.parent
NOT_RUNNING = "Redis not running: scripts/redis.sh start"


def url_file() -> Path:
    return Path(os.environ.get("REDIS_DIR") or REPO_ROOT / "var" / "redis") / "url"


def server_answers(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def redis_url() -> str | None:
    """CACHE_URL if it is Redis's, else the URL of the script's server."""
    url = os.environ.get("CACHE_URL", "").strip()
    if url.startswith("redis://"):
        return url
    try:
        return url_file().read_text().strip() or None
    except OSError:
        return None


def required() -> bool:
    return os.environ.get("REQUIRE_REDIS") == "1" or os.environ.get("CI") == "true"


def require_redis() -> str:
    """The server's URL; else skip the test, or fail it in CI."""
    url = redis_url()
    if url and server_answers(url):
        return url
    reason = NOT_RUNNING if url is None else f"{NOT_RUNNING} (no answer from {url})"
    if required():
        pytest.fail(f"CI/REQUIRE_REDIS=1: {reason}", pytrace=False)
    pytest.skip(reason)
