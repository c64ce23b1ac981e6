"""Model instances to the plain dicts the API schemas describe.

Each function only reads attributes that queries.py has already loaded, so building a
page of results runs no further SQL.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from news.site_address import absolute_url

from ..models import (
    AdministrativeUnit,
    Agency,
    KeyFigure,
    Person,
    Recommendation,
    RecommendationUpdate,
    SupervisingBody,
    SupervisionReportPage,
)

Data = dict[str, Any]


def page_url(page: Page, request: HttpRequest) -> str | None:
    # The site's own root URL, as the RSS feeds use: links stay canonical behind proxies.
    return page.get_full_url(request)


def report_ref(report: SupervisionReportPage, request: HttpRequest) -> Data:
    return {"id": report.pk, "title": report.title, "url": page_url(report, request)}


def exact_decimal(value: Decimal) -> str:
    """1234.5000 → "1234.5", 1E+3 → "1000": exact, without float rounding or exponent."""
    text = format(value.normalize(), "f")
    return "0" if text in {"-0", ""} else text


def body_out(body: SupervisingBody | None) -> Data | None:
    if body is None:
        return None
    return {"id": body.pk, "name": body.name, "short_name": body.short_name}


def agency_out(agency: Agency) -> Data:
    successor = agency.successor if agency.successor_id else None
    return {
        "id": agency.pk,
        "name": agency.name,
        "abbreviation": agency.abbreviation,
        "successor": {"id": successor.pk, "name": successor.name} if successor else None,
    }


def locality_out(unit: AdministrativeUnit) -> Data:
    return {
        "id": unit.pk,
        "name": unit.name,
        "level": {"value": unit.level, "label": unit.get_level_display()},
        "valid_until": unit.valid_until,
    }


def figure_out(figure: KeyFigure) -> Data:
    return {
        "label": figure.label,
        "value": exact_decimal(figure.value),
        "unit": figure.unit,
        "as_of": figure.as_of,
        "note": figure.note,
    }


def person_out(person: Person) -> Data:
    return {"name": person.name, "position": person.position}


def report_list_item(
    report: SupervisionReportPage, counts: dict[str, int], request: HttpRequest
) -> Data:
    sessions = list(report.sessions.all())
    return {
        **report_ref(report, request),
        "kind": {"value": report.kind, "label": report.get_kind_display()},
        "subject": report.subject,
        "body": body_out(report.supervising_body),
        "dates": {
            "report_date": report.report_date,
            "period_start": report.period_start,
            "period_end": report.period_end,
            "sessions": sorted(session.held_on for session in sessions),
        },
        "agencies": [agency_out(agency) for agency in report.agencies.all()],
        "localities": [locality_out(unit) for unit in report.localities.all()],
        "fields": [{"slug": item.slug, "name": item.name} for item in report.fields.all()],
        "figures": [figure_out(figure) for figure in report.figures.all()],
        "recommendation_counts": counts,
    }


def history_out(update: RecommendationUpdate, request: HttpRequest) -> Data:
    # recorded_by is an office account: internal, never part of the open data.
    source = update.source_report
    source_visible = source is not None and source.live and update.source_public
    evidence_visible = update.evidence is not None and update.evidence_public
    return {
        "date": update.date,
        "status": {"value": update.status, "label": update.get_status_display()},
        "note": update.note,
        "evidence_url": (absolute_url(request, update.evidence.url) if evidence_visible else None),
        "source_report": report_ref(source, request) if source_visible else None,
        "source_text": update.source_text,
    }


def recommendation_out(recommendation: Recommendation, request: HttpRequest) -> Data:
    return {
        "id": recommendation.pk,
        "text": recommendation.text,
        "addressees": [agency_out(agency) for agency in recommendation.addressees.all()],
        "deadline": recommendation.deadline,
        "is_priority": recommendation.is_priority,
        "position": {
            "value": recommendation.position,
            "label": recommendation.get_position_display(),
            "date": recommendation.position_date,
            "response": recommendation.position_response,
        },
        "status": {
            "value": recommendation.status,
            "label": recommendation.get_status_display(),
            "date": recommendation.status_date,
        },
        "overdue": recommendation.is_overdue,
        "history": [history_out(update, request) for update in recommendation.updates.all()],
    }


def recommendation_list_item(recommendation: Recommendation, request: HttpRequest) -> Data:
    report = recommendation.report
    return {
        **recommendation_out(recommendation, request),
        "report": report_ref(report, request),
        "body": body_out(report.supervising_body),
    }


def report_detail_out(
    report: SupervisionReportPage, counts: dict[str, int], request: HttpRequest
) -> Data:
    follows_up = report.follows_up
    follows_up_visible = follows_up is not None and follows_up.live and report.follows_up_public
    return {
        **report_list_item(report, counts, request),
        "localities_note": report.localities_note,
        "head": person_out(report.head) if report.head else None,
        "members": [person_out(member) for member in report.members.all()],
        "legal_bases": [
            {
                "kind": {"value": basis.kind, "label": basis.get_kind_display()},
                "number": basis.number,
                "issued_on": basis.issued_on,
                "issuer": basis.issuer,
                "title": basis.title,
            }
            for basis in report.legal_bases.all()
        ],
        "sessions": [
            {"date": session.held_on, "place": session.place, "note": session.note}
            for session in report.sessions.all()
        ],
        "summary": report.summary,
        "findings": expand_db_html(report.findings),
        "shortcomings": expand_db_html(report.shortcomings),
        "agency_response": expand_db_html(report.agency_response),
        "conclusion": expand_db_html(report.conclusion),
        "documents": [
            {
                "title": item.document.title,
                "url": absolute_url(request, item.document.url),
                "role": {"value": item.role, "label": item.get_role_display()},
            }
            for item in report.documents.all()
        ],
        "news": [
            {
                "title": link.article.title,
                "url": page_url(link.article, request),
                "published": link.article.published_at or link.article.first_published_at,
            }
            for link in report.news_links.all()
        ],
        "follows_up": report_ref(follows_up, request) if follows_up_visible else None,
        "follow_ups": [report_ref(item, request) for item in report.follow_ups.all()],
        "recommendations": [
            recommendation_out(item, request) for item in report.recommendations.all()
        ],
    }
