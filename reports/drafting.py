"""Create a draft supervision report from a news article, for an editor to check.

reports.extraction reads the text; this module matches what it found against the
reference data (bodies, agencies, people, administrative units), creating what is missing,
and saves a draft page with a revision, linked both ways to the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from core.text.normalize import fold_words
from news.models import NewsArticlePage

from .administrative_units import match_district_names
from .enums import AgencyLevel, BodyKind, ReportKind
from .extraction import Extraction, extract
from .extraction.actors import FoundAgency, FoundBody, FoundPerson
from .extraction.article import article_html
from .extraction.text import capitalise, shorten
from .models import (
    Agency,
    KeyFigure,
    Person,
    Recommendation,
    ReportIndexPage,
    ReportNewsLink,
    SupervisingBody,
    SupervisionReportPage,
    WorkingSession,
)

KIND_FROM_TEXT = {"khao-sat": ReportKind.SURVEY, "tai-giam-sat": ReportKind.RE_INSPECTION}
VERB_FOR_KIND = {
    ReportKind.SURVEY: "Khảo sát",
    ReportKind.RE_INSPECTION: "Tái giám sát",
}
# Folded spellings an article and the reference data may use for the same words.
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "bhxh": "bao hiem xa hoi",
    "ldtbxh": "lao dong thuong binh va xa hoi",
}


def name_key(name: str) -> str:
    """Compare names as a person would: accents, case, hyphens and abbreviations aside."""
    words = fold_words(name).split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


def body_key(name: str) -> str:
    """ "Ban Văn hóa - Xã hội HĐND tỉnh" and "Ban Văn hoá-Xã hội" are the same committee."""
    key = name_key(name)
    for suffix in (" cua hoi dong nhan dan tinh", " hoi dong nhan dan tinh"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key


# --- the article ---------------------------------------------------------------------------


def article_text(article: NewsArticlePage) -> str:
    """The article as HTML paragraphs: title, standfirst, then the body's text blocks."""
    blocks = []
    for block in article.body:
        if block.block_type == "paragraph":
            blocks.append(getattr(block.value, "source", str(block.value)))
        elif block.block_type == "quote":
            blocks.append(f"<p>{escape(block.value.get('text', ''))}</p>")
    return article_html(article.title, article.summary, blocks)


def article_day(article: NewsArticlePage) -> date | None:
    moment = article.published_at or article.first_published_at
    return timezone.localdate(moment) if moment else None


# --- where the draft goes ------------------------------------------------------------------


def report_indexes():
    return ReportIndexPage.objects.order_by("path")


def target_index_for(user) -> ReportIndexPage | None:
    """The first report list (in tree order) under which `user` may add pages."""
    for index in report_indexes():
        if index.permissions_for_user(user).can_add_subpage():
            return index
    return None


def existing_report_for(article: NewsArticlePage) -> SupervisionReportPage | None:
    return SupervisionReportPage.objects.filter(source_article=article).order_by("pk").first()


# --- matching reference data ---------------------------------------------------------------


def supervising_body_for(found: FoundBody | None) -> SupervisingBody | None:
    if found is None:
        return None
    wanted = body_key(found.name)
    for body in SupervisingBody.objects.all():
        if wanted in {body_key(body.name), body_key(body.short_name or body.name)}:
            return body
    kind = found.kind if found.kind in BodyKind.values else BodyKind.COMMITTEE
    return SupervisingBody.objects.get_or_create(
        name=found.name, defaults={"short_name": found.short_name, "kind": kind}
    )[0]


def person_for(found: FoundPerson | None) -> Person | None:
    if found is None:
        return None
    namesakes = [p for p in Person.objects.all() if name_key(p.name) == name_key(found.name)]
    # Two people may share a name; the one with the same title is the one meant.
    for person in namesakes:
        if name_key(person.position) == name_key(found.position):
            return person
    if namesakes:
        return namesakes[0]
    return Person.objects.create(name=found.name, position=found.position)


def agency_for(found: FoundAgency, on: date | None) -> Agency:
    wanted = name_key(found.name)
    matches = [
        agency
        for agency in Agency.objects.all()
        if wanted in {name_key(agency.name), name_key(agency.abbreviation or agency.name)}
    ]
    # Agencies merge and are renamed: prefer the record that existed on the day.
    if on is not None:
        matches.sort(key=lambda agency: not agency.is_active_on(on))
    if matches:
        return matches[0]
    level = found.level if found.level in AgencyLevel.values else AgencyLevel.PROVINCE
    return Agency.objects.get_or_create(
        name=found.name, active_from=None, defaults={"level": level}
    )[0]


