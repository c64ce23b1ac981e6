"""Admin-wide hooks: Vietnamese slugs and day-first dates in the browser.

They live in `news`, the lowest app, because they concern every page and snippet form;
the admin's branding is done with template overrides in site/templates/wagtailadmin/.
"""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.safestring import SafeString
from wagtail import hooks

from core.text.slugs import slug_formatters


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


@hooks.register("insert_global_admin_js")
def keep_typed_dates() -> SafeString:
    """Date pickers leave a typed date alone; the server reads it day first (config/formats)."""
    return format_html('<script src="{}"></script>', static("js/admin-dates.js"))


# Help menu items that open Wagtail's English website: useless on an offline intranet and
# not in the editors' language. The keyboard shortcuts item stays.
EXTERNAL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def keep_help_menu_local(request, menu_items: list) -> None:
    menu_items[:] = [item for item in menu_items if not item.name.startswith(EXTERNAL_HELP_ITEMS)]
