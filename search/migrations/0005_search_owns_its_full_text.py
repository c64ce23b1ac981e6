"""The site's search owns its full text; nothing of the project's in Wagtail's tables.

Until now the database search read Wagtail's search index (`wagtailsearch_indexentry`,
its FTS5 table on SQLite, its vectors on PostgreSQL), with indexes of the project's on
Wagtail's table (0002, 0003). A modelsearch upgrade could change that storage under the
public search. From here:

* PostgreSQL: `SearchVectors` (one row per entry, the vectors computed by the project's
  writer) with two GIN indexes: `heading || body`, which every search matches on, and
  `autocomplete`, for suggestions. The first one's statistics are off: with them the
  planner sees a common word matching most entries and reads every row instead,
  decompressing every body vector (90 ms at 20,000 entries against 8 ms through the index).
* SQLite: the FTS5 table `portal_search_fulltext` (rowid = the entry's id) and a trigger
  that deletes the full text of a deleted entry. The SearchVectors table stays empty.
* Both: the project's rows in Wagtail's index and its indexes on Wagtail's table go.

The full text of the entries already there is written here, with the SQL of
search.backends.database.writer as it is today (a migration must not follow later code).
The trigger is Django-unknown: a later migration that makes Django rebuild the SearchEntry
table on SQLite must create it again (tests/test_search_database.py checks it is there).
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

FULLTEXT = "portal_search_fulltext"
TRIGGER = "portal_search_fulltext_delete"
ENTRIES = "portal_search_searchentry"
VECTORS = "portal_search_searchvectors"
MATCH_INDEX = "portal_search_vectors_match"
AUTOCOMPLETE_INDEX = "portal_search_vectors_autocomplete"
# What 0002 and 0003 used to add to Wagtail's table.
WAGTAIL_TABLE_INDEXES = ("portal_search_title_body_gin", "portal_search_indexentry_ids")

SQLITE_FILL = (
    f"INSERT INTO {FULLTEXT} (rowid, heading, body, autocomplete) "
    "SELECT e.id, trim(e.title_folded || ' ' || e.summary_folded), e.title_folded || ' ' || "
    "e.summary_folded || ' ' || e.conclusion_folded || ' ' || e.body_folded, e.title_folded "
    f"FROM {ENTRIES} e"
)


def _vector(text, weight, config="hdnd_unaccent"):
    return f"setweight(to_tsvector('{config}'::regconfig, COALESCE({text}, '')), '{weight}')"


POSTGRES_FILL = (
    f"INSERT INTO {VECTORS} (entry_id, heading, body, autocomplete) SELECT e.id, "
    + _vector("btrim(e.title_folded || ' ' || e.summary_folded)", "B")
    + ", "
    + " || ".join(
        _vector(f"e.{column}", weight)
        for column, weight in (
            ("title_folded", "B"),
            ("summary_folded", "C"),
            ("conclusion_folded", "D"),
            ("body_folded", "D"),
        )
    )
    + ", "
    + _vector("e.title_folded", "D", "simple")
    + f" FROM {ENTRIES} e ON CONFLICT (entry_id) DO NOTHING"
)


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name in WAGTAIL_TABLE_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FULLTEXT} USING fts5(heading, body, autocomplete)"
        )
        schema_editor.execute(
            f"CREATE TRIGGER IF NOT EXISTS {TRIGGER} AFTER DELETE ON {ENTRIES} "
            f"BEGIN DELETE FROM {FULLTEXT} WHERE rowid = OLD.id; END"
        )
        schema_editor.execute(f"DELETE FROM {FULLTEXT}")
        schema_editor.execute(SQLITE_FILL)
    elif vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {MATCH_INDEX} ON {VECTORS} USING gin ((heading || body))"
        )
        schema_editor.execute(f"ALTER INDEX {MATCH_INDEX} ALTER COLUMN 1 SET STATISTICS 0")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {AUTOCOMPLETE_INDEX} ON {VECTORS} USING gin (autocomplete)"
        )
        schema_editor.execute(POSTGRES_FILL)
    # The entries' rows in Wagtail's index (SearchEntry is no longer indexed by Wagtail);
    # on SQLite Wagtail's own trigger removes their FTS5 rows.
    ContentType = apps.get_model("contenttypes", "ContentType")
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    types = ContentType.objects.filter(app_label="portal_search", model="searchentry")
    IndexEntry.objects.filter(content_type__in=types).delete()


def backwards(apps, schema_editor):
    # Wagtail's index of the entries is not rebuilt: the code before this migration
    # rebuilds it with `python manage.py update_index`.
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FULLTEXT}")
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {MATCH_INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {AUTOCOMPLETE_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0004_indexing_run"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchVectors",
            fields=[
                (
                    "entry",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="vectors",
                        serialize=False,
                        to="portal_search.searchentry",
                    ),
                ),
                ("heading", django.contrib.postgres.search.SearchVectorField()),
                ("body", django.contrib.postgres.search.SearchVectorField()),
                ("autocomplete", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "verbose_name": "chỉ mục toàn văn",
                "verbose_name_plural": "chỉ mục toàn văn",
            },
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
