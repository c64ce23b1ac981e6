"""Loading SearchEntry rows into Elasticsearch: live updates, rebuild, sync.

Readers and live updates only ever use the alias "<prefix>-documents". A rebuild loads a
new index "<prefix>-documents-<timestamp>" while the old one keeps answering, then moves
the alias in one `_aliases` call, so no reader sees a missing or half-filled index. Every
document comes from SearchEntry, the one list of what is public (search.indexing), never
from the pages, and never from another index (no `_reindex`: the bare server lacks it,
and the rows are the truth anyway).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from elastic_transport import TransportError
from elasticsearch import Elasticsearch, NotFoundError, helpers

from search.backends.elastic import connection
from search.backends.elastic.documents import ENTRY_VALUES, document, index_body
from search.models import ElasticsearchSync, IndexingFailure, SearchEntry

Progress = Callable[[str], None]
BULK_CHUNK = 500
# Bulk requests in flight during a full load: one indexing while this thread builds the
# next (documents: ~2,700/s in Python; the node indexes ~1,200/s on one core).
LOAD_THREADS = 2
DB_CHUNK = 1000
# A row written just before the last sync started may have missed it: look back a little.
SYNC_MARGIN = timedelta(minutes=5)
# Keys named in an error message; the rest are counted.
SHOWN_ERRORS = 5


class IndexingError(RuntimeError):
    """Elasticsearch refused some documents (the message names the first few)."""


def _quiet(_message: str) -> None:
    pass


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


# ------------------------------------------------------------------------------ bulk


def _bulk(client: Elasticsearch, actions: Iterable[dict[str, Any]], **options: Any) -> int:
    """Send `actions`; return how many succeeded, raise IndexingError if any failed.

    Deleting a document that is already gone counts as success: the goal is its absence.
    """
    done, errors = 0, []
    for ok, item in helpers.streaming_bulk(
        client, actions, chunk_size=BULK_CHUNK, raise_on_error=False, max_retries=0, **options
    ):
        operation, result = next(iter(item.items()))
        if ok or (operation == "delete" and result.get("result") == "not_found"):
            done += 1
        else:
            errors.append(f"{result.get('_id')}: {result.get('error', result.get('status'))}")
    if errors:
        shown = "; ".join(errors[:SHOWN_ERRORS])
        raise IndexingError(f"{len(errors)} document(s) refused by Elasticsearch: {shown}")
    return done


def _bulk_in_parallel(client: Elasticsearch, actions: Iterable[dict[str, Any]]) -> int:
    """_bulk with LOAD_THREADS requests in flight: the node indexes some chunks while
    this thread reads rows and builds the next (the database is only read here, in the
    caller's thread and transaction)."""
    done = 0
    in_flight: deque[Future[int]] = deque()
    with ThreadPoolExecutor(LOAD_THREADS) as pool:
        chunk: list[dict[str, Any]] = []
        for action in actions:
            chunk.append(action)
            if len(chunk) == BULK_CHUNK:
                in_flight.append(pool.submit(_bulk, client, chunk))
                chunk = []
                if len(in_flight) >= LOAD_THREADS:
                    done += in_flight.popleft().result()
        if chunk:
            in_flight.append(pool.submit(_bulk, client, chunk))
        while in_flight:
            done += in_flight.popleft().result()
    return done


def _index_actions(index: str, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for values in rows:
        yield {"_index": index, "_id": values["key"], "_source": document(values)}


def _entry_values(entry: SearchEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in ENTRY_VALUES}


def index_entries(rows: list[SearchEntry]) -> None:
    """Add or replace these entries in the live index; raise on any failure.

    `require_alias` makes a missing alias an error instead of letting Elasticsearch
    create a concrete index of that name with guessed mappings, which would then block
    the real one; search.indexing records the failure and `search_index sync` builds it.
    """
    if not rows:
        return
    actions = _index_actions(connection.alias(), (_entry_values(row) for row in rows))
    _bulk(connection.client(), actions, require_alias=True)


def delete_keys(keys: list[str]) -> None:
    """Remove these entries from the live index; raise on any failure but "not found"."""
    if not keys:
        return
    index = connection.alias()
    _bulk(connection.client(), ({"_op_type": "delete", "_index": index, "_id": k} for k in keys))


# ---------------------------------------------------------------------------- indices


def alias_indices(client: Elasticsearch) -> list[str]:
    """The indices behind our alias (normally one; none before the first rebuild)."""
    try:
        return sorted(client.indices.get_alias(name=connection.alias()))
    except NotFoundError:
        return []


def our_indices(client: Elasticsearch) -> list[str]:
    """Every versioned index of this prefix, behind the alias or not."""
    found = client.indices.get(index=connection.index_pattern(), allow_no_indices=True)
    return sorted(name for name in found if connection.is_ours(name))


def _squatter(client: Elasticsearch) -> bool:
    # A concrete index named like the alias: only an index call without require_alias
    # (an older version of this code, a hand-made request) makes one. It must go for
    # the alias to be added, in the same atomic call.
    name = connection.alias()
    return bool(client.indices.exists(index=name)) and not alias_indices(client)


def _swap(client: Elasticsearch, new: str) -> list[str]:
    """Point the alias at `new` only, in one atomic call; return the indices it left."""
    name = connection.alias()
    old = [index for index in alias_indices(client) if index != new]
    actions: list[dict[str, Any]] = [{"remove": {"index": index, "alias": name}} for index in old]
    if _squatter(client):
        actions.append({"remove_index": {"index": name}})
    actions.append({"add": {"index": new, "alias": name}})
    client.indices.update_aliases(actions=actions)
    return old


def drop_indices() -> list[str]:
    """Delete every index of this prefix, alias and all (tests clean up with this)."""
    client = connection.command_client()
    names = our_indices(client)
    if _squatter(client):
        names.append(connection.alias())
    if names:
        client.indices.delete(index=",".join(names), ignore_unavailable=True)
    return names


@dataclass(frozen=True)
class RebuildReport:
    index: str
    documents: int
    seconds: float
    removed: list[str]
    caught_up: int  # rows changed during the load, sent again after the swap
    failures_cleared: int  # live-update failures recorded before the load began


def _counted(rows: Iterable[dict[str, Any]], total: int, progress: Progress):
    for done, row in enumerate(rows, start=1):
        yield row
        if done % 5000 == 0 or done == total:
            progress(f"{done}/{total}")


def _load(client: Elasticsearch, index: str, progress: Progress) -> int:
    # Rows added or changed while loading are caught up after the swap (reconcile).
    total = SearchEntry.objects.count()
    rows = SearchEntry.objects.order_by().values(*ENTRY_VALUES).iterator(chunk_size=DB_CHUNK)
    return _bulk_in_parallel(client, _index_actions(index, _counted(rows, total, progress)))


def rebuild(progress: Progress = _quiet) -> RebuildReport:
    """A new index with every SearchEntry, then the alias moved to it, then old ones gone.

    Failures recorded before it started are cleared, as a sync clears them: the new index
    was loaded from SearchEntry after they happened, so it holds what they failed to send
    (and lacks what they failed to delete). Failures recorded during the load stay for
    the next sync.
    """
    client = connection.command_client()
    started = timezone.now()
    clock = time.perf_counter()
    new = connection.new_index_name(started)
    body = index_body()
    # No refreshes while loading: one at the end is much cheaper than one per second.
    body["settings"]["refresh_interval"] = "-1"
    client.indices.create(index=new, settings=body["settings"], mappings=body["mappings"])
    try:
        documents = _load(client, new, progress)
        client.indices.put_settings(index=new, settings={"index": {"refresh_interval": None}})
        client.indices.refresh(index=new)
        stored = client.count(index=new)["count"]
        if stored != documents:
            raise IndexingError(f"{new} holds {stored} documents, {documents} were sent")
        old = _swap(client, new)
    except BaseException:
        # The alias still points at the old index: readers never saw this one.
        client.indices.delete(index=new, ignore_unavailable=True)
        raise
    removed = sorted({*old, *(i for i in our_indices(client) if i < new)})
    if removed:
        client.indices.delete(index=",".join(removed), ignore_unavailable=True)
    # Live updates during the load went to the old index: what changed meanwhile now
    # differs from what was loaded (its updated_at), and reconcile sends exactly that.
    caught_up, _deleted = reconcile(client, since=None)
    cleared = IndexingFailure.objects.filter(failed_at__lte=started).delete()[0]
    _record_success(started)
    seconds = time.perf_counter() - clock
    return RebuildReport(new, documents, seconds, removed, caught_up, cleared)


# ------------------------------------------------------------------------------ sync


def indexed_versions(client: Elasticsearch) -> dict[str, str | None]:
    """Every document id in the live index with the `updated_at` it was indexed with."""
    hits = helpers.scan(
        client,
        index=connection.alias(),
        query={"query": {"match_all": {}}, "_source": ["updated_at"]},
        size=5000,
        scroll="2m",
    )
    return {hit["_id"]: hit.get("_source", {}).get("updated_at") for hit in hits}


@dataclass(frozen=True)
class Drift:
    missing: list[str]  # in SearchEntry, not in Elasticsearch
    stale: list[str]  # in both, Elasticsearch holds an older version
    extra: list[str]  # in Elasticsearch, no longer in SearchEntry

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def drift(client: Elasticsearch) -> Drift:
    indexed = indexed_versions(client)
    current = {key: _iso(at) for key, at in SearchEntry.objects.values_list("key", "updated_at")}
    missing = sorted(key for key in current if key not in indexed)
    stale = sorted(key for key, at in current.items() if key in indexed and indexed[key] != at)
    extra = sorted(key for key in indexed if key not in current)
    return Drift(missing, stale, extra)


def _send_keys(client: Elasticsearch, keys: list[str]) -> int:
    sent = 0
    index = connection.alias()
    for start in range(0, len(keys), DB_CHUNK):
        chunk = keys[start : start + DB_CHUNK]
        rows = SearchEntry.objects.filter(key__in=chunk).values(*ENTRY_VALUES)
        sent += _bulk(client, _index_actions(index, rows))
    return sent


def reconcile(client: Elasticsearch, since: datetime | None) -> tuple[int, int]:
    """Make the live index equal SearchEntry; returns (documents sent, deleted).

    Sends any row the index lacks or holds another version of (its `updated_at`
    differs: a failed or missed live update), plus rows changed since `since` and rows
    with a recorded failure; deletes ids that SearchEntry no longer has.
    """
    found = drift(client)
    keys = set(found.missing) | set(found.stale)
    if since is not None:
        keys.update(SearchEntry.objects.filter(updated_at__gt=since).values_list("key", flat=True))
    failed = IndexingFailure.objects.filter(action="index").values_list("key", flat=True)
    keys.update(SearchEntry.objects.filter(key__in=set(failed)).values_list("key", flat=True))
    sent = _send_keys(client, sorted(keys))
    index = connection.alias()
    deleted = _bulk(
        client, ({"_op_type": "delete", "_index": index, "_id": k} for k in found.extra)
    )
    client.indices.refresh(index=index)
    return sent, deleted


@dataclass(frozen=True)
class SyncReport:
    sent: int
    deleted: int
    failures_cleared: int
    rebuilt: RebuildReport | None = None  # the alias was missing: a first full load


def _state() -> ElasticsearchSync:
    return ElasticsearchSync.objects.get_or_create(alias=connection.alias())[0]


def _record_success(started: datetime) -> None:
    ElasticsearchSync.objects.update_or_create(
        alias=connection.alias(),
        defaults={"last_success": started, "last_error": ""},
    )


def describe(error: BaseException) -> str:
    """One line saying what went wrong (str() of a transport error is only "Connection
    error"; its message says which connection and why)."""
    detail = error.message if isinstance(error, TransportError) else error
    return " ".join(str(detail).split())


def record_error(error: BaseException) -> None:
    """Remember why the last rebuild or sync failed (shown by `search_index status`)."""
    ElasticsearchSync.objects.update_or_create(
        alias=connection.alias(),
        defaults={"last_error": describe(error)[:2000], "last_error_at": timezone.now()},
    )


def sync(progress: Progress = _quiet) -> SyncReport:
    """Bring the live index in line with SearchEntry, creating it if there is none.

    Failures recorded before the sync started are cleared: their rows were just sent
    (or deleted). Failures recorded while it ran stay for the next sync.
    """
    started = timezone.now()
    client = connection.command_client()
    if not alias_indices(client):
        # The rebuild clears what was recorded before it, hence before this sync too.
        report = rebuild(progress)
        return SyncReport(report.documents, 0, report.failures_cleared, rebuilt=report)
    last = _state().last_success
    sent, deleted = reconcile(client, since=last - SYNC_MARGIN if last else None)
    cleared = IndexingFailure.objects.filter(failed_at__lte=started).delete()[0]
    _record_success(started)
    return SyncReport(sent, deleted, cleared)
