"""Test runs: fast hashing, in-memory cache, media in a throwaway folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES

DEBUG = False
SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="hdnd-test-media-"))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# The Site record the migrations create (localhost:80); tests of the site address change it.
BASE_URL = "http://localhost"
CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "r"}
# Tests opt in to Elasticsearch (tests/elasticsearch_node.require_elasticsearch sets it per
# test); otherwise every publish in every test would write to the shared node.
ELASTICSEARCH_URL = ""
ELASTICSEARCH_INDEX_PREFIX = "test-hdnd"
# Full-page cache (issue 11 §1): off, so that tests which build pages with factories (no
# publish signal) and read them twice see the second state; tests/test_page_cache*.py
# turn it on.
PAGE_CACHE_SECONDS = 0


# --- Security (issue 11 §4): the suite logs in often and asks the API many times; the tests
# of these limits turn them back on (tests/test_login_protection.py, test_api_throttle.py).
AXES_ENABLED = False
FORM_THROTTLES = {}
SEARCH_API_RATE = "100000/min"
SUGGEST_API_RATE = "100000/min"
