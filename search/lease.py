"""One `search_index` run at a time, across processes and machines sharing the database.

A row in IndexingRun is the lease: creating it succeeds for one run only (a unique name),
and the run deletes it when done, however it ends. A run that died without doing so
(killed, machine lost) leaves a row behind; past LEASE_HOURS it no longer counts, since
a rebuild of the largest site takes minutes.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from search.models import IndexingRun

NAME = "search_index"
LEASE_HOURS = 2


class IndexingBusy(RuntimeError):
    """Another run holds the lease (`run`: which, or None if it ended meanwhile)."""

    def __init__(self, run: IndexingRun | None) -> None:
        super().__init__(str(run) if run else NAME)
        self.run = run


def _take(holder: str) -> IndexingRun | None:
    try:
        with transaction.atomic():  # a savepoint: a refused insert leaves the caller's intact
            return IndexingRun.objects.create(name=NAME, holder=holder, started_at=timezone.now())
    except IntegrityError:
        return None


@contextmanager
def exclusive_run(action: str) -> Iterator[IndexingRun]:
    """Hold the lease while the block runs; raise IndexingBusy if another run holds it."""
    holder = f"{socket.gethostname()}:{os.getpid()} {action}"
    run = _take(holder)
    if run is None:
        # The holder may have died without releasing it: its lease lapses.
        lapsed = timezone.now() - timedelta(hours=LEASE_HOURS)
        IndexingRun.objects.filter(name=NAME, started_at__lt=lapsed).delete()
        run = _take(holder)
    if run is None:
        raise IndexingBusy(IndexingRun.objects.filter(name=NAME).first())
    try:
        yield run
    finally:
        IndexingRun.objects.filter(pk=run.pk).delete()