# --- the draft -----------------------------------------------------------------------------


@dataclass
class DraftResult:
    report: SupervisionReportPage
    created: bool
    missing: list[str] = field(default_factory=list)  # what the article did not say


def _paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


def _unique_slug(index: Page, title: str) -> str:
    base = slugify(fold_words(title))[:80].strip("-") or "bao-cao-giam-sat"
    slug, number = base, 1
    while index.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _title(found: Extraction, kind: str, article: NewsArticlePage) -> str:
    if not found.subject:
        return shorten(article.title, 255)
    verb = VERB_FOR_KIND.get(kind, "Giám sát")
    return shorten(capitalise(f"{verb} {found.subject}"), 255)


def _missing(report: SupervisionReportPage, found: Extraction) -> list[str]:
    checks = [
        (report.supervising_body_id, _("cơ quan giám sát")),
        (report.head_id, _("trưởng đoàn")),
        (found.agencies, _("cơ quan được giám sát")),
        (report.report_date, _("ngày giám sát")),
        (found.localities.note, _("địa bàn giám sát")),
        (found.figures, _("số liệu chính")),
        (found.sections.recommendations, _("kiến nghị")),
    ]
    return [label for value, label in checks if not value]


@transaction.atomic
def draft_report_from_article(
    article: NewsArticlePage, index: ReportIndexPage, user=None
) -> DraftResult:
    """The draft report for `article`: the one made before, else a new one under `index`."""
    # Lock the article's row: two clicks at once must not make two drafts.
    Page.objects.select_for_update().filter(pk=article.pk).first()
    existing = existing_report_for(article)
    if existing is not None:
        return DraftResult(existing, created=False)

    published = article_day(article)
    found = extract(article_text(article), published=published)
    kind = KIND_FROM_TEXT.get(found.kind, ReportKind.THEMATIC)
    report_date = found.session_date
    title = _title(found, kind, article)
    report = SupervisionReportPage(
        title=title,
        slug=_unique_slug(index, title),
        live=False,
        kind=kind,
        subject=found.subject,
        supervising_body=supervising_body_for(found.supervising_body),
        head=person_for(found.head),
        report_date=report_date,
        localities_note=found.localities.note,
        summary=article.summary or found.sections.lead,
        findings=_paragraphs_html(found.sections.findings),
        shortcomings=_paragraphs_html(found.sections.shortcomings),
        agency_response=_paragraphs_html(found.sections.agency_response),
        conclusion=_paragraphs_html(found.sections.conclusion),
        source_article=article,
    )
    agencies = [agency_for(agency, report_date or published) for agency in found.agencies]
    report.agencies.set(agencies)
    report.localities.set(
        match_district_names(found.localities.district_names, on=report_date or published)
    )
    if report_date:
        place = agencies[0].name if agencies else ""
        report.sessions.add(WorkingSession(held_on=report_date, place=shorten(place, 255)))
    for figure in found.figures:
        report.figures.add(
            KeyFigure(
                label=figure.label, value=figure.value, unit=figure.unit[:50], as_of=figure.as_of
            )
        )
    addressed: list[tuple[Recommendation, Agency]] = []
    for item in found.sections.recommendations:
        recommendation = Recommendation(text=item.text)
        report.recommendations.add(recommendation)
        if item.addressee:
            agency = agency_for(FoundAgency(item.addressee, AgencyLevel.PROVINCE), report_date)
            addressed.append((recommendation, agency))
    report.news_links.add(ReportNewsLink(article=article))
    index.add_child(instance=report)
    # A child's many-to-many is written only once the child has a primary key.
    for recommendation, agency in addressed:
        recommendation.addressees.set([agency])
        recommendation.addressees.commit()

    # A draft may lack what the article did not say (the supervising body, say). As with
    # Wagtail's own draft saves, full validation waits until the editor publishes; every
    # value set above is already cut to its field's length.
    revision = report.save_revision(user=user, log_action=False, clean=False)
    log(
        instance=report, action="wagtail.create", user=user, revision=revision, content_changed=True
    )
    return DraftResult(report, created=True, missing=_missing(report, found))
