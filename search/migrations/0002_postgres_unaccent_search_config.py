"""PostgreSQL: how Wagtail's database backend indexes and is searched. Nothing on SQLite.

1. The text search configuration. Without one PostgreSQL uses its default, usually
   `english`, which stems words and drops English stop words: "an" (an toàn), "no" (nợ),
   "to" (tổ) and "do" (đo) would vanish from the index. `hdnd_unaccent` is `simple` (no
   stemming, no stop words) with `unaccent` in front, so the Vietnamese text Wagtail
   indexes for the admin is accent-insensitive too; the site's search entries are folded
   already (search.analysis). config/settings/base.py names it in WAGTAILSEARCH_BACKENDS
   when the database is PostgreSQL.

2. A GIN index on `title || body`, the vector Wagtail's queries and the site's search
   (search.backends.database.engine) match on; Wagtail indexes the two columns apart
   only. Its statistics are turned off: with them the planner sees that a common word
   matches most entries and reads every row instead, decompressing every body vector
   (90 ms at 20,000 entries against 8 ms through the index).

An existing index keeps the vectors it was built with: run
`python manage.py update_index` once after this migration.
"""

from django.db import migrations

CONFIG = "hdnd_unaccent"
INDEX = "portal_search_title_body_gin"

CREATE_CONFIG = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # unaccent is a trusted extension: the database's owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(CREATE_CONFIG)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
    )
    schema_editor.execute(f"ALTER INDEX {INDEX} ALTER COLUMN 1 SET STATISTICS 0")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    # The extension stays: other configurations or queries may use it.
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0001_search_entries"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
