"""Report and tracker charts in a real Chromium at 360 and 1280 px: every label and value
is drawn inside the chart's box, readable, and visible without scrolling sideways."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.browser.conftest import launched_chromium
from tests.browser.test_accessibility import ensure_home_page, open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = [360, 1280]
MIN_FONT_PX = 11  # smallest text a chart may show on screen

# For each chart: text boxes (getBBox, user units) against the viewBox, on-screen text
# boxes against the chart's visible box (a scrolling container would hide them), and the
# on-screen font size of each text.
MEASURE = """() => [...document.querySelectorAll('svg.bar-chart')].map((svg) => {
  const vb = svg.viewBox.baseVal;
  const box = svg.getBoundingClientRect();
  const scale = box.width / vb.width;
  let frame = svg.parentElement;
  while (frame && getComputedStyle(frame).overflowX === 'visible') frame = frame.parentElement;
  const shown = frame ? frame.getBoundingClientRect() : {left: 0, right: innerWidth};
  return [...svg.querySelectorAll('text')].map((text) => {
    const b = text.getBBox();
    const r = text.getBoundingClientRect();
    return {
      text: text.textContent,
      outside: b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5
        || b.y + b.height > vb.y + vb.height + 0.5,
      hidden: r.left < Math.max(0, shown.left) - 0.5
        || r.right > Math.min(innerWidth, shown.right) + 0.5,
      font: parseFloat(getComputedStyle(text).fontSize) * scale,
    };
  });
})"""


def build_pages() -> dict[str, str]:
    from reports.enums import RecommendationStatus
    from reports.models import KeyFigure, Recommendation
    from tests.report_factories import (
        agency,
        build_report,
        make_report_index,
        make_tracker,
        record_update,
    )

    home = ensure_home_page()
    index = make_report_index(home)
    tracker = make_tracker(index)
    long_names = [
        "Ủy ban nhân dân huyện Tam Đường và các xã vùng cao biên giới",
        "Sở Nông nghiệp và Môi trường tỉnh Lai Châu (sau hợp nhất)",
        "Sở Giáo dục và Đào tạo",
    ]
    agencies = [agency(name, abbreviation=f"CQ{n}") for n, name in enumerate(long_names)]
    recommendations = [
        Recommendation(
            text=f"Kiến nghị {n}", deadline=date(2020, 1, 1), addressees=[agencies[n % 3]]
        )
        for n in range(12)
    ]
    report = build_report(
        index,
        title="Giám sát hỗ trợ nhà ở cho hộ nghèo",
        figures=[
            KeyFigure(
                label="Số hộ nghèo, cận nghèo được hỗ trợ xây mới và sửa chữa nhà ở kiên cố",
                value=Decimal("1234567.25"),
                unit="hộ gia đình",
            ),
            KeyFigure(label="Hộ chưa được hỗ trợ", value=Decimal("-35"), unit="hộ gia đình"),
            KeyFigure(label="Kinh phí", value=Decimal("98"), unit="hộ gia đình"),
        ],
        recommendations=recommendations,
    )
    statuses = list(RecommendationStatus.values)
    for n, recommendation in enumerate(report.recommendations.order_by("pk")):
        record_update(recommendation, statuses[n % len(statuses)], date(2021, 1, 1))
    return {"report": report.url, "tracker": tracker.url}


@pytest.fixture
def chart_urls(live_server) -> dict[str, str]:
    return {name: live_server.url + url for name, url in build_pages().items()}


@pytest.mark.parametrize("width", WIDTHS)
def test_chart_text_stays_inside_the_chart_and_on_screen(chromium_executable, chart_urls, width):
    with launched_chromium(chromium_executable) as browser:
        for name in ("report", "tracker"):
            page = open_page(browser, chart_urls[name], width)
            try:
                charts = page.evaluate(MEASURE)
                assert len(charts) == (1 if name == "report" else 2), (name, len(charts))
                for texts in charts:
                    assert texts, name
                    clipped = [t["text"] for t in texts if t["outside"]]
                    assert not clipped, (name, width, "outside the viewBox", clipped)
                    hidden = [t["text"] for t in texts if t["hidden"]]
                    assert not hidden, (name, width, "scrolled out of sight", hidden)
                    small = [(t["text"], round(t["font"], 1)) for t in texts]
                    small = [item for item in small if item[1] < MIN_FONT_PX]
                    assert not small, (name, width, "too small", small)
                assert page.evaluate("() => document.documentElement.scrollWidth") <= width
            finally:
                page.context.close()
