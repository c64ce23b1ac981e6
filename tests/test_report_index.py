"""The public list of supervision reports: filters, counts, sorting, pages, privacy."""

import re
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import urlencode
from wagtail.models import PageViewRestriction

from news.models import PortalSettings
from reports.enums import RecommendationStatus, ReportKind, UnitLevel
from reports.models import AdministrativeUnit, Recommendation, ReportIndexPage
from reports.report_list import filter_reports
from tests.factories import home_page
from tests.report_factories import (
    agency,
    body,
    build_report,
    district,
    field,
    make_report_index,
    record_update,
)
from tests.worlds import module_world


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text().split())


def listed(client, index, **params) -> list[str]:
    url = index.url + (f"?{urlencode(params)}" if params else "")
    return [a.get_text() for a in soup(client.get(url)).select(".report-item__title a")]


def options(page: BeautifulSoup, name: str) -> dict[str, str]:
    """Option label → value of one filter select, "Tất cả" left out."""
    select = page.find("select", attrs={"name": name})
    return {text_of(o): o["value"] for o in select.find_all("option") if o["value"]}


def commune(name: str, code: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.create(
        code=code, name=name, unit_type="Xã", level=UnitLevel.COMMUNE, valid_from=date(2025, 7, 1)
    )


def recommendations(*statuses: str) -> list[Recommendation]:
    return [Recommendation(text=f"Kiến nghị {n}") for n, _ in enumerate(statuses)]


def set_statuses(report, *statuses: str) -> None:
    for recommendation, status in zip(
        Recommendation.objects.filter(report=report).order_by("sort_order", "pk"),
        statuses,
        strict=True,
    ):
        if status != RecommendationStatus.NOT_STARTED:
            record_update(recommendation, status, date(2022, 1, 1))


@pytest.fixture
def index(request, home):
    # Tests of the shared catalogue read its list; the others get an empty list of their own.
    if "catalogue" in request.fixturenames:
        return request.getfixturevalue("catalogue")["index"]
    PortalSettings.for_site(home.get_site())
    return make_report_index()


def build_catalogue() -> dict:
    """Four public reports, plus a draft, a restricted one and one under another list."""
    home = home_page()
    PortalSettings.for_site(home.get_site())
    index = make_report_index()
    social, economy = body(), body("Ban Kinh tế - Ngân sách", "Ban KT-NS")
    interior = agency("Sở Nội vụ", abbreviation="SNV")
    labour = agency(
        "Sở Lao động - Thương binh và Xã hội", active_until=date(2025, 2, 28), successor=interior
    )
    health = agency("Sở Y tế", abbreviation="SYT")
    welfare, medicine = field(), field("Y tế", "y-te")
    tam_duong, sin_ho = district("Tam Đường", "105"), district("Sìn Hồ", "106")
    binh_lu, son_binh = commune("Xã Bình Lư", "3301"), commune("Xã Sơn Bình", "3302")
    tam_duong.successors.set([binh_lu, son_binh])
    statuses = RecommendationStatus
    reports = {
        "A": build_report(
            index,
            title="Trợ giúp xã hội 2020",
            report_date=date(2020, 10, 26),
            supervising_body=social,
            kind=ReportKind.THEMATIC,
            fields=[welfare],
            agencies=[labour],
            localities=[tam_duong],
            recommendations=recommendations(1, 2, 3),
        ),
        "B": build_report(
            index,
            title="Y tế cơ sở 2021",
            report_date=date(2021, 5, 1),
            supervising_body=social,
            kind=ReportKind.SURVEY,
            fields=[medicine],
            agencies=[health],
            localities=[sin_ho],
            recommendations=recommendations(1),
        ),
        "C": build_report(
            index,
            title="Ngân sách xã 2021",
            report_date=date(2021, 11, 20),
            supervising_body=economy,
            kind=ReportKind.REGULAR,
            agencies=[interior],
            localities=[binh_lu],
            recommendations=recommendations(1),
        ),
        "D": build_report(
            index,
            title="Tái giám sát trợ giúp xã hội 2022",
            report_date=date(2022, 3, 3),
            supervising_body=social,
            kind=ReportKind.RE_INSPECTION,
            fields=[welfare],
            agencies=[interior, health],
        ),
    }
    set_statuses(reports["A"], statuses.DONE, statuses.IN_PROGRESS, statuses.NOT_STARTED)
    set_statuses(reports["B"], statuses.NOT_STARTED)
    set_statuses(reports["C"], statuses.DONE)
    build_report(index, title="Báo cáo nháp 2023", report_date=date(2023, 1, 1), live=False)
    private = build_report(index, title="Báo cáo mật 2023", report_date=date(2023, 2, 2))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    other = ReportIndexPage(title="Danh sách khác", slug="danh-sach-khac")
    home.add_child(instance=other)
    build_report(other, title="Báo cáo ở danh sách khác", report_date=date(2023, 3, 3))
    return {
        **reports,
        "index": index,
        "social": social,
        "economy": economy,
        "interior": interior,
        "labour": labour,
        "health": health,
        "tam_duong": tam_duong,
        "sin_ho": sin_ho,
        "binh_lu": binh_lu,
    }


catalogue_world, catalogue = module_world(build_catalogue, "catalogue")


A, B, C, D = (
    "Trợ giúp xã hội 2020",
    "Y tế cơ sở 2021",
    "Ngân sách xã 2021",
    "Tái giám sát trợ giúp xã hội 2022",
)


def test_lists_live_public_reports_newest_first_or_oldest_first(client, index, catalogue):
    assert listed(client, index) == [D, C, B, A]
    assert listed(client, index, sort="oldest") == [A, B, C, D]
    assert listed(client, index, sort="ngẫu nhiên") == [D, C, B, A]
    page = soup(client.get(index.url))
    assert text_of(page.select_one(".report-results__count")) == "4 báo cáo"
    text = page.get_text()
    for hidden in ("Báo cáo nháp", "Báo cáo mật", "danh sách khác"):
        assert hidden not in text


def test_each_report_shows_its_key_facts(client, index, catalogue):
    page = soup(client.get(index.url))
    item = page.select(".report-item")[-1]
    facts = {text_of(row.dt): text_of(row.dd) for row in item.select(".report-item__facts > div")}
    assert facts == {
        "Cơ quan giám sát": "Ban Văn hóa - Xã hội",
        "Cơ quan được giám sát": "Sở Lao động - Thương binh và Xã hội (nay là Sở Nội vụ)",
        "Ngày": "26/10/2020",
        "Kiến nghị": "3 kiến nghị, đã thực hiện 1",
    }
    assert text_of(item.select_one(".report-item__kind")) == "Giám sát chuyên đề"
    first = page.select(".report-item")[0]
    assert text_of(first.select(".report-item__facts dd")[-1]) == "Không có kiến nghị"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"body": "economy"}, [C]),
        ({"body": "social"}, [D, B, A]),
        ({"year": "2021"}, [C, B]),
        ({"kind": ReportKind.RE_INSPECTION}, [D]),
        ({"field": "bao-tro-xa-hoi"}, [D, A]),
        ({"field": "y-te"}, [B]),
        # Today's department also finds the reports on the department merged into it…
        ({"agency": "interior"}, [D, C, A]),
        # …but the old department does not inherit its successor's later reports.
        ({"agency": "labour"}, [A]),
        ({"agency": "health"}, [D, B]),
        # A new commune finds reports on the district it came from, and the old district
        # finds reports on the communes it became.
        ({"locality": "binh_lu"}, [C, A]),
        ({"locality": "tam_duong"}, [C, A]),
        ({"locality": "sin_ho"}, [B]),
        ({"status": RecommendationStatus.DONE}, [C, A]),
        ({"status": RecommendationStatus.NOT_STARTED}, [B, A]),
        ({"status": RecommendationStatus.OBSOLETE}, []),
        ({"body": "social", "year": "2020"}, [A]),
        ({"body": "social", "status": RecommendationStatus.NOT_STARTED}, [B, A]),
        ({"agency": "interior", "year": "2021"}, [C]),
        ({"field": "bao-tro-xa-hoi", "locality": "tam_duong", "sort": "oldest"}, [A]),
    ],
)
def test_filters(client, index, catalogue, params, expected):
    resolved = {
        key: str(catalogue[value].pk) if value in catalogue else value
        for key, value in params.items()
    }
    assert listed(client, index, **resolved) == expected


