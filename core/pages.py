"""What every public page type shares: an ASCII slug from its Vietnamese title, and the
tags search engines and link previews read (description, canonical URL, OpenGraph, Twitter).

Home, sections, articles, the report list, reports and the tracker all mix both in, and
base.html renders the tags from one include (site/templates/includes/seo.html), so a new
page type gets them by inheriting, not by copying a block of meta tags.
"""

from __future__ import annotations

from typing import Any

from .text.slugs import fold_slug, is_lossy_slug


class SeoMixin:
    """The page's description, image and canonical URL for search engines and previews.

    Page types say what describes them (`seo_fallback_description`, `seo_image`); the
    editor's "search description" (Wagtail's Promote tab) wins whenever it is filled in.
    """

    og_type = "website"

    def seo_fallback_description(self) -> str:
        """What describes the page when the editor wrote no search description."""
        return getattr(self, "intro", "") or ""

    @property
    def seo_description(self) -> str:
        return self.search_description or self.seo_fallback_description()

    @property
    def seo_image(self) -> Any:
        """A wagtailimages Image for og:image, or None."""
        return None

    @property
    def seo_image_alt(self) -> str:
        return ""

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        # One URL per page for search engines; lists add ?page=N themselves (their filtered
        # views carry noindex instead of a canonical of their own).
        context.setdefault("canonical_url", self.get_full_url(request))
        return context


class VietnameseSlugMixin:
    """Pages get ASCII slugs from their Vietnamese titles whatever built the slug.

    Runs in full_clean() (publishing, admin forms) and minimal_clean() (draft saves), the two
    public validation entry points Wagtail calls before saving a page or a revision:
    - no slug yet (and the parent is known): `fold_slug(title)`, made unique among siblings;
    - a slug with non-ASCII letters (code, API): folded;
    - a slug garbled from the title by a lossy builder (Wagtail's browser urlify without our
      admin script, Django's slugify): replaced by `fold_slug(title)`, but only while the page
      has never been published, so a public URL never changes behind the editor's back.
    """

    def full_clean(self, *args, **kwargs) -> None:
        self.fold_vietnamese_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self) -> None:
        self.fold_vietnamese_slug()
        super().minimal_clean()

    def fold_vietnamese_slug(self) -> None:
        slug = self.slug or ""
        if not slug:
            base_slug = fold_slug(self.title)
            if base_slug and self.path:  # without a parent, siblings are unknown: wait for save
                self.slug = self._unique_among_siblings(base_slug)
        elif not slug.isascii():
            self.slug = fold_slug(slug) or fold_slug(self.title) or slug
        elif self.first_published_at is None and is_lossy_slug(slug, self.title):
            self.slug = fold_slug(self.title)

    def _unique_among_siblings(self, base_slug: str) -> str:
        parent = self.get_parent()
        taken = set(
            parent.get_children()
            .exclude(pk=self.pk)
            .filter(slug__startswith=base_slug)
            .values_list("slug", flat=True)
        )
        candidate, number = base_slug, 1
        while candidate in taken:
            number += 1
            candidate = f"{base_slug}-{number}"
        return candidate
