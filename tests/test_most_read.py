"""Tin đọc nhiều: views counted by a beacon from the article page, listed in sidebars.

The count survives a full-page cache because the page only carries a script; the
endpoint decides what counts: one POST per reader and article per 30 minutes, never
bots, never editors, never previews, only live public articles.
"""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import ArticleViewCount
from news.most_read import record_view
from tests.factories import make_article

READER_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0 Safari/537.36"
)
SAME_SITE = {"HTTP_USER_AGENT": READER_UA, "HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture
def article(sections):
    return make_article(sections["council"], title="Kỳ họp chuyên đề")


def views(article) -> int:
    return sum(ArticleViewCount.objects.filter(article=article).values_list("count", flat=True))


def beacon(client, article, **headers):
    return client.post(reverse("article_view", args=[article.pk]), **{**SAME_SITE, **headers})


def test_a_reader_is_counted_once_per_half_hour(client, article):
    assert beacon(client, article).status_code == 204
    assert beacon(client, article).status_code == 204  # a reload
    assert views(article) == 1
    other_reader = beacon(client, article, REMOTE_ADDR="203.113.0.7")
    assert other_reader.status_code == 204
    assert views(article) == 2
    assert ArticleViewCount.objects.get(article=article).day == timezone.localdate()


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
        "curl/8.5.0",
        "Wget/1.21",
        "python-requests/2.32",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0) crawler spider",
    ],
)
def test_bots_are_never_counted(client, article, user_agent):
    assert beacon(client, article, HTTP_USER_AGENT=user_agent).status_code == 204
    assert views(article) == 0


def test_a_logged_in_editor_is_never_counted(client, article, editor):
    client.force_login(editor)
    assert beacon(client, article).status_code == 204
    assert views(article) == 0


def test_the_counter_script_is_on_the_public_page_not_for_editors(client, article, editor):
    url = reverse("article_view", args=[article.pk])
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    script = html.find("script", id="view-count")
    assert script is not None and script["data-url"] == url
    assert script["src"].endswith("js/view-count.js")
    client.force_login(editor)
    assert 'id="view-count"' not in client.get(article.url).content.decode()


def test_the_counter_script_is_absent_from_previews(client, article, admin_user):
    client.force_login(admin_user)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert preview.status_code == 200
    assert "Kỳ họp chuyên đề" in preview.content.decode()
    assert 'id="view-count"' not in preview.content.decode()


def test_get_is_not_allowed(client, article):
    response = client.get(reverse("article_view", args=[article.pk]), **SAME_SITE)
    assert response.status_code == 405
    assert views(article) == 0


def test_drafts_private_and_non_articles_are_404(client, sections, article):
    draft = make_article(sections["council"], title="Bản nháp", live=False)
    private = make_article(sections["council"], title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page in (draft, private, sections["council"]):
        assert beacon(client, page).status_code == 404
    assert client.post(reverse("article_view", args=[999_999]), **SAME_SITE).status_code == 404
    assert not ArticleViewCount.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "", "HTTP_REFERER": "https://evil.example/trang"},
        {"HTTP_SEC_FETCH_SITE": ""},  # no sign at all that the page sent it
    ],
    ids=["fetch-metadata", "origin", "referer", "nothing"],
)
def test_cross_site_posts_are_refused(client, article, headers):
    assert beacon(client, article, **headers).status_code == 403
    assert views(article) == 0


def test_old_browsers_are_recognised_by_origin_or_referer(client, article):
    """No Sec-Fetch-Site (before Chrome 76, Safari 16.4): the Origin or Referer host is ours."""
    ours = {"HTTP_SEC_FETCH_SITE": ""}
    assert beacon(client, article, HTTP_ORIGIN="http://testserver", **ours).status_code == 204
    assert views(article) == 1
    referer = "http://testserver" + article.url
    response = beacon(client, article, HTTP_REFERER=referer, REMOTE_ADDR="10.0.0.9", **ours)
    assert response.status_code == 204
    assert views(article) == 2


def test_the_most_read_list_orders_by_views_in_the_last_30_days(client, sections):
    today = timezone.localdate()
    articles = [make_article(sections["council"], title=f"Tin số {n}") for n in range(7)]
    counts = {0: 3, 1: 9, 2: 1, 3: 5, 4: 7, 5: 2}  # article 6 never read
    for index, count in counts.items():
        for _ in range(count):
            record_view(articles[index].pk, today - timedelta(days=index))
    for _ in range(50):  # old news: 31 days ago is out of the window
        record_view(articles[6].pk, today - timedelta(days=31))
    private = make_article(sections["council"], title="Tin nội bộ đọc nhiều")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for _ in range(20):
        record_view(private.pk, today)

    home = sections["news"].get_parent()
    for page in (articles[6], sections["council"], home):
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
        panel = html.find(id="most-read-heading").find_parent("section")
        assert panel.find(id="most-read-heading").get_text(strip=True) == "Tin đọc nhiều"
        titles = [link.get_text(strip=True) for link in panel.find_all("a")]
        assert titles == ["Tin số 1", "Tin số 4", "Tin số 3", "Tin số 0", "Tin số 5"]


def test_behind_a_proxy_readers_are_told_apart_by_the_configured_header(client, article, settings):
    """All requests reach Django from the proxy's address; its header names the reader."""
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    for reader in ("203.113.0.7", "203.113.0.8", "203.113.0.7"):
        assert beacon(client, article, HTTP_X_REAL_IP=reader).status_code == 204
    assert views(article) == 2
