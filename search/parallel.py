"""The pure-Python text work of a rebuild, spread over the server's cores.

Normalising Vietnamese text (search.analysis) was most of what a database rebuild cost, and
it is plain Python: in one process it uses one core of the server, however many it has.
`pipelined` hands each batch to a pool of worker processes and, while they work on it,
gives the caller the previous batch's result, so the main process reads pages and writes
rows at the same time.

Workers are spawned, not forked: they import only the pure module of the function they
run (search.analysis), never Django, and inherit no database connection. Starting them costs
a fraction of a second, so small jobs (a live update of a few pages) run in-process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from django.conf import settings

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool costs more than it saves.
MIN_ITEMS_FOR_POOL = 2000


def workers_for(items: int) -> int:
    """How many worker processes a job of `items` items should use (1: in-process)."""
    configured = getattr(settings, "SEARCH_INDEX_WORKERS", 0) or os.cpu_count() or 1
    return configured if items >= MIN_ITEMS_FOR_POOL else 1


def _parts(batch: list[T], count: int) -> list[list[T]]:
    size = max(1, -(-len(batch) // count))  # ceiling: `count` parts at most, none empty
    return [batch[start : start + size] for start in range(0, len(batch), size)]


def _joined(futures: list[Future[list[R]]]) -> list[R]:
    return [item for future in futures for item in future.result()]


def pipelined(
    function: Callable[[list[T]], list[R]], batches: Iterable[list[T]], workers: int
) -> Iterator[list[R]]:
    """`function(batch)` for each batch, in order; on `workers` processes when above 1.

    `function` must be a module-level function of a module that imports without Django
    (workers are fresh interpreters). Batches are read lazily, one ahead of the result
    being yielded, so producing batch N+1 overlaps with the workers' run of batch N.
    """
    if workers <= 1:
        for batch in batches:
            yield function(batch)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: list[Future[list[R]]] | None = None
        for batch in batches:
            submitted = [pool.submit(function, part) for part in _parts(batch, workers)]
            if pending is not None:
                yield _joined(pending)
            pending = submitted
        if pending is not None:
            yield _joined(pending)
