"""What a reader sees on a supervision report page, and the report ↔ news links."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from news.models import PortalSettings
from reports.enums import (
    AgencyPosition,
    DocumentRole,
    LegalBasisKind,
    RecommendationStatus,
    ReportKind,
    UnitLevel,
)
from reports.models import (
    AdministrativeUnit,
    KeyFigure,
    LegalBasis,
    Recommendation,
    ReportDocument,
    ReportIndexPage,
    ReportNewsLink,
    WorkingSession,
)
from tests.conftest import PINNED_TODAY, pinned_travel
from tests.factories import home_page, make_article, make_section
from tests.report_factories import (
    agency,
    body,
    build_report,
    district,
    field,
    make_report_index,
    person,
    record_update,
)
from tests.worlds import module_world

pytestmark = pytest.mark.usefixtures("pinned_clock")
PAST = PINNED_TODAY - timedelta(days=30)
FUTURE = PINNED_TODAY + timedelta(days=30)


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text().split())


def document(title: str, size: int = 2048, collection: Collection | None = None) -> Document:
    doc = Document(
        title=title,
        file=ContentFile(b"%PDF-1.4 " + b"x" * (size - 9), name="tai-lieu.pdf"),
        file_size=size,
    )
    if collection is not None:
        doc.collection = collection
    doc.save()
    return doc


def commune(name: str, code: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.create(
        code=code,
        name=name,
        unit_type="Xã",
        level=UnitLevel.COMMUNE,
        valid_from=date(2025, 7, 1),
    )


@pytest.fixture
def index(request, home):
    # Tests of the shared full report read its list; the others get an empty list of their own.
    if "full_report" in request.fixturenames:
        return request.getfixturevalue("full_report")["index"]
    return make_index(home)


def make_index(home):
    PortalSettings.for_site(home.get_site())  # created once, so warm requests stay warm
    return make_report_index()


@pytest.fixture
def news(request, home):
    if "full_report" in request.fixturenames:
        return request.getfixturevalue("full_report")["news"]
    return make_news(home)


def make_news(home) -> dict:
    section = make_section("Tin tức hoạt động", home)
    when = timezone.make_aware(timezone.datetime(2020, 10, 27, 8, 18, 57))
    return {
        "visit": make_article(section, title="Đoàn giám sát làm việc tại Sở", published_at=when),
        "draft": make_article(section, title="Tin nháp chưa đăng", live=False),
        "section": section,
    }


def build_full_report() -> dict:
    """A re-inspection report with every part filled in, its original and its follow-up."""
    with pinned_travel():  # built on the day the tests read it on
        home = home_page()
        return _build_full_report(make_index(home), make_news(home))


def _build_full_report(index, news) -> dict:
    interior = agency("Sở Nội vụ", abbreviation="SNV")
    labour = agency(
        "Sở Lao động - Thương binh và Xã hội", active_until=date(2025, 2, 28), successor=interior
    )
    tam_duong = district("Tam Đường", "105")
    tam_duong.successors.set([commune("Xã Bình Lư", "3301"), commune("Xã Sơn Bình", "3302")])
    original = build_report(
        index, title="Giám sát bảo trợ xã hội năm 2018", report_date=date(2018, 9, 1)
    )
    signed = document("Báo cáo số 45/BC-VHXH", size=1_258_291)
    evidence = document("Công văn số 1234/SLĐTBXH-BTXH")
    report = build_report(
        index,
        title="Giám sát việc thực hiện chính sách trợ giúp xã hội",
        kind=ReportKind.RE_INSPECTION,
        subject="Việc thực hiện chính sách pháp luật về trợ giúp xã hội",
        supervising_body=body(),
        head=person(),
        members=[person("Lò Thị Mai", "Ủy viên Ban Văn hóa - Xã hội")],
        fields=[field()],
        agencies=[labour],
        localities=[tam_duong],
        localities_note="12 xã thuộc 3 huyện",
        period_start=date(2017, 1, 1),
        period_end=date(2019, 12, 31),
        follows_up=original,
        findings="<p>Chi trả đúng, đủ, kịp thời.</p>",
        shortcomings="<p>Rà soát đối tượng chưa thường xuyên.</p>",
        agency_response="<p>Sở tiếp thu.</p>",
        conclusion="<p>Đề nghị khắc phục trước 30/6.</p>",
        legal_bases=[
            LegalBasis(
                kind=LegalBasisKind.RESOLUTION,
                number="12/NQ-HĐND",
                issued_on=date(2020, 3, 10),
                issuer="HĐND tỉnh",
                title="về chương trình giám sát năm 2020",
            )
        ],
        sessions=[WorkingSession(held_on=date(2020, 10, 20), place="Sở Lao động")],
        figures=[
            KeyFigure(label="Đối tượng hưởng trợ cấp", value=Decimal("8712"), unit="người"),
            KeyFigure(
                label="Người cao tuổi",
                value=Decimal("5310"),
                unit="người",
                as_of=date(2020, 6, 30),
                note="Số liệu của Sở",
            ),
            KeyFigure(label="Kinh phí chi trả", value=Decimal("12.5"), unit="tỷ đồng"),
        ],
        recommendations=[
            Recommendation(
                text="Tăng cường tái kiểm tra đối tượng",
                addressees=[labour],
                deadline=PAST,
                is_priority=True,
                position=AgencyPosition.ACCEPTED,
                position_date=date(2020, 11, 15),
                position_response="Sở tiếp thu, hoàn thành trong quý IV.",
            ),
            Recommendation(text="Cập nhật cơ sở dữ liệu", addressees=[interior], deadline=FUTURE),
        ],
        documents=[ReportDocument(document=signed, role=DocumentRole.SIGNED_REPORT)],
        news_links=[ReportNewsLink(article=news["visit"]), ReportNewsLink(article=news["draft"])],
    )
    first = report.recommendations.get(text__startswith="Tăng cường")
    record_update(
        first,
        RecommendationStatus.IN_PROGRESS,
        date(2021, 3, 1),
        note="Đã rà soát 5/12 xã",
        evidence=evidence,
        source_text="Báo cáo số 12/BC-SLĐTBXH",
    )
    record_update(first, RecommendationStatus.PARTLY_DONE, date(2021, 9, 1), source_report=original)
    follow_up = build_report(
        index, title="Tái giám sát năm 2023", report_date=date(2023, 5, 10), follows_up=report
    )
    return {
        "report": report,
        "original": original,
        "follow_up": follow_up,
        "news": news,
        "index": index,
    }


# Built once for the module: its tests only read it (what one writes is rolled back).
full_report_world, full_report = module_world(build_full_report, "full_report")


def test_report_page_shows_team_scope_and_legal_basis(client, full_report):
    page = soup(client.get(full_report["report"].url))
    assert page.h1.get_text(strip=True) == "Giám sát việc thực hiện chính sách trợ giúp xã hội"
    assert len(page.find_all("h1")) == 1
    facts = {text_of(row.dt): text_of(row.dd) for row in page.select(".facts > div")}
    assert facts["Hình thức"] == "Tái giám sát"
    assert facts["Cơ quan giám sát"].startswith("Ban Văn hóa - Xã hội")
    assert facts["Trưởng đoàn"] == "Vũ Thị Huyền, Trưởng Ban Văn hóa - Xã hội"
    assert facts["Thành viên đoàn"] == "Lò Thị Mai, Ủy viên Ban Văn hóa - Xã hội"
    assert facts["Lĩnh vực"] == "Bảo trợ xã hội"
    # A merged agency keeps its old name and says who carries on its work.
    assert facts["Cơ quan được giám sát"] == (
        "Sở Lao động - Thương binh và Xã hội (nay là Sở Nội vụ)"
    )
    assert facts["Địa bàn giám sát"] == (
        "Huyện Tam Đường (từ 01/07/2025 thuộc Xã Bình Lư, Xã Sơn Bình) 12 xã thuộc 3 huyện"
    )
    assert facts["Thời kỳ giám sát"] == "từ 01/01/2017 đến 31/12/2019"
    assert facts["Buổi làm việc"] == "20/10/2020: Sở Lao động"
    basis = text_of(page.select_one(".legal-bases li"))
    assert basis == (
        "Nghị quyết số 12/NQ-HĐND ngày 10/03/2020 của HĐND tỉnh về chương trình giám sát năm 2020"
    )
    for heading in ("Kết quả đạt được", "Tồn tại, hạn chế", "Giải trình của cơ quan", "Kết luận"):
        assert page.find("h2", string=heading), heading
    assert "Rà soát đối tượng chưa thường xuyên." in page.get_text()


def test_key_figures_are_a_table_in_vietnamese_number_format_and_a_chart(client, full_report):
    page = soup(client.get(full_report["report"].url))
    rows = [
        [text_of(cell) for cell in tr.find_all(["th", "td"])]
        for tr in page.select(".figures tbody tr")
    ]
    assert rows == [
        ["Đối tượng hưởng trợ cấp", "8.712", "người", "", ""],
        ["Người cao tuổi", "5.310", "người", "30/06/2020", "Số liệu của Sở"],
        ["Kinh phí chi trả", "12,5", "tỷ đồng", "", ""],
    ]
    charts = page.select(".chart svg[role=img]")
    # One chart per unit with at least two figures: people are not charted against money.
    assert len(charts) == 1
    assert charts[0].find("title").get_text() == "Số liệu chính (đơn vị: người)"
    assert [rect["data-value"] for rect in charts[0].find_all("rect")] == ["8712.0000", "5310.0000"]


def test_recommendations_show_position_status_overdue_and_public_history(client, full_report):
    page = soup(client.get(full_report["report"].url))
    first, second = page.select(".recommendation")
    assert "Tăng cường tái kiểm tra đối tượng" in text_of(first)
    assert text_of(first.select_one(".status-badge")) == "Thực hiện một phần từ 01/09/2021"
    assert first.select_one(".flag--overdue").get_text(strip=True) == "Quá hạn"
    assert first.select_one(".flag--priority").get_text(strip=True) == "Ưu tiên"
    meta = {text_of(row.dt): text_of(row.dd) for row in first.select(".recommendation__meta > div")}
    assert (
        meta["Cơ quan được kiến nghị"] == "Sở Lao động - Thương binh và Xã hội (nay là Sở Nội vụ)"
    )
    assert meta["Thời hạn"] == PAST.strftime("%d/%m/%Y")
    assert meta["Ý kiến của cơ quan"] == (
        "Tiếp thu (ngày 15/11/2020) Sở tiếp thu, hoàn thành trong quý IV."
    )
    steps = first.select(".history__list li")
    assert [text_of(step.time) for step in steps] == ["01/03/2021", "01/09/2021"]
    assert "Đang thực hiện" in text_of(steps[0]) and "Đã rà soát 5/12 xã" in text_of(steps[0])
    assert "Nguồn: Báo cáo số 12/BC-SLĐTBXH" in text_of(steps[0])
    evidence = steps[0].find("a", string=lambda s: s and "Công văn số 1234" in s)
    assert evidence["href"].startswith("/documents/")
    source = steps[1].find("a")
    assert source.get_text() == "Giám sát bảo trợ xã hội năm 2018"
    assert source["href"] == full_report["original"].url
    # The second is not overdue, has no history and reads "not started".
    assert not second.select(".flag--overdue") and not second.select(".history")
    assert text_of(second.select_one(".status-badge")) == "Chưa thực hiện"
    summary = text_of(page.select_one(".recommendations__summary"))
    assert summary == "2 kiến nghị, đã thực hiện 0; 1 quá hạn."


def test_documents_follow_ups_and_news_are_linked(client, full_report):
    page = soup(client.get(full_report["report"].url))
    attachment = text_of(page.select_one("#tai-lieu .attachment"))
    assert "Báo cáo số 45/BC-VHXH" in attachment
    assert "Báo cáo kết quả giám sát" in attachment and "1,2" in attachment and "MB" in attachment
    follows = page.select_one(".report__follows-up")
    assert text_of(follows).startswith("Tái giám sát báo cáo Giám sát bảo trợ xã hội năm 2018")
    assert follows.a["href"] == full_report["original"].url
    follow_ups = page.select("#tai-giam-sat a")
    assert [a["href"] for a in follow_ups] == [full_report["follow_up"].url]
    news = page.select("#tin-bai .dated-links li")
    # The unpublished article is left out; dates read the portal's way.
    assert [text_of(li) for li in news] == ["Đoàn giám sát làm việc tại Sở (27/10/2020 8:18:57 SA)"]
    # The original report lists its re-inspection.
    original = soup(client.get(full_report["original"].url))
    assert [a.get_text() for a in original.select("#tai-giam-sat a")] == [
        "Giám sát việc thực hiện chính sách trợ giúp xã hội"
    ]


def test_article_lists_the_live_public_reports_that_link_it(client, index, news, home):
    article = news["visit"]
    public = build_report(
        index,
        title="Báo cáo công khai",
        report_date=date(2021, 4, 2),
        news_links=[ReportNewsLink(article=article)],
    )
    build_report(
        index, title="Báo cáo nháp", live=False, news_links=[ReportNewsLink(article=article)]
    )
    restricted = build_report(
        index, title="Báo cáo hạn chế", news_links=[ReportNewsLink(article=article)]
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    hidden_index = ReportIndexPage(title="Nội bộ", slug="noi-bo")
    home.add_child(instance=hidden_index)
    PageViewRestriction.objects.create(page=hidden_index, restriction_type="password", password="x")
    build_report(
        hidden_index, title="Báo cáo dưới mục nội bộ", news_links=[ReportNewsLink(article=article)]
    )

    page = soup(client.get(article.url))
    section = page.select_one(".article-reports")
    assert section.h2.get_text(strip=True) == "Báo cáo giám sát liên quan"
    items = section.select("li")
    assert [li.a.get_text() for li in items] == ["Báo cáo công khai"]
    assert items[0].a["href"] == public.url
    assert text_of(items[0].select_one(".dated-links__date")) == "Ban Văn hóa - Xã hội · 02/04/2021"
    # Inside the article, after the tags and before the print button.
    article_node = page.select_one("article.article")
    assert article_node.select_one(".article-reports")

    # Unpublishing the report removes it from the article (no stale cached copy).
    public.unpublish()
    assert not soup(client.get(article.url)).select_one(".article-reports")


def test_an_article_without_reports_shows_no_empty_section(client, index, news):
    assert not soup(client.get(news["visit"].url)).select_one(".article-reports")


def test_draft_and_restricted_reports_are_never_linked_from_a_report(client, index, full_report):
    report = full_report["report"]
    draft_follow_up = build_report(index, title="Tái giám sát nháp", follows_up=report, live=False)
    private = build_report(index, title="Tái giám sát mật", follows_up=report)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    hidden_source = build_report(index, title="Nguồn nháp", live=False)
    record_update(
        report.recommendations.get(text__startswith="Cập nhật"),
        RecommendationStatus.DONE,
        date(2022, 1, 1),
        source_report=hidden_source,
        source_text="Công văn số 9/UBND",
    )
    page = soup(client.get(report.url))
    text = page.get_text()
    for hidden in ("Tái giám sát nháp", "Tái giám sát mật", "Nguồn nháp"):
        assert hidden not in text
    # The history still records the step, citing the text source instead.
    assert "Nguồn: Công văn số 9/UBND" in text
    assert client.get(draft_follow_up.url).status_code == 404


def test_documents_in_a_private_collection_are_not_listed(client, index):
    private = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    report = build_report(
        index,
        documents=[
            ReportDocument(document=document("Dự thảo nội bộ", collection=private)),
            ReportDocument(document=document("Báo cáo công khai")),
        ],
    )
    page = soup(client.get(report.url))
    assert [a.get_text() for a in page.select("#tai-lieu a")] == ["Báo cáo công khai"]


def test_new_status_and_renamed_agency_show_at_once(client, full_report):
    report = full_report["report"]
    client.get(report.url)  # fill the cache
    second = report.recommendations.get(text__startswith="Cập nhật")
    record_update(second, RecommendationStatus.DONE, date(2024, 1, 5))
    interior = second.addressees.get()
    interior.name = "Sở Nội vụ tỉnh Lai Châu"
    interior.save()
    page = soup(client.get(report.url))
    badge = page.select(".recommendation")[1].select_one(".status-badge")
    assert text_of(badge) == "Đã thực hiện từ 05/01/2024"
    assert "(nay là Sở Nội vụ tỉnh Lai Châu)" in text_of(page.select_one(".facts"))


def test_editor_preview_renders_unsaved_changes(full_report):
    report = full_report["report"]
    report.title = "Tiêu đề đang sửa"
    report.figures.add(KeyFigure(label="Chỉ tiêu mới", value=Decimal("1000"), unit="người"))
    report.recommendations.add(Recommendation(text="Kiến nghị chưa lưu"))
    page = soup(report.make_preview_request())  # serves the preview as Wagtail's admin does
    assert page.h1.get_text(strip=True) == "Tiêu đề đang sửa"
    assert "1.000" in text_of(page.select_one(".figures"))
    assert "Kiến nghị chưa lưu" in page.get_text()


# ---------------------------------------------------------------- query count


def count_queries(client, url: str, cold: bool = False) -> int:
    assert client.get(url).status_code == 200  # warm: settings, site root paths, caches
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow(report, index, articles, n: int) -> None:
    """Add n of everything a report page lists, through a new published revision."""
    agencies = [agency(f"Cơ quan {report.pk}-{k}", abbreviation=f"CQ{k}") for k in range(n)]
    old = agency(f"Cơ quan cũ {report.pk}", successor=agencies[0], abbreviation="cũ")
    units = [district(f"Huyện {k}", f"{report.pk}-{k}") for k in range(n)]
    for k, unit in enumerate(units):
        unit.successors.set([commune(f"Xã {k}-{j}", f"{report.pk}-{k}-{j}") for j in range(2)])
    report.agencies.set([old, *agencies])
    report.localities.set(units)
    report.members.set([person(f"Đại biểu {k}", "Ủy viên") for k in range(n)])
    report.fields.set([field(f"Lĩnh vực {k}", f"linh-vuc-{k}") for k in range(n)])
    for k in range(n):
        report.legal_bases.add(LegalBasis(kind=LegalBasisKind.PLAN, number=f"{k}/KH"))
        report.sessions.add(WorkingSession(held_on=date(2020, 10, 1 + k)))
        report.figures.add(KeyFigure(label=f"Chỉ tiêu {k}", value=Decimal(k * 100), unit="người"))
        report.recommendations.add(
            Recommendation(text=f"Kiến nghị {k}", addressees=[old, agencies[k]])
        )
        report.documents.add(ReportDocument(document=document(f"Tài liệu {k}")))
        report.news_links.add(ReportNewsLink(article=articles[k]))
    report.save_revision().publish()
    evidence = document("Bằng chứng")
    for recommendation in Recommendation.objects.filter(report=report):
        for month in (3, 6, 9):
            record_update(
                recommendation,
                RecommendationStatus.IN_PROGRESS,
                date(2021, month, 1),
                evidence=evidence,
                source_report=report,
            )
    for k in range(n):
        build_report(index, title=f"Tái giám sát {report.pk}-{k}", follows_up=report)


def test_report_page_query_count_is_small_and_flat(client, index, news):
    articles = [make_article(news["section"], title=f"Tin {k}") for k in range(8)]
    small = build_report(index, title="Báo cáo nhỏ")
    large = build_report(index, title="Báo cáo lớn")
    grow(small, index, articles, 1)
    grow(large, index, articles, 8)
    warm_small, warm_large = count_queries(client, small.url), count_queries(client, large.url)
    cold_small = count_queries(client, small.url, cold=True)
    cold_large = count_queries(client, large.url, cold=True)
    print(f"report page queries: warm {warm_small}/{warm_large}, cold {cold_small}/{cold_large}")
    assert warm_large <= 15, warm_large
    assert warm_large == warm_small
    # Even with an empty cache the count does not grow with the report.
    assert cold_large == cold_small
    assert len(soup(client.get(large.url)).select(".history__list li")) == 24
