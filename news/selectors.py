"""Read-side queries for news pages, each a fixed number of SQL queries.

Pages call these instead of walking the tree so that the query count of a page does not
grow with the number of sections, articles, tags or related items.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.apps import apps
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils import timezone
from wagtail.models import Page

from core.cache import cached_for_generation
from core.visibility import not_restricted

if TYPE_CHECKING:
    from .models import HomePage, NewsArticlePage, NewsIndexPage

RELATED_LIMIT = 5
LATEST_LIMIT = 5
HOME_LATEST_LIMIT = 8
HOME_SECTION_LIMIT = 4


def _article_model():
    return apps.get_model("news", "NewsArticlePage")


def visible_articles() -> QuerySet:
    """Live, public articles, newest first, without the heavy body column."""
    return (
        _article_model()
        .objects.live()
        .filter(not_restricted())
        .defer_streamfields()
        # Live articles always carry published_at (NewsArticlePage.save), so a plain
        # descending order can walk the published_at index instead of sorting.
        .order_by("-published_at", "-pk")
    )


def below(path: str) -> Q:
    """Pages under `path`, as a range on the indexed path column.

    `path__startswith` becomes LIKE, which SQLite cannot answer from an index; treebeard
    paths use 0-9A-Z, so every descendant sorts between path and path + "ZZZZ…".
    """
    return Q(path__gt=path, path__lte=path + "Z" * 255)


def articles_below(section: Page) -> QuerySet:
    return visible_articles().select_related("lead_image").filter(below(section.path))


def latest_articles(exclude_id: int | None = None) -> list[NewsArticlePage]:
    """The newest live articles site-wide, cached until content changes."""
    articles = cached_for_generation(
        "latest", lambda: list(visible_articles().select_related("lead_image")[: LATEST_LIMIT + 1])
    )
    return [article for article in articles if article.pk != exclude_id][:LATEST_LIMIT]


def related_articles(article: NewsArticlePage, cached: bool = True) -> list[NewsArticlePage]:
    """Editor-chosen related articles first, then the closest automatic matches up to 5.

    Automatic matches share a tag or the section; sharing a tag ranks first. The choice
    only changes when published content does, so it is cached per content generation:
    ranking a large section's articles costs milliseconds on every view otherwise.
    """
    if not cached:
        return _compute_related(article)
    return cached_for_generation(f"related:{article.pk}", lambda: _compute_related(article))


def _compute_related(article: NewsArticlePage) -> list[NewsArticlePage]:
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
    same_section = below(parent_path) & Q(depth=article.depth)
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
    # One query: each section's newest N ids come from a LIMITed subquery (a UNION of
    # LIMITed parts is not allowed on SQLite; a window function would rank every article).
    newest = Q()
    for section in sections:
        newest |= Q(pk__in=articles_below(section).values("pk")[:HOME_SECTION_LIMIT])
    grouped: dict[str, list] = {section.path: [] for section in sections}
    for item in visible_articles().select_related("lead_image").filter(newest):
        for section in sections:
            if (
                item.path.startswith(section.path)
                and len(grouped[section.path]) < HOME_SECTION_LIMIT
            ):
                grouped[section.path].append(item)
    return [(section, grouped[section.path]) for section in sections]


def home_page_context(home: HomePage, cached: bool = True) -> dict:
    """Featured, latest and section blocks; cached (not in previews) until content changes."""
    if not cached:
        return _compute_home_context(home)
    return cached_for_generation(f"home:{home.pk}", lambda: _compute_home_context(home))


def _compute_home_context(home: HomePage) -> dict:
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


MOST_READ_LIMIT = 5
MOST_READ_DAYS = 30
# Counts change with every reader: refresh the list at most this often, and whenever
# published content changes (the generation in the key).
MOST_READ_SECONDS = 300


def most_read_articles() -> list[NewsArticlePage]:
    """The live public articles read most in the last 30 days, cached for a few minutes."""
    return cached_for_generation("most-read", _compute_most_read, timeout=MOST_READ_SECONDS)


def _compute_most_read() -> list[NewsArticlePage]:
    since = timezone.localdate() - timedelta(days=MOST_READ_DAYS - 1)
    views = Sum("view_counts__count", filter=Q(view_counts__day__gte=since))
    return list(
        visible_articles()
        .filter(view_counts__day__gte=since)
        .annotate(views=views)
        .order_by("-views", "-published_at", "-pk")[:MOST_READ_LIMIT]
    )
