"""The rows of Wagtail's search index table for search entries, read straight from SQL.

Shared by the database-backend and parallel-rebuild tests, which compare two writes of them.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from search.models import SearchEntry


def index_rows() -> list[tuple]:
    from django.db import connection

    extra = ", title_text, body_text" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT object_id, CAST(title AS text), CAST(autocomplete AS text), "
            f"CAST(body AS text){extra} FROM wagtailsearch_indexentry "
            "WHERE content_type_id = %s ORDER BY object_id",
            [ContentType.objects.get_for_model(SearchEntry).pk],
        )
        return cursor.fetchall()
