"""Indexes of pages by depth: a section's subsections and the menu's pages are read
from them, instead of walking every page below (a range of paths holds all the articles
of the site: SQLite then visited each to test its depth).

- (content_type_id, depth, path): the children of a page of one type, as treebeard and
  Wagtail ask (content type, depth = N and a path range): a section's subsections
  without its articles;
- (depth, path) of the pages shown in menus only (a partial index): the menu's fallback
  (news/menu.py). Partial, so that no other query on depth (the related articles of the
  same section) walks every page of that depth through it.

Wagtail's page table is not ours to declare indexes on in a model; they are created by
SQL that both SQLite and PostgreSQL read, and dropped on the way back.
"""

from django.db import migrations

INDEXES = {
    "news_page_children": "(content_type_id, depth, path)",
    "news_page_menu": "(depth, path) WHERE show_in_menus",
}


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_article_view_counts"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns in INDEXES.items()
    ]
