"""One site address: settings.BASE_URL is the origin of every absolute URL we print.

Wagtail builds full URLs (canonical, og:url, sitemap, feeds, the API) from the default
Site record's hostname and port, not from the request. Keeping that record in step with
BASE_URL after every `migrate` makes them all agree; what we build ourselves (robots.txt,
image URLs) goes through site_root_url() so it agrees too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from core.request_memo import once_per_request

# wagtail.models is imported inside the functions: production settings import
# parse_base_url before the apps are loaded.
if TYPE_CHECKING:
    from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_base_url(base_url: str) -> tuple[str, str, int]:
    """(scheme, hostname, port) of an origin such as https://hdnd.example.vn[:port]."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path.strip("/"):
        raise ImproperlyConfigured(
            f"BASE_URL={base_url!r} không hợp lệ: cần dạng http(s)://tên-miền[:cổng], "
            "không có đường dẫn (ví dụ https://hdnd.example.vn)."
        )
    if parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(f"BASE_URL={base_url!r} không hợp lệ: chỉ ghi gốc địa chỉ.")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:  # ":80a", ":99999"
        raise ImproperlyConfigured(f"BASE_URL={base_url!r}: cổng không hợp lệ.") from error
    # Wagtail's Site writes https only for port 443: another https port cannot be expressed.
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured(f"BASE_URL={base_url!r}: https chỉ dùng được với cổng 443.")
    return parts.scheme, parts.hostname, port


def sync_default_site(base_url: str | None = None) -> Site | None:
    """Point the default Site at BASE_URL; returns it (None before the first page exists)."""
    from wagtail.models import Site

    _, hostname, port = parse_base_url(base_url or settings.BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return site
    clash = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).first()
    if clash is not None:  # another Site already answers there: leave the records alone
        return site
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])  # save() clears Wagtail's site caches
    return site


def site_root_url(request: HttpRequest | None) -> str:
    """The origin of the Site serving this request, e.g. http://127.0.0.1:8000."""

    # Once per request: the search API makes every hit's URL absolute, and finding the
    # Site cost 2 ms each time (10 hits: a tenth of the API's time at 10,000 articles).
    if request is None:
        return _root_url(None)
    return once_per_request("site_root_url", lambda: _root_url(request))


def _root_url(request: HttpRequest | None) -> str:
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else settings.BASE_URL.rstrip("/")


def absolute_url(request: HttpRequest | None, url: str) -> str:
    """`url` made absolute with the site's origin (left alone if it already is)."""
    if not url or "://" in url:
        return url
    return site_root_url(request) + ("" if url.startswith("/") else "/") + url


def sync_after_migrate(sender, **kwargs) -> None:
    """post_migrate: every deploy and `make run` brings the Site in step with BASE_URL."""
    if sender.name == "news":
        sync_default_site()
