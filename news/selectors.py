"""Read-side queries for news pages, each a fixed number of SQL queries.

Pages call these instead of walking the tree so that the query count of a page does not
grow with the number of sections, articles, tags or related items.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import Length, RowNumber, Substr
from wagtail.models import Page, PageViewRestriction

if TYPE_CHECKING:
    from .models import HomePage, NewsArticlePage, NewsIndexPage

RELATED_LIMIT = 5
LATEST_LIMIT = 5
HOME_LATEST_LIMIT = 8
HOME_SECTION_LIMIT = 4
GENERATION_KEY = "news:generation"
CACHE_SECONDS = 300


def _article_model():
    return apps.get_model("news", "NewsArticlePage")


def not_restricted(path_field: str = "path") -> Exists:
    """True where no view restriction covers the page or one of its ancestors.

    Wagtail's `.public()` costs a separate query for the restriction list; this is the
    same rule as a correlated subquery, so a list stays a single query.
    """
    covering = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(path_field), 1, Length("page__path"))
    )
    return ~Exists(covering)


def visible_articles() -> QuerySet:
    """Live, public articles, newest first, without the heavy body column."""
    return (
        _article_model()
        .objects.live()
        .filter(not_restricted())
        .defer_streamfields()
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
    )


def articles_below(section: Page) -> QuerySet:
    return (
        visible_articles()
        .select_related("lead_image")
        .filter(path__startswith=section.path, depth__gt=section.depth)
    )


def content_generation() -> int:
    """A number bumped whenever published content changes; cache keys embed it."""
    return cache.get_or_set(GENERATION_KEY, 1, None)


def bump_content_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def latest_articles(exclude_id: int | None = None) -> list[NewsArticlePage]:
    """The newest live articles site-wide, cached until content changes."""
    key = f"news:latest:{content_generation()}"
    articles = cache.get(key)
    if articles is None:
        articles = list(visible_articles().select_related("lead_image")[: LATEST_LIMIT + 1])
        cache.set(key, articles, CACHE_SECONDS)
    return [article for article in articles if article.pk != exclude_id][:LATEST_LIMIT]


def related_articles(article: NewsArticlePage) -> list[NewsArticlePage]:
    """Editor-chosen related articles first, then the closest automatic matches up to 5.

    Automatic matches share a tag or the section; sharing a tag ranks first.
    """
    links = (
        article.related_links.select_related("article")
        .filter(article__live=True)
        .filter(not_restricted("article__path"))
        .exclude(article_id=article.pk)
    )
    chosen = [link.article for link in links][:RELATED_LIMIT]
    missing = RELATED_LIMIT - len(chosen)
    if missing <= 0:
        return chosen
    tag_ids = [tag.pk for tag in article.tag_list]
    parent_path = article.path[: -article.steplen]
    same_section = Q(path__startswith=parent_path, depth=article.depth)
    candidates = visible_articles().exclude(pk__in=[article.pk, *(a.pk for a in chosen)])
    if tag_ids:
        shares_tag = Exists(
            apps.get_model("news", "NewsArticleTag").objects.filter(
                content_object_id=OuterRef("pk"), tag_id__in=tag_ids
            )
        )
        candidates = (
            candidates.annotate(shares_tag=shares_tag)
            .filter(same_section | Q(shares_tag=True))
            .order_by(F("shares_tag").desc(), F("published_at").desc(nulls_last=True))
        )
    else:
        candidates = candidates.filter(same_section)
    return chosen + list(candidates[:missing])


def section_blocks(home: HomePage) -> list[tuple[NewsIndexPage, list[NewsArticlePage]]]:
    """The home page's section blocks, with their newest articles, in two queries."""
    section_model = apps.get_model("news", "NewsIndexPage")
    chosen = [item.section for item in home.home_sections.select_related("section")]
    sections = [s for s in chosen if s.live] or list(
        section_model.objects.child_of(home).live().filter(not_restricted()).order_by("path")
    )
    if not sections:
        return []
    grouped: dict[str, list] = {section.path: [] for section in sections}
    depths = sorted({section.depth for section in sections})
    # One windowed query per distinct depth (usually one), not one per section.
    for depth in depths:
        paths = [section.path for section in sections if section.depth == depth]
        prefix_length = len(paths[0])
        ranked = (
            visible_articles()
            .select_related("lead_image")
            .filter(depth__gt=depth)
            .annotate(section_path=Substr("path", 1, prefix_length))
            .filter(section_path__in=paths)
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[F("section_path")],
                    order_by=[F("published_at").desc(nulls_last=True), F("pk").desc()],
                )
            )
            .filter(rank__lte=HOME_SECTION_LIMIT)
        )
        for item in ranked:
            grouped[item.section_path].append(item)
    for items in grouped.values():
        items.sort(key=lambda article: article.rank)
    return [(section, grouped[section.path]) for section in sections]


def home_page_context(home: HomePage) -> dict:
    latest = list(visible_articles().select_related("lead_image")[: HOME_LATEST_LIMIT + 1])
    featured = None
    if home.featured_article_id:
        featured = (
            visible_articles()
            .select_related("lead_image")
            .filter(pk=home.featured_article_id)
            .first()
        )
    if featured is None and latest:
        featured = latest[0]
    return {
        "featured": featured,
        "latest": [a for a in latest if featured is None or a.pk != featured.pk][
            :HOME_LATEST_LIMIT
        ],
        "section_blocks": section_blocks(home),
    }
