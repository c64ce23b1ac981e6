"""Ranking that generalises (issue 10), the same on the database and on Elasticsearch.

Each case is a failure the real-world set found: the page a reader wants must come first
on every backend, since both order their matches with search.ranking.
"""

from __future__ import annotations

import io
import itertools
import uuid

import pytest
from django.core.management import call_command

from tests.elasticsearch_node import require_elasticsearch
from tests.search_factories import article, index_site, search

_numbers = itertools.count()


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings, sections):
    """The backend module, with the articles a test publishes indexed on `load()`."""
    if request.param == "database":
        from search.backends import database

        yield database, index_site
        return
    settings.ELASTICSEARCH_URL = require_elasticsearch()
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-ranking-{uuid.uuid4().hex[:6]}{next(_numbers)}"
    from search.backends import elastic

    def load() -> None:
        call_command("search_index", "rebuild", stdout=io.StringIO())

    yield elastic, load
    elastic.drop_indices()


def first(backend, query: str) -> str:
    module, _load = backend
    return [hit.title for hit in search(module, query).items][0]


def test_a_body_holding_the_whole_name_beats_a_title_holding_half_of_it(backend, sections):
    section = sections["committees"]
    article(section, "Ông Nguyễn Văn An thăm hỏi gia đình chính sách", body_text="Thăm hỏi.")
    article(
        section,
        "Thông báo lịch tiếp công dân tháng 10",
        body_text="Đại biểu Nguyễn Văn Hùng, Phó Chủ tịch HĐND tỉnh, tiếp công dân.",
    )
    backend[1]()
    assert first(backend, "Nguyễn Văn Hùng") == "Thông báo lịch tiếp công dân tháng 10"


def test_an_abbreviation_spelled_out_counts_as_one_concept(backend, sections):
    section = sections["committees"]
    article(
        section,
        "Sở Lao động - Thương binh và Xã hội tiếp đoàn giám sát",
        body_text="Đoàn giám sát làm việc về người có công; số hộ nghèo được nhắc qua.",
    )
    article(
        section,
        "Rà soát hộ nghèo tại huyện Mường Lát",
        body_text="Huyện phối hợp với Sở LĐTBXH rà soát hộ nghèo, hộ cận nghèo.",
    )
    backend[1]()
    # Seven words spelled out must not outweigh the two the query is about.
    assert first(backend, "LĐTBXH hộ nghèo") == "Rà soát hộ nghèo tại huyện Mường Lát"


def test_a_long_question_is_matched_on_its_content_words(backend, sections):
    article(
        sections["committees"],
        "Đường vào bản Nậm Cười sạt lở sau mưa lớn",
        body_text="Con đường vào bản Nậm Cười bị sạt lở, người dân đi lại khó khăn.",
    )
    article(sections["committees"], "Kỳ họp thứ mười", body_text="Các đại biểu thảo luận.")
    backend[1]()
    # Its opening syllables are function words; the document holds none of them but
    # most of what is asked, beyond the eighth syllable.
    query = "có phải là với về việc đường vào bản Nậm Cười bị sạt lở không"
    module, _load = backend
    results = search(module, query)
    assert [hit.title for hit in results.items] == ["Đường vào bản Nậm Cười sạt lở sau mưa lớn"]
    assert [note.code for note in results.notes] == ["partial"]
