"""Elasticsearch backend: the same SearchEntry rows, searched by an Elasticsearch node.

Used by search.service when ELASTICSEARCH_URL is set; every function raises on failure
(search.service falls back to the database, search.indexing records failed updates).
See search/README.md for the design.
"""

from __future__ import annotations

from search.backends.elastic.connection import is_configured
from search.backends.elastic.indexer import delete_keys, describe, drop_indices, index_entries
from search.backends.elastic.query import search
from search.backends.elastic.suggest import suggest

__all__ = [
    "delete_keys",
    "describe",
    "drop_indices",
    "index_entries",
    "is_configured",
    "search",
    "suggest",
]