def test_filter_form_shows_counts_per_option_that_keep_the_other_filters(client, index, catalogue):
    page = soup(client.get(index.url))
    assert options(page, "body") == {
        "Ban Văn hóa - Xã hội (3)": str(catalogue["social"].pk),
        "Ban Kinh tế - Ngân sách (1)": str(catalogue["economy"].pk),
    }
    assert list(options(page, "year")) == ["2022 (1)", "2021 (2)", "2020 (1)"]  # no draft 2023
    assert "Tái giám sát (1)" in options(page, "kind")
    assert options(page, "status")["Chưa thực hiện (2)"] == RecommendationStatus.NOT_STARTED
    assert "Sở Nội vụ (3)" in options(page, "agency")
    assert "Sở Lao động - Thương binh và Xã hội (nay là Sở Nội vụ) (1)" in options(page, "agency")
    localities = page.find("select", attrs={"name": "locality"})
    groups = {
        g["label"]: [text_of(o) for o in g.find_all("option")] for g in localities("optgroup")
    }
    assert groups["Đơn vị hành chính hiện nay"] == ["Xã Bình Lư (2)", "Xã Sơn Bình (1)"]
    assert "Huyện Tam Đường (đến 30/06/2025) (2)" in groups["Trước sắp xếp"]

    # Choosing a body: the body list keeps its counts (to switch), the others narrow.
    social = str(catalogue["social"].pk)
    page = soup(client.get(f"{index.url}?body={social}"))
    body_select = page.find("select", attrs={"name": "body"})
    assert body_select.find("option", selected=True)["value"] == social
    assert "Ban Kinh tế - Ngân sách (1)" in options(page, "body")
    assert list(options(page, "year")) == ["2022 (1)", "2021 (1)", "2020 (1)"]
    assert "Ngân sách xã" not in page.get_text()
    chips = [text_of(a) for a in page.select(".active-filters a")]
    assert chips == ["Cơ quan giám sát: Ban Văn hóa - Xã hội × (bỏ lọc)"]
    assert page.select_one(".active-filters a")["href"] == index.url


