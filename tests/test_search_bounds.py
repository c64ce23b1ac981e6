"""A common word's search reads a bounded number of matches (SEARCH_MAX_MATCHES), and
says that its counts are estimates: "khoảng" on the page, `approximate` in the API."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from search.backends import database
from tests.factories import home_page, make_section_chain
from tests.search_factories import article, index_site, local, search
from tests.worlds import module_world

CAP = 100  # the smallest cap: the re-ranked best 100 are always read
ARTICLES = 130


def build_archive() -> dict:
    home = home_page()
    sections = make_section_chain(home)
    start = local(2020, 1, 1)
    for n in range(ARTICLES):
        article(
            sections["committees"] if n % 2 else sections["news"],
            f"Giám sát việc thực hiện chính sách số {n}",
            body_text=f"Đoàn giám sát làm việc tại xã số {n}.",
            published=start + timedelta(days=n),
        )
    article(sections["news"], "Tin văn hóa", body_text="Lễ hội đầu xuân.")
    index_site()
    return {"home": home}


# Built once for the module: its tests only read it.
archive_world, built_archive = module_world(build_archive, "built_archive")


@pytest.fixture
def archive(built_archive, settings):
    settings.SEARCH_MAX_MATCHES = CAP
    return built_archive


def test_a_common_word_reads_the_cap_and_estimates_its_counts(archive):
    found = search(database, "giám sát")
    assert found.approximate
    assert abs(found.count - ARTICLES) <= ARTICLES // 10  # an estimate, close to the truth
    assert len(found.items) == 10
    by_type = {value.value: value.count for value in found.facets["type"]}
    assert abs(by_type["article"] - ARTICLES) <= ARTICLES // 10
    assert found.pages <= CAP // found.page_size  # no link to a page past what was read


def test_a_rare_word_and_a_facet_filter_are_counted_exactly(archive):
    rare = search(database, "lễ hội")
    assert not rare.approximate and rare.count == 1
    filtered = search(database, "giám sát", type="article")
    assert not filtered.approximate and filtered.count == ARTICLES


def test_without_a_cap_the_same_search_is_exact(archive, settings):
    settings.SEARCH_MAX_MATCHES = 1000
    found = search(database, "giám sát")
    assert not found.approximate and found.count == ARTICLES


def test_the_page_and_the_api_say_the_counts_are_approximate(archive, client):
    page = BeautifulSoup(client.get("/tim-kiem/?q=gi%C3%A1m+s%C3%A1t").content, "html.parser")
    heading = " ".join(page.select_one("#search-count").get_text().split())
    assert heading.startswith("Tìm thấy khoảng ")
    counts = [" ".join(c.get_text().split()) for c in page.select(".search-facet__count")]
    assert counts and all(text.startswith("khoảng ") for text in counts)
    api = client.get("/api/v1/search/?q=giam+sat").json()
    assert api["approximate"] is True
    assert abs(api["count"] - ARTICLES) <= ARTICLES // 10
    exact = client.get("/api/v1/search/?q=le+hoi").json()
    assert exact["approximate"] is False and exact["count"] == 1
    plain = BeautifulSoup(client.get("/tim-kiem/?q=le+hoi").content, "html.parser")
    assert "khoảng" not in plain.select_one("#search-count").get_text()
