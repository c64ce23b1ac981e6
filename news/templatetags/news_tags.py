import json

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..dates import format_vietnamese_datetime
from ..menu import MenuItem, menu_items
from ..selectors import latest_articles, most_read_articles
from ..site_address import absolute_url as _absolute_url

register = template.Library()


@register.filter
def vn_datetime(value) -> str:
    """27/10/2020 8:18:57 SA"""
    return format_vietnamese_datetime(value)


@register.simple_tag
def latest_news(exclude=None):
    return latest_articles(getattr(exclude, "pk", None))


@register.simple_tag
def most_read_news():
    return most_read_articles()


@register.inclusion_tag("news/includes/view_counter.html", takes_context=True)
def view_counter(context, page) -> dict:
    """The counting script, except in previews and for people who use the admin.

    The endpoint ignores editors anyway; leaving the script out also keeps their own
    browser from sending anything.
    """
    from django.urls import reverse

    from ..most_read import is_editor

    request = context.get("request")
    count = request is not None and not getattr(request, "is_preview", False)
    count = count and not is_editor(request)
    return {"url": reverse("article_view", args=[page.pk]) if count else ""}


@register.simple_tag(takes_context=True)
def main_menu(context, portal_settings) -> list[MenuItem]:
    """The main menu's items, the current page's (or section's) item marked; see news.menu."""
    return menu_items(portal_settings, context.get("request"))


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    """`url` with the site's one origin (BASE_URL), never the request's Host."""
    return _absolute_url(context.get("request"), url)


@register.filter
def json_ld(data) -> str:
    """Serialise for a <script type="application/ld+json"> block, safe against </script>."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return mark_safe(text)  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Ancestors below the site root, in one query; the root reads "Trang chủ"."""
    request = context.get("request")
    ancestors = list(
        page.get_ancestors().filter(depth__gt=1).only("title", "url_path", "path", "depth")
    )
    return [
        (_("Trang chủ") if index == 0 else ancestor.title, ancestor.get_url(request))
        for index, ancestor in enumerate(ancestors)
    ]


@register.simple_tag(takes_context=True)
def article_extras(context, page) -> str:
    """HTML that other apps add below an article, through the `news_article_extras` hook.

    news knows nothing of the apps that build on it (reports adds its "Báo cáo giám sát
    liên quan" here).
    """
    return _hook_html("news_article_extras", context.get("request"), page)


@register.simple_tag(takes_context=True)
def home_extras(context, page) -> str:
    """HTML that other apps add to the home page, through the `news_home_extras` hook.

    Like `news_article_extras`: reports adds its "Hoạt động giám sát" block (recent
    conclusions, overdue recommendations); each hook caches its own work.
    """
    return _hook_html("news_home_extras", context.get("request"), page)


def _hook_html(hook_name: str, request, page) -> str:
    """The joined HTML of a hook whose functions take (request, page) and return safe HTML
    or ""."""
    from django.utils.html import format_html_join
    from wagtail import hooks

    parts = [fn(request, page) for fn in hooks.get_hooks(hook_name)]
    return format_html_join("", "{}", ((part,) for part in parts if part))
