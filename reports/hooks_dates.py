"""Admin-wide date picker setting: typed dates reach the server as typed.

Lives in `reports` (the app with most of the editors' dates) because hooks need an app;
it concerns every date field of the admin, pages and snippets alike.
"""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def keep_typed_dates() -> str:
    return format_html('<script src="{}"></script>', static("js/admin-dates.js"))
