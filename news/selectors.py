"""Read-side queries for news pages, each a fixed number of SQL queries.

Pages call these instead of walking the tree so that the query count of a page does not
grow with the number of sections, articles, tags or related items.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, QuerySet, Sum
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


# A section holding at least this many articles is listed by walking the publication
# date index (newest first, keeping its own); a smaller one through its paths. Without
# the planner statistics to tell the two apart, SQLite took the path range for every
# section and sorted all its articles: the top section's first page cost 130 ms at
# 10,000 articles, and grew with them.
DENSE_SECTION = 200
# Counted up to this many articles (the pager's last link); a reader asking for a page past
# it gets it and a count up to that page. Counting every article grew with the archive.
SECTION_COUNT_LIMIT = 2000


def children_of(page: Page, model: type[Page]) -> Q:
    """The children of `page` of one page type, through the (content type, depth, path)
    index (news/migrations/0007). Wagtail's child_of() tests the path with LIKE, which
    SQLite answers by reading every page of the site (350 ms at 50,000 articles)."""
    content_type = ContentType.objects.get_for_model(model)
    return below(page.path) & Q(depth=page.depth + 1, content_type=content_type)


def is_dense(count: int) -> bool:
    """Whether a section of `count` articles is listed by the date index."""
    return count >= DENSE_SECTION


def within(path: str) -> Q:
    """Pages under `path`, as a test of each row (LIKE): the query walks another index
    (the publication date) and keeps the rows under `path`, stopping at its LIMIT."""
    return Q(path__startswith=path) & ~Q(path=path)


def articles_below(section: Page, dense: bool = False) -> QuerySet:
    where = within(section.path) if dense else below(section.path)
    return visible_articles().select_related("lead_image").filter(where)


def count_below(section: Page, articles: QuerySet | None = None, limit: int | None = None) -> int:
    """How many articles a section lists, up to `limit` (SECTION_COUNT_LIMIT unless
    given): a bounded count through the path index."""
    listed = articles_below(section) if articles is None else articles
    return listed.order_by().values("pk")[: limit or SECTION_COUNT_LIMIT].count()


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
    taken = [article.pk, *(a.pk for a in chosen)]
    # Two bounded queries rather than one OR: sharing a tag ranks first, then the same
    # section, newest first in each. The OR made the database test every article of the
    # archive for a shared tag (70 ms at 10,000 articles, growing with them).
    if tag_ids:
        tagged = apps.get_model("news", "NewsArticleTag").objects.filter(tag_id__in=tag_ids)
        sharing = visible_articles().exclude(pk__in=taken)
        sharing = sharing.filter(pk__in=tagged.values("content_object_id"))
        found = list(sharing[:missing])
        chosen += found
        taken += [a.pk for a in found]
        missing -= len(found)
        if missing <= 0:
            return chosen
    # The depth compared as an expression: as a plain column test, SQLite expected it to
    # be selective and read every page, then sorted, instead of walking the date index.
    siblings = (
        visible_articles()
        .exclude(pk__in=taken)
        .filter(within(parent_path))
        .alias(level=F("depth") + 0)
        .filter(level=article.depth)
    )
    return chosen + list(siblings[:missing])


def section_blocks(home: HomePage) -> list[tuple[NewsIndexPage, list[NewsArticlePage]]]:
    """The home page's section blocks, with their newest articles, in two queries."""
    section_model = apps.get_model("news", "NewsIndexPage")
    chosen = [item.section for item in home.home_sections.select_related("section")]
    sections = [s for s in chosen if s.live] or list(
        section_model.objects.filter(children_of(home, section_model))
        .live()
        .filter(not_restricted())
        .order_by("path")
    )
    if not sections:
        return []
    # One query: each section's newest N ids come from a LIMITed subquery (a UNION of
    # LIMITed parts is not allowed on SQLite; a window function would rank every article).
    newest = Q()
    for section in sections:
        # Home sections are the big ones: each walks the date index (articles_below).
        newest |= Q(pk__in=articles_below(section, dense=True).values("pk")[:HOME_SECTION_LIMIT])
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
