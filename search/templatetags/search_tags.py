"""What every page's search boxes need to offer suggestions (site/static/js/search-suggest.js)."""

from __future__ import annotations

import json

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from search.models import EntryKind

register = template.Library()


@register.simple_tag
def suggest_attributes() -> SafeString:
    """data-suggest (the suggestion endpoint) and data-suggest-text (the script's words).

    The script has no text of its own: its Vietnamese comes from here, through the
    translation machinery like the rest of the site.
    """
    words = {
        "list": gettext("Gợi ý tìm kiếm"),
        # {n} is replaced by the script with the number of suggestions shown.
        "count": gettext("Có {n} gợi ý. Dùng phím mũi tên lên, xuống để chọn, Enter để mở."),
        "none": gettext("Không có gợi ý."),
        "types": {value: str(label) for value, label in EntryKind.choices},
    }
    return format_html(
        'data-suggest="{}" data-suggest-text="{}"',
        reverse("api-v1:api_search_suggest"),
        json.dumps(words, ensure_ascii=False),
    )
