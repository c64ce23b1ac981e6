"""Finding, and with --create-sections creating where missing, an article's section."""

from __future__ import annotations

import unicodedata

from django.db import transaction
from wagtail.models import Page

from core.text.slugs import vietnamese_slug

from ..models import NewsIndexPage
from .records import LineError
from .tree import TreeAppender

DEFAULT_SECTION_TITLE = "Tin tức hoạt động"


def title_key(title: str) -> str:
    """Titles match whatever the case, spacing or Unicode form (NFC/NFD) they were typed in."""
    return unicodedata.normalize("NFC", " ".join(title.split())).casefold()


class SectionResolver:
    """Slash paths of section titles under the home page → NewsIndexPage, cached.

    Each parent's child sections are read once. A missing section is an error for its line
    unless `create` (--create-sections): a mistyped path must not silently grow a new
    section, let alone a published one. Created sections are made the way the admin makes
    a page (add_child, then a revision, published with --publish), so editors find them
    with their history like any other.
    """

    def __init__(self, home: Page, tree: TreeAppender, publish: bool, create: bool = False):
        self.home = home
        self.tree = tree
        self.publish = publish
        self.create = create
        self._children: dict[int, dict[str, NewsIndexPage]] = {}
        self.created: list[NewsIndexPage] = []

    def reset(self) -> None:
        """Forget everything read so far (after a rolled-back batch)."""
        self._children.clear()

    def resolve(self, titles: tuple[str, ...]) -> NewsIndexPage:
        parent = self.home
        if not self.create:  # check the whole path first: nothing is created on a typo
            for title in titles:
                parent = self._sections_under(parent).get(title_key(title))
                if parent is None:
                    raise LineError(
                        f"chuyên mục “{'/'.join(titles)}” không tồn tại; "
                        "dùng --create-sections để tạo"
                    )
            return parent
        for title in titles:
            children = self._sections_under(parent)
            parent = children.get(title_key(title)) or self._create(parent, title)
        return parent

    def default(self) -> NewsIndexPage:
        """The home page's first section, or (with `create`) a new "Tin tức hoạt động"."""
        sections = self._sections_under(self.home)
        if sections:
            return min(sections.values(), key=lambda section: section.path)
        if not self.create:
            raise LineError(
                "chưa có chuyên mục nào; dùng --section hoặc --create-sections để tạo "
                f"“{DEFAULT_SECTION_TITLE}”"
            )
        return self._create(self.home, DEFAULT_SECTION_TITLE)

    def _sections_under(self, parent: Page) -> dict[str, NewsIndexPage]:
        children = self._children.get(parent.pk)
        if children is None:
            children = {}
            # Ordered by path descending so that, of two same-named sections, the first wins.
            for section in NewsIndexPage.objects.child_of(parent).order_by("-path"):
                children[title_key(section.title)] = section
            self._children[parent.pk] = children
        return children

    def _create(self, parent: Page, title: str) -> NewsIndexPage:
        # add_child() reads the parent's children from the database: write the appender's
        # pending numchild first, and let it re-read the positions afterwards.
        self.tree.flush()
        section = NewsIndexPage(
            title=title,
            slug=self.tree.unique_slug(parent, vietnamese_slug(title, "chuyen-muc")),
            live=False,
        )
        with transaction.atomic():
            parent.add_child(instance=section)
            revision = section.save_revision(log_action=True)
            if self.publish:
                revision.publish()
        self.tree.forget(parent.pk)
        self._sections_under(parent)[title_key(title)] = section
        self.created.append(section)
        return section
