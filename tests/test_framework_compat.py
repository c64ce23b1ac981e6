"""Each function of core/compat.py still does what it says on this Wagtail/treebeard.

They lean on private attributes; an upgrade that renames one would otherwise only show as
a slower import (a query per page again) or a wrong url_path. These tests fail instead.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text import RichText

from core.compat import (
    mark_not_site_root,
    new_reference_rows,
    remember_parent,
    search_index_signal_disconnected,
)
from news.models import HomePage, NewsArticlePage, NewsIndexPage
from tests.factories import ImageFactory, make_article


@pytest.fixture
def section(db):
    home = HomePage.objects.order_by("path").first()
    return home.add_child(instance=NewsIndexPage(title="Chuyên mục thử", slug="chuyen-muc-thu"))


def _unsaved_child(parent: Page) -> Page:
    page = NewsIndexPage(title="Trang con", slug="trang-con", locale_id=parent.locale_id)
    page.depth = parent.depth + 1
    page.path = parent.path + "0001"
    return page


def test_remember_parent_answers_get_parent_without_a_query(section):
    page = _unsaved_child(section)
    remember_parent(page, section)
    with CaptureQueriesContext(connection) as queries:
        assert page.get_parent() is section
    assert len(queries) == 0


def test_a_remembered_parent_gives_the_saved_page_its_url_path(section):
    page = _unsaved_child(section)
    remember_parent(page, section)
    page.save(clean=False, log_action=None)
    assert Page.objects.get(pk=page.pk).url_path == section.url_path + "trang-con/"


def test_mark_not_site_root_answers_is_site_root_without_a_query(section):
    page = _unsaved_child(section)
    mark_not_site_root(page)
    with CaptureQueriesContext(connection) as queries:
        assert page.is_site_root() is False
    assert len(queries) == 0


def test_wagtail_still_asks_the_database_for_an_unmarked_page(section):
    """Else mark_not_site_root() would save nothing and could go."""
    page = _unsaved_child(section)
    with CaptureQueriesContext(connection) as queries:
        assert page.is_site_root() is False
    assert len(queries) == 1


def _search_index_writes(action) -> int:
    """How many SQL statements touching Wagtail's search index `action` runs."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        action()
    return sum("wagtailsearch_indexentry" in sql for sql in statements)


def test_search_index_signal_disconnected_stops_per_save_indexing(section):
    def save():
        section.title = section.title + "!"
        section.save(clean=False, update_fields=["title", "draft_title"])

    assert _search_index_writes(save) > 0  # what the context manager is there to stop
    with search_index_signal_disconnected(NewsIndexPage) as was_connected:
        assert was_connected  # modelsearch still connects this very handler
        assert _search_index_writes(save) == 0
    assert _search_index_writes(save) > 0  # and it is back afterwards


def test_importer_paths_are_the_ones_treebeard_hands_out(section):
    """The importer computes child paths itself (news/importer/tree.py) from treebeard's
    public alphabet and step length: they must match what add_child() gives."""
    from news.importer.tree import child_path, path_step

    first = section.add_child(instance=NewsIndexPage(title="Một", slug="mot"))
    second = section.add_child(instance=NewsIndexPage(title="Hai", slug="hai"))
    assert child_path(section.path, 1) == first.path
    assert child_path(section.path, 2) == second.path
    assert path_step(second.path) == 2
    assert child_path(section.path, 35) == section.path + "000Z"
    assert path_step(section.path + "0010") == 36


_REFERENCE_COLUMNS = (
    "content_type_id",
    "base_content_type_id",
    "object_id",
    "to_content_type_id",
    "to_object_id",
    "model_path",
    "content_path",
    "content_path_hash",
)


def test_new_reference_rows_are_the_rows_wagtail_writes(section):
    """The importer bulk-inserts these for new articles: an image, a tag and a page link
    in the body must give exactly the rows of create_or_update_for_object()."""
    image = ImageFactory()
    article = make_article(section, title="Bài có ảnh", lead_image=image, tags=["giám sát"])
    article.body = [
        ("paragraph", RichText(f'<p><a linktype="page" id="{section.pk}">Chuyên mục</a></p>'))
    ]
    article.save()
    article = NewsArticlePage.objects.get(pk=article.pk)
    ReferenceIndex.objects.all().delete()

    built = new_reference_rows(article)
    ReferenceIndex.create_or_update_for_object(article)
    written = ReferenceIndex.objects.filter(object_id=str(article.pk))

    def columns(rows):
        return sorted(tuple(str(getattr(row, c)) for c in _REFERENCE_COLUMNS) for row in rows)

    assert {row.model_path for row in written} >= {"lead_image", "tagged_items.item.tag"}
    assert any(row.model_path.startswith("body.") for row in written)
    assert columns(built) == columns(written)
