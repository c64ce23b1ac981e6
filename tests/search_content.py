"""The search tests' content: two sections of news and a supervision report, indexed.

Shared by the page, API, feed and browser tests of search, which must list the same things.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from reports.enums import RecommendationStatus
from reports.models import Recommendation
from search.indexing import rebuild_entries
from tests.factories import home_page, make_article, make_section_chain
from tests.report_factories import body, build_report, field, make_report_index, record_update

WELFARE = "bảo trợ xã hội"


def local(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour, 30))


def build_content(sections: dict) -> dict:
    """Two sections of news, a supervision report and its recommendation, indexed.

    Shared with the API and feed tests, which must list what the page lists.
    """
    welfare_news = make_article(
        sections["committees"],
        title="Ban Văn hóa – Xã hội giám sát chính sách bảo trợ xã hội",
        summary="Đoàn giám sát làm việc với Sở Lao động – Thương binh và Xã hội về chi trả.",
        # 05:30 in Hà Nội is still the 14th in UTC: the page must show the local date.
        published_at=local(2024, 5, 15, hour=5),
    )
    session = make_article(
        sections["council"],
        title="Khai mạc Kỳ họp thứ mười Hội đồng nhân dân tỉnh",
        summary="Kỳ họp xem xét các báo cáo kinh tế, ngân sách cuối năm.",
        published_at=local(2023, 12, 5),
    )
    review = make_article(
        sections["council"],
        title="Thường trực HĐND tỉnh rà soát việc giải quyết kiến nghị cử tri",
        summary="Rà soát kết quả giải quyết kiến nghị cử tri sau kỳ họp.",
        published_at=local(2024, 2, 1),
    )
    index = make_report_index()
    report = build_report(
        index,
        title="Giám sát việc thực hiện chính sách bảo trợ xã hội trên địa bàn tỉnh",
        report_date=date(2022, 10, 26),
        supervising_body=body(),
        fields=[field()],
        conclusion="<p>Việc chi trả trợ cấp bảo trợ xã hội ở một số nơi còn chậm.</p>",
        recommendations=[
            Recommendation(text="Đề nghị UBND tỉnh chỉ đạo rà soát đối tượng bảo trợ xã hội.")
        ],
    )
    recommendation = report.recommendations.get()
    record_update(recommendation, RecommendationStatus.IN_PROGRESS, date(2023, 3, 1))
    rebuild_entries()
    return {
        "welfare_news": welfare_news,
        "session": session,
        "review": review,
        "report": report,
        "recommendation": recommendation,
        "index": index,
    }


def build_search_world() -> dict:
    """build_content under the home page's usual section chain; the sections are included."""
    sections = make_section_chain(home_page())
    return {**build_content(sections), "sections": sections}
