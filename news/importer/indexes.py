"""Search and reference indexes: per-save updates off during the import, bulk after.

Wagtail keeps two indexes up to date from post_save handlers: the search index
(modelsearch's post_save_signal_handler, connected per indexed model) and the reference
index (wagtail.signal_handlers.update_reference_index_on_save). Both run as "tasks",
executed immediately with the default task backend, for every save: an imported article
is saved three times (insert, revision, publish), so that is six index updates per
article, and the SQLite search backend also recomputes the average title length over
the whole index on every add. That alone is more than half of the import time.

So during the import the search handler is disconnected for NewsArticlePage (through
core.compat: AUTO_UPDATE off would still run the handler, see there) and the reference
index uses Wagtail's own disable_reference_index_auto_update(). Each batch then indexes
its created or changed articles once, from the instances it just saved, with the
backends' bulk API (the one `update_index` uses) and
ReferenceIndex.create_or_update_for_object (what `rebuild_references_index` uses),
inside the batch's transaction: pages and their index entries commit together.
Articles created by this batch have no rows in the reference index yet, so theirs are
built without asking (core.compat.new_reference_rows) and inserted in one statement;
only updated articles go through create_or_update_for_object, one at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from contextlib import ExitStack, contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.index import get_indexed_models
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.compat import new_reference_rows, search_index_signal_disconnected

CHUNK = 500


@contextmanager
def per_save_indexing_suspended(*models) -> Iterator[None]:
    """No Wagtail search index work on each save of `models`, and no reference index work
    on any save (Wagtail's switch for that is global), while inside.

    Signal connections are process-wide: this is meant for a management command, not
    for code running in a web worker. The handlers are reconnected even on error.
    """
    with ExitStack() as stack:
        stack.enter_context(disable_reference_index_auto_update())
        for model in models:
            stack.enter_context(search_index_signal_disconnected(model))
        yield


def index_objects(model, objects: list, *, new: Collection[int] = ()) -> None:
    """Add or update these saved instances of `model` in the search and reference indexes.

    The instances are used as they are, so they must hold what their rows hold. `new`:
    the primary keys of those just created, never indexed before.
    """
    if not objects:
        return
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, objects)
    if ReferenceIndex.is_indexed(model):
        rows = []
        with transaction.atomic():
            for obj in objects:
                if obj.pk in new:
                    rows += new_reference_rows(obj)
                else:
                    ReferenceIndex.create_or_update_for_object(obj)
            # ignore_conflicts, as create_or_update_for_object() does where it can.
            ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=True)


def update_indexes(model, pks: Iterable[int]) -> None:
    """Load the given instances of `model` in chunks and index them."""
    pks = sorted(set(pks))
    relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        objects = model.get_indexed_objects().filter(pk__in=chunk).prefetch_related(*relations)
        index_objects(model, list(objects))


@contextmanager
def indexed_once_at_the_end() -> Iterator[None]:
    """Every page saved inside is indexed once on leaving, not on each of its saves.

    For a command that builds many pages (seed_demo saves each three to six times: insert,
    tags, revision, publish). Other objects keep their own search indexing; their reference
    index rows are written on leaving too, since Wagtail's switch for it is global.
    Nothing is indexed if the block raises: what it wrote is rolled back or half-done anyway.
    """
    pages: dict[type, set[int]] = defaultdict(set)
    others: dict[type, set[int]] = defaultdict(set)

    def remember(sender, instance, raw: bool = False, **kwargs) -> None:
        if raw:
            return
        if isinstance(instance, Page):
            pages[instance.specific_class].add(instance.pk)
        elif ReferenceIndex.is_indexed(sender):
            others[sender].add(instance.pk)

    page_models = [model for model in get_indexed_models() if issubclass(model, Page)]
    with per_save_indexing_suspended(*page_models):
        post_save.connect(remember, weak=False)
        try:
            yield
        finally:
            post_save.disconnect(remember)
    for model, pks in pages.items():
        update_indexes(model, pks)
    with transaction.atomic():
        for model, pks in others.items():
            for obj in model._default_manager.filter(pk__in=pks):
                ReferenceIndex.create_or_update_for_object(obj)
