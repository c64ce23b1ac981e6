"""An uncached page reads a bounded part of the archive: the work SQLite does for the
article, section and home pages (its virtual machine's steps, counted by a progress
handler: deterministic, unlike timings) stays flat when the archive triples.

The query counts were already flat (tests/test_query_counts.py) while the time grew:
related articles tested every article for a shared tag, sections and home blocks sorted
all their articles, the menu walked every page. At 50,000 articles that was the
difference between 21 and 101 ms for an article, 50 and 338 ms for the top section.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from news import selectors
from news.models import NewsArticlePage
from tests.factories import make_article

BASE = 40  # articles; the archive then grows to 3 × BASE
STEP = 20  # VM instructions per progress call
WORK: dict[str, list[tuple[int, str]]] = {}  # the costliest queries of each page


def add_articles(sections: dict, count: int, start: int) -> None:
    """Live articles straight into the tree (no revision: pages render the live row),
    spread over a year and two sections, a few tagged."""
    now = timezone.now()
    for n in range(start, start + count):
        parent = sections["committees"] if n % 2 else sections["news"]
        article = NewsArticlePage(
            title=f"Bài lưu trữ {n}",
            summary=f"Tóm tắt {n}",
            body=[("paragraph", f"<p>Nội dung {n}</p>")],
            published_at=now - timedelta(days=3 + (n * 7) % 360, minutes=n),
            live=True,
        )
        parent.add_child(instance=article)
        if n % 5 == 0:
            article.tags.add("giám sát")


def vm_steps(client, url: str) -> int:
    """SQLite's work for one request of `url` with every cache cleared."""
    # Twice with the caches cleared before: what the first request after growing the
    # archive loads into process-wide state (Wagtail's site, settings) is then loaded
    # in both measurements alike.
    for _ in range(2):
        for alias in caches:
            caches[alias].clear()
        assert client.get(url).status_code == 200
    for alias in caches:
        caches[alias].clear()
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += STEP
        return 0  # go on

    per_query: list[tuple[int, str]] = []

    def each(execute, sql, params, many, context):
        nonlocal steps
        began = steps
        try:
            return execute(sql, params, many, context)
        finally:
            per_query.append((steps - began, sql[sql.find(" WHERE ") :][:400]))

    connection.ensure_connection()
    connection.connection.set_progress_handler(count, STEP)
    try:
        with connection.execute_wrapper(each):
            assert client.get(url).status_code == 200
    finally:
        connection.connection.set_progress_handler(None, STEP)
    WORK[url] = sorted(per_query, reverse=True)[:3]  # shown when the test fails
    return steps


@pytest.fixture
def small_bounds(monkeypatch):
    # The archive of a test is small: the bounds that keep 50,000 articles cheap are
    # scaled down with it, so the test sees what a large archive would do.
    monkeypatch.setattr(selectors, "DENSE_SECTION", 10)
    monkeypatch.setattr(selectors, "SECTION_COUNT_LIMIT", 30)


def test_uncached_pages_do_the_same_work_when_the_archive_triples(client, sections, small_bounds):
    if connection.vendor != "sqlite":
        pytest.skip("counts SQLite's virtual machine steps")
    article = make_article(sections["committees"], title="Bài đang đọc", tags=["giám sát"])
    add_articles(sections, BASE, 0)
    pages = {
        "article": article.url,
        "section": sections["news"].url,
        "subsection": sections["committees"].url,
        "home": "/",
    }
    before = {name: vm_steps(client, url) for name, url in pages.items()}
    add_articles(sections, 2 * BASE, BASE)
    after = {name: vm_steps(client, url) for name, url in pages.items()}
    for name in pages:
        # A little slack: B-tree pages split as rows are added, and a deeper tree costs
        # a step or two per lookup.
        assert after[name] <= before[name] * 1.25 + 5 * STEP, (name, before, after, WORK)


def test_a_page_past_the_bounded_count_is_still_served(client, sections, small_bounds):
    """The pager links up to SECTION_COUNT_LIMIT articles; an old bookmark to a deeper page
    gets its articles, not a 404."""
    add_articles(sections, 90, 0)  # 45 in "news" itself, 90 below it; the limit is 30
    top = sections["news"].url
    first = client.get(top)
    assert first.status_code == 200
    deep = client.get(top, {"page": 4})  # articles 61-80 of 90
    assert deep.status_code == 200
    assert deep.content.count(b"B\xc3\xa0i l\xc6\xb0u tr\xe1\xbb\xaf") >= 10
    assert client.get(top, {"page": 6}).status_code == 404  # past the last article
