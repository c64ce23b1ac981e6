"""core.params: what each reader accepts, and the Vietnamese a reader or a program is told."""

from datetime import date

import pytest
from django.http import QueryDict
from django.utils.translation import override

from core.params import (
    MAX_ID,
    Param,
    boolean,
    calendar_date,
    choice,
    integer,
    parse_params,
    positive_id,
    slug,
    year,
)

DECLARED = {
    "page": Param(integer(1, 50), "Số trang"),
    "id": Param(positive_id, "Mã cơ quan"),
    "year": Param(year, "Năm"),
    "kind": Param(choice(["a", "b"]), "Hình thức"),
    "field": Param(slug, "Mã lĩnh vực"),
    "overdue": Param(boolean, "Giá trị lọc quá hạn"),
    "from": Param(calendar_date, "Ngày bắt đầu"),
}


def parse(query: str):
    with override("vi"):
        values, errors = parse_params(QueryDict(query), DECLARED)
        return values, {name: (e.code, e.note, e.api_message) for name, e in errors.items()}


def test_accepted_values_are_typed_and_blank_ones_are_no_parameter():
    values, errors = parse(
        "page=2&id=+7&year=2024&kind=b&field=y-te&overdue=TRUE&from=31/12/2024&unused=x&sort="
    )
    assert errors == {}
    assert values == {
        "page": 2,
        "id": 7,
        "year": 2024,
        "kind": "b",
        "field": "y-te",
        "overdue": True,
        "from": date(2024, 12, 31),
    }
    assert parse("page=&id= ") == ({}, {})


def test_the_last_of_repeated_values_counts_as_on_a_query_dict():
    assert parse("page=1&page=3")[0] == {"page": 3}


@pytest.mark.parametrize(
    ("query", "name", "code", "note"),
    [
        (
            "page=abc",
            "page",
            "invalid_integer",
            "Số trang “abc” không hợp lệ: phải là số nguyên từ 1 đến 50.",
        ),
        (
            "page=51",
            "page",
            "out_of_range",
            "Số trang “51” không hợp lệ: phải là số nguyên từ 1 đến 50.",
        ),
        ("page=²", "page", "invalid_integer", "Số trang “²” không hợp lệ"),
        ("id=0", "id", "out_of_range", "Mã cơ quan “0” không hợp lệ: phải là số nguyên dương."),
        (
            "id=1.5",
            "id",
            "invalid_integer",
            "Mã cơ quan “1.5” không hợp lệ: phải là số nguyên dương.",
        ),
        (f"id={MAX_ID + 1}", "id", "out_of_range", "Mã cơ quan"),
        (
            "year=1899",
            "year",
            "out_of_range",
            "Năm “1899” không hợp lệ: phải là năm từ 1900 đến 2100.",
        ),
        (
            "kind=c",
            "kind",
            "invalid_choice",
            "Hình thức “c” không hợp lệ: chỉ nhận một trong các giá trị: a, b.",
        ),
        (
            "field=y tế",
            "field",
            "invalid_slug",
            "Mã lĩnh vực “y tế” không hợp lệ: chỉ gồm chữ cái không dấu",
        ),
        (
            "overdue=co",
            "overdue",
            "invalid_boolean",
            "Giá trị lọc quá hạn “co” không hợp lệ: chỉ nhận 1 hoặc 0 (hoặc true/false).",
        ),
        (
            "from=2024-02-30",
            "from",
            "invalid_date",
            "Ngày bắt đầu “2024-02-30” không hợp lệ: ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY.",
        ),
        ("from=01/01/1800", "from", "invalid_date", "Ngày bắt đầu"),
    ],
)
def test_a_refused_value_is_explained_to_readers_and_to_programs(query, name, code, note):
    values, errors = parse(query)
    assert name not in values
    error_code, shown, api_message = errors[name]
    assert error_code == code
    assert shown.startswith(note) and shown.endswith("Bộ lọc này được bỏ qua.")
    # A program is told the parameter's own name and what it accepts, not the value.
    expected = shown.split(": ", 1)[1].removesuffix(" Bộ lọc này được bỏ qua.")
    assert api_message == f"Tham số “{name}” không hợp lệ: {expected}"


def test_a_long_refused_value_is_cut_in_the_note():
    _, errors = parse("field=" + "x" * 500)
    note = errors["field"][1]
    assert "“" + "x" * 39 + "…”" in note and "x" * 41 not in note


def test_a_huge_number_is_refused_without_converting_it():
    _, errors = parse("id=" + "9" * 100_000)
    assert errors["id"][0] == "out_of_range"
