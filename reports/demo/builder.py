"""Create the demo reports once; a second run finds them and changes nothing."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from news.models import NewsArticlePage

from ..administrative_units import AdminUnitDataError, load_province, match_district_names
from ..enums import UnitLevel
from ..models import (
    AdministrativeUnit,
    Agency,
    Field,
    KeyFigure,
    LegalBasis,
    Person,
    Recommendation,
    RecommendationReview,
    RecommendationTrackerPage,
    RecommendationUpdate,
    ReportIndexPage,
    ReportNewsLink,
    SupervisingBody,
    SupervisionReportPage,
    WorkingSession,
)
from . import reference
from .content import REPORTS

INDEX_SLUG = "bao-cao-giam-sat"
TRACKER_SLUG = "theo-doi-thuc-hien-kien-nghi"


def _day(text: str | None) -> date | None:
    return datetime.strptime(text, "%d/%m/%Y").date() if text else None


def _reference_data() -> dict:
    bodies = {}
    for key, name, short, kind, order in reference.BODIES:
        bodies[key] = SupervisingBody.objects.get_or_create(
            name=name,
            defaults={"short_name": short, "kind": kind, "sort_order": order, "term": "2021-2026"},
        )[0]
    agencies = {}
    for key, name, abbreviation, level, until, _successor in reference.AGENCIES:
        agencies[key] = Agency.objects.get_or_create(
            name=name,
            active_from=None,
            defaults={"abbreviation": abbreviation, "level": level, "active_until": until},
        )[0]
    for key, *_rest, successor in reference.AGENCIES:
        agency = agencies[key]
        if successor and agency.successor_id != agencies[successor].pk:
            agency.successor = agencies[successor]
            agency.save(update_fields=["successor"])
    people = {
        key: Person.objects.get_or_create(name=name, defaults={"position": position})[0]
        for key, name, position in reference.PEOPLE
    }
    fields = {
        slug: Field.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in reference.FIELDS
    }
    return {"bodies": bodies, "agencies": agencies, "people": people, "fields": fields}


def _ensure_admin_units(say) -> None:
    if AdministrativeUnit.objects.filter(level=UnitLevel.DISTRICT).exists():
        return
    try:
        result = load_province(settings.REPORTS_PROVINCE)
    except AdminUnitDataError as error:  # the data package is missing: reports still build
        say(f"Bỏ qua đơn vị hành chính: {error}")
        return
    say(f"Đơn vị hành chính {result.province}: {result.counts}")


def _ensure_child(parent: Page, model, slug: str, title: str, **fields) -> tuple[Page, bool]:
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page, False
    page = model(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _add_to_main_menu(site: Site, pages: list[Page]) -> None:
    """Readers reach the report list and the tracker from the main menu; a page already
    there (a second run, or put there by the office) is left as it is."""
    from news.models import PortalSettings

    settings = PortalSettings.for_site(site)
    present = {block["value"].get("page") for block in settings.main_menu.raw_data}
    missing = [page for page in pages if page.pk not in present]
    if not missing:
        return
    for page in missing:
        settings.main_menu.append(("link", {"page": page, "url": "", "title": ""}))
    settings.save()


def _build_report(index: ReportIndexPage, data: dict, ref: dict, built: dict) -> None:
    report = SupervisionReportPage(
        title=data["title"],
        slug=data["slug"],
        kind=data["kind"],
        subject=data.get("subject", ""),
        supervising_body=ref["bodies"][data["body"]],
        head=ref["people"].get(data.get("head")),
        summary=data.get("summary", ""),
        findings=data.get("findings", ""),
        shortcomings=data.get("shortcomings", ""),
        agency_response=data.get("agency_response", ""),
        conclusion=data.get("conclusion", ""),
        localities_note=data.get("localities_note", ""),
        report_date=_day(data["report_date"]),
        follows_up=built.get(data.get("follows_up")),
    )
    if data.get("period"):
        report.period_start, report.period_end = (_day(d) for d in data["period"])
    report.fields = [ref["fields"][slug] for slug in data.get("fields", [])]
    report.agencies = [ref["agencies"][key] for key in data.get("agencies", [])]
    report.localities = match_district_names(data.get("districts", []), report.report_date)
    for kind, number, issued, issuer, title in data.get("legal_bases", []):
        report.legal_bases.add(
            LegalBasis(kind=kind, number=number, issued_on=_day(issued), issuer=issuer, title=title)
        )
    for held_on, place, note in data.get("sessions", []):
        report.sessions.add(WorkingSession(held_on=_day(held_on), place=place, note=note))
    for label, value, unit, as_of, note in data.get("figures", []):
        report.figures.add(
            KeyFigure(
                label=label,
                value=Decimal(value.replace(",", ".")),
                unit=unit,
                as_of=_day(as_of),
                note=note,
            )
        )
    for item in data.get("recommendations", []):
        position, position_date, response = item["position"]
        recommendation = Recommendation(
            text=item["text"],
            deadline=_day(item["deadline"]),
            is_priority=item["priority"],
            position=position,
            position_date=_day(position_date),
            position_response=response,
        )
        recommendation.addressees = [ref["agencies"][key] for key in item["to"]]
        report.recommendations.add(recommendation)
    source_recommendations = built.get(f"{data.get('follows_up')}:recommendations", {})
    for key, status, note in data.get("reviews", []):
        report.reviews.add(
            RecommendationReview(
                recommendation=source_recommendations[key], status=status, note=note
            )
        )
    articles = NewsArticlePage.objects.filter(slug__in=data.get("articles", []))
    for article in articles:
        report.news_links.add(ReportNewsLink(article=article))
    index.add_child(instance=report)
    report.save_revision().publish()

    by_text = {r.text: r for r in report.recommendations.all()}
    keyed = {item["key"]: by_text[item["text"]] for item in data.get("recommendations", [])}
    for item in data.get("recommendations", []):
        for on, status, note in item.get("updates", []):
            RecommendationUpdate.objects.create(
                recommendation=keyed[item["key"]],
                date=_day(on),
                status=status,
                note=note,
                source_text="Báo cáo của cơ quan được kiến nghị",
            )
    built[data["slug"]] = report
    built[f"{data['slug']}:recommendations"] = keyed


def build_reports_demo(stdout=None) -> dict:
    """Reference data, administrative units, a report index with tracker, and the reports."""

    def say(message: str) -> None:
        if stdout is not None:
            stdout.write(message)

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    created = 0
    with transaction.atomic():
        ref = _reference_data()
        _ensure_admin_units(say)
        home = site.root_page.specific
        index, _ = _ensure_child(
            home,
            ReportIndexPage,
            INDEX_SLUG,
            "Báo cáo giám sát",
            intro="Kết quả giám sát của Thường trực, các Ban và Tổ đại biểu HĐND tỉnh: phát "
            "hiện, kiến nghị và việc thực hiện kiến nghị.",
        )
        tracker, _ = _ensure_child(
            index,
            RecommendationTrackerPage,
            TRACKER_SLUG,
            "Theo dõi thực hiện kiến nghị",
            intro="Mọi kiến nghị giám sát, cơ quan được kiến nghị và tình trạng thực hiện.",
        )
        built: dict = {}
        for data in REPORTS:
            existing = SupervisionReportPage.objects.child_of(index).filter(slug=data["slug"])
            report = existing.first()
            if report is not None:
                built[data["slug"]] = report
                built[f"{data['slug']}:recommendations"] = {
                    item["key"]: report.recommendations.get(text=item["text"])
                    for item in data.get("recommendations", [])
                }
                continue
            _build_report(index, data, ref, built)
            created += 1
        _add_to_main_menu(site, [index, tracker])
    say(f"Báo cáo giám sát: tạo mới {created}, đã có {len(REPORTS) - created}.")
    return {"reports": {"created": created, "existing": len(REPORTS) - created}}
