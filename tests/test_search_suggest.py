"""Title suggestions: the same titles, in the same order, on the database and Elasticsearch.

Real pages (tests.factories through tests.search_factories), their search entries, the
database's full text (SQLite, or PostgreSQL with DATABASE_URL) and, when a node answers,
an Elasticsearch index of the same entries. What the reader types may match any word of
a title (the last one as a prefix), and an abbreviation finds its full form side by side.
"""

from __future__ import annotations

import itertools
import uuid

import pytest

from search.backends import database, elastic
from search.backends.elastic import connection, indexer
from tests.elasticsearch_node import require_elasticsearch
from tests.search_factories import article, index_site, local, report, report_index

RUN = uuid.uuid4().hex[:8]
_numbers = itertools.count()

TITLES = {
    "ubnd": "UBND tỉnh ban hành kế hoạch phòng chống thiên tai",
    "full": "Ủy ban nhân dân huyện Mường Tè kiểm tra công trình thủy lợi",
    "election": "Ủy ban bầu cử huyện Mường Nhé họp phiên thứ nhất",
    "scattered": "Ủy viên Ban Dân vận gặp gỡ nhân dân vùng cao",
    "late": "Hội nghị tiếp xúc cử tri trước kỳ họp thứ bảy của HĐND tỉnh khóa XV tại xã Mường Mô",
    "return": "Hồi hương đồng bào về quê cũ",
    "report": "Giám sát chính sách trợ giúp xã hội tại huyện Mường Tè",
}
RECOMMENDATION = "UBND huyện Mường Tè rà soát đối tượng trợ giúp xã hội"
INPUTS = [
    "UBND",
    "ubnd huy",
    "Ủy ban nhân dân",
    "uy ban",
    "Mường",
    "muong te",
    "Mô",
    "tro giup",
    "giam sat ch",
    "hồi",
    "Hội",
    "kỳ họp thứ b",
    "LĐTBXH",
    "không có đâu",
]


@pytest.fixture
def site(sections):
    section = sections["council"]
    for n, key in enumerate(("ubnd", "full", "election", "scattered", "late", "return")):
        article(section, TITLES[key], published=local(2024, 1 + n, 10))
    report(report_index(), TITLES["report"], recommendations=[RECOMMENDATION])
    index_site()


@pytest.fixture
def es(settings, site):
    settings.ELASTICSEARCH_URL = require_elasticsearch()
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{RUN}-suggest-{next(_numbers)}"
    indexer.rebuild()
    yield connection.command_client()
    indexer.drop_indices()


def suggested(backend, query: str, limit: int = 8) -> list[str]:
    return [s.text for s in backend.suggest(query, limit)]


def test_database_suggests_from_any_word_and_abbreviations_both_ways(site):
    # The abbreviation finds itself and its full form, articles first; never "Ủy ban bầu
    # cử" or "Ủy viên ... nhân dân", which hold its words apart.
    assert suggested(database, "UBND") == [TITLES["full"], TITLES["ubnd"], RECOMMENDATION]
    # The full form typed finds the abbreviation too (its words may also stand apart).
    assert set(suggested(database, "UBND")) <= set(suggested(database, "Ủy ban nhân dân"))
    # A word late in a long title, typed in part.
    assert suggested(database, "Mô") == [TITLES["late"]]
    assert TITLES["late"] in suggested(database, "Mường")
    # Titles starting with the words first (an abbreviation counts as its full form),
    # newest first; then those holding them further on; recommendations last.
    assert suggested(database, "uy ban") == [
        TITLES["election"],
        TITLES["full"],
        TITLES["ubnd"],
        TITLES["scattered"],
        RECOMMENDATION,
    ]
    # With accents typed, titles written with them come first.
    assert suggested(database, "hồi")[0] == TITLES["return"]
    assert suggested(database, "Hội")[0] == TITLES["late"]
    assert suggested(database, "không có đâu") == []


def test_elasticsearch_suggests_the_same_titles_in_the_same_order(es):
    for query in INPUTS:
        expected = database.suggest(query, 8)
        assert elastic.suggest(query, 8) == expected, query
        assert elastic.suggest(query, 2) == database.suggest(query, 2), query
    assert suggested(elastic, "Mô") == [TITLES["late"]]
    assert TITLES["election"] not in suggested(elastic, "UBND")
