"""What `search_index status` reports: the index, the rows, how far apart they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count

from search.backends.elastic import connection
from search.backends.elastic.indexer import Drift, alias_indices, drift, our_indices
from search.models import ElasticsearchSync, IndexingFailure, SearchEntry


@dataclass
class IndexStatus:
    alias: str
    indices: dict[str, int]  # index -> documents, those behind the alias
    orphans: list[str]  # versioned indices of this prefix the alias does not use
    by_kind: dict[str, int]
    drift: Drift


@dataclass
class Status:
    rows_by_kind: dict[str, int]
    failures: int
    failure_samples: list[IndexingFailure] = field(default_factory=list)
    last_success: datetime | None = None
    last_error: str = ""
    last_error_at: datetime | None = None
    index: IndexStatus | None = None  # None when the alias does not exist yet


def database_status() -> Status:
    rows = dict(
        SearchEntry.objects.order_by().values_list("kind").annotate(n=Count("pk")).order_by("kind")
    )
    failures = IndexingFailure.objects.all()
    state = ElasticsearchSync.objects.filter(alias=connection.alias()).first()
    return Status(
        rows_by_kind=rows,
        failures=failures.count(),
        failure_samples=list(failures[:5]),
        last_success=state.last_success if state else None,
        last_error=state.last_error if state else "",
        last_error_at=state.last_error_at if state else None,
    )


def status() -> Status:
    """Counts on both sides and the drift between them (reads every id: a few seconds at
    most for tens of thousands of documents)."""
    result = database_status()
    if not connection.is_configured():
        return result
    client = connection.command_client()
    behind = alias_indices(client)
    if not behind:
        return result
    counts = {name: client.count(index=name)["count"] for name in behind}
    response = client.search(
        index=connection.alias(),
        size=0,
        aggs={"kind": {"terms": {"field": "kind", "size": 20}}},
    )
    by_kind = {b["key"]: b["doc_count"] for b in response["aggregations"]["kind"]["buckets"]}
    orphans = [name for name in our_indices(client) if name not in behind]
    result.index = IndexStatus(connection.alias(), counts, orphans, by_kind, drift(client))
    return result
