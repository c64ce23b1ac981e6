"""The Elasticsearch backend against a real node: what a reader finds, in what order.

Live updates (publish, unpublish, an outage) are in test_search_index_command.py.

Every test gets its own index prefix (so runs never touch dev data or each other) and
drops its indices afterwards. Without a node the tests skip; with REQUIRE_ELASTICSEARCH=1
they fail instead (tests.elasticsearch_node).
"""

from __future__ import annotations

import itertools
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from reports.enums import RecommendationStatus
from search.analysis import index_forms
from search.backends import elastic
from search.backends.elastic import connection, indexer
from search.indexing import apply
from search.params import SearchRequest
from tests.elasticsearch_node import require_elasticsearch
from tests.factories import make_section
from tests.merger_scenario import commune
from tests.report_factories import district

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
RUN = uuid.uuid4().hex[:8]
_numbers = itertools.count()


@pytest.fixture
def es(settings, db):
    settings.ELASTICSEARCH_URL = require_elasticsearch()
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{RUN}-{next(_numbers)}"
    yield connection.command_client()
    indexer.drop_indices()


def entry(key: str, title: str, page, **values) -> dict:
    """A SearchEntry as search.sources would write it, with only what a test cares about."""
    kind = key.split(":")[0]
    published = values.pop("published", datetime(2024, 5, 1, 9, 0, tzinfo=LOCAL))
    fields = values.pop("fields", [])
    localities = values.pop("localities", [])
    result = {
        "key": key,
        "kind": kind,
        "page_id": page.pk,
        "url": f"/{key.replace(':', '-')}/",
        "published": published,
        "year": published.astimezone(LOCAL).year if published else None,
        "title": title,
        "path": values.pop("path", page.path),
        "fields": fields,
        "field_keys": "".join(f"|{slug}" for slug, _ in fields) + ("|" if fields else ""),
        "localities": localities,
        "locality_keys": "".join(f"|{pk}" for pk, _ in localities) + ("|" if localities else ""),
        **values,
    }
    for name in ("title", "summary", "body", "conclusion"):
        result.setdefault(name, "")
        result[f"{name}_folded"] = index_forms(result[name]).expanded_folded
    return result


def load(*entries: dict) -> None:
    """Write the entries, then load them with a full rebuild (which refreshes)."""
    apply(entries, [])
    indexer.rebuild()


def keys(query: str = "", **params) -> list[str]:
    return [hit.key for hit in elastic.search(SearchRequest(query=query, **params)).items]


# ------------------------------------------------------------------ finding the words


def test_query_without_diacritics_finds_accented_text(es, home):
    load(
        entry("article:1", "Giám sát chính sách bảo trợ xã hội", home),
        entry("article:2", "Kỳ họp thường lệ cuối năm", home),
    )
    assert keys("bao tro xa hoi") == ["article:1"]
    assert keys("BẢO TRỢ") == ["article:1"]


def test_either_tone_placement_finds_the_other_and_ranks_above_another_tone(es, home):
    # "hòa" (old placement) and "hoà" (new) are one word; "hóa" is another word that
    # only looks the same without accents.
    load(
        entry("article:1", "Công tác hòa giải ở cơ sở", home),
        entry("article:2", "Công tác hóa giải ở cơ sở", home),
    )
    assert keys("hoà giải")[0] == "article:1"
    assert keys("hòa giải")[0] == "article:1"
    assert keys("hóa giải")[0] == "article:2"
    assert set(keys("hoa giai")) == {"article:1", "article:2"}


def test_abbreviations_and_full_forms_find_each_other(es, home):
    load(
        entry("article:1", "UBND tỉnh ban hành kế hoạch", home),
        entry("article:2", "Ủy ban nhân dân huyện Sìn Hồ họp", home),
        entry("article:3", "Sở Y tế kiểm tra bệnh viện", home),
    )
    assert set(keys("ủy ban nhân dân")) == {"article:1", "article:2"}
    assert set(keys("UBND")) == {"article:1", "article:2"}
    assert set(keys("ubnd")) == {"article:1", "article:2"}


