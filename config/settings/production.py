"""Production: secure by default. Needs SECRET_KEY, ALLOWED_HOSTS and BASE_URL from the env."""

import os

from django.core.exceptions import ImproperlyConfigured

from news.site_address import parse_base_url

from .base import *  # noqa: F403
from .base import BASE_URL, SECRET_KEY, env_bool

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY phải được đặt (ít nhất 50 ký tự) trong chế độ production."
    )

# Canonical links, sitemap, feeds and the API print this origin: a wrong default
# (127.0.0.1) would publish unusable links, so there is none.
if not os.environ.get("BASE_URL", "").strip():
    raise ImproperlyConfigured(
        "BASE_URL phải được đặt trong chế độ production: địa chỉ gốc của trang, "
        "ví dụ BASE_URL=https://hdnd.example.vn."
    )
parse_base_url(BASE_URL)  # ImproperlyConfigured, in words, when it is not an origin

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# DENY passes `check --deploy` (security.W019). Wagtail's preview views set SAMEORIGIN on
# their own responses, so the editor's live preview still works. A page that must frame
# another page of this site (e.g. a PDF viewer) needs @xframe_options_sameorigin on that view.
X_FRAME_OPTIONS = "DENY"
WHITENOISE_USE_FINDERS = False
