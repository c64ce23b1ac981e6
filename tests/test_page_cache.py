"""The full-page cache (core.page_cache): fast for anonymous readers, never stale, never
personal. Each test reads pages as an anonymous reader would, changes content the way an
editor or a command does, and reads again.
"""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import ArticleViewCount, PortalSettings
from tests.factories import make_article, make_section
from tests.report_factories import make_report, make_report_index

READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36"}


@pytest.fixture(autouse=True)
def page_cache(settings, home):
    settings.PAGE_CACHE_SECONDS = 300
    # Created on the first page view otherwise, which (as any settings save) purges.
    PortalSettings.for_site(home.get_site())


@pytest.fixture
def article(sections):
    return make_article(sections["council"], title="Kỳ họp chuyên đề về ngân sách")


def read(client: Client, url: str, **headers):
    response = client.get(url, **{**READER, **headers})
    assert response.status_code == 200, (url, response.status_code)
    return response


def warm(client: Client, url: str):
    """Read twice: the second answer comes from the cache."""
    read(client, url)
    response = read(client, url)
    assert response["X-Page-Cache"] == "hit", url
    return response


# The sitemap's first file (/sitemap.xml is the index of such files).
SITEMAP = "/sitemap-pages.xml?p=1"


def listings(sections, article) -> list[str]:
    return ["/", sections["news"].url, sections["council"].url, "/rss/", article.url]


