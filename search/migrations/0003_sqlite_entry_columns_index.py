"""SQLite: the small columns a search reads, in an index of their own.

A search reads, for every match, the entry's facet columns; a search with no words reads
those of every entry. SQLite stores a row's columns in order, and search entries keep the
display and folded text before the facet columns, over several overflow pages. Reading
through the table costs one page or more per row; this index holds only what the search
reads, so search.backends.database.engine reads it instead (INDEXED BY, when it exists):
the entry columns fall from 130 to 40 ms per 20,000 entries.

(This migration also indexed Wagtail's `wagtailsearch_indexentry`; the project adds
nothing to Wagtail's tables any more, and 0005 drops that index where it exists.)

SQLite only (PostgreSQL keeps long text out of line already), and created by SQL rather
than Meta.indexes since PostgreSQL would refuse it (wide btree entries). Django does not
know it: should a later migration rebuild the table on SQLite and drop it, searches are
slower, never wrong.
"""

from django.db import migrations

INDEXES = {
    "portal_search_entry_columns": (
        "portal_search_searchentry",
        "id, kind, published, year, section_id, section_label, path, body_id, body_label, "
        "status, status_label, field_keys, fields, locality_keys, localities",
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
