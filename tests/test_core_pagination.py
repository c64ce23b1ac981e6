"""core.pagination: the one page-number navigation of news sections, reports, tracker, search."""

from __future__ import annotations

from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.pagination import page_number_from, pagination, with_page


def url(number: int) -> str:
    return f"?page={number}"


def test_one_page_needs_no_navigation():
    assert pagination(1, 1, url) is None
    assert pagination(1, 0, url) is None


def test_far_pages_are_elided_and_the_current_one_is_marked():
    nav = pagination(10, 20, url)
    numbers = [link.number for link in nav.links]
    assert numbers == [1, 2, None, 8, 9, 10, 11, 12, None, 19, 20]
    assert [link.number for link in nav.links if link.current] == [10]
    assert (nav.previous_url, nav.next_url) == ("?page=9", "?page=11")


def test_past_the_last_page_the_numbers_stay_near_the_end_and_previous_steps_back():
    nav = pagination(7, 3, url, on_ends=1)
    assert [link.number for link in nav.links] == [1, 2, 3]
    assert not any(link.current for link in nav.links)
    assert (nav.previous_url, nav.next_url) == ("?page=6", "")


def test_page_links_keep_the_other_parameters():
    to_page = with_page(QueryDict("year=2024&agency=3&page=2"))
    assert to_page(5) == "?year=2024&agency=3&page=5"


def test_junk_page_numbers_read_as_the_first_page():
    factory = RequestFactory()
    for junk in ("abc", "-3", "0", ""):
        assert page_number_from(factory.get("/", {"page": junk})) == 1
    assert page_number_from(factory.get("/", {"page": "4"})) == 4


def test_the_template_reads_as_navigation():
    html = render_to_string("core/pagination.html", {"pagination": pagination(2, 3, url)})
    assert 'aria-label="Phân trang"' in html
    assert '<a href="?page=1" rel="prev">' in html
    assert '<span aria-current="page">2</span>' in html
    assert '<a href="?page=3" rel="next">' in html
    assert render_to_string("core/pagination.html", {"pagination": None}).strip() == ""
