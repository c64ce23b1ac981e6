"""The project's full-text rows for search entries (search/migrations/0005), read straight
from SQL.

Shared by the database-backend and parallel-rebuild tests, which compare two writes of them.
"""

from __future__ import annotations


def index_rows() -> list[tuple]:
    """(entry id, heading, autocomplete, body) per entry, as text, in entry order."""
    from django.db import connection

    if connection.vendor == "postgresql":
        sql = (
            "SELECT entry_id, CAST(heading AS text), CAST(autocomplete AS text), "
            "CAST(body AS text) FROM portal_search_searchvectors ORDER BY entry_id"
        )
    else:
        sql = "SELECT rowid, heading, autocomplete, body FROM portal_search_fulltext ORDER BY rowid"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()
