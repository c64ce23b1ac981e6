"""Production: secure by default. Needs SECRET_KEY, ALLOWED_HOSTS, BASE_URL and CACHE_URL
from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.http.request import validate_host

from news.site_address import parse_base_url

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, BASE_URL, SECRET_KEY, env_bool

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
_, _site_host, _ = parse_base_url(BASE_URL)  # ImproperlyConfigured, in words, if not an origin

# base.py's default (localhost) would answer 400 to every real reader; a host that is not
# BASE_URL's would make every canonical link, feed and API URL point at a refused host.
if not os.environ.get("ALLOWED_HOSTS", "").strip():
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS phải được đặt trong chế độ production: các tên miền của trang, "
        "cách nhau bằng dấu phẩy, ví dụ ALLOWED_HOSTS=hdnd.example.vn."
    )
if not validate_host(_site_host, ALLOWED_HOSTS):
    raise ImproperlyConfigured(
        f"ALLOWED_HOSTS={','.join(ALLOWED_HOSTS)!r} không gồm tên miền của "
        f"BASE_URL ({_site_host}): mọi liên kết trang in ra sẽ trỏ tới một tên miền bị từ chối."
    )

# Several workers must forget a cached list together (core.checks, core.E001): Redis.
REQUIRE_SHARED_CACHE = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
# Opt-in: includeSubDomains forces HTTPS on every subdomain of the province's domain (other
# offices' plain-HTTP services included) for a year, and a preload listing is shipped in
# browsers and takes months to undo. The operator who owns the whole domain turns them on.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# `check --deploy` warns about each flag left off; off is this deployment's decision.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# DENY passes `check --deploy` (security.W019). Wagtail's preview views set SAMEORIGIN on
# their own responses, so the editor's live preview still works. A page that must frame
# another page of this site (e.g. a PDF viewer) needs @xframe_options_sameorigin on that view.
X_FRAME_OPTIONS = "DENY"
WHITENOISE_USE_FINDERS = False

# --- Deployment past one machine (issue 11 §7, docs/deploy.md) ---
# Several application servers share one media store: an S3-compatible bucket when
# AWS_STORAGE_BUCKET_NAME is set, else MEDIA_ROOT (one server, or a shared mount).
from config.media_storage import media_storage  # noqa: E402

STORAGES["default"] = media_storage(os.environ)
# --- end of deployment past one machine ---
