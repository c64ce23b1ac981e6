"""SQLite: the small columns a search reads, in indexes of their own.

A search reads, for every match, the FTS row's index entry (to find the search entry)
and the entry's facet columns; a search with no words reads those of every entry.
SQLite stores a row's columns in order, and both tables keep long text there: Wagtail's
index entries a copy of the indexed text, search entries the display and folded text
before the facet columns, over several overflow pages. Reading through the table costs
one page or more per row; these two indexes hold only what the search reads, so
search.backends.database.engine reads them instead (INDEXED BY, when they exist):
for 17,000 matches the index-entry lookups fall from 48 to 21 ms, the entry columns
from 130 to 40 ms per 20,000 entries.

SQLite only (PostgreSQL keeps long text out of line already), and created by SQL rather
than Meta.indexes since one is on Wagtail's table and the other would be refused by
PostgreSQL (wide btree entries). Django does not know them: should a later migration
rebuild a table on SQLite and drop one, searches are slower, never wrong.
"""

from django.db import migrations

INDEXES = {
    "portal_search_entry_columns": (
        "portal_search_searchentry",
        "id, kind, published, year, section_id, section_label, path, body_id, body_label, "
        "status, status_label, field_keys, fields, locality_keys, localities",
    ),
    "portal_search_indexentry_ids": (
        "wagtailsearch_indexentry",
        "id, content_type_id, object_id",
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name, (table, columns) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0002_postgres_unaccent_search_config"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