def test_a_repeated_anonymous_read_is_served_from_the_cache_without_a_query(client, article):
    first = read(client, article.url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        again = read(client, article.url)
    assert again["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert again.content == first.content
    assert again["Cache-Control"] == first["Cache-Control"] == "public, max-age=30"
    assert "Cookie" in again["Vary"]  # a browser that logs in later asks again


@pytest.mark.parametrize(
    "path",
    ["/", "section", "article", "/rss/", "/sitemap.xml", "/tim-kiem/?q=ngan+sach",
     "/api/v1/search/?q=ngan+sach", "/api/v1/reports/", "report"],
)  # fmt: skip
def test_every_public_page_type_is_cached_without_cookies(client, sections, article, path):
    report = make_report(make_report_index(), articles=[article])
    url = {"section": sections["council"].url, "article": article.url, "report": report.url}
    response = warm(client, url.get(path, path))
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert b"csrfmiddlewaretoken" not in response.content


def test_publishing_shows_the_article_at_once_everywhere_it_is_listed(client, sections, article):
    for url in [*listings(sections, article), SITEMAP]:
        warm(client, url)
    news = make_article(sections["council"], title="Giám sát tiếp công dân tại huyện")
    for url in ["/", sections["news"].url, sections["council"].url, "/rss/"]:
        response = read(client, url)
        assert response["X-Page-Cache"] == "miss"
        assert "Giám sát tiếp công dân tại huyện" in response.text, url
    assert news.url in read(client, SITEMAP).text


def gone_everywhere(client, sections, article) -> None:
    for url in ["/", sections["news"].url, sections["council"].url, "/rss/", SITEMAP]:
        response = read(client, url)
        assert article.title not in response.text, url
        assert article.url not in response.text, url


def test_unpublishing_removes_the_article_at_once(client, sections, article):
    for url in [*listings(sections, article), SITEMAP]:
        warm(client, url)
    article.unpublish()
    gone_everywhere(client, sections, article)
    assert client.get(article.url, **READER).status_code == 404


def test_restricting_removes_the_article_at_once(client, sections, article):
    for url in [*listings(sections, article), SITEMAP]:
        warm(client, url)
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    gone_everywhere(client, sections, article)
    form = client.get(article.url, **READER)
    assert "Nội dung" not in form.text  # the password form, not the cached article
    assert "X-Page-Cache" not in form  # it carries a CSRF token: never stored
    assert form.cookies  # the CSRF cookie, which a cached page must never hand out


def test_lifting_a_restriction_lists_the_article_again(client, sections, article):
    restriction = PageViewRestriction.objects.create(page=article, restriction_type="login")
    warm(client, sections["council"].url)
    restriction.delete()
    assert article.title in read(client, sections["council"].url).text


def test_moving_and_deleting_update_both_sections_at_once(client, sections, article):
    other = make_section("Tiếp công dân", sections["news"])
    old_url = article.url
    warm(client, sections["council"].url)
    warm(client, other.url)
    article.move(other, pos="last-child")
    article.refresh_from_db()
    assert old_url not in read(client, sections["council"].url).text
    assert article.url in read(client, other.url).text
    article.delete()
    assert article.title not in read(client, other.url).text
    assert article.title not in read(client, "/").text


def test_a_report_page_and_the_api_forget_an_unpublished_article_or_report(client, article):
    report = make_report(make_report_index(), articles=[article])
    assert article.title in warm(client, report.url).text
    assert str(report.pk) in warm(client, "/api/v1/reports/").text
    article.unpublish()
    assert article.title not in read(client, report.url).text
    report.unpublish()
    assert read(client, "/api/v1/reports/").json()["count"] == 0


def test_search_page_and_api_forget_an_unpublished_article(
    client, sections, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # indexed when it commits
        article = make_article(sections["council"], title="Kỳ họp chuyên đề về ngân sách")
    page, api = "/tim-kiem/?q=ngan+sach", "/api/v1/search/?q=ngan+sach"
    assert article.url in warm(client, page).text
    assert warm(client, api).json()["count"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert article.url not in read(client, page).text
    assert read(client, api).json()["count"] == 0


def import_article(tmp_path, title: str) -> None:
    """Publish one article the way an operator does: import_articles from a JSON line."""
    line = {
        "title": title,
        "body": "Nội dung buổi làm việc.",
        "published": datetime(2026, 11, 19, 8, 0).isoformat(),
        "section": "Tin tức hoạt động/Hội đồng nhân dân tỉnh",
    }
    jsonl = tmp_path / "bai.jsonl"
    jsonl.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_articles", str(jsonl), "--publish", stdout=io.StringIO())


def test_an_import_command_purges_the_cached_pages(client, sections, tmp_path):
    warm(client, "/")
    warm(client, sections["council"].url)
    title = "Thường trực HĐND tỉnh làm việc với Sở Tài chính"
    import_article(tmp_path, title)
    assert title in read(client, "/").text
    assert title in read(client, sections["council"].url).text


def test_an_editor_never_gets_a_cached_page_and_never_fills_the_cache(client, editor, article):
    anonymous = warm(client, article.url)
    client.force_login(editor)
    for _ in range(2):
        response = read(client, article.url)
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
    client.logout()
    again = read(Client(), article.url)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == anonymous.content


def test_conditional_requests_get_304_until_the_content_changes(client, sections, article):
    url = sections["council"].url
    first = read(client, url)
    etag, modified = first["ETag"], first["Last-Modified"]
    hit = client.get(url, HTTP_IF_NONE_MATCH=etag, **READER)
    assert hit.status_code == 304
    assert hit.content == b""
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified, **READER).status_code == 304
    make_article(sections["council"], title="Bài mới đăng")
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag, **READER)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Bài mới đăng" in changed.text


def test_the_api_answers_conditional_requests_too(client, article):
    url = "/api/v1/search/?q=ngan+sach"
    etag = read(client, url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag, **READER).status_code == 304


def test_head_is_answered_from_the_cache_with_the_same_validators(client, article):
    got = warm(client, article.url)
    head = client.head(article.url, **READER)
    assert head.status_code == 200
    assert head.content == b""
    assert head["X-Page-Cache"] == "hit"
    assert head["ETag"] == got["ETag"]


def test_the_view_count_still_rises_when_the_page_comes_from_the_cache(client, article):
    page = warm(client, article.url)
    beacon = f"/luot-xem/{article.pk}/"
    assert f'data-url="{beacon}"'.encode() in page.content  # the script is in the cached copy
    answer = client.post(beacon, HTTP_SEC_FETCH_SITE="same-origin", **READER)
    assert answer.status_code == 204
    assert ArticleViewCount.objects.get(article=article).count == 1


def test_nothing_is_cached_when_the_cache_is_off(client, settings, article):
    settings.PAGE_CACHE_SECONDS = 0
    read(client, article.url)
    assert "X-Page-Cache" not in read(client, article.url)


def test_scheduled_publishing_and_expiry_purge_the_cached_pages(client, sections, article):
    draft = make_article(sections["council"], title="Lịch tiếp công dân tháng 12", live=False)
    revision = draft.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    # Its expiry came while it was live (no signal: nothing changes until the command runs).
    type(article).objects.filter(pk=article.pk).update(expire_at=revision.approved_go_live_at)
    assert article.url in warm(client, sections["council"].url).text
    call_command("publish_scheduled", stdout=io.StringIO())
    listing = read(client, sections["council"].url).text
    assert "Lịch tiếp công dân tháng 12" in listing
    assert article.url not in listing


def test_a_csrf_cookie_alone_still_gets_the_shared_copy_but_a_session_does_not(client, article):
    warm(client, article.url)
    client.cookies["csrftoken"] = "a" * 32  # left by an earlier form: nothing personal
    assert read(client, article.url)["X-Page-Cache"] == "hit"
    client.cookies["sessionid"] = "whoever"  # a page password, a preview, a login
    personal = read(client, article.url)
    assert "X-Page-Cache" not in personal
    assert "no-store" in personal["Cache-Control"]
