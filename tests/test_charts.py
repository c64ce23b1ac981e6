"""The server-side SVG bar chart and the Vietnamese number format it shares with pages."""

from decimal import Decimal
from xml.etree import ElementTree

import pytest

from reports.charts import bar_chart_svg, format_number

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # raises on anything that is not well-formed XML


def bars(root: ElementTree.Element) -> list[ElementTree.Element]:
    return root.findall(f".//{SVG}rect")


def texts(root: ElementTree.Element, css_class: str) -> list[str]:
    return [
        "".join(node.itertext())
        for node in root.iter(f"{SVG}text")
        if css_class in node.get("class", "")
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("8712"), "8.712"),
        (Decimal("12.5"), "12,5"),
        (Decimal("12.5000"), "12,5"),  # the DecimalField keeps four places
        (Decimal("8712.0000"), "8.712"),
        (Decimal("1234567.891"), "1.234.567,891"),
        (Decimal("-2500"), "-2.500"),
        (Decimal("0.05"), "0,05"),
        (Decimal("0"), "0"),
        (Decimal("-0.00001"), "0"),  # rounds to zero: no "-0"
        (100, "100"),
        (2.75, "2,75"),
        (Decimal("1E+3"), "1.000"),
        (None, "—"),
        ("abc", "—"),
        (Decimal("NaN"), "—"),
        (float("inf"), "—"),
    ],
)
def test_numbers_are_written_the_vietnamese_way(value, expected):
    assert format_number(value) == expected


def test_chart_is_accessible_svg_with_title_description_and_labels():
    svg = bar_chart_svg(
        [("Người cao tuổi", Decimal("5310")), ("Người khuyết tật", Decimal("2402"))],
        "Đối tượng bảo trợ xã hội",
        "người",
    )
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title.text == "Đối tượng bảo trợ xã hội"
    assert "Người cao tuổi: 5.310 người" in desc.text
    labelled_by = root.get("aria-labelledby").split()
    assert labelled_by == [title.get("id"), desc.get("id")]
    assert texts(root, "bar-chart__label") == ["Người cao tuổi", "Người khuyết tật"]
    assert texts(root, "bar-chart__value") == ["5.310 người", "2.402 người"]
    assert "<script" not in svg


def test_bar_lengths_are_proportional_to_the_values():
    root = parse(bar_chart_svg([("a", 100), ("b", 50), ("c", 25), ("d", 0)], "Tỷ lệ"))
    widths = [float(rect.get("width")) for rect in bars(root)]
    assert widths[0] > 0
    assert widths[1] == pytest.approx(widths[0] / 2, abs=0.2)
    assert widths[2] == pytest.approx(widths[0] / 4, abs=0.2)
    assert widths[3] == 0
    # Every bar starts on the same zero line.
    assert len({rect.get("x") for rect in bars(root)}) == 1


def test_labels_and_title_are_escaped():
    svg = bar_chart_svg(
        [('<script>alert("x")</script>', 1), ("A & B", 2)], "<b>tiêu đề</b>", unit="<i>"
    )
    root = parse(svg)
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    assert texts(root, "bar-chart__label")[0] == '<script>alert("x")</script>'
    assert root.find(f"{SVG}title").text == "<b>tiêu đề</b>"


def test_empty_input_gives_nothing_to_draw():
    assert bar_chart_svg([], "Không có số liệu") == ""


def test_all_zero_values_draw_empty_bars_without_dividing_by_zero():
    root = parse(bar_chart_svg([("a", 0), ("b", Decimal("0.0000"))], "Không"))
    assert [float(rect.get("width")) for rect in bars(root)] == [0, 0]
    assert texts(root, "bar-chart__value") == ["0", "0"]


def test_negative_values_extend_left_of_a_zero_line():
    root = parse(bar_chart_svg([("Tăng", 30), ("Giảm", -10)], "Biến động", unit="%"))
    positive, negative = bars(root)
    zero = float(root.find(f".//{SVG}line").get("x1"))
    assert float(positive.get("x")) == pytest.approx(zero)
    assert float(negative.get("x")) + float(negative.get("width")) == pytest.approx(zero)
    assert float(positive.get("width")) == pytest.approx(3 * float(negative.get("width")), 0.01)
    assert "bar-chart__bar--negative" in negative.get("class")
    assert texts(root, "bar-chart__value") == ["30 %", "-10 %"]


def test_huge_and_missing_values_keep_the_chart_inside_its_box():
    root = parse(
        bar_chart_svg(
            [("Rất lớn", Decimal("1E+40")), ("Nhỏ", 1), ("Thiếu", None), ("Lỗi", "n/a")],
            "Quy mô",
        )
    )
    width = float(root.get("viewBox").split()[2])
    for rect in bars(root):
        left = float(rect.get("x"))
        assert left >= 0
        assert left + float(rect.get("width")) <= width
    values = texts(root, "bar-chart__value")
    assert values[0] == "1 × 10⁴⁰" and values[2:] == ["—", "—"]
    assert len(bars(root)) == 2  # no bar for a missing value


def test_long_labels_wrap_to_two_lines_and_are_shortened():
    label = "Số hộ nghèo, cận nghèo được hỗ trợ nhà ở theo chương trình mục tiêu quốc gia"
    root = parse(bar_chart_svg([(label, 3)], "Nhà ở"))
    lines = [t.text for t in root.iter(f"{SVG}tspan")]
    assert len(lines) == 2
    assert lines[1].endswith("…")
    assert label.startswith(lines[0])


def test_two_charts_on_one_page_have_distinct_ids():
    first = parse(bar_chart_svg([("a", 1)], "Một"))
    second = parse(bar_chart_svg([("a", 1)], "Hai"))
    assert first.find(f"{SVG}title").get("id") != second.find(f"{SVG}title").get("id")
