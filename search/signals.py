"""Live index updates: whatever changes what the public sees re-reads its entries.

Every handler defers the work until the transaction commits (an editor's publish is
never slowed down or rolled back by search), and runs it with `robust=True`, so an error
in indexing is logged instead of reaching the editor. search.indexing records
Elasticsearch failures for `search_index sync`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.cache import bump_content_generation
from news.models import NewsIndexPage
from reports.models import RecommendationUpdate, ReportIndexPage
from search import indexing, parallel
from search.analysis import TEXT_FIELDS
from search.models import SearchEntry

logger = logging.getLogger(__name__)
# What parallel.workers_for counts: the texts to fold, a few per page.
PARALLEL_ITEMS_PER_PAGE = len(TEXT_FIELDS)
SECTION_TYPES = (NewsIndexPage, ReportIndexPage)


class _Pending(threading.local):
    """Pages to refresh when the current transaction commits, gathered in one batch.

    An import publishes hundreds of pages per transaction: every signal queues a
    callback, the first to run refreshes all pending pages at once and the others find
    nothing left. Pages of a rolled-back transaction stay pending and are re-read (which
    is harmless: a refresh reads what the database now holds) with the next batch.
    """

    def __init__(self) -> None:
        self.flat: set[int] = set()
        self.deep: set[int] = set()


_pending = _Pending()


class _Deferral(threading.local):
    depth = 0


_deferral = _Deferral()


def _refresh_pending(*, workers: int = 1) -> None:
    if _deferral.depth:
        return  # refreshes_deferred() does it on the way out
    deep, flat = _pending.deep, _pending.flat - _pending.deep
    _pending.__init__()
    if deep:
        indexing.refresh_pages_by_id(deep, descendants=True, workers=workers)
    if flat:
        indexing.refresh_pages_by_id(flat, descendants=False, workers=workers)
    if deep or flat:
        # Search pages cached between the commit and this refresh showed the old index.
        bump_content_generation()


@contextmanager
def refreshes_deferred() -> Iterator[None]:
    """Inside, committed changes are not refreshed one transaction at a time: on the way
    out (even on error), everything pending is refreshed in one pass, its text work on
    worker processes (search.parallel) when there is enough of it.

    For a bulk import run by a management command (news' importer enters it through
    SearchConfig.during_bulk_import): it commits every 500 articles, and refreshing each
    batch on commit, in-process, was a third of its time. Never in a web worker: an
    editor's publish must be searchable when the request ends, and a web worker should
    not start processes. Should the process die inside, `search_index sync` catches up.
    """
    _deferral.depth += 1
    try:
        yield
    finally:
        _deferral.depth -= 1
        if not _deferral.depth:
            pending = len(_pending.deep) + len(_pending.flat)
            workers = parallel.workers_for(pending * PARALLEL_ITEMS_PER_PAGE)
            try:
                _refresh_pending(workers=workers)
            except Exception:  # as on_commit(robust=True): logged, the pages stay written
                logger.exception("Search refresh after a bulk import failed: run search_index sync")


def _later(page_ids: list[int], *, descendants: bool) -> None:
    (_pending.deep if descendants else _pending.flat).update(page_ids)
    # Outside a transaction this runs at once.
    transaction.on_commit(_refresh_pending, robust=True)


@receiver(page_published)
def _published(sender, instance: Page, **kwargs) -> None:
    # A section's title is its articles' section label: re-read its children too.
    if isinstance(instance, SECTION_TYPES):
        child_ids = list(instance.get_children().values_list("pk", flat=True))
        _later([instance.pk, *child_ids], descendants=False)
    else:
        _later([instance.pk], descendants=False)


@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(page_slug_changed)
def _hidden_or_moved(sender, instance: Page, **kwargs) -> None:
    _later([instance.pk], descendants=True)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _restriction_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    _later([instance.page_id], descendants=True)


@receiver(post_save, sender=RecommendationUpdate)
@receiver(post_delete, sender=RecommendationUpdate)
def _recommendation_changed(sender, instance: RecommendationUpdate, **kwargs) -> None:
    report_id = (
        RecommendationUpdate.objects.filter(pk=instance.pk)
        .values_list("recommendation__report_id", flat=True)
        .first()
    ) or getattr(getattr(instance, "recommendation", None), "report_id", None)
    if report_id:
        _later([report_id], descendants=False)


@receiver(pre_delete)
def _page_deleted(sender, instance, **kwargs) -> None:
    # The rows go with the page (on_delete=CASCADE); Elasticsearch must hear of it.
    if not isinstance(instance, Page):
        return
    keys = list(
        SearchEntry.objects.filter(path__startswith=instance.path).values_list("key", flat=True)
    )
    if keys:
        transaction.on_commit(lambda: indexing.push_to_elasticsearch([], keys), robust=True)
