"""The main menu: the office's edited list, or (on a fresh site) the pages shown in menus.

The list is cached until content changes; which item holds the current page is worked out
per request from its path, so one cached list serves every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.http import HttpRequest
from wagtail.models import Page, Site

from core.cache import cached_for_generation
from core.visibility import not_restricted

from .selectors import below


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    # "page" on the item's own page, "true" on a page below it (its section), else "".
    current: str = ""


def menu_items(portal_settings, request: HttpRequest | None) -> list[MenuItem]:
    site_id = getattr(portal_settings, "site_id", None)
    items = cached_for_generation(
        f"menu:{site_id}",
        lambda: configured_items(portal_settings, request) or fallback_items(site_id, request),
    )
    return mark_current(items, request)


def configured_items(portal_settings, request: HttpRequest | None) -> list[MenuItem]:
    items = []
    for block in portal_settings.main_menu if portal_settings else []:
        link = block.value
        page = link.get("page")
        url = page.get_url(request) if page and page.live else link.get("url")
        title = link.get("title") or (page.title if page else "")
        if url and title:
            items.append(MenuItem(title, url))
    return items


def fallback_items(site_id: int | None, request: HttpRequest | None) -> list[MenuItem]:
    """With no menu set (a fresh install), the live public pages ticked "show in menus"
    (Wagtail's Promote tab) among the home page's children and grandchildren, in tree
    order; a grandchild only when its parent is listed too."""
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    if site is None:
        return []
    root = site.root_page
    pages = (
        Page.objects.live()
        # Two depths by equality: an index (news/migrations/0007) reads the menu's
        # pages only, where "depth <=" walked every page of the site.
        .filter(below(root.path), depth__in=[root.depth + 1, root.depth + 2])
        .filter(show_in_menus=True)
        .filter(not_restricted())
        .order_by("path")
    )
    listed: set[str] = set()
    items = []
    for page in pages:
        if page.depth == root.depth + 2 and page.path[: -page.steplen] not in listed:
            continue
        listed.add(page.path)
        url = page.get_url(request)
        if url:
            items.append(MenuItem(page.title, url))
    return items


def _local_path(url: str, request: HttpRequest | None) -> str | None:
    """The path of a link to this site, or None for a link elsewhere."""
    parts = urlsplit(url)
    if parts.netloc and (request is None or parts.netloc != request.get_host()):
        return None
    return parts.path or "/"


def mark_current(items: list[MenuItem], request: HttpRequest | None) -> list[MenuItem]:
    """Mark the item for the current page, or else the deepest item above it."""
    if request is None:
        return items
    here = request.path
    best, best_length, exact = None, 0, False
    for index, item in enumerate(items):
        path = _local_path(item.url, request)
        if path is None or path == "/":
            continue
        if path == here:
            best, exact = index, True
            break
        if here.startswith(path.rstrip("/") + "/") and len(path) > best_length:
            best, best_length = index, len(path)
    if best is None:
        return items
    marked = list(items)
    marked[best] = MenuItem(items[best].title, items[best].url, "page" if exact else "true")
    return marked