def test_a_typed_abbreviation_is_found_and_marked_as_its_whole_full_form(es, home):
    load(
        entry(
            "article:1",
            "Ủy ban nhân dân huyện kiểm tra công trình",
            home,
            summary="Ban Dân vận và nhân dân cùng Ủy ban nhân dân huyện kiểm tra công trình.",
        ),
        entry(
            "article:2",
            "Ủy ban bầu cử huyện họp phiên thứ nhất",
            home,
            summary="Ủy viên Ban Dân vận báo cáo ý kiến của nhân dân trong huyện.",
        ),
    )
    # The election committee holds "ủy", "ban", "nhân", "dân" and "huyện", apart: no match.
    assert keys("UBND huyện") == keys("ubnd") == ["article:1"]
    assert "article:2" in keys("uy ban huyen")  # words typed out still match apart
    [hit] = elastic.search(SearchRequest(query="UBND")).items
    assert hit.title_html == "<mark>Ủy ban nhân dân</mark> huyện kiểm tra công trình"
    assert hit.snippet == (
        "Ban Dân vận và nhân dân cùng <mark>Ủy ban nhân dân</mark> huyện kiểm tra công trình."
    )


def test_numbers_match_in_either_spelling(es, home):
    load(
        entry("article:1", "Tin tức", home, body="Toàn tỉnh còn 8.712 hộ nghèo."),
        entry("article:2", "Báo cáo", home, body="Có 12,5% hộ cận nghèo tính đến 30/6/2020."),
    )
    assert keys("8712") == ["article:1"]
    assert keys("8.712") == ["article:1"]
    assert keys("30.6.2020") == ["article:2"]
    assert keys("12,5%") == ["article:2"]


# ---------------------------------------------------------------------------- ranking


def test_words_side_by_side_rank_above_the_same_words_scattered(es, home):
    load(
        entry(
            "article:1",
            "Hội nghị ở xã Bản Giang",
            home,
            body="Bàn việc bảo đảm nguồn trợ cấp cho người dân.",
        ),
        entry(
            "article:2",
            "Rà soát ở huyện Than Uyên",
            home,
            body="Chính sách bảo trợ xã hội cho người cao tuổi.",
        ),
    )
    assert keys("bảo trợ xã hội") == ["article:2", "article:1"]
    assert keys("bao tro xa hoi") == ["article:2", "article:1"]


def test_typed_accents_rank_the_exact_word_first(es, home):
    load(
        entry("article:1", "Hội nghị tiếp xúc cử tri", home),
        entry("article:2", "Hồi hương đồng bào vùng cao", home),
    )
    assert keys("hội") == ["article:1", "article:2"]
    assert keys("hồi") == ["article:2", "article:1"]


def test_a_match_in_the_title_ranks_above_one_in_the_body(es, home):
    load(
        entry("article:1", "Tin hoạt động trong tuần", home, body="Góp ý quy hoạch đô thị."),
        entry("article:2", "Quy hoạch đô thị Lai Châu", home, body="Tin hoạt động trong tuần."),
    )
    assert keys("quy hoach do thi") == ["article:2", "article:1"]


def test_a_report_ranks_above_its_own_recommendation(es, home):
    # As search.sources writes them: the recommendation names its addressee in the
    # summary; the report names the agency it supervised in its summary (subject) too.
    # Matching alike, the report comes first: it shows the recommendation in context.
    text = "Rà soát, bổ sung đối tượng hưởng trợ cấp xã hội hằng tháng."
    load(
        entry(
            "report:1",
            "Giám sát chính sách trợ giúp xã hội",
            home,
            summary="Giám sát tại Sở Lao động - Thương binh và Xã hội",
            body="Làm việc với Sở Lao động - Thương binh và Xã hội và các huyện.",
            conclusion=text,
        ),
        entry(
            "recommendation:2",
            text,
            home,
            summary="Sở Lao động - Thương binh và Xã hội",
            conclusion=text,
        ),
    )
    assert keys("so LD-TB&XH") == ["report:1", "recommendation:2"]


