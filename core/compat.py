"""The only place the project touches private names of Wagtail, treebeard or modelsearch.

Each function here stands for something the frameworks do internally but offer no public
way to do, and that the project needs for speed. Each is exercised by
tests/test_framework_compat.py, so an upgrade that renames or drops what a function relies
on fails there, at one obvious place, instead of silently slowing or breaking the importer.
tests/test_private_apis.py keeps private framework names out of every other module.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex


def remember_parent(page: Page, parent: Page) -> None:
    """Tell an unsaved page which page is its parent, so saving it costs no parent query.

    Page.save() builds url_path from get_parent(), which treebeard answers from the
    instance attribute `_cached_parent_obj` when set, else with one query by path. Wagtail
    sets the same attribute itself (Page.get_children of a loaded tree, treebeard's
    add_child); there is no public setter. The importer places thousands of pages under a
    few parents it already holds.
    """
    page._cached_parent_obj = parent


def mark_not_site_root(page: Page) -> None:
    """Record that `page` is no site's root page, so saving it skips the query that asks.

    Page.save() calls is_site_root(), one EXISTS query over Site, unless the attribute
    `_is_site_root` is set; Wagtail's public PageQuerySet.annotate_site_root_state() sets
    it for loaded pages, but nothing public sets it on a new page. A page the importer
    creates under a section has just been made: no Site can point at it.
    """
    page._is_site_root = False


@contextmanager
def search_index_signal_disconnected(model) -> Iterator[bool]:
    """Saves of `model` don't update Wagtail's search index while inside.

    modelsearch connects post_save_signal_handler per indexed model; the public way to stop
    it is AUTO_UPDATE: False in WAGTAILSEARCH_BACKENDS, but the handler then still runs
    for every save: a task enqueued and run, the instance loaded again and an EXISTS
    query, to find no backend to write to. Measured on the importer (1,000 new articles,
    SQLite): 9,799 queries and 12.0 s CPU that way against 7,914 queries and 8.4 s with
    the handler disconnected, and changing settings at run time is for tests only.

    Yields whether the handler was connected (it is reconnected only then, even on error).
    Signal connections are process-wide: for a management command, not a web worker.
    """
    was_connected = post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield was_connected
    finally:
        if was_connected:
            post_save.connect(post_save_signal_handler, sender=model)


def new_reference_rows(obj: Model) -> list[ReferenceIndex]:
    """The ReferenceIndex rows Wagtail would write for `obj`, saved a moment ago and never
    indexed: unsaved, for one bulk_create over many objects.

    ReferenceIndex.create_or_update_for_object() is the public way, but per object it
    reads the existing rows, resolves content types, bulk-creates and deletes: about 2 ms
    an article, 14% of an import that finds no references at all. Its two steps for
    finding references and hashing their paths are private (`_extract_references_from_object`,
    `_get_content_path_hash`); the rows built here from them are the same (a test compares
    them with create_or_update_for_object's on an article with an image and a tag).
    For objects that may already have rows, use create_or_update_for_object().
    """
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    parents = obj._meta.get_parent_list()
    base_content_type = (
        ContentType.objects.get_for_model(parents[-1], for_concrete_model=False)
        if parents
        else content_type
    )
    return [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=obj.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        )
    ]
