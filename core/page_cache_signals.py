"""What pages show beside page content: a change to it purges the full-page cache too.

news.signals and reports.signals bump the content generation for pages, restrictions,
portal settings and recommendation updates, and reports.reference_data for reference data;
images (titles, alt text, focal points, files) and tags are shown on pages but belong to
no app of ours, so they are connected here (from core.apps).
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.images import get_image_model

from .cache import bump_content_generation

# Wagtail fills these in lazily, on a page view, once per image: nothing a page shows.
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def _shown_content_changed(sender, update_fields=None, **kwargs) -> None:
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    bump_content_generation()


def connect() -> None:
    for model in (get_image_model(), Tag):
        for signal in (post_save, post_delete):
            signal.connect(
                _shown_content_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}"
            )