def test_a_page_deleted_since_the_index_was_updated_is_left_out_of_the_results(es, home):
    # The best matches are ordered on the search entries' text (search.ranking); one the
    # node still holds but the site no longer has is skipped, not an error.
    load(
        entry("article:1", "Giám sát an toàn thực phẩm", home),
        entry("article:2", "An toàn thực phẩm trong trường học", home),
    )
    from search.models import SearchEntry

    SearchEntry.objects.filter(key="article:1").delete()  # the node is not told
    assert keys("an toan thuc pham") == ["article:2"]


def test_scope_conclusions_only_searches_conclusions(es, home):
    load(
        entry("report:1", "Giám sát an toàn thực phẩm", home, conclusion="Tăng cường kiểm tra."),
        entry("article:2", "Tin hoạt động", home, body="Đoàn tăng cường kiểm tra chợ phiên."),
    )
    assert keys("tang cuong kiem tra") == ["report:1", "article:2"]
    assert keys("tang cuong kiem tra", scope="conclusions") == ["report:1"]
    # Without words: every document that has conclusions.
    assert keys(scope="conclusions") == ["report:1"]


# --------------------------------------------------------------------- filters, facets


def placed_in(section) -> dict:
    # "<section path>ZZZZ": below the section, in none of its sub-sections.
    return {"path": section.path + "ZZZZ", "section_id": section.pk, "section_label": section.title}


@pytest.fixture
def catalogue(es, home):
    """Six documents across kinds, sections, bodies, fields, localities and statuses."""
    from tests.report_factories import body, field

    news = make_section("Tin tức", home)
    committees = make_section("Hoạt động các Ban", news)
    other = make_section("Thông báo", home)
    culture = body("Ban Văn hóa - Xã hội", "Ban VH-XH")
    law = body("Ban Pháp chế", "Ban PC")
    welfare = field("Bảo trợ xã hội", "bao-tro-xa-hoi")
    tam_duong = district("Tam Đường", "105")
    binh_lu = commune("Xã Bình Lư", "3301")
    tam_duong.successors.set([binh_lu])
    sin_ho = district("Sìn Hồ", "106")
    report_facets = {
        "body_id": culture.pk,
        "body_label": culture.name,
        "fields": [[welfare.slug, welfare.name]],
    }
    load(
        entry(
            "article:1",
            "Giám sát tại Tam Đường",
            home,
            **placed_in(news),
            published=datetime(2020, 10, 31, 23, 30, tzinfo=LOCAL),
        ),
        entry(
            "article:2",
            "Ban giám sát nước sạch",
            home,
            **placed_in(committees),
            published=datetime(2020, 11, 1, 0, 30, tzinfo=LOCAL),
        ),
        entry(
            "article:3",
            "Thông báo giám sát",
            home,
            **placed_in(other),
            published=datetime(2021, 3, 1, 9, 0, tzinfo=LOCAL),
        ),
        entry(
            "report:4",
            "Giám sát trợ giúp xã hội",
            home,
            localities=[[tam_duong.pk, tam_duong.name]],
            published=datetime(2020, 10, 26, 12, 0, tzinfo=LOCAL),
            **report_facets,
        ),
        entry(
            "recommendation:5",
            "Rà soát đối tượng giám sát",
            home,
            localities=[[binh_lu.pk, binh_lu.name]],
            status=RecommendationStatus.DONE.value,
            status_label=str(RecommendationStatus.DONE.label),
            published=datetime(2025, 9, 1, 12, 0, tzinfo=LOCAL),
            **report_facets,
        ),
        entry(
            "recommendation:6",
            "Bổ sung kinh phí giám sát",
            home,
            localities=[[sin_ho.pk, sin_ho.name]],
            status=RecommendationStatus.NOT_STARTED.value,
            status_label=str(RecommendationStatus.NOT_STARTED.label),
            body_id=law.pk,
            body_label=law.name,
            published=datetime(2022, 1, 10, 12, 0, tzinfo=LOCAL),
        ),
    )
    return {
        "news": news,
        "committees": committees,
        "culture": culture,
        "law": law,
        "tam_duong": tam_duong,
        "binh_lu": binh_lu,
        "sin_ho": sin_ho,
    }


