"""Builders for supervision-report tests: real pages and rows, no mocks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from wagtail.models import Page

from reports.enums import BodyKind, ReportKind, UnitLevel
from reports.models import (
    AdministrativeUnit,
    Agency,
    Field,
    KeyFigure,
    Person,
    Recommendation,
    RecommendationUpdate,
    ReportIndexPage,
    ReportNewsLink,
    SupervisingBody,
    SupervisionReportPage,
)
from tests.factories import builder, home_page


@builder
def make_report_index(
    parent: Page | None = None, title: str = "Báo cáo giám sát"
) -> ReportIndexPage:
    index = ReportIndexPage(title=title, slug="bao-cao-giam-sat")
    (parent or home_page()).add_child(instance=index)
    index.save_revision().publish()
    return index


def body(name: str = "Ban Văn hóa - Xã hội", short: str = "Ban VH-XH") -> SupervisingBody:
    return SupervisingBody.objects.get_or_create(
        name=name, defaults={"short_name": short, "kind": BodyKind.COMMITTEE, "term": "2016-2021"}
    )[0]


def agency(name: str = "Sở Lao động - Thương binh và Xã hội", **fields) -> Agency:
    fields.setdefault("abbreviation", "Sở LĐ-TB&XH")
    return Agency.objects.get_or_create(name=name, defaults=fields)[0]


def field(name: str = "Bảo trợ xã hội", slug: str = "bao-tro-xa-hoi") -> Field:
    return Field.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def person(name: str = "Vũ Thị Huyền", position: str = "Trưởng Ban Văn hóa - Xã hội") -> Person:
    return Person.objects.get_or_create(name=name, defaults={"position": position})[0]


def district(name: str, code: str, until: date | None = date(2025, 6, 30)) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get_or_create(
        code=code,
        valid_from=None,
        defaults={
            "name": f"Huyện {name}",
            "short_name": name,
            "unit_type": "Huyện",
            "level": UnitLevel.DISTRICT,
            "valid_until": until,
        },
    )[0]


@builder
def make_report(
    index: ReportIndexPage,
    title: str = "Giám sát việc thực hiện chính sách trợ giúp xã hội",
    report_date: date = date(2020, 10, 26),
    kind: str = ReportKind.THEMATIC,
    recommendations: list[dict] | None = None,
    figures: list[tuple[str, str, str]] | None = None,
    articles: list | None = None,
    live: bool = True,
    **fields,
) -> SupervisionReportPage:
    fields.setdefault("supervising_body", body())
    report = SupervisionReportPage(title=title, report_date=report_date, kind=kind, **fields)
    for label, value, unit in figures or []:
        report.figures.add(
            KeyFigure(label=label, value=Decimal(value), unit=unit, as_of=date(2020, 6, 30))
        )
    for item in recommendations or []:
        addressees = item.pop("addressees", [])
        recommendation = Recommendation(**item)
        recommendation.addressees = addressees  # a clusterable child keeps them for the save
        report.recommendations.add(recommendation)
    for article in articles or []:
        report.news_links.add(ReportNewsLink(article=article))
    report.live = live  # Page.live defaults to True: a draft must say so before saving
    index.add_child(instance=report)
    revision = report.save_revision()
    if live:
        revision.publish()
    report.refresh_from_db()
    return report


def record_update(recommendation: Recommendation, status: str, on: date, **fields):
    return RecommendationUpdate.objects.create(
        recommendation=recommendation, status=status, date=on, **fields
    )


@builder
def make_tracker(parent: Page, title: str = "Theo dõi thực hiện kiến nghị", **fields):
    from reports.models import RecommendationTrackerPage

    tracker = RecommendationTrackerPage(title=title, slug="theo-doi-kien-nghi", **fields)
    parent.add_child(instance=tracker)
    tracker.save_revision().publish()
    tracker.refresh_from_db()
    return tracker


def bulk_recommendations(
    report: SupervisionReportPage,
    count: int,
    addressees: list[Agency] | tuple = (),
    text: str = "Kiến nghị số {n}",
    **fields,
) -> list[Recommendation]:
    """Many recommendations in two INSERTs (rows, then addressee links), for volume tests.

    `fields` may hold callables of the running number n, e.g. status=lambda n: ….
    """
    start = report.recommendations.count()
    rows = Recommendation.objects.bulk_create(
        [
            Recommendation(
                report=report,
                sort_order=start + n,
                text=text.format(n=start + n + 1),
                **{key: value(n) if callable(value) else value for key, value in fields.items()},
            )
            for n in range(count)
        ]
    )
    through = Recommendation.addressees.through
    through.objects.bulk_create(
        [through(recommendation_id=row.pk, agency_id=a.pk) for row in rows for a in addressees]
    )
    return rows


def make_draft_report(index: ReportIndexPage, **kwargs) -> SupervisionReportPage:
    """A report that was never published.

    Kept as its own name because privacy tests read better with it.
    """
    return make_report(index, live=False, **kwargs)


def address(recommendation: Recommendation, *agencies: Agency) -> Recommendation:
    """Set a saved recommendation's addressees in the database.

    make_report's "addressees" key does not reach the database: after add_child the
    recommendations are re-read, so their pending addressees are lost.
    """
    recommendation.addressees.set(agencies)
    recommendation.addressees.commit()
    return recommendation


CHILD_RELATIONS = (
    "legal_bases",
    "sessions",
    "figures",
    "recommendations",
    "documents",
    "news_links",
)


@builder
def build_report(
    index: ReportIndexPage,
    title: str = "Giám sát việc thực hiện chính sách trợ giúp xã hội",
    report_date: date | None = date(2020, 10, 26),
    live: bool = True,
    **fields,
) -> SupervisionReportPage:
    """A report assembled in memory, then saved once and published (or kept a draft).

    Unlike make_report, this keeps recommendation addressees (pass Recommendation(...,
    addressees=[...])) and live=False really leaves a draft. Child rows go in as lists of
    unsaved instances, e.g. figures=[KeyFigure(...)]; many-to-many fields as lists.
    """
    children = {name: fields.pop(name) for name in CHILD_RELATIONS if name in fields}
    fields.setdefault("supervising_body", body())
    report = SupervisionReportPage(title=title, report_date=report_date, live=live, **fields)
    for name, rows in children.items():
        for row in rows:
            getattr(report, name).add(row)
    index.add_child(instance=report)
    revision = report.save_revision()
    if live:
        revision.publish()
    report.refresh_from_db()
    return report