def test_filters_work_as_a_plain_get_form_and_a_bookmarkable_url(client, index, catalogue):
    page = soup(client.get(index.url))
    form = page.select_one("form.report-filters")
    assert form["method"] == "get" and form["action"] == index.url
    assert form.select_one("button[type=submit]")
    names = {select["name"] for select in form.find_all("select")}
    assert names == {"body", "year", "kind", "field", "agency", "locality", "status", "sort"}
    # What the browser sends when a reader picks one year and leaves the rest on "Tất cả".
    query = "body=&year=2021&kind=&field=&agency=&locality=&status=&sort=newest"
    assert [
        a.get_text()
        for a in soup(client.get(f"{index.url}?{query}")).select(".report-item__title a")
    ] == [C, B]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "abc"}, "Năm “abc” không hợp lệ"),
        ({"year": "20"}, "Năm “20” không hợp lệ: phải là năm từ 1900 đến 2100."),
        ({"body": "-1"}, "Mã cơ quan giám sát “-1” không hợp lệ: phải là số nguyên dương."),
        ({"kind": "xyz"}, "Hình thức giám sát “xyz” không hợp lệ"),
        ({"status": "foo"}, "Tình trạng kiến nghị “foo” không hợp lệ"),
        ({"field": "y tế"}, "Mã lĩnh vực “y tế” không hợp lệ"),
        ({"agency": "1e5"}, "Mã cơ quan, đơn vị “1e5” không hợp lệ"),
        ({"locality": "99999999999999999999999"}, "Mã địa bàn"),
        ({"sort": "ngẫu nhiên"}, "Cách sắp xếp “ngẫu nhiên” không hợp lệ"),
        ({"year": "<script>"}, "Năm “<script>” không hợp lệ"),
    ],
)
def test_invalid_filter_values_are_ignored_with_a_vietnamese_note(
    client, index, catalogue, params, message
):
    response = client.get(f"{index.url}?{urlencode(params)}")
    page = soup(response)
    note = text_of(page.select_one(".filter-note--warning"))
    assert message in note and "Bộ lọc này được bỏ qua." in note
    assert b"<script>" not in response.content.split(b"</header>", 1)[1]
    assert [a.get_text() for a in page.select(".report-item__title a")] == [D, C, B, A]


@pytest.mark.parametrize(
    "params",
    [{"body": "999999"}, {"agency": "999999"}, {"locality": "999999"}, {"field": "khong-co"}],
)
def test_a_well_formed_value_that_matches_nothing_is_an_empty_list_not_an_error(
    client, index, catalogue, params
):
    page = soup(client.get(f"{index.url}?{urlencode(params)}"))
    assert not page.select_one(".filter-note--warning")
    assert not page.select(".report-item")
    assert "Không có báo cáo nào phù hợp" in text_of(page.select_one(".empty"))


def test_a_filter_that_matches_nothing_says_so(client, index, catalogue):
    page = soup(client.get(f"{index.url}?year=2019"))
    assert text_of(page.select_one(".empty")) == (
        "Không có báo cáo nào phù hợp với bộ lọc đã chọn. Xem tất cả báo cáo"
    )