def test_each_filter_narrows_the_results(catalogue):
    c = catalogue
    assert len(keys("giam sat")) == 6
    assert set(keys("giam sat", type="recommendation")) == {"recommendation:5", "recommendation:6"}
    # A section covers the sections below it.
    assert set(keys("giam sat", section=c["news"].pk)) == {"article:1", "article:2"}
    assert keys("giam sat", section=c["committees"].pk) == ["article:2"]
    assert keys("giam sat", section=999_999) == []
    assert set(keys("giam sat", body=c["culture"].pk)) == {"report:4", "recommendation:5"}
    assert set(keys("giam sat", field="bao-tro-xa-hoi")) == {"report:4", "recommendation:5"}
    assert keys("giam sat", year=2021) == ["article:3"]
    assert keys("giam sat", status="da-thuc-hien") == ["recommendation:5"]
    # A locality finds what was filed under the units it came from or became (2025).
    assert set(keys("giam sat", locality=c["binh_lu"].pk)) == {"report:4", "recommendation:5"}
    assert keys("giam sat", locality=c["sin_ho"].pk) == ["recommendation:6"]


def test_date_range_is_inclusive_in_vietnamese_days(catalogue):
    # article:1 is 31/10/2020 23:30 and article:2 is 01/11/2020 00:30, Hà Nội time
    # (both 31/10 in UTC).
    october = {"date_from": date(2020, 10, 1), "date_to": date(2020, 10, 31)}
    assert set(keys("giam sat", **october)) == {"article:1", "report:4"}
    assert keys("giam sat", date_from=date(2020, 11, 1), date_to=date(2020, 11, 1)) == ["article:2"]
    assert set(keys("giam sat", date_from=date(2022, 1, 10))) == {
        "recommendation:5",
        "recommendation:6",
    }


def test_facets_count_values_with_their_labels(catalogue):
    c = catalogue
    results = elastic.search(SearchRequest(query="giam sat"))
    facets = {
        name: {(v.value, v.label): v.count for v in values}
        for name, values in results.facets.items()
    }
    assert facets["type"] == {
        ("article", "Tin tức"): 3,
        ("report", "Báo cáo giám sát"): 1,
        ("recommendation", "Kiến nghị"): 2,
    }
    assert facets["body"] == {
        (str(c["culture"].pk), "Ban Văn hóa - Xã hội"): 2,
        (str(c["law"].pk), "Ban Pháp chế"): 1,
    }
    assert facets["field"] == {("bao-tro-xa-hoi", "Bảo trợ xã hội"): 2}
    assert facets["status"] == {
        ("da-thuc-hien", "Đã thực hiện"): 1,
        ("chua-thuc-hien", "Chưa thực hiện"): 1,
    }
    assert facets["locality"][(str(c["sin_ho"].pk), "Huyện Sìn Hồ")] == 1
    assert facets["section"][(str(c["committees"].pk), "Hoạt động các Ban")] == 1
    # Years newest first; the filters in use narrow the counts.
    assert [v.value for v in results.facets["year"]] == ["2025", "2022", "2021", "2020"]
    narrowed = elastic.search(SearchRequest(query="giam sat", type="recommendation"))
    assert {v.value: v.count for v in narrowed.facets["type"]} == {"recommendation": 2}


