"""The readers' search page /tim-kiem/: results, facets, filters, pages, advice, notes.

Real pages are published and indexed (search.indexing), then searched through the real
database backend; nothing stands in for the database.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.utils.http import urlencode

from search.indexing import rebuild_entries
from tests.factories import make_article
from tests.search_content import WELFARE, build_search_world, local
from tests.worlds import module_world

# Built once for the module: its tests only read it (what one writes is rolled back).
content_world, content = module_world(build_search_world, "content")


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


def search(client, **params) -> BeautifulSoup:
    return soup(client.get("/tim-kiem/?" + urlencode(params)))


def titles(page: BeautifulSoup) -> list[str]:
    # Marks split a title into several strings; joined without a separator, as shown.
    return [" ".join(a.get_text().split()) for a in page.select(".search-hit__title a")]


def hit_for(page: BeautifulSoup, title_start: str):
    for hit in page.select(".search-hit"):
        if hit.select_one(".search-hit__title").get_text().strip().startswith(title_start):
            return hit
    raise AssertionError(f"no hit titled {title_start!r} in {titles(page)}")


def facet(page: BeautifulSoup, title: str) -> dict[str, tuple[int, str]]:
    """label → (count, link) of one facet, found by its Vietnamese heading."""
    for section in page.select(".search-facet"):
        if text_of(section.find("h3")) == title:
            return {
                text_of(a.select_one(".search-facet__label")): (
                    int(re.match(r"\d+", text_of(a.select_one(".search-facet__count"))).group()),
                    a["href"],
                )
                for a in section.select("a")
            }
    raise AssertionError(f"no facet {title!r}")


def params_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def notes(page: BeautifulSoup) -> str:
    box = page.select_one(".search-notes")
    return text_of(box) if box else ""


# ---------------------------------------------------------------------------- results


def test_results_show_badge_linked_marked_title_date_context_and_snippet(client, content):
    page = search(client, q=WELFARE)
    count = text_of(page.select_one("#search-count"))
    assert count == f"Tìm thấy 3 kết quả cho “{WELFARE}”"

    article = hit_for(page, "Ban Văn hóa – Xã hội giám sát")
    assert text_of(article.select_one(".search-badge")) == "Tin tức"
    link = article.select_one(".search-hit__title a")
    assert link["href"] == content["welfare_news"].url
    assert "bảo trợ xã hội" in [text_of(m) for m in link.find_all("mark")]
    assert article.select_one("time").get_text() == "15/05/2024"
    assert text_of(article.select_one(".search-hit__context")) == "Các Ban HĐND tỉnh"

    report = hit_for(page, "Giám sát việc thực hiện")
    assert text_of(report.select_one(".search-badge")) == "Báo cáo giám sát"
    assert report.select_one("time").get_text() == "26/10/2022"
    assert text_of(report.select_one(".search-hit__context")) == "Ban Văn hóa - Xã hội"
    assert report.select_one(".search-hit__snippet mark")

    recommendation = hit_for(page, "Đề nghị UBND tỉnh")
    badges = [text_of(b) for b in recommendation.select(".search-badge")]
    assert badges == ["Kiến nghị", "Đang thực hiện"]
    assert recommendation.select_one("a")["href"].endswith("#kien-nghi-1")


def test_a_search_without_diacritics_finds_the_same_results(client, content):
    assert sorted(titles(search(client, q="bao tro xa hoi"))) == sorted(
        titles(search(client, q=WELFARE))
    )


def test_result_page_has_title_noindex_short_public_cache_and_rss(client, content):
    response = client.get("/tim-kiem/?" + urlencode({"q": WELFARE}))
    page = soup(response)
    assert page.title.get_text().startswith(f"Tìm kiếm: {WELFARE} |")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert response["Cache-Control"] == "public, max-age=60"
    feed = page.select_one('link[rel="alternate"][type="application/rss+xml"][href*="format=rss"]')
    assert params_of(feed["href"]) == {"q": [WELFARE], "format": ["rss"]}
    visible = page.find("a", string="Theo dõi kết quả tìm kiếm này qua RSS")
    assert visible["href"] == feed["href"]


# ---------------------------------------------------------------------------- facets


def test_facets_count_results_and_each_value_filters(client, content):
    page = search(client, q=WELFARE)
    kinds = facet(page, "Loại nội dung")
    assert {label: count for label, (count, _url) in kinds.items()} == {
        "Tin tức": 1,
        "Báo cáo giám sát": 1,
        "Kiến nghị": 1,
    }
    assert facet(page, "Cơ quan giám sát")["Ban Văn hóa - Xã hội"][0] == 2
    assert facet(page, "Lĩnh vực")["Bảo trợ xã hội"][0] == 2
    assert facet(page, "Tình trạng kiến nghị")["Đang thực hiện"][0] == 1
    years = {label: count for label, (count, _url) in facet(page, "Năm").items()}
    assert years == {"2024": 1, "2022": 2}
    assert facet(page, "Chuyên mục")["Các Ban HĐND tỉnh"][0] == 1

    filtered = soup(client.get(kinds["Báo cáo giám sát"][1]))
    assert titles(filtered) == [content["report"].title]
    by_year = soup(client.get(facet(page, "Năm")["2022"][1]))
    assert sorted(titles(by_year)) == sorted(
        [content["report"].title, "Đề nghị UBND tỉnh chỉ đạo rà soát đối tượng bảo trợ xã hội."]
    )


def test_active_filter_is_listed_with_a_link_that_removes_only_it(client, content):
    page = search(client, q=WELFARE, type="report", year=2022)
    chips = {text_of(a).split(" × ")[0]: a["href"] for a in page.select(".active-filters a")}
    assert set(chips) == {"Loại nội dung: Báo cáo giám sát", "Năm: 2022"}
    without_type = soup(client.get(chips["Loại nội dung: Báo cáo giám sát"]))
    assert len(titles(without_type)) == 2  # the report and its recommendation, both 2022
    assert params_of(chips["Loại nội dung: Báo cáo giám sát"]) == {"q": [WELFARE], "year": ["2022"]}
    # A chosen facet value is marked, and links back to the list without it.
    selected = {
        text_of(a.find_parent("section").find("h3")): params_of(a["href"])
        for a in page.select(".search-facet__value--selected")
    }
    assert selected == {
        "Loại nội dung": {"q": [WELFARE], "year": ["2022"]},
        "Năm": {"q": [WELFARE], "type": ["report"]},
    }


def test_date_range_narrows_by_publication_date(client, content):
    recent = search(client, q=WELFARE, **{"from": "2023-01-01"})
    assert titles(recent) == [content["welfare_news"].title]
    assert recent.select_one("#search-from")["value"] == "2023-01-01"
    older = search(client, q=WELFARE, to="31/12/2022")
    assert content["welfare_news"].title not in titles(older) and len(titles(older)) == 2
    assert older.select_one("#search-to")["value"] == "2022-12-31"


def test_sort_by_newest_and_oldest(client, content):
    newest = search(client, q=WELFARE, sort="newest")
    dates = [datetime.strptime(t.get_text(), "%d/%m/%Y") for t in newest.select(".search-hit time")]
    assert dates == sorted(dates, reverse=True) and len(dates) == 3
    oldest = search(client, q=WELFARE, sort="oldest")
    assert titles(oldest)[-1] == content["welfare_news"].title
    current = oldest.select_one(".search-results__sort [aria-current]")
    assert text_of(current) == "Cũ nhất"
    links = {text_of(a): a["href"] for a in oldest.select(".search-results__sort a")}
    assert set(links) == {"Liên quan nhất", "Mới nhất"}
    assert "sort" not in params_of(links["Liên quan nhất"])


def test_scope_conclusions_leaves_out_news_that_only_mention_the_words(client, content):
    everywhere = titles(search(client, q="rà soát"))
    assert content["review"].title in everywhere
    page = search(client, q="rà soát", scope="conclusions")
    assert content["review"].title not in titles(page)
    assert content["report"].title in titles(page)
    assert page.select_one("#search-scope").has_attr("checked")


def test_pages_of_ten_keep_every_parameter(client, sections):
    for n in range(13):
        make_article(
            sections["council"],
            title=f"Hội nghị tiếp xúc cử tri tại xã số {n + 1}",
            published_at=local(2024, 1, n + 1),
        )
    rebuild_entries()
    first = search(client, q="tiếp xúc cử tri", type="article", sort="newest")
    assert len(titles(first)) == 10
    nav = first.select_one("nav.pagination")
    assert nav.select_one('[aria-current="page"]').get_text() == "1"
    second_link = nav.find("a", string="2")["href"]
    assert params_of(second_link) == {
        "q": ["tiếp xúc cử tri"],
        "type": ["article"],
        "sort": ["newest"],
        "page": ["2"],
    }
    second = soup(client.get(second_link))
    assert len(titles(second)) == 3
    assert second.select_one(".search-hits")["start"] == "11"
    assert not set(titles(first)) & set(titles(second))


# ------------------------------------------------------------------ nothing found, notes


def test_zero_results_offer_fewer_filters_and_the_query_without_diacritics(client, content):
    page = search(client, q="khai mạc kỳ họp", type="report")
    assert text_of(page.select_one("#search-count")) == (
        "Không tìm thấy kết quả nào cho “khai mạc kỳ họp”"
    )
    advice = page.select_one(".search-advice")
    without_filters = advice.find("a", string="Bỏ mọi bộ lọc và tìm lại")
    assert params_of(without_filters["href"]) == {"q": ["khai mạc kỳ họp"]}
    assert titles(soup(client.get(without_filters["href"]))) == [content["session"].title]
    folded = advice.find("a", string="khai mac ki hop")
    assert params_of(folded["href"]) == {"q": ["khai mac ki hop"], "type": ["report"]}


def test_zero_results_suggest_a_close_spelling(client, content):
    page = search(client, q="thường trựcc rà soáat", type="article")
    suggestion = page.select_one(".search-advice__suggestion")
    assert suggestion is not None, text_of(page.select_one(".search-results"))
    assert text_of(suggestion).startswith("Có phải bạn muốn tìm:")
    link = suggestion.find("a")
    assert params_of(link["href"])["type"] == ["article"]
    assert content["review"].title in titles(soup(client.get(link["href"])))


def test_refused_parameters_are_ignored_with_a_vietnamese_note(client, content):
    page = search(client, q=WELFARE, year="abc", type="video")
    shown = notes(page)
    assert "Năm “abc” không hợp lệ" in shown and "Bộ lọc này được bỏ qua." in shown
    assert "Loại nội dung “video” không hợp lệ" in shown
    assert len(titles(page)) == 3  # the search ran without the refused filters


def test_a_very_long_query_is_cut_with_a_note(client, content):
    page = search(client, q=WELFARE + " " + "x" * 400)
    assert "chỉ phần đầu được dùng để tìm" in notes(page)
    assert len(page.select_one("#search-q")["value"]) == 200


HOSTILE = [
    {"q": "a" * 10_000},
    {"q": "bảo\x00trợ\x07 xã\u200b hội\x1f"},
    {"q": '"(*~^ AND'},
    {"q": "'; DROP TABLE search_searchentry; --"},
    {"q": "1' OR '1'='1"},
    {"q": "<script>alert(1)</script>"},
    {"q": WELFARE, "page": "abc"},
    {"q": WELFARE, "page": "-1"},
    {"q": WELFARE, "page": "99999"},
    {"q": WELFARE, "page": "²"},
    {"q": WELFARE, "page": "500"},
    {"q": WELFARE, "year": "abc"},
    {"q": WELFARE, "from": "2020-13-45"},
    {"q": WELFARE, "from": "2024-01-01", "to": "2020-01-01"},
    {"q": WELFARE, "section": "9" * 40, "locality": "-3", "body": "0"},
    {"q": WELFARE, "field": "../../etc", "status": "x", "sort": "bogus", "scope": "x"},
    {"q": ["một", "hai"], "type": ["article", "report"]},
]


@pytest.mark.parametrize("params", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_answers_200_never_500(client, content, params):
    response = client.get("/tim-kiem/?" + urlencode(params, doseq=True))
    page = soup(response)
    assert page.select_one("#search-q") is not None
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"page": "abc"}, "Số trang “abc” không hợp lệ"),
        ({"page": "-1"}, "Số trang “-1” không hợp lệ"),
        ({"year": "abc"}, "Năm “abc” không hợp lệ"),
        ({"from": "2020-13-45"}, "Ngày bắt đầu “2020-13-45” không hợp lệ"),
    ],
)
def test_hostile_parameters_get_a_clear_note(client, content, params, note):
    assert note in notes(search(client, q=WELFARE, **params))


def test_a_page_past_the_end_links_back_to_the_last_page(client, content):
    page = search(client, q=WELFARE, page=7)
    back = page.find("a", string="Về trang kết quả cuối cùng")
    assert params_of(back["href"]) == {"q": [WELFARE]}


def test_empty_search_shows_the_form_and_help_without_error(client, content):
    page = search(client, q="  ")
    assert page.select_one("#search-q")["value"] == ""
    help_text = text_of(page.select_one(".search-help"))
    assert "không dấu" in help_text and "UBND" in help_text
    assert page.select_one(".search-results") is None and not notes(page)


def test_fallback_notice_when_elasticsearch_is_unreachable(client, content, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    settings.ELASTICSEARCH_TIMEOUT = 1
    page = search(client, q=WELFARE)
    assert len(titles(page)) == 3
    assert "kết quả dưới đây lấy từ cơ sở dữ liệu" in text_of(page.select_one(".search-fallback"))


def test_without_elasticsearch_there_is_no_fallback_notice(client, content):
    assert search(client, q=WELFARE).select_one(".search-fallback") is None


# ---------------------------------------------------------------------- site integration


def test_old_search_address_redirects_permanently_with_the_query(client):
    response = client.get("/search/?q=b%E1%BA%A3o+tr%E1%BB%A3&type=report")
    assert response.status_code == 301
    assert response["Location"] == "/tim-kiem/?q=b%E1%BA%A3o+tr%E1%BB%A3&type=report"
    assert client.get("/search/")["Location"] == "/tim-kiem/"


def test_search_page_stays_within_ten_queries(client, content, django_assert_max_num_queries):
    client.get("/tim-kiem/?q=warm-up")  # fills the per-process caches, like a running site
    with django_assert_max_num_queries(10):
        page = search(client, q=WELFARE, sort="newest")
    assert len(titles(page)) == 3 and page.select(".search-facet")


def test_header_search_box_is_on_every_page(client, content):
    for url in ("/", content["welfare_news"].url, "/tim-kiem/"):
        page = soup(client.get(url))
        form = page.select_one("header.site-header form[role=search]")
        assert form["action"] == "/tim-kiem/" and form["method"] == "get"
        box = form.select_one("input[name=q]")
        label = form.find("label", attrs={"for": box["id"]})
        assert text_of(label) == "Tìm kiếm"
        assert box["data-suggest"] == "/api/v1/search/suggest"
        assert form.select_one("button[type=submit]")
    assert page.select_one('script[src="/static/js/search-suggest.js"]')
