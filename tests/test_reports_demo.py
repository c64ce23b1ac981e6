"""seed_demo also builds supervision reports that exercise every part of the tracker."""

from io import StringIO

from bs4 import BeautifulSoup
from django.core.management import call_command

from news.models import PortalSettings
from reports.enums import RecommendationStatus, ReportKind
from reports.models import (
    Recommendation,
    RecommendationTrackerPage,
    RecommendationUpdate,
    ReportIndexPage,
    SupervisionReportPage,
)


def test_seed_demo_builds_reports_in_every_status_once(db, client):
    call_command("seed_demo", stdout=StringIO())
    reports = SupervisionReportPage.objects.live()
    assert reports.count() >= 8
    assert reports.values("supervising_body").distinct().count() >= 4
    assert len({r.report_date.year for r in reports}) >= 3

    statuses = set(Recommendation.objects.values_list("status", flat=True))
    assert statuses == set(RecommendationStatus.values)
    assert Recommendation.objects.overdue().exists()
    merged = Recommendation.objects.filter(addressees__successor__isnull=False)
    assert merged.exists()

    source = reports.get(slug="giam-sat-chinh-sach-tro-giup-xa-hoi-2020")
    assert {8712, 7961, 646, 105} <= {int(f.value) for f in source.figures.all()}
    assert {u.short_name for u in source.localities.all()} == {"Tam Đường", "Sìn Hồ", "Phong Thổ"}
    article = source.news_links.get().article
    assert source.title in client.get(article.url).content.decode()

    follow_up = reports.get(kind=ReportKind.RE_INSPECTION)
    assert follow_up.follows_up_id == source.pk
    assert RecommendationUpdate.objects.filter(source_report=follow_up).count() == 3

    # The main menu reaches the report list and the tracker, once each, also after a rerun.
    menu = _menu_hrefs(client)
    index = ReportIndexPage.objects.get()
    tracker = RecommendationTrackerPage.objects.get()
    assert menu.count(index.url) == 1 and menu.count(tracker.url) == 1
    settings_before = list(PortalSettings.objects.values())

    counts = (
        SupervisionReportPage.objects.count(),
        Recommendation.objects.count(),
        RecommendationUpdate.objects.count(),
    )
    call_command("seed_demo", stdout=StringIO())
    assert counts == (
        SupervisionReportPage.objects.count(),
        Recommendation.objects.count(),
        RecommendationUpdate.objects.count(),
    )
    assert list(PortalSettings.objects.values()) == settings_before
    assert _menu_hrefs(client) == menu


def _menu_hrefs(client) -> list[str]:
    page = BeautifulSoup(client.get("/").content, "html.parser")
    return [a["href"] for a in page.select(".main-nav__list a")]
