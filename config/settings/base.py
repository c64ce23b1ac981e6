"""Settings shared by every mode. Everything deployment-specific comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# `site/` is not a Python package (the standard library owns that name); it only holds
# templates, static assets and translations.
SITE_DIR = BASE_DIR / "site"
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Behind a reverse proxy: the header it sets to the reader's address (e.g. X-Real-IP), so
# "Tin đọc nhiều" tells readers apart (news.most_read). Empty: REMOTE_ADDR.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

INSTALLED_APPS = [
    "core",
    "news",
    "reports",
    "search",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "ninja",  # serves Swagger UI's assets from our static files (no CDN)
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, which answers HEAD for static files itself; above everything that
    # dispatches on the method (views behind require_GET, django-ninja's GET routes).
    "core.head.HeadAsGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Per-request memo for hooks that are not handed the request (core.request_memo).
    "core.request_memo.RequestMemoMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    # WAL and a busy timeout let the dev server and a management command share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def _cache_from_url(url: str) -> dict:
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            # A dead Redis must degrade to "no cache", not to 500s.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    if url.startswith("locmem://") or not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": url[9:]}
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(
        f"CACHE_URL không hợp lệ: {url!r} (dùng redis://, locmem:// hoặc dummy://)"
    )


CACHES = {"default": _cache_from_url(os.environ.get("CACHE_URL", ""))}
# Production turns this on: core.checks then refuses a per-process cache (core.E001).
REQUIRE_SHARED_CACHE = False
# Wagtail looks renditions up in this alias before the database.
CACHES["renditions"] = {**CACHES["default"], "TIMEOUT": 60 * 60 * 24 * 7}
if "LOCATION" in CACHES["renditions"] and CACHES["renditions"]["BACKEND"].endswith("LocMemCache"):
    CACHES["renditions"]["LOCATION"] = "renditions"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [SITE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
# WhiteNoise warns on a missing root; the default lives under var/, which git ignores.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", True)
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Cổng thông tin điện tử HĐND tỉnh")
REPORTS_PROVINCE = os.environ.get("REPORTS_PROVINCE", "Lai Châu")
# The one origin of every absolute URL (canonical, sitemap, feeds, API, admin e-mails);
# news.site_address keeps the default Site record in step with it after `migrate`.
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_I18N_ENABLED = False
# ASCII slugs ("hoi-dong-nhan-dan-tinh"): old office PCs and chat apps mangle encoded URLs.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No editor autosave (Wagtail 8 default: 500 ms). An autosave request still running when the
# editor clicks Publish writes its stale copy of a draft page (live=False) back after the
# publish: "has been published" shown, page still a draft (issue §4, test_admin_publish.py).
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Wagtail's own search (the admin, and the site's database backend over search.SearchEntry)
# always uses the database. The site's search uses Elasticsearch on top when
# ELASTICSEARCH_URL is set (search.backends.elastic), falling back to the database.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL: `simple` with unaccent, no English stemming (search/migrations/0002).
        **(
            {"SEARCH_CONFIG": "hdnd_unaccent"}
            if "postgresql" in DATABASES["default"]["ENGINE"]
            else {}
        ),
    }
}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# One index "<prefix>-documents-<timestamp>" behind the alias "<prefix>-documents".
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "hdnd")
# Seconds before a search request gives up and the database answers instead.
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
# Worker processes for the text work of a full rebuild (search.parallel); 0: one per core.
SEARCH_INDEX_WORKERS = int(os.environ.get("SEARCH_INDEX_WORKERS", "0"))
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "doc",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "xls",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "heic": "webp"}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Old office PCs and phones on mobile data: don't let an editor's 30 MB photo through.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
# Admin widgets show these; config/formats/<lang>/formats.py makes forms read them back day
# first (Django's `vi` locale has no input formats, and the fallback is month first).
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
FORMAT_MODULE_PATH = ["config.formats"]
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin works on an offline intranet: no avatars from gravatar.com, no version check
# against wagtail.io, no banner sending editors to Wagtail's English website.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Full-page cache (issue 11 §1, core.page_cache) ---
# Anonymous GETs are served from the cache until the content generation moves; 0 turns it
# off. ConditionalGetMiddleware (ETag/Last-Modified → 304) sits above it and below
# HeadAsGetMiddleware, so HEAD and cache hits get the same validators as GET.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# max-age of `Cache-Control: public` on cached pages: what a browser or proxy may reuse
# without asking (it cannot be purged, so it is short).
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "30"))
_after_head = MIDDLEWARE.index("core.head.HeadAsGetMiddleware") + 1
MIDDLEWARE[_after_head:_after_head] = [
    "django.middleware.http.ConditionalGetMiddleware",
    "core.page_cache.PageCacheMiddleware",
]

# --- Faults (issue 11 §3, §5): search engine breaker, database outage, e-mail -----------------
# search.breaker: after this many failed or timed-out Elasticsearch calls in a row, no call is
# made for ELASTICSEARCH_BREAKER_COOLDOWN seconds (the database answers at once), then one
# probe. The state is in the default cache, shared by every worker (Redis in production).
ELASTICSEARCH_BREAKER_FAILURES = int(os.environ.get("ELASTICSEARCH_BREAKER_FAILURES", "3"))
ELASTICSEARCH_BREAKER_COOLDOWN = float(os.environ.get("ELASTICSEARCH_BREAKER_COOLDOWN", "30"))
# core.db_unavailable: the database unreachable answers 503 with this Retry-After (seconds).
MIDDLEWARE += ["core.db_unavailable.DatabaseUnavailableMiddleware"]
DATABASE_RETRY_AFTER = int(os.environ.get("DATABASE_RETRY_AFTER", "30"))
# E-mail (workflow notifications, password resets) through SMTP from the environment.
# core.mail.MonitoredEmailBackend hands each message to EMAIL_DELIVERY_BACKEND and records a
# failed send for the admin dashboard (and the log) instead of losing it silently.
EMAIL_BACKEND = "core.mail.MonitoredEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "Chỉ đặt một trong EMAIL_USE_TLS (STARTTLS, thường cổng 587) và EMAIL_USE_SSL "
        "(SMTPS, thường cổng 465)."
    )
# A hung mail server must not hold an editor's request (or a worker) for long.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "HĐND tỉnh <no-reply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# --- end Faults ---------------------------------------------------------------------------------

# --- Security: login protection, API throttling, Content-Security-Policy (issue 11 §4) ---
INSTALLED_APPS += ["axes", "csp"]
MIDDLEWARE += [
    # Posts to the password reset and page-password forms, counted per address (core).
    "core.login_protection.FormThrottleMiddleware",
    # The policy of core.csp: strict on the site, looser on /admin/ (see that module).
    "core.csp.SitePolicyMiddleware",
    # Last, as django-axes requires: turns a refused login into core's lockout page.
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one address lock that pair for 15 minutes; a
# correct password before that forgets the failures. The database handler keeps the count
# across workers and restarts, whatever the cache.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
# In hours (axes reads a float as hours): 15 minutes.
AXES_COOLOFF_TIME = int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "core.login_protection.locked_out"
# URL name: (posts allowed, window in seconds), per address and target (core.login_protection).
FORM_THROTTLES = {
    "wagtailadmin_password_reset": (5, 60 * 60),
    "wagtailcore_authenticate_with_password": (10, 15 * 60),
}
# The search API and its suggestions, per address (search.throttling): the suggest box asks
# on every keystroke, so its rate is higher.
SEARCH_API_RATE = os.environ.get("SEARCH_API_RATE", "120/min")
SUGGEST_API_RATE = os.environ.get("SUGGEST_API_RATE", "600/min")
# Strict on the site: this origin only, no inline script or style (JSON-LD is data, not
# script). core.csp loosens script and style on the admin, and says why.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the small SVG icons some stylesheets and Swagger UI inline.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Videos and maps an editor embeds (wagtail.embeds) come from their providers.
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# --- Deployment past one machine (issue 11 §7, docs/deploy.md) ---
# Shards and replicas of a new search index (rebuild); unset replicas: one where a second
# node exists (auto_expand_replicas 0-1). A three-node cluster: ELASTICSEARCH_REPLICAS=1.
ELASTICSEARCH_SHARDS = int(os.environ.get("ELASTICSEARCH_SHARDS", "1"))
ELASTICSEARCH_REPLICAS = (
    int(os.environ["ELASTICSEARCH_REPLICAS"])
    if os.environ.get("ELASTICSEARCH_REPLICAS", "").strip()
    else None
)
# Media on S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set (config.media_storage).
from config.media_storage import media_storage  # noqa: E402

STORAGES["default"] = media_storage(os.environ)
# --- end of deployment past one machine ---
