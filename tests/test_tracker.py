"""The public recommendation tracker: filters, counts, charts, CSV, privacy, query budget."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from html import unescape

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from reports.enums import RecommendationStatus as S
from reports.models import Recommendation, SupervisionReportPage
from reports.tracker.queries import filter_recommendations
from tests.conftest import PINNED_TODAY, pinned_travel
from tests.report_factories import (
    address,
    agency,
    body,
    bulk_recommendations,
    field,
    make_draft_report,
    make_report,
    make_report_index,
    make_tracker,
    record_update,
)
from tests.worlds import module_world

pytestmark = pytest.mark.usefixtures("pinned_clock")
TODAY = PINNED_TODAY
PAST = TODAY - timedelta(days=30)
FUTURE = TODAY + timedelta(days=30)
SVG = "{http://www.w3.org/2000/svg}"


def set_fields(report: SupervisionReportPage, *items) -> None:
    through = SupervisionReportPage.fields.through
    through.objects.bulk_create(
        [through(supervisionreportpage_id=report.pk, field_id=item.pk) for item in items]
    )


def build_world() -> dict:
    """Two public reports, a draft and a private one, addressed to a merged agency too."""
    with pinned_travel():  # built on the day the tests read it on
        return _build_world()


def _build_world() -> dict:
    index = make_report_index()
    tracker = make_tracker(index)
    interior = agency("Sở Nội vụ", abbreviation="SNV")
    labour = agency(
        "Sở Lao động - Thương binh và Xã hội",
        abbreviation="Sở LĐ-TB&XH",
        active_until=date(2025, 2, 28),
        successor=interior,
    )
    health = agency("Sở Y tế", abbreviation="SYT")
    social_body = body()
    budget_body = body("Ban Kinh tế - Ngân sách", "Ban KT-NS")
    social, medical = field(), field("Y tế", "y-te")

    first = make_report(
        index,
        title="Giám sát chính sách trợ giúp xã hội",
        report_date=date(2020, 10, 26),
        supervising_body=social_body,
        recommendations=[
            {"text": "Rà soát đối tượng bảo trợ", "deadline": PAST},
            {"text": "Tăng mức trợ cấp", "deadline": PAST},
            {"text": "Đào tạo cán bộ", "deadline": FUTURE},
        ],
    )
    second = make_report(
        index,
        title="Giám sát đầu tư y tế cơ sở",
        report_date=date(2022, 5, 10),
        supervising_body=budget_body,
        recommendations=[
            {"text": "Đầu tư trạm y tế", "deadline": PAST, "is_priority": True},
            {"text": "Kiện toàn nhân lực"},
        ],
    )
    set_fields(first, social)
    set_fields(second, medical)
    make_draft_report(
        index,
        title="Báo cáo bản nháp",
        report_date=date(2022, 6, 1),
        recommendations=[{"text": "Kiến nghị bản nháp"}],
    )
    private = make_report(
        index,
        title="Báo cáo mật",
        report_date=date(2022, 7, 1),
        recommendations=[{"text": "Kiến nghị nội bộ", "deadline": PAST}],
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    recs = {r.text: r for r in Recommendation.objects.all()}
    address(recs["Rà soát đối tượng bảo trợ"], labour)
    address(recs["Tăng mức trợ cấp"], health)
    address(recs["Đào tạo cán bộ"], interior)
    address(recs["Đầu tư trạm y tế"], health)
    address(recs["Kiện toàn nhân lực"], interior, health)
    address(recs["Kiến nghị bản nháp"], health)
    address(recs["Kiến nghị nội bộ"], health)
    record_update(recs["Tăng mức trợ cấp"], S.DONE, PAST + timedelta(days=5))
    record_update(recs["Đào tạo cán bộ"], S.IN_PROGRESS, PAST + timedelta(days=2))
    record_update(recs["Đầu tư trạm y tế"], S.PARTLY_DONE, PAST + timedelta(days=3))
    return {
        "tracker": tracker,
        "interior": interior,
        "labour": labour,
        "health": health,
        "social_body": social_body,
        "budget_body": budget_body,
        "first": first,
    }


# Built once for the module: its tests only read it (what one writes is rolled back).
site_world, site = module_world(build_world, "site")


ALL_PUBLIC = {
    "Rà soát đối tượng bảo trợ",
    "Tăng mức trợ cấp",
    "Đào tạo cán bộ",
    "Đầu tư trạm y tế",
    "Kiện toàn nhân lực",
}


def listed(response) -> list[str]:
    html = response.content.decode()
    return [unescape(t) for t in re.findall(r'class="tracker-item__text">(.*?)</p>', html)]


def get(client, tracker, query: str = ""):
    response = client.get(tracker.url + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return response


def test_tracker_lists_every_public_recommendation_and_nothing_private(client, site):
    response = get(client, site["tracker"])
    assert set(listed(response)) == ALL_PUBLIC
    html = response.content.decode()
    assert "Kiến nghị bản nháp" not in html
    assert "Kiến nghị nội bộ" not in html
    assert "Báo cáo mật" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=da-thuc-hien", {"Tăng mức trợ cấp"}),
        ("status=thuc-hien-mot-phan", {"Đầu tư trạm y tế"}),
        ("agency={health}", {"Tăng mức trợ cấp", "Đầu tư trạm y tế", "Kiện toàn nhân lực"}),
        # The merged department's recommendation is carried over to its successor.
        (
            "agency={interior}",
            {"Rà soát đối tượng bảo trợ", "Đào tạo cán bộ", "Kiện toàn nhân lực"},
        ),
        ("body={budget_body}", {"Đầu tư trạm y tế", "Kiện toàn nhân lực"}),
        ("field=y-te", {"Đầu tư trạm y tế", "Kiện toàn nhân lực"}),
        ("year=2020", {"Rà soát đối tượng bảo trợ", "Tăng mức trợ cấp", "Đào tạo cán bộ"}),
        ("overdue=1", {"Rà soát đối tượng bảo trợ", "Đầu tư trạm y tế"}),
        ("overdue=0", {"Tăng mức trợ cấp", "Đào tạo cán bộ", "Kiện toàn nhân lực"}),
        ("agency={health}&overdue=1", {"Đầu tư trạm y tế"}),
        ("agency={interior}&year=2020&status=chua-thuc-hien", {"Rà soát đối tượng bảo trợ"}),
        ("body={social_body}&field=y-te", set()),
    ],
)
def test_each_filter_and_combinations(client, site, query, expected):
    ids = {key: site[key].pk for key in ("health", "interior", "budget_body", "social_body")}
    response = get(client, site["tracker"], query.format(**ids))
    assert set(listed(response)) == expected
    if not expected:
        assert "Không có kiến nghị nào phù hợp" in response.content.decode()


def test_filtering_by_the_old_agency_finds_its_own_recommendation_only(site):
    queryset, cleaned, _ = filter_recommendations({"agency": str(site["labour"].pk)})
    # Not what Sở Nội vụ received after the merger: the old department did not inherit it.
    assert {r.text for r in queryset} == {"Rà soát đối tượng bảo trợ"}
    assert cleaned.agency == site["labour"].pk


def test_the_form_keeps_the_chosen_filters_selected(client, site):
    html = get(client, site["tracker"], f"status=da-thuc-hien&agency={site['health'].pk}")
    html = html.content.decode()
    assert '<option value="da-thuc-hien" selected>' in html
    assert f'<option value="{site["health"].pk}" selected>' in html
    assert 'method="get"' in html  # works without JavaScript, bookmarkable


def test_rows_show_what_a_reader_needs(client, site):
    html = get(client, site["tracker"]).content.decode()
    items = dict(
        (unescape(re.search(r'tracker-item__text">(.*?)</p>', item).group(1)), item)
        for item in re.findall(
            r'<li class="tracker-item.*?</li>\s*(?=<li class="tracker-item|</ol>)', html, re.S
        )
    )
    overdue = items["Rà soát đối tượng bảo trợ"]
    assert "Quá hạn" in overdue
    assert "nay là Sở Nội vụ" in overdue
    assert site["first"].url in overdue
    assert "Ban Văn hóa - Xã hội" in overdue
    assert PAST.strftime("%d/%m/%Y") in overdue
    done = items["Tăng mức trợ cấp"]
    assert "Đã thực hiện" in done
    assert (PAST + timedelta(days=5)).strftime("%d/%m/%Y") in done
    assert "flag--overdue" not in done
    assert "Ưu tiên" in items["Đầu tư trạm y tế"]
    assert "Ưu tiên" not in done


def test_counts_per_status_and_per_agency(client, site):
    html = get(client, site["tracker"]).content.decode()
    numbers = dict(re.findall(r'data-status="([a-z-]+)">(\d+)<', html))
    assert numbers[S.NOT_STARTED] == "2"
    assert numbers[S.DONE] == "1"
    assert numbers[S.IN_PROGRESS] == "1"
    assert numbers[S.PARTLY_DONE] == "1"
    assert numbers[S.OBSOLETE] == "0"
    assert "<strong>5</strong> kiến nghị, trong đó <strong>2</strong> kiến nghị quá hạn" in html

    def agency_row(agency_obj):
        match = re.search(rf'<tr data-agency="{agency_obj.pk}">(.*?)</tr>', html, re.S)
        assert match, agency_obj.name
        return re.findall(r'<td class="num[^"]*">(\d+)</td>', match.group(1))

    # total, done, in progress (incl. partly done), overdue
    assert agency_row(site["interior"]) == ["3", "0", "1", "1"]
    assert agency_row(site["health"]) == ["3", "1", "1", "1"]
    assert f'data-agency="{site["labour"].pk}"' not in html  # counted under its successor


def test_counts_follow_the_filter(site):
    _, _, counts = filter_recommendations({"year": "2022"})
    assert counts.total == 2
    assert counts.overdue == 1
    assert {row.agency.name: row.total for row in counts.by_agency} == {
        "Sở Y tế": 2,
        "Sở Nội vụ": 1,
    }


def test_charts_are_inline_svg_with_accessible_names(client, site):
    html = get(client, site["tracker"]).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "<script" not in main  # the charts need no JavaScript
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 2
    titles = []
    for markup in svgs:
        root = ET.fromstring(markup)
        assert root.get("role") == "img"
        titles.append(root.find(f"{SVG}title").text)
        labels = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
        assert labels.strip()
    assert titles == [
        "Số kiến nghị theo tình trạng thực hiện",
        "Cơ quan có nhiều kiến nghị quá hạn nhất",
    ]
    status_svg = ET.fromstring(svgs[0])
    text = " ".join("".join(t.itertext()) for t in status_svg.iter(f"{SVG}text"))
    assert "Chưa thực hiện" in text and "Đã thực hiện" in text


def read_csv(response) -> tuple[str, list[list[str]]]:
    assert response.status_code == 200
    assert response.streaming
    raw = b"".join(response.streaming_content).decode("utf-8")
    return raw, list(csv.reader(io.StringIO(raw.removeprefix("\ufeff"))))


def test_csv_export_of_the_current_filter(client, site):
    response = client.get(site["tracker"].url + "csv/")
    raw, rows = read_csv(response)
    assert raw.startswith("\ufeff")
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="kien-nghi-{TODAY:%Y-%m-%d}.csv"' in response["Content-Disposition"]
    header, body_rows = rows[0], rows[1:]
    assert header[1:3] == ["Nội dung kiến nghị", "Báo cáo giám sát"]
    assert "Cơ quan được kiến nghị" in header and "Quá hạn" in header
    assert {row[1] for row in body_rows} == ALL_PUBLIC
    by_text = {row[1]: dict(zip(header, row, strict=True)) for row in body_rows}
    overdue = by_text["Rà soát đối tượng bảo trợ"]
    assert overdue["Quá hạn"] == "Có"
    assert overdue["Cơ quan được kiến nghị"] == (
        "Sở Lao động - Thương binh và Xã hội (nay là Sở Nội vụ)"
    )
    assert overdue["Cơ quan giám sát"] == "Ban Văn hóa - Xã hội"
    assert overdue["Thời hạn"] == PAST.strftime("%d/%m/%Y")
    assert overdue["Đường dẫn báo cáo"] == "http://localhost" + site["first"].url
    done = by_text["Tăng mức trợ cấp"]
    assert done["Tình trạng"] == "Đã thực hiện"
    assert done["Ngày cập nhật tình trạng"] == (PAST + timedelta(days=5)).strftime("%d/%m/%Y")
    assert done["Quá hạn"] == "Không"

    _, filtered = read_csv(client.get(site["tracker"].url + "csv/?overdue=1"))
    assert {row[1] for row in filtered[1:]} == {"Rà soát đối tượng bảo trợ", "Đầu tư trạm y tế"}


def test_csv_never_contains_draft_or_private_reports(client, site):
    raw, _ = read_csv(client.get(site["tracker"].url + f"csv/?agency={site['health'].pk}"))
    assert "Kiến nghị bản nháp" not in raw
    assert "Kiến nghị nội bộ" not in raw
    assert "Báo cáo mật" not in raw


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_quoted(client, site):
    """OWASP CSV injection: text typed by an editor must open as text, not as a formula."""
    texts = ['=HYPERLINK("http://x.example","Bấm")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1"]
    for text in texts:
        Recommendation.objects.create(report=site["first"], text=text)
    SupervisionReportPage.objects.filter(pk=site["first"].pk).update(title="=1+2")
    _, rows = read_csv(client.get(site["tracker"].url + "csv/"))
    cells = {row[1]: row for row in rows[1:]}
    for text in texts:
        assert cells["'" + text][2] == "'=1+2"
    assert cells['\'=HYPERLINK("http://x.example","Bấm")']
    # Ordinary text and the row numbers are left as they were.
    assert cells["Tăng mức trợ cấp"][2] == "'=1+2"
    assert all(row[0].isdigit() for row in rows[1:])
    assert "Rà soát đối tượng bảo trợ" in cells


def test_the_page_links_to_the_csv_of_the_same_filter(client, site):
    html = get(client, site["tracker"], "overdue=1&year=2020").content.decode()
    assert f'href="{site["tracker"].url}csv/?year=2020&amp;overdue=1"' in html


@pytest.mark.parametrize(
    "query",
    [
        "status=xyz&agency=abc&body=-5&field=y%20t%E1%BA%BF&year=99999&overdue=maybe",
        "agency=-1&year=abc&page=abc",
        "page=99999",
        "status=" + "x" * 5000,
        "agency=1e9&body=%00&year=2020.5",
    ],
)
def test_invalid_parameters_are_ignored_with_a_note(client, site, query):
    response = get(client, site["tracker"], query)
    assert set(listed(response)) == ALL_PUBLIC
    html = response.content.decode()
    if "page=" not in query or "status" in query or "agency" in query:
        assert "Bộ lọc này được bỏ qua." in html
    csv_response = client.get(site["tracker"].url + "csv/?" + query)
    assert csv_response.status_code == 200


def test_invalid_values_are_explained_in_vietnamese(client, site):
    html = get(client, site["tracker"], "status=xyz&year=abc&overdue=2").content.decode()
    assert "Tình trạng kiến nghị “xyz” không hợp lệ" in html
    assert "Năm “abc” không hợp lệ: phải là năm từ 1900 đến 2100." in html
    assert "chỉ nhận 1 hoặc 0" in html


def test_overdue_also_reads_true_and_false(client, site):
    assert listed(get(client, site["tracker"], "overdue=true")) == listed(
        get(client, site["tracker"], "overdue=1")
    )
    assert set(listed(get(client, site["tracker"], "overdue=false"))) == {
        "Tăng mức trợ cấp",
        "Đào tạo cán bộ",
        "Kiện toàn nhân lực",
    }


def test_a_well_formed_id_that_matches_nothing_is_an_empty_list_not_an_error(client, site):
    response = get(client, site["tracker"], "body=999999&field=khong-co")
    html = response.content.decode()
    assert listed(response) == []
    assert "Không có kiến nghị nào phù hợp" in html
    assert "bỏ qua" not in html


def test_pagination_keeps_the_filter(client, site):
    report = site["first"]
    bulk_recommendations(report, 120, addressees=[site["health"]], deadline=PAST)
    first_page = get(client, site["tracker"], "overdue=1")
    assert len(listed(first_page)) == 50
    html = first_page.content.decode()
    assert "Hiển thị 1–50 trong tổng số 122 kiến nghị." in html
    assert '?overdue=1&amp;page=2"' in html
    last = get(client, site["tracker"], "overdue=1&page=3")
    assert len(listed(last)) == 22
    beyond = get(client, site["tracker"], "overdue=1&page=50")
    assert listed(beyond) == listed(last)  # out of range shows the last page, not an error


def test_only_editors_see_update_links(client, site):
    anonymous = get(client, site["tracker"]).content.decode()
    assert "Cập nhật tình trạng" not in anonymous
    assert "/admin/" not in anonymous

    reader = User.objects.create_user("bandoc", password="x")
    client.force_login(reader)
    assert "Cập nhật tình trạng" not in get(client, site["tracker"]).content.decode()

    editor = User.objects.create_user("bientap", password="x")
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    client.force_login(editor)
    response = get(client, site["tracker"])
    html = response.content.decode()
    assert html.count("Cập nhật tình trạng") == 5
    assert "/admin/theo-doi-kien-nghi/" in html
    assert "private" in response["Cache-Control"]


def page_queries(client, url: str) -> list[str]:
    # Warm per-process caches; the very first request also creates the site's settings row.
    for _ in range(2):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200
    return [query["sql"][:120] for query in queries]


def grow(site, reports: int, per_report: int, agencies: int) -> None:
    index = site["tracker"].get_parent().specific
    extra = [
        agency(f"Ủy ban nhân dân xã {n}", abbreviation=f"UBND xã {n}") for n in range(agencies)
    ]
    for n in range(reports):
        report = make_report(index, title=f"Báo cáo {n}", report_date=date(2018 + n % 6, 3, 1 + n))
        bulk_recommendations(
            report,
            per_report,
            addressees=[extra[n % agencies], site["health"]],
            deadline=lambda i: PAST if i % 3 else FUTURE,
            status=lambda i: [S.NOT_STARTED, S.IN_PROGRESS, S.DONE][i % 3],
            is_priority=lambda i: i % 7 == 0,
        )


def test_query_count_stays_flat_as_recommendations_grow(client, site):
    url = site["tracker"].url
    filtered = url + f"?agency={site['interior'].pk}&overdue=1"
    small, filtered_small = page_queries(client, url), page_queries(client, filtered)
    grow(site, reports=6, per_report=200, agencies=8)  # 5 → 1,205 recommendations
    large, filtered_large = page_queries(client, url), page_queries(client, filtered)
    assert len(large) == len(small), "\n".join(large)
    assert len(filtered_large) == len(filtered_small), "\n".join(filtered_large)
    assert len(large) <= 20
    assert len(page_queries(client, url + "?page=10")) == len(large)


def test_csv_streams_a_large_export_in_a_few_queries(client, site):
    bulk_recommendations(site["first"], 1200, addressees=[site["labour"], site["health"]])
    response = client.get(site["tracker"].url + "csv/")
    assert response.streaming
    with CaptureQueriesContext(connection) as queries:
        chunks = list(response.streaming_content)
    assert len(chunks) > 1000  # written row by row, never built whole in memory
    rows = list(csv.reader(io.StringIO(b"".join(chunks).decode("utf-8").removeprefix("\ufeff"))))
    assert len(rows) == 1 + 5 + 1200
    assert rows[-1][0] == str(1205)
    # One read of the rows, one addressee query per 500 rows, the agency list.
    assert len(queries) <= 8


def contrast(foreground: str, background: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_tracker_stylesheet_is_local_and_status_badges_are_readable(client, site):
    from django.conf import settings

    html = get(client, site["tracker"]).content.decode()
    assert '<link rel="stylesheet" href="/static/css/tracker.css">' in html
    css = (settings.BASE_DIR / "site" / "static" / "css" / "tracker.css").read_text()
    code = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    assert not re.search(r"https?://|@import", code)
    badges = re.findall(
        r"\.status-badge(?:--[a-z-]+)?\s*{\s*color:\s*(#[0-9a-f]{6});\s*background:\s*(#[0-9a-f]{6});",
        code,
    )
    assert len(badges) == 1 + len(S.values) - 1  # the default (not started) and five more
    for foreground, background in badges:
        assert contrast(foreground, background) >= 4.5, (foreground, background)
