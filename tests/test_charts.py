"""The server-side SVG bar chart and the Vietnamese number format it shares with pages."""

from decimal import Decimal
from xml.etree import ElementTree

import pytest

from reports.charts import bar_chart_svg, format_number

SVG = "{http://www.w3.org/2000/svg}"
# Generous glyph widths in ems (DejaVu Sans, Be Vietnam Pro; values are bold): text that
# fits by these fits in any common font. The browser test measures the real thing.
LABEL_EM = 0.62
VALUE_EM = 0.7


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


def test_long_labels_wrap_above_their_bar_and_keep_every_word():
    label = "Số hộ nghèo, cận nghèo được hỗ trợ nhà ở theo chương trình mục tiêu quốc gia"
    root = parse(bar_chart_svg([(label, 3)], "Nhà ở"))
    lines = [t.text for t in root.find(f".//{SVG}text").iter(f"{SVG}tspan")]
    assert 2 <= len(lines) <= 3
    assert " ".join(lines) == label  # nothing cut: "5 kiến n…" was the bug
    bar = bars(root)[0]
    last_line_y = max(float(t.get("y")) for t in root.iter(f"{SVG}tspan"))
    assert float(bar.get("y")) > last_line_y  # the bar sits under its label


def test_a_label_too_long_for_three_lines_is_shortened_with_an_ellipsis():
    label = " ".join(["Ủy ban nhân dân huyện Tam Đường"] * 8)
    lines = [t.text for t in parse(bar_chart_svg([(label, 3)], "Dài")).iter(f"{SVG}tspan")]
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert label.startswith(" ".join(lines)[:-1].rstrip())


def _estimated_right_edges(root: ElementTree.Element) -> list[tuple[str, float]]:
    """Each text's right edge, by the chart's own (generous) glyph width estimate."""
    font = float(root.get("font-size"))
    edges = []
    for node in root.iter(f"{SVG}text"):
        value = "bar-chart__value" in node.get("class", "")
        for part in [node, *node.iter(f"{SVG}tspan")]:
            if part.text and part.get("x"):
                em = VALUE_EM if value else LABEL_EM
                edges.append((part.text, float(part.get("x")) + len(part.text) * font * em))
    return edges


@pytest.mark.parametrize(
    ("rows", "unit"),
    [
        ([("Chưa thực hiện", 5), ("Đã thực hiện", 12), ("Không còn phù hợp", 1)], "kiến nghị"),
        ([("Sở Nông nghiệp và Môi trường tỉnh Lai Châu (sau hợp nhất)", 7)], "kiến nghị"),
        ([("Kinh phí", Decimal("1234567.25")), ("Nợ", Decimal("-35"))], "triệu đồng"),
        ([("Hộ được hỗ trợ nhà ở", Decimal("1E+40"))], "hộ gia đình dân tộc thiểu số"),
        ([("Tỷ lệ", Decimal("99.5"))], ""),
    ],
)
def test_every_label_and_value_fits_inside_the_viewbox(rows, unit):
    root = parse(bar_chart_svg(rows, "Biểu đồ", unit))
    _, _, width, height = (float(n) for n in root.get("viewBox").split())
    assert width <= 320  # drawn near its own size in a 360 px phone's column
    for text, right in _estimated_right_edges(root):
        assert right <= width, (text, right, width)
    for node in root.iter(f"{SVG}tspan"):
        assert 0 < float(node.get("y")) <= height
    values = [t for t in root.iter(f"{SVG}text") if "bar-chart__value" in t.get("class")]
    assert all(0 < float(t.get("y")) <= height for t in values)


def test_font_size_sets_the_layout():
    label = "Ủy ban nhân dân huyện Tam Đường và các xã vùng cao biên giới"
    small = parse(bar_chart_svg([(label, 3)], "Nhỏ", font_size=12))
    large = parse(bar_chart_svg([(label, 3)], "Lớn", font_size=16))
    assert large.get("font-size") == "16"
    assert len(list(large.iter(f"{SVG}tspan"))) > len(list(small.iter(f"{SVG}tspan")))
    for root in (small, large):
        width = float(root.get("viewBox").split()[2])
        assert all(right <= width for _, right in _estimated_right_edges(root))


def test_two_charts_on_one_page_have_distinct_ids():
    first = parse(bar_chart_svg([("a", 1)], "Một"))
    second = parse(bar_chart_svg([("a", 1)], "Hai"))
    assert first.find(f"{SVG}title").get("id") != second.find(f"{SVG}title").get("id")
