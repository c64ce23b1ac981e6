"""Quoted phrases and numbers, as readers meet them, the same on every backend.

A reader who puts words in double quotes wants them side by side, in that order; a reader
who types "30/6" or "20/2021/NĐ-CP" wants that date or that decree, not every page with a
"30" and a "6" somewhere. Both are `QueryForms.phrases` (search.analysis), matched on the
folded form, so typing without accents still finds them. The database backend (SQLite,
and PostgreSQL in the PostgreSQL run) and Elasticsearch must find the same pages: numbers
are stored as words and digit groups one space apart ("30/06/2021" as "30 thang 6 nam 2021",
as it is said), which every backend's tokenizer splits alike (PostgreSQL's parser used to
read "15/10/2020" as one token).
"""

from __future__ import annotations

import itertools
import uuid

import pytest

from search.analysis import MAX_PHRASES, query_forms
from search.backends import database, elastic
from search.backends.database import writer
from search.backends.elastic import indexer
from search.indexing import apply
from search.models import SearchEntry
from tests.elasticsearch_node import require_elasticsearch
from tests.search_factories import article, index_site, titles
from tests.search_factories import search as run
from tests.test_search_elasticsearch import entry

pytestmark = pytest.mark.django_db

RUN = uuid.uuid4().hex[:8]
_numbers = itertools.count()

WELFARE = "Chính sách bảo trợ xã hội cho người cao tuổi"
SOCIETY = "Mô hình xã hội bảo trợ trẻ em mồ côi"
MID_YEAR = "Báo cáo kết quả đến ngày 30/6/2021"
PADDED = "Số liệu tổng hợp đến 30/06/2022"
APART = "Tổ dân phố 30 có 6 hộ nghèo"
DECREE = "Triển khai Nghị định số 20/2021/NĐ-CP về trợ giúp xã hội"
RESOLUTION = "Nghị quyết 20/2021/NQ-HĐND về giá đất"
RATE = "Tỷ lệ bao phủ bảo hiểm y tế đạt 95,5%"
RATE_DOT = "Tỷ lệ hộ dùng nước sạch 95.5%"
COUNTS = "95 hộ tại 5 xã được hỗ trợ"
OPENING = "Khai mạc kỳ họp ngày 15/10/2020"
SPELLED = "Kỳ họp ngày 15 tháng 10 năm 2020"
DASHED = "Hội nghị tiếp xúc cử tri ngày 12-07-2022"
SIX_MONTHS = "Sơ kết 6 tháng đầu năm"
NUMBERED = "Nghị quyết số 05/2021/NQ-HĐND về học phí"
ALL = (WELFARE, SOCIETY, MID_YEAR, PADDED, APART, DECREE, RESOLUTION, RATE, RATE_DOT, COUNTS)
ALL += (OPENING, SPELLED, DASHED, SIX_MONTHS, NUMBERED)

# What each query must find, on every backend.
EXPECTED = {
    '"xã hội bảo trợ"': {SOCIETY},
    "“xa hoi bao tro”": {SOCIETY},
    '"bảo trợ xã hội" người cao tuổi': {WELFARE},
    "30/6": {MID_YEAR, PADDED},
    "30/06": {MID_YEAR, PADDED},
    "30/6/2021": {MID_YEAR},
    "15/10/2020": {OPENING, SPELLED},
    "15 tháng 10 năm 2020": {OPENING, SPELLED},
    "tháng 6": {MID_YEAR, PADDED},  # June, not "6 tháng" (six months)
    "05/2021/NQ-HĐND": {NUMBERED},
    "5/2021/nq-hdnd": {NUMBERED},
    "12/7/2022": {DASHED},
    "12-7-2022": {DASHED},
    "20/2021/NĐ-CP": {DECREE},
    "20/2021/nd-cp": {DECREE},
    "20/2021": {DECREE, RESOLUTION},
    "95,5%": {RATE, RATE_DOT},
    "95.5": {RATE, RATE_DOT},
}


@pytest.fixture
def pages(sections):
    for title in ALL:
        article(sections["council"], title)
    index_site()


@pytest.fixture
def es(settings, db):
    settings.ELASTICSEARCH_URL = require_elasticsearch()
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{RUN}-{next(_numbers)}"
    yield
    indexer.drop_indices()


def found(backend, query: str) -> set[str]:
    return set(titles(run(backend, query, page_size=50)))


# ------------------------------------------------------------------------ the forms


def test_quotes_make_phrases_and_an_unbalanced_quote_is_none():
    assert query_forms('"xã hội bảo trợ" Lai Châu').phrases == ("xa hoi bao tro",)
    assert query_forms("“Xã hội” và „bảo trợ”").phrases == ("xa hoi", "bao tro")
    assert query_forms('"xã hội bảo trợ').phrases == ()
    assert query_forms('"xã hội" bảo "trợ').phrases == ()
    assert query_forms('""').phrases == ()
    # The words are the query's words all the same: quotes only add the phrase.
    assert query_forms('"xã hội bảo trợ"').expanded_folded == "xa hoi bao tro"


