"""Test factories: build real pages in the real tree (no mocks)."""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TypeVar

import factory
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.search.index import get_indexed_models

from news.importer.indexes import per_save_indexing_suspended
from news.models import HomePage, NewsArticlePage, NewsIndexPage

F = TypeVar("F", bound=Callable)
_building = threading.local()


@contextmanager
def without_admin_indexes() -> Iterator[None]:
    """Wagtail's admin search index and reference index are not updated while inside.

    Test data is built the way the importer writes pages (per_save_indexing_suspended):
    those two indexes serve the editors' admin search and "usage" counts, which no built
    page needs, and they cost about 40% of building a page. What a test itself does (an editor's
    edit, a publish) still updates them, and so does everything the project indexes.
    """
    if getattr(_building, "active", False):  # Wagtail's flag does not nest
        yield
        return
    _building.active = True
    try:
        with per_save_indexing_suspended(*get_indexed_models()):
            yield
    finally:
        _building.active = False


def builder(function: F) -> F:
    """`function` builds its pages without_admin_indexes()."""

    @functools.wraps(function)
    def build(*args, **kwargs):
        with without_admin_indexes():
            return function(*args, **kwargs)

    return build  # type: ignore[return-value]


def home_page() -> HomePage:
    return HomePage.objects.get()


def seed_demo_site() -> str:
    """Run seed_demo; what it printed."""
    from django.core.management import call_command

    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@builder
def make_section(title: str, parent: Page | None = None, **fields) -> NewsIndexPage:
    parent = parent or home_page()
    section = NewsIndexPage(title=title, **fields)
    parent.add_child(instance=section)
    return section


def make_section_chain(home: Page) -> dict[str, NewsIndexPage]:
    """The source page's section chain: Tin tức hoạt động › Hội đồng nhân dân tỉnh › Các Ban."""
    news = make_section("Tin tức hoạt động", home)
    council = make_section("Hội đồng nhân dân tỉnh", news)
    committees = make_section("Các Ban HĐND tỉnh", council)
    return {"news": news, "council": council, "committees": committees}


@builder
def make_article(
    parent: Page,
    title: str = "Bài viết thử",
    published_at: datetime | None = None,
    live: bool = True,
    tags: list[str] | None = None,
    **fields,
) -> NewsArticlePage:
    fields.setdefault("summary", f"Tóm tắt: {title}")
    fields.setdefault("body", [("paragraph", f"<p>Nội dung {title}</p>")])
    article = NewsArticlePage(
        title=title,
        published_at=published_at or timezone.now(),
        live=live,
        **fields,
    )
    parent.add_child(instance=article)
    if tags:
        article.tags.add(*tags)
        article.save()
    if live:
        article.save_revision().publish()
        article.refresh_from_db()
    return article


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Ảnh {n}")
    description = "Quang cảnh buổi làm việc"

    @factory.lazy_attribute
    def file(self):
        buffer = io.BytesIO()
        PILImage.new("RGB", (640, 400), (30, 90, 160)).save(buffer, format="JPEG")
        return ImageFile(buffer, name="test.jpg")
