"""PostgreSQL: the text search configuration of the full text. Nothing on SQLite.

The text search configuration. Without one PostgreSQL uses its default, usually
`english`, which stems words and drops English stop words: "an" (an toàn), "no" (nợ),
"to" (tổ) and "do" (đo) would vanish from the index. `hdnd_unaccent` is `simple` (no
stemming, no stop words) with `unaccent` in front, so the Vietnamese text Wagtail
indexes for the admin is accent-insensitive too; the site's search entries are folded
already (search.analysis). config/settings/base.py names it in WAGTAILSEARCH_BACKENDS
when the database is PostgreSQL.

The site's search builds its own vectors with it (search.backends.database.writer);
the GIN index this migration used to add to Wagtail's `wagtailsearch_indexentry` is gone
(0005 drops it where it exists): the project adds nothing to Wagtail's tables.
"""

from django.db import migrations

CONFIG = "hdnd_unaccent"

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


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
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
