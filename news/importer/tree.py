"""Appending many pages under the same parents without a tree walk per page.

treebeard's add_child() locks the parent, asks the database for its last child, bumps
numchild and then runs Wagtail's full page validation, for every single page. For a run
of appends under a handful of sections the importer does the same arithmetic once per
section per batch: it reads the last child's path, hands out the following paths itself
(treebeard's public NumConv over Page.alphabet and Page.steplen, the arithmetic of
MP_AddChildHandler) and adds the number of new children to numchild before the batch
commits. The batch transaction
holds the database write lock (SQLite BEGIN IMMEDIATE; on PostgreSQL the parent rows are
locked FOR UPDATE as treebeard does), so nobody else can append to those parents in the
meantime. Anything else that changes the tree in a batch (creating a section with
add_child) calls flush() first and forget() after, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F
from treebeard.numconv import NumConv
from wagtail.models import Page

from core.compat import remember_parent

# A path is one fixed-width step per level, each a number written in Page.alphabet.
_STEPS = NumConv(Page.alphabet)


def child_path(parent_path: str, step: int) -> str:
    """The path of the parent's child at position `step` (1 for the first child)."""
    key = _STEPS.int2str(step)
    if len(key) > Page.steplen:  # a ValueError fails the line, not the whole import
        limit = len(Page.alphabet) ** Page.steplen - 1
        raise ValueError(f"chuyên mục đã có {limit} trang con, không thêm được nữa")
    return parent_path + key.rjust(Page.steplen, Page.alphabet[0])


def path_step(path: str) -> int:
    """The position of the page at `path` among its siblings (inverse of child_path)."""
    return _STEPS.str2int(path[-Page.steplen :])


@dataclass
class _Children:
    next_step: int
    slugs: set[str]
    added: int = 0
    suffixes: dict[str, int] = field(default_factory=dict)


class TreeAppender:
    def __init__(self):
        self._parents: dict[int, tuple[Page, _Children]] = {}

    def _children(self, parent: Page) -> _Children:
        entry = self._parents.get(parent.pk)
        if entry is None:
            if connection.features.has_select_for_update:
                list(Page.objects.select_for_update().filter(pk=parent.pk).values_list("pk"))
            rows = Page.objects.filter(
                path__startswith=parent.path, depth=parent.depth + 1
            ).values_list("path", "slug")
            paths, slugs = set(), set()
            for path, slug in rows:
                paths.add(path)
                slugs.add(slug)
            last = max(paths) if paths else None
            step = path_step(last) + 1 if last else 1
            entry = self._parents[parent.pk] = (parent, _Children(step, slugs))
        return entry[1]

    def unique_slug(self, parent: Page, base: str) -> str:
        children = self._children(parent)
        if base not in children.slugs:
            return base
        suffix = children.suffixes.get(base, 2)
        while f"{base}-{suffix}" in children.slugs:
            suffix += 1
        children.suffixes[base] = suffix + 1  # many articles share a title: don't rescan
        return f"{base}-{suffix}"

    def place(self, page: Page, parent: Page) -> None:
        """Give an unsaved page its position as the parent's next child."""
        children = self._children(parent)
        page.depth = parent.depth + 1
        page.path = child_path(parent.path, children.next_step)
        remember_parent(page, parent)  # Page.save() builds url_path from it

    def placed(self, page: Page, parent: Page) -> None:
        """Record a page saved at the position place() gave it."""
        children = self._children(parent)
        children.next_step += 1
        children.added += 1
        children.slugs.add(page.slug)

    def flush(self) -> None:
        """Write the pending numchild increments (before committing or other tree edits)."""
        for parent, children in self._parents.values():
            if children.added:
                Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + children.added)
                parent.numchild += children.added
                children.added = 0

    def forget(self, parent_id: int | None = None) -> None:
        """Drop cached positions (all, or one parent's) so they are read again."""
        if parent_id is None:
            self._parents.clear()
        else:
            self._parents.pop(parent_id, None)
