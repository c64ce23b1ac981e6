"""All demo articles in creation order (an article's related articles come before it)."""

from __future__ import annotations

from functools import cache

from . import text_2020, text_2021, text_2022, text_reception, text_source, text_voters
from .sections import iter_sections

FEATURED_SLUG = text_source.FEATURED_SLUG


@cache
def _checked() -> tuple[dict, ...]:
    articles = [
        *text_source.ARTICLES,
        *text_2020.ARTICLES,
        *text_2021.ARTICLES,
        *text_2022.ARTICLES,
        *text_reception.articles(),
        *text_voters.articles(),
    ]
    section_slugs = {spec.slug for _, spec in iter_sections()}
    seen: set[str] = set()
    for data in articles:
        slug = data["slug"]
        if slug in seen:
            raise ValueError(f"Trùng slug bài viết: {slug}")
        if data["section"] not in section_slugs:
            raise ValueError(f"Bài {slug} thuộc chuyên mục không có: {data['section']}")
        missing = [other for other in data.get("related", []) if other not in seen]
        if missing:
            raise ValueError(f"Bài {slug} liên quan tới bài chưa tạo: {missing}")
        seen.add(slug)
    return tuple(articles)


def all_articles() -> list[dict]:
    """Every demo article as a dict (see news.demo.articles for the keys)."""
    return list(_checked())