def test_sort_orders_and_empty_query(catalogue):
    newest = ["recommendation:5", "recommendation:6", "article:3", "article:2", "article:1"]
    assert keys()[:5] == newest  # no words: everything, newest first
    assert keys("giam sat", sort="newest")[:5] == newest
    assert keys("giam sat", sort="oldest")[:2] == ["report:4", "article:1"]
    assert elastic.search(SearchRequest()).count == 6


def test_pages_do_not_overlap_and_deep_pages_answer(es, home):
    load(*(entry(f"article:{n}", f"Tin kỳ họp số {n}", home) for n in range(1, 26)))
    pages = [keys("ky hop", page=p, page_size=10) for p in (1, 2, 3)]
    assert [len(p) for p in pages] == [10, 10, 5]
    assert len(set(itertools.chain(*pages))) == 25
    beyond = elastic.search(SearchRequest(query="ky hop", page=1000, page_size=50))
    assert beyond.items == [] and beyond.count == 25


def test_hits_carry_marked_titles_and_snippets(es, home):
    load(entry("article:1", "Giám sát bảo trợ xã hội", home, summary="Đoàn làm việc ở Sìn Hồ."))
    hit = elastic.search(SearchRequest(query="bao tro")).items[0]
    assert hit.title_html == "Giám sát <mark>bảo trợ</mark> xã hội"
    assert hit.snippet == "Đoàn làm việc ở Sìn Hồ."
    assert hit.url == "/article-1/" and hit.type == "article"
    assert hit.published == datetime(2024, 5, 1, 9, 0, tzinfo=LOCAL)


HOSTILE = [
    '"(*~^ AND',
    "title:(x OR y) AND NOT z~2",
    "\\",
    "/.*/",
    "{}[]<>!?*",
    "OR",
    'Hội" OR "1"="1',
    "\x00\x07\x1f\u200b\ufeff",
    "x" * 10_000,
    "hội " * 2_000,
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_answer_without_error(es, home, query):
    load(entry("article:1", "Hội nghị tiếp xúc cử tri", home))
    results = elastic.search(SearchRequest(query=query))
    assert results.backend == "elasticsearch"
    assert isinstance(elastic.suggest(query, 5), list)


# ------------------------------------------------------------------------ suggestions


def test_suggestions_complete_titles_from_any_word(es, home):
    load(
        entry("report:1", "Giám sát chính sách trợ giúp xã hội", home),
        entry("article:2", "Hồi hương đồng bào", home),
        entry("article:3", "Hội nghị tiếp xúc cử tri", home),
    )
    [first] = elastic.suggest("giam sat ch", 5)
    assert (first.text, first.type, first.url) == (
        "Giám sát chính sách trợ giúp xã hội",
        "report",
        "/report-1/",
    )
    assert [s.text for s in elastic.suggest("tro giup", 5)] == [first.text]
    # Typed with accents, the title with those accents comes first.
    assert [s.text for s in elastic.suggest("Hội", 5)][0] == "Hội nghị tiếp xúc cử tri"
    assert [s.text for s in elastic.suggest("hồi", 5)][0] == "Hồi hương đồng bào"
    assert elastic.suggest("", 5) == []


def test_a_partial_match_offers_a_close_spelling_when_elasticsearch_answers(es, home):
    from search.service import run_search

    load(entry("article:1", "Giám sát khai thác khoáng sản", home))
    results = run_search(SearchRequest(query="khoangg san"))
    # As on the database: no entry holds both words, so those holding one are shown,
    # with a note saying so, and the close spelling is offered.
    assert (results.backend, results.count) == ("elasticsearch", 1)
    assert [note.code for note in results.notes] == ["partial"]
    assert results.suggestion == "khoang san"
    assert run_search(SearchRequest(query="khoang san")).count == 1