def test_numbers_of_several_groups_are_phrases_in_one_spelling():
    assert query_forms("ngày 30/6").phrases == ("30 thang 6",)
    assert query_forms("30/06").phrases == query_forms("30 tháng 6").phrases == ("30 thang 6",)
    assert query_forms("30-6-2020").phrases == ("30 thang 6 nam 2020",)
    assert query_forms("20/2021/NĐ-CP").phrases == ("20 2021 nd cp",)
    assert query_forms("95,5%").phrases == query_forms("95.5").phrases == ("95 5",)
    assert query_forms("năm 2021").phrases == query_forms("6 tháng").phrases == ()
    assert query_forms('"UBND tỉnh"').phrases == ("uy ban nhan dan tinh",)


# ------------------------------------------------------------------ the database


def test_a_quoted_phrase_needs_its_words_side_by_side_in_order(pages):
    assert found(database, '"xã hội bảo trợ"') == {SOCIETY}
    assert found(database, "xã hội bảo trợ") >= {WELFARE, SOCIETY}  # unquoted: as before
    assert found(database, '"xa hoi bao tro"') == {SOCIETY}  # without accents too
    # An unbalanced quote is no quote.
    assert found(database, '"xã hội bảo trợ') == found(database, "xã hội bảo trợ")


def test_a_quoted_phrase_is_marked_where_its_words_are_side_by_side(pages):
    hits = run(database, '"xã hội bảo trợ"').items
    assert [str(hit.title_html) for hit in hits] == [
        "Mô hình <mark>xã hội bảo trợ</mark> trẻ em mồ côi"
    ]
    hits = run(database, "30/6").items
    assert {str(hit.title_html) for hit in hits} == {
        "Báo cáo kết quả đến ngày <mark>30/6/2021</mark>",
        "Số liệu tổng hợp đến <mark>30/06/2022</mark>",
    }


@pytest.mark.parametrize("query", EXPECTED)
def test_dates_numbers_and_phrases_on_the_database(pages, query):
    assert found(database, query) == EXPECTED[query]


def test_many_phrases_cost_a_bounded_query(pages):
    query = " ".join(f'"xã hội {number}"' for number in range(60))
    assert len(query_forms(query).phrases) == MAX_PHRASES
    assert found(database, query) == set()


@pytest.mark.parametrize(
    "query",
    ['"中文 русский"', '"a:* & b <-> c"', '"NEAR(x y)" "*"', '"\'; DROP"', "“”„‟«»", '"1/2/3/4/5"'],
)
def test_hostile_phrases_never_raise(pages, query):
    results = run(database, query)
    assert results.count >= len(results.items)


def test_dates_are_found_by_their_year_and_month(pages):
    # Stored as "30 thang 6 nam 2021": the year alone finds the date, and so does its month.
    assert MID_YEAR in found(database, "2021")
    assert found(database, "6/2022") == found(database, "tháng 6 năm 2022") == {PADDED}


def test_a_sync_respells_entries_indexed_before_the_digit_groups(pages):
    # An entry as the spelling before wrote it ("30/06/2021", one token on PostgreSQL).
    old = "bao cao ket qua den ngay 30/06/2021"
    rows = SearchEntry.objects.filter(title=MID_YEAR)
    rows.update(title_folded=old, summary_folded=old, body_folded=old)
    writer.write_ids(list(rows.values_list("pk", flat=True)))
    assert MID_YEAR not in found(database, "30/6")
    index_site()  # what `search_index sync` and `rebuild` run first (README, upgrading)
    assert MID_YEAR in found(database, "30/6")


# ------------------------------------------------------------- every backend alike


def test_every_backend_finds_the_same(pages, es):
    indexer.rebuild()
    for query, expected in EXPECTED.items():
        assert (query, found(database, query)) == (query, expected)
        assert (query, found(elastic, query)) == (query, expected)
    for query in ("30 6", "2021", "xã hội bảo trợ", "6/2022", '"xã hội bảo trợ'):
        assert (query, found(elastic, query)) == (query, found(database, query))


def test_in_the_conclusions_scope_the_phrase_must_be_in_a_conclusion(sections, es):
    page = sections["council"]
    apply(
        [
            entry(
                "report:1",
                "Giám sát mô hình xã hội bảo trợ",
                page,
                conclusion="Đề nghị tăng cường chính sách bảo trợ xã hội.",
            ),
            entry(
                "report:2",
                "Giám sát an sinh",
                page,
                conclusion="Mô hình xã hội bảo trợ cần được nhân rộng.",
            ),
        ],
        [],
    )
    indexer.rebuild()
    for backend in (database, elastic):
        results = run(backend, '"xã hội bảo trợ"', scope="conclusions")
        assert [hit.key for hit in results.items] == ["report:2"]
        assert {hit.key for hit in run(backend, '"xã hội bảo trợ"').items} == {
            "report:1",
            "report:2",
        }
