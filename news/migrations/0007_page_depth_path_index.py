"""Indexes of pages by depth: the children of a page (a section's subsections) and the
menu's pages are read from them, instead of walking every page below (a range of paths
holds all the articles of the site).

- (depth, path): the children of a page, as treebeard asks (depth = N and a path range);
- (show_in_menus, depth, path): the menu's fallback (news/menu.py), without visiting the
  articles that sit at a section's depth.

Wagtail's page table is not ours to declare indexes on in a model; they are created by
SQL that both SQLite and PostgreSQL read, and dropped on the way back.
"""

from django.db import migrations

INDEXES = {
    "news_page_depth_path": "depth, path",
    "news_page_menu": "show_in_menus, depth, path",
}


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_article_view_counts"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page ({columns})",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns in INDEXES.items()
    ]
