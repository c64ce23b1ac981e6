"""Admin hooks of the news app: Vietnamese slugs in the browser (branding hooks live elsewhere)."""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.safestring import SafeString
from wagtail import hooks

from .slugs import slug_formatters


@hooks.register("insert_global_admin_js")
def vietnamese_slug_script() -> SafeString:
    """The server's slug fold as `w-slug` formatters, on every admin page with a slug field.

    Global rather than editor-only: the copy-page form has a slug field too.
    """
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(slug_formatters(), "vietnamese-slug-formatters"),
        static("js/admin-slug.js"),
    )