def test_pagination_twenty_a_page_keeps_filters_and_refuses_pages_past_the_end(client, index):
    social = body()
    for n in range(41):
        when = date(2000 + n % 20, 1 + n % 12, 1 + n % 28)
        build_report(index, title=f"Báo cáo số {n:02d}", report_date=when)
    build_report(index, title="Báo cáo ban khác", supervising_body=body("Ban Pháp chế", "Ban PC"))
    first = soup(client.get(f"{index.url}?body={social.pk}"))
    assert len(first.select(".report-item")) == 20
    assert text_of(first.select_one(".report-results__count")) == "41 báo cáo phù hợp"
    links = [a["href"] for a in first.select("nav.pagination a")]
    assert f"?body={social.pk}&page=2" in links and f"?body={social.pk}&page=3" in links
    third = soup(client.get(f"{index.url}?body={social.pk}&page=3"))
    assert len(third.select(".report-item")) == 1
    assert third.select_one('nav.pagination [aria-current="page"]').get_text() == "3"
    junk = soup(client.get(f"{index.url}?page=abc"))
    assert junk.select_one('nav.pagination [aria-current="page"]').get_text() == "1"
    assert client.get(f"{index.url}?page=-2").status_code == 200
    assert client.get(f"{index.url}?body={social.pk}&page=4").status_code == 404
    # Filtered and later pages stay out of search engines; page 1 unfiltered is indexed.
    assert third.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    assert not soup(client.get(index.url)).find("meta", attrs={"name": "robots"})


def test_filter_reports_takes_a_plain_dict_for_the_api(index, catalogue):
    result = filter_reports({"year": "2021", "status": "foo", "sort": "oldest"})
    assert [r.title for r in result.queryset] == [B, C]
    assert result.filters == {"year": 2021}
    assert set(result.errors) == {"status"}
    assert result.sort == "oldest"
    # Without `within`, every public report of the site counts, whichever list holds it.
    years = {o.value: o.count for o in result.facets["year"]}
    assert years == {"2023": 1, "2022": 1, "2021": 2, "2020": 1}
    counts = {r.title: (r.recommendation_count, r.done_count) for r in result.queryset}
    assert counts == {B: (1, 0), C: (1, 1)}
    assert filter_reports({"kind": ["khao-sat"]}, with_facets=False).facets == {}
    assert [r.title for r in filter_reports({"kind": ["khao-sat"]}).queryset] == [B]


# ---------------------------------------------------------------- query count


def count_queries(client, url: str) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_query_count_does_not_grow_with_the_reports(client, index, catalogue):
    urls = [
        index.url,
        f"{index.url}?body={catalogue['social'].pk}&agency={catalogue['interior'].pk}"
        f"&locality={catalogue['binh_lu'].pk}&status=da-thuc-hien&year=2020",
    ]
    small = [count_queries(client, url) for url in urls]
    assert soup(client.get(urls[1])).select(".report-item")  # the filtered list is not empty
    interior, health = catalogue["interior"], catalogue["health"]
    for n in range(12):
        report = build_report(
            index,
            title=f"Báo cáo thêm {n}",
            report_date=date(2010 + n % 12, 6, 1),
            supervising_body=catalogue["social"],
            fields=[field(f"Lĩnh vực {n % 5}", f"linh-vuc-{n % 5}")],
            agencies=[interior, health, agency(f"Cơ quan {n}", abbreviation=f"CQ{n}")],
            localities=[catalogue["binh_lu"], district(f"Huyện {n}", f"9{n}")],
            recommendations=recommendations(1, 2),
        )
        set_statuses(report, RecommendationStatus.DONE, RecommendationStatus.IN_PROGRESS)
    large = [count_queries(client, url) for url in urls]
    print(f"report list queries: small {small}, large {large}")
    assert all(count <= 20 for count in large), large
    assert large == small
    assert re.search(r"\d+ báo cáo", soup(client.get(index.url)).get_text())


def test_reference_changes_show_at_once_in_the_filter_form(client, index, catalogue):
    client.get(index.url)  # fill the cache
    health = catalogue["health"]
    health.name = "Sở Y tế tỉnh Lai Châu"
    health.save()
    new_body = body("Tổ đại biểu huyện Tam Đường", "Tổ TĐ")
    build_report(index, title="Báo cáo của tổ", supervising_body=new_body)
    page = soup(client.get(index.url))
    assert "Sở Y tế tỉnh Lai Châu (2)" in options(page, "agency")
    assert "Tổ đại biểu huyện Tam Đường (1)" in options(page, "body")
