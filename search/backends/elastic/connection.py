"""The Elasticsearch client and the names of our indices, from settings.

Searches must give up within ELASTICSEARCH_TIMEOUT so the database can answer instead
(search.service), hence no retries and no sniffing: one attempt, then fall back.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from elasticsearch import Elasticsearch

# Management commands move whole indices; they may wait longer than a reader.
COMMAND_TIMEOUT = 120.0


def is_configured() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def url() -> str:
    return settings.ELASTICSEARCH_URL


def timeout() -> float:
    return float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 2))


@lru_cache(maxsize=8)
def _client(address: str, request_timeout: float) -> Elasticsearch:
    # Cached per address and timeout: one connection pool per process, yet a test that
    # points ELASTICSEARCH_URL elsewhere gets a client for that address.
    try:
        return Elasticsearch(
            address,
            request_timeout=request_timeout,
            max_retries=0,
            retry_on_timeout=False,
            sniff_on_start=False,
            sniff_on_node_failure=False,
        )
    except ValueError as error:  # "localhost:9200" without http://
        raise ImproperlyConfigured(f"ELASTICSEARCH_URL={address!r}: {error}") from None


def client(request_timeout: float | None = None) -> Elasticsearch:
    """A client for ELASTICSEARCH_URL; every request gives up after `request_timeout`
    seconds (ELASTICSEARCH_TIMEOUT unless given)."""
    return _client(url(), request_timeout if request_timeout is not None else timeout())


def command_client() -> Elasticsearch:
    return client(max(COMMAND_TIMEOUT, timeout()))


def prefix() -> str:
    return settings.ELASTICSEARCH_INDEX_PREFIX.lower()


def alias() -> str:
    """The name readers and live updates use: "<prefix>-documents"."""
    return f"{prefix()}-documents"


def index_pattern() -> str:
    """Every versioned index of ours (and nobody else's, the timestamp being digits)."""
    return f"{alias()}-*"


def new_index_name(now: datetime | None = None) -> str:
    stamp = (now or timezone.now()).strftime("%Y%m%d%H%M%S%f")
    return f"{alias()}-{stamp}"


def is_ours(index: str) -> bool:
    """Whether `index` is one of our versioned indices (not another prefix's)."""
    head = f"{alias()}-"
    return index.startswith(head) and index[len(head) :].isdigit()
