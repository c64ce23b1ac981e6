"""The open-data API as a client sees it: shapes, filters, paging, privacy, errors, cost."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from reports.enums import DocumentRole, RecommendationStatus, ReportKind
from reports.models import (
    AdministrativeUnit,
    LegalBasis,
    RecommendationReview,
    ReportDocument,
    ReportIndexPage,
    WorkingSession,
)
from tests.conftest import PINNED_TODAY, pinned_travel
from tests.factories import make_article
from tests.report_factories import (
    agency,
    body,
    district,
    field,
    make_report,
    make_report_index,
    person,
    record_update,
)
from tests.worlds import module_world

API = "/api/v1"
pytestmark = pytest.mark.usefixtures("pinned_clock")
TODAY = PINNED_TODAY
PAST = TODAY - timedelta(days=30)
FUTURE = TODAY + timedelta(days=30)


def set_addressees(recommendation, agencies) -> None:
    # Written straight to the database: make_report sets addressees on copies of the
    # recommendations that it never saves, so they are lost.
    recommendation.addressees.set(agencies)
    recommendation.addressees.commit()


def get(client, path: str, **params):
    response = client.get(API + path, params)
    return response, response.json()


def ids(payload) -> list[int]:
    return [item["id"] for item in payload["items"]]


@pytest.fixture
def index(request, home) -> ReportIndexPage:
    # Tests of the shared site read its list; the others get an empty list of their own.
    if "site" in request.fixturenames:
        return request.getfixturevalue("site")["index"]
    return make_report_index()


def build_site() -> dict:
    """Four public reports across bodies, years, kinds and agencies, plus their graph."""
    with pinned_travel():  # built on the day the tests read it on
        return _build_site(make_report_index())


def _build_site(index: ReportIndexPage) -> dict:
    culture, economy = body(), body("Ban Kinh tế - Ngân sách", "Ban KT-NS")
    interior = agency("Sở Nội vụ", abbreviation="SNV")
    labour = agency(active_until=date(2025, 2, 28), successor=interior)
    finance = agency("Sở Tài chính", abbreviation="STC")
    tam_duong, sin_ho = district("Tam Đường", "105"), district("Sìn Hồ", "106")
    # The district was abolished on 1 July 2025; the commune named after it took over.
    new_commune = AdministrativeUnit.objects.create(
        code="03460", name="Xã Tam Đường", unit_type="Xã", level="xa", valid_from=date(2025, 7, 1)
    )
    tam_duong.successors.add(new_commune)
    welfare, budget = field(), field("Ngân sách", "ngan-sach")
    social = make_report(
        index,
        title="Giám sát chính sách trợ giúp xã hội",
        report_date=date(2020, 10, 26),
        supervising_body=culture,
        agencies=[labour],
        localities=[tam_duong],
        fields=[welfare],
        figures=[("Kinh phí chi trả", "1234567.8900", "đồng"), ("Tỷ lệ hộ nghèo", "0.0625", "%")],
        recommendations=[
            {"text": "Rà soát đối tượng bảo trợ", "deadline": PAST},
            {"text": "Tái kiểm tra cơ sở", "deadline": FUTURE, "is_priority": True},
        ],
        sessions=[WorkingSession(held_on=date(2020, 10, 20), place="Tam Đường")],
    )
    spending = make_report(
        index,
        title="Khảo sát chi thường xuyên",
        report_date=date(2022, 4, 5),
        kind=ReportKind.SURVEY,
        supervising_body=economy,
        agencies=[finance],
        localities=[sin_ho],
        fields=[budget],
        recommendations=[{"text": "Tiết kiệm chi", "deadline": PAST}],
    )
    staffing = make_report(
        index,
        title="Giám sát biên chế",
        report_date=date(2025, 9, 1),
        supervising_body=culture,
        agencies=[interior],
    )
    undated = make_report(index, title="Báo cáo chưa ghi ngày", report_date=None)
    done = spending.recommendations.get()
    record_update(done, RecommendationStatus.DONE, date(2022, 12, 1))
    set_addressees(social.recommendations.get(text="Rà soát đối tượng bảo trợ"), [labour])
    set_addressees(done, [finance])
    return {
        "index": index,
        "social": social,
        "spending": spending,
        "staffing": staffing,
        "undated": undated,
        "culture": culture,
        "economy": economy,
        "interior": interior,
        "labour": labour,
        "finance": finance,
        "tam_duong": tam_duong,
        "new_commune": new_commune,
        "welfare": welfare,
    }


# Built once for the module: its tests only read it (what one writes is rolled back).
site_world, site = module_world(build_site, "site")


def test_report_list_item_has_every_structured_part(client, site):
    response, payload = get(client, "/reports/", year=2020)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert payload["count"] == 1 and payload["page"] == 1 and payload["page_size"] == 20
    item = payload["items"][0]
    assert item["url"].startswith("http") and item["url"].endswith(
        "/bao-cao-giam-sat/giam-sat-chinh-sach-tro-giup-xa-hoi/"
    )
    assert item["kind"] == {"value": "chuyen-de", "label": "Giám sát chuyên đề"}
    assert item["body"] == {
        "id": site["culture"].pk,
        "name": "Ban Văn hóa - Xã hội",
        "short_name": "Ban VH-XH",
    }
    assert item["dates"] == {
        "report_date": "2020-10-26",
        "period_start": None,
        "period_end": None,
        "sessions": ["2020-10-20"],
    }
    assert item["agencies"] == [
        {
            "id": site["labour"].pk,
            "name": "Sở Lao động - Thương binh và Xã hội",
            "abbreviation": "Sở LĐ-TB&XH",
            "successor": {"id": site["interior"].pk, "name": "Sở Nội vụ"},
        }
    ]
    assert item["localities"] == [
        {
            "id": site["tam_duong"].pk,
            "name": "Huyện Tam Đường",
            "level": {"value": "huyen", "label": "Huyện"},
            "valid_until": "2025-06-30",
        }
    ]
    assert item["fields"] == [{"slug": "bao-tro-xa-hoi", "name": "Bảo trợ xã hội"}]
    # Exact decimals as strings: no float rounding, no trailing zeros, no exponent.
    assert [(f["label"], f["value"], f["unit"]) for f in item["figures"]] == [
        ("Kinh phí chi trả", "1234567.89", "đồng"),
        ("Tỷ lệ hộ nghèo", "0.0625", "%"),
    ]
    assert item["figures"][0]["as_of"] == "2020-06-30"
    counts = item["recommendation_counts"]
    assert set(counts) == {*RecommendationStatus.values, "total", "overdue"}
    assert counts["chua-thuc-hien"] == 2 and counts["total"] == 2 and counts["overdue"] == 1
    assert counts["da-thuc-hien"] == 0


def test_reports_are_newest_first_or_oldest_first_undated_last(client, site):
    newest = ids(get(client, "/reports/")[1])
    oldest = ids(get(client, "/reports/", sort="oldest")[1])
    dated = [site["staffing"].pk, site["spending"].pk, site["social"].pk]
    assert newest == [*dated, site["undated"].pk]
    assert oldest == [*reversed(dated), site["undated"].pk]


@pytest.mark.parametrize(
    "params, expected",
    [
        (lambda s: {"body": s["economy"].pk}, ["spending"]),
        (lambda s: {"year": 2022}, ["spending"]),
        (lambda s: {"kind": "khao-sat"}, ["spending"]),
        (lambda s: {"field": "bao-tro-xa-hoi"}, ["social"]),
        (lambda s: {"field": "khong-co"}, []),
        (lambda s: {"locality": s["tam_duong"].pk}, ["social"]),
        (lambda s: {"locality": s["new_commune"].pk}, ["social"]),
        (lambda s: {"status": "da-thuc-hien"}, ["spending"]),
        (lambda s: {"status": "chua-thuc-hien"}, ["social"]),
        # Today's department finds what its predecessor was supervised on; the old one
        # finds only its own, not what its successor was supervised on later.
        (lambda s: {"agency": s["interior"].pk}, ["staffing", "social"]),
        (lambda s: {"agency": s["labour"].pk}, ["social"]),
        # A well-formed id that matches nothing is an empty list, not an error.
        (lambda s: {"agency": 999999, "body": 999999}, []),
        (lambda s: {"agency": s["finance"].pk}, ["spending"]),
        (lambda s: {"body": s["culture"].pk, "year": 2025}, ["staffing"]),
        (lambda s: {"year": "", "kind": ""}, ["staffing", "spending", "social", "undated"]),
    ],
)
def test_report_filters(client, site, params, expected):
    response, payload = get(client, "/reports/", **params(site))
    assert response.status_code == 200
    assert ids(payload) == [site[name].pk for name in expected]
    assert payload["count"] == len(expected)


def test_pages_and_page_size(client, site):
    first = get(client, "/reports/", page_size=3)[1]
    second = get(client, "/reports/", page_size=3, page=2)[1]
    assert first["count"] == second["count"] == 4
    assert len(first["items"]) == 3 and ids(second) == [site["undated"].pk]
    assert (first["page"], second["page"], second["page_size"]) == (1, 2, 3)
    beyond = get(client, "/reports/", page=99)
    assert beyond[0].status_code == 200
    assert beyond[1]["count"] == 4 and beyond[1]["items"] == []
    assert len(get(client, "/reports/", page_size=500)[1]["items"]) == 4


def test_report_detail_shows_the_whole_report(client, site, index, sections):
    original = site["social"]
    article = make_article(sections["news"], title="Đoàn giám sát làm việc tại Tam Đường")
    draft_article = make_article(sections["news"], title="Bài nháp", live=False)
    file = Document.objects.create(
        title="Báo cáo số 12/BC-HĐND", file=ContentFile(b"%PDF-1.4", name="bc12.pdf")
    )
    report = make_report(
        index,
        title="Tái giám sát trợ giúp xã hội",
        report_date=date(2022, 5, 10),
        kind=ReportKind.RE_INSPECTION,
        follows_up=original,
        articles=[article, draft_article],
        head=person(),
        members=[person("Lò Văn A", "Ủy viên")],
        summary="Tóm tắt kết quả tái giám sát.",
        findings=f'<p>Xem <a linktype="page" id="{original.pk}">báo cáo trước</a>.</p>',
        conclusion="<p><b>Kết luận</b></p>",
        legal_bases=[LegalBasis(kind="nghi-quyet", number="05/NQ-HĐND", title="Chương trình")],
        documents=[ReportDocument(document=file, role=DocumentRole.SIGNED_REPORT)],
        live=False,
    )
    reviewed = original.recommendations.get(text="Tái kiểm tra cơ sở")
    report.reviews.add(
        RecommendationReview(
            recommendation=reviewed, status=RecommendationStatus.PARTLY_DONE, note="5/12 xã"
        )
    )
    report.save_revision().publish()
    clerk = get_user_model().objects.create_user("thu-ky-noi-bo", password="x")
    record_update(reviewed, RecommendationStatus.DONE, date(2023, 1, 5), recorded_by=clerk)

    response, data = get(client, f"/reports/{report.pk}/")
    assert response.status_code == 200
    assert data["kind"]["value"] == "tai-giam-sat" and data["summary"].startswith("Tóm tắt")
    assert data["head"] == {"name": "Vũ Thị Huyền", "position": "Trưởng Ban Văn hóa - Xã hội"}
    assert data["members"] == [{"name": "Lò Văn A", "position": "Ủy viên"}]
    assert data["legal_bases"][0]["kind"] == {"value": "nghi-quyet", "label": "Nghị quyết"}
    assert 'href="/bao-cao-giam-sat/giam-sat-chinh-sach-tro-giup-xa-hoi/"' in data["findings"]
    assert "linktype" not in data["findings"] and data["conclusion"] == "<p><b>Kết luận</b></p>"
    assert [(d["title"], d["role"]["value"]) for d in data["documents"]] == [
        ("Báo cáo số 12/BC-HĐND", "bao-cao")
    ]
    # One site address: document links use the Site's origin, not the request's Host.
    assert data["documents"][0]["url"].startswith("http://localhost/")
    assert [n["title"] for n in data["news"]] == ["Đoàn giám sát làm việc tại Tam Đường"]
    assert data["news"][0]["url"].startswith("http") and data["news"][0]["published"]
    assert data["follows_up"]["id"] == original.pk
    assert data["follows_up"]["url"].startswith("http")

    original_data = get(client, f"/reports/{original.pk}/")[1]
    assert [r["id"] for r in original_data["follow_ups"]] == [report.pk]
    first, second = original_data["recommendations"]
    assert first["overdue"] is True and first["addressees"][0]["name"].startswith("Sở Lao")
    assert first["position"] == {
        "value": "chua-phan-hoi",
        "label": "Chưa phản hồi",
        "date": None,
        "response": "",
    }
    assert second["is_priority"] is True and second["overdue"] is False
    assert second["status"] == {
        "value": "da-thuc-hien",
        "label": "Đã thực hiện",
        "date": "2023-01-05",
    }
    assert [(h["date"], h["status"]["value"]) for h in second["history"]] == [
        ("2022-05-10", "thuc-hien-mot-phan"),
        ("2023-01-05", "da-thuc-hien"),
    ]
    assert second["history"][0]["note"] == "5/12 xã"
    assert second["history"][0]["source_report"]["id"] == report.pk
    assert second["history"][1]["source_report"] is None
    # Who recorded an update is an internal account, never published.
    assert "thu-ky-noi-bo" not in response.content.decode() + str(original_data)
    assert all("recorded_by" not in h for h in second["history"])


def test_recommendation_list_shape_and_filters(client, site):
    response, payload = get(client, "/recommendations/")
    assert response.status_code == 200 and response["Cache-Control"] == "public, max-age=60"
    assert payload["count"] == 3
    item = next(i for i in payload["items"] if i["text"] == "Tiết kiệm chi")
    assert item["report"]["id"] == site["spending"].pk and item["report"]["url"].startswith("http")
    assert item["body"]["short_name"] == "Ban KT-NS"
    assert item["addressees"][0]["abbreviation"] == "STC"
    assert item["status"]["value"] == "da-thuc-hien" and item["overdue"] is False
    assert item["history"][-1]["date"] == "2022-12-01"

    def texts(**params) -> set[str]:
        return {i["text"] for i in get(client, "/recommendations/", **params)[1]["items"]}

    assert texts(status="da-thuc-hien") == {"Tiết kiệm chi"}
    assert texts(body=site["economy"].pk) == {"Tiết kiệm chi"}
    assert texts(year=2020) == {"Rà soát đối tượng bảo trợ", "Tái kiểm tra cơ sở"}
    assert texts(agency=site["interior"].pk) == {"Rà soát đối tượng bảo trợ"}
    assert texts(agency=site["labour"].pk) == {"Rà soát đối tượng bảo trợ"}
    assert texts(field="ngan-sach") == {"Tiết kiệm chi"}
    assert texts(overdue="true") == texts(overdue="1") == {"Rà soát đối tượng bảo trợ"}
    assert texts(overdue="false") == texts(overdue="0") == {"Tiết kiệm chi", "Tái kiểm tra cơ sở"}
    paged = get(client, "/recommendations/", page_size=2, page=2)[1]
    assert paged["count"] == 3 and len(paged["items"]) == 1
    assert get(client, "/recommendations/", page=5)[1]["items"] == []


def test_drafts_and_restricted_reports_are_never_exposed(client, site, index, home):
    draft = make_report(index, title="Báo cáo nháp", recommendations=[{"text": "Kiến nghị nháp"}])
    # make_report(live=False) leaves the page live; unpublish it as an editor would.
    draft.unpublish()
    private = make_report(index, title="Báo cáo mật", recommendations=[{"text": "Kiến nghị mật"}])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    internal = ReportIndexPage(title="Nội bộ", slug="noi-bo")
    home.add_child(instance=internal)
    PageViewRestriction.objects.create(page=internal, restriction_type="password", password="x")
    below = make_report(internal, title="Báo cáo dưới mục nội bộ", recommendations=[{"text": "KN"}])
    # A restricted re-inspection still changed a public recommendation's status; the
    # history keeps the step but not the link to the restricted report.
    reviewed = site["social"].recommendations.get(text="Tái kiểm tra cơ sở")
    record_update(
        reviewed, RecommendationStatus.IN_PROGRESS, date(2024, 1, 1), source_report=private
    )
    hidden = {draft.pk, private.pk, below.pk}

    for report in (draft, private, below):
        response, data = get(client, f"/reports/{report.pk}/")
        assert response.status_code == 404
        assert data["error"]["code"] == "not_found" and data["error"]["message"]
        assert "Cache-Control" not in response or "public" not in response["Cache-Control"]
    listed = get(client, "/reports/", page_size=500)[1]
    assert hidden.isdisjoint(ids(listed)) and listed["count"] == 4
    assert not hidden & set(ids(get(client, "/reports/", status="chua-thuc-hien")[1]))
    recommendations = get(client, "/recommendations/", page_size=500)[1]
    assert {i["report"]["id"] for i in recommendations["items"]}.isdisjoint(hidden)
    assert recommendations["count"] == 3
    history = get(client, f"/reports/{site['social'].pk}/")[1]["recommendations"][1]["history"]
    assert history[-1]["status"]["value"] == "dang-thuc-hien"
    assert history[-1]["source_report"] is None
    assert get(client, "/reports/999999/")[0].status_code == 404


def test_documents_in_a_private_collection_are_left_out(client, index):
    private = Collection.get_first_root_node().add_child(name="Tài liệu nội bộ")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    secret = Document.objects.create(
        title="Dự thảo nội bộ", collection=private, file=ContentFile(b"x", name="dt.pdf")
    )
    public = Document.objects.create(title="Báo cáo", file=ContentFile(b"x", name="bc.pdf"))
    report = make_report(
        index,
        documents=[ReportDocument(document=secret), ReportDocument(document=public)],
        recommendations=[{"text": "Kiến nghị"}],
    )
    record_update(report.recommendations.get(), RecommendationStatus.DONE, TODAY, evidence=secret)
    data = get(client, f"/reports/{report.pk}/")[1]
    assert [d["title"] for d in data["documents"]] == ["Báo cáo"]
    assert data["recommendations"][0]["history"][0]["evidence_url"] is None


BAD_PARAMETERS = [
    ("/reports/", {"year": "hai-nghin"}, "year", "invalid_integer"),
    ("/reports/", {"year": "99999"}, "year", "out_of_range"),
    ("/reports/", {"status": "xong"}, "status", "invalid_choice"),
    ("/reports/", {"kind": "thanh-tra"}, "kind", "invalid_choice"),
    ("/reports/", {"sort": "abc"}, "sort", "invalid_choice"),
    ("/reports/", {"page": "0"}, "page", "out_of_range"),
    ("/reports/", {"page": "-3"}, "page", "out_of_range"),
    ("/reports/", {"page": "mot"}, "page", "invalid_integer"),
    ("/reports/", {"page": "1000001"}, "page", "out_of_range"),
    ("/reports/", {"page": "²"}, "page", "invalid_integer"),
    ("/reports/", {"page_size": "0"}, "page_size", "out_of_range"),
    ("/reports/", {"page_size": "501"}, "page_size", "out_of_range"),
    ("/reports/", {"body": "ban-vh"}, "body", "invalid_integer"),
    ("/reports/", {"agency": "1.5"}, "agency", "invalid_integer"),
    ("/reports/", {"locality": "x"}, "locality", "invalid_integer"),
    ("/reports/", {"agency": str(2**64)}, "agency", "out_of_range"),
    ("/recommendations/", {"overdue": "co-le"}, "overdue", "invalid_boolean"),
    ("/recommendations/", {"status": "done"}, "status", "invalid_choice"),
    ("/recommendations/", {"year": "2020a"}, "year", "invalid_integer"),
    ("/recommendations/", {"page_size": "1000"}, "page_size", "out_of_range"),
    ("/recommendations/", {"body": "x"}, "body", "invalid_integer"),
    ("/recommendations/", {"agency": "x"}, "agency", "invalid_integer"),
    ("/recommendations/", {"year": "1899"}, "year", "out_of_range"),
    ("/recommendations/", {"field": "ngân sách"}, "field", "invalid_slug"),
    ("/reports/", {"field": "a" * 101}, "field", "invalid_slug"),
    ("/reports/", {"locality": "0"}, "locality", "out_of_range"),
    ("/reports/abc/", {}, "report_id", "invalid_integer"),
]


@pytest.mark.parametrize("path, params, field_name, code", BAD_PARAMETERS)
def test_bad_parameters_are_400_with_a_json_error(client, db, path, params, field_name, code):
    response, data = get(client, path, **params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert data["error"]["code"] == code
    assert data["error"]["field"] == field_name
    assert f"“{field_name}”" in data["error"]["message"]
    assert "Tham số" in data["error"]["message"] or "Giá trị" in data["error"]["message"]


def test_page_errors_read_like_the_search_apis(client, db):
    # One parser for every list: the same words, each list with its own bounds.
    reports = get(client, "/reports/", page_size="501")[1]["error"]["message"]
    searched = client.get("/api/v1/search/", {"q": "giám sát", "page_size": "51"}).json()
    assert reports == "Tham số “page_size” không hợp lệ: phải là số nguyên từ 1 đến 500."
    assert searched["error"]["message"] == reports.replace("500", "50")
    # A blank value, as an HTML form sends it, is the default.
    assert get(client, "/reports/", page="", page_size="")[1]["page_size"] == 20


def test_the_error_lists_the_accepted_values(client, db):
    message = get(client, "/reports/", status="xong")[1]["error"]["message"]
    assert all(status in message for status in RecommendationStatus.values)


def test_openapi_schema_is_served(client, db):
    response, schema = get(client, "/openapi.json")
    assert response.status_code == 200
    assert schema["info"]["title"] == "API dữ liệu mở HĐND tỉnh"
    assert {"/api/v1/reports/", "/api/v1/reports/{report_id}/", "/api/v1/recommendations/"} <= set(
        schema["paths"]
    )


@pytest.mark.parametrize("path", ["/reports/", "/recommendations/"])
def test_lists_cost_at_most_ten_queries_whatever_the_page_size(client, index, path):
    labour, interior = agency(), agency("Sở Nội vụ", abbreviation="SNV")
    labour.successor = interior
    labour.save()
    units = [district("Tam Đường", "105"), district("Sìn Hồ", "106")]
    # Twelve reports: a page of 30 holds more rows than a page of 5, at the same cost.
    for n in range(12):
        report = make_report(
            index,
            title=f"Báo cáo {n}",
            report_date=date(2020, 1, 1) + timedelta(days=n * 40),
            agencies=[labour, interior],
            localities=units,
            fields=[field()],
            figures=[("Chỉ tiêu A", "1.5", "%"), ("Chỉ tiêu B", "2000", "người")],
            recommendations=[{"text": f"Kiến nghị {n}-{k}", "deadline": PAST} for k in range(3)],
            sessions=[WorkingSession(held_on=date(2020, 1, 1))],
        )
        for recommendation in report.recommendations.all():
            set_addressees(recommendation, [labour])
            record_update(recommendation, RecommendationStatus.IN_PROGRESS, TODAY)
    for page_size in (5, 30):
        for extra in ({}, {"agency": interior.pk, "year": 2021}):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(API + path, {"page_size": page_size, **extra})
            assert response.status_code == 200
            assert response.json()["items"]
            assert len(queries) <= 10, (page_size, extra, [q["sql"] for q in queries])


def test_api_docs_load_their_assets_from_our_static_files(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200
