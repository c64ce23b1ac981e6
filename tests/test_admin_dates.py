"""Dates in the admin are dd/mm/yyyy both ways: shown, typed, parsed, stored unchanged.

Every editable date and date-time field of our models (pages, inline rows, snippets) goes
through Wagtail's admin form machinery, so each one is shown by its widget, then the shown
text is posted back and must give the same value. Impossible dates get Vietnamese errors.
The browser side (the real editor, the schedule dialog, the quick update form) is in
tests/browser/test_admin_dates.py.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models
from django.forms.models import modelform_factory
from django.template import Context, Template
from django.test import override_settings
from django.urls import reverse
from django.utils import formats, translation
from wagtail.admin.checks import datetime_format_check
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import DateBlock
from wagtail.models import Page

from reports.admin.followup_views import RecommendationUpdateForm

pytestmark = pytest.mark.django_db  # building page instances reads the default locale

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
# Day 8, month 12: read the wrong way round it is 12 August, still a valid date.
SWAPPABLE_DAY = date(2022, 12, 8)
SWAPPABLE_MOMENT = datetime(2022, 12, 8, 8, 18, tzinfo=HANOI)
# The admin speaks Vietnamese by default; editors may switch their own admin to English.
ADMIN_LANGUAGES = sorted(
    {code for code, _ in settings.LANGUAGES}
    | {code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
)


def editable_date_fields() -> list[tuple[type[models.Model], str]]:
    """Every date or date-time field an editor can type into, in our apps and on Page."""
    found = [(Page, "go_live_at"), (Page, "expire_at")]
    for app_label in ("news", "reports"):
        for model in apps.get_app_config(app_label).get_models():
            for field in model._meta.get_fields():
                typed_by_editors = (
                    isinstance(field, models.DateField)
                    and field.editable
                    and field.concrete
                    and field.model is model  # Page's own fields are listed once, above
                    and not (field.auto_now or field.auto_now_add)
                )
                if typed_by_editors:
                    found.append((model, field.name))
    return found


FIELDS = editable_date_fields()


def admin_form(model: type[models.Model], name: str, **kwargs) -> forms.ModelForm:
    """A one-field form built the way Wagtail builds the editor's forms (same widgets)."""
    form_class = modelform_factory(model, form=WagtailAdminModelForm, fields=[name])
    return form_class(**kwargs)


def shown_value(form: forms.Form, name: str) -> str:
    html = str(form[name])
    match = re.search(r'value="([^"]*)"', html)
    assert match, html
    return match.group(1)


def test_the_models_have_the_date_fields_the_issue_lists():
    names = {f"{model.__name__}.{name}" for model, name in FIELDS}
    expected = {
        "Page.go_live_at",
        "NewsArticlePage.published_at",
        "SupervisionReportPage.report_date",
        "SupervisionReportPage.period_start",
        "WorkingSession.held_on",
        "KeyFigure.as_of",
        "Recommendation.deadline",
        "RecommendationUpdate.date",
    }
    assert expected <= names


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
@pytest.mark.parametrize(("model", "name"), FIELDS, ids=lambda v: getattr(v, "__name__", v))
def test_every_admin_date_field_shows_dd_mm_yyyy_and_reads_it_back(model, name, language):
    is_datetime = isinstance(model._meta.get_field(name), models.DateTimeField)
    value = SWAPPABLE_MOMENT if is_datetime else SWAPPABLE_DAY
    with translation.override(language):
        shown = shown_value(admin_form(model, name, instance=model(**{name: value})), name)
        assert shown == ("08/12/2022 08:18" if is_datetime else "08/12/2022")

        posted = admin_form(model, name, data={name: shown}, instance=model())
        posted.is_valid()
    assert name not in posted.errors
    assert posted.cleaned_data[name] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27/10/2020 08:18", datetime(2020, 10, 27, 8, 18, tzinfo=HANOI)),
        ("25/12/2026 08:00", datetime(2026, 12, 25, 8, 0, tzinfo=HANOI)),
        ("05/12/2026 08:00", datetime(2026, 12, 5, 8, 0, tzinfo=HANOI)),
        ("5/12/2026 8:00", datetime(2026, 12, 5, 8, 0, tzinfo=HANOI)),
        ("05/12/2026 08:00:30", datetime(2026, 12, 5, 8, 0, 30, tzinfo=HANOI)),
        ("05/12/2026", datetime(2026, 12, 5, 0, 0, tzinfo=HANOI)),
        ("2026-12-05 08:00", datetime(2026, 12, 5, 8, 0, tzinfo=HANOI)),
    ],
)
def test_schedule_and_publication_times_read_day_first(text, expected):
    form = admin_form(Page, "go_live_at", data={"go_live_at": text})
    form.is_valid()
    assert "go_live_at" not in form.errors
    assert form.cleaned_data["go_live_at"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/11/2026", date(2026, 11, 15)),
        ("02/12/2026", date(2026, 12, 2)),
        ("2/12/2026", date(2026, 12, 2)),
        ("02-12-2026", date(2026, 12, 2)),
        ("2026-12-02", date(2026, 12, 2)),
    ],
)
def test_deadlines_read_day_first(text, expected):
    recommendation = apps.get_model("reports", "Recommendation")
    form = admin_form(recommendation, "deadline", data={"deadline": text})
    form.is_valid()
    assert "deadline" not in form.errors
    assert form.cleaned_data["deadline"] == expected


@pytest.mark.parametrize(
    ("model", "name", "text", "message"),
    [
        ("reports.Recommendation", "deadline", "31/02/2026", "Nhập một ngày hợp lệ."),
        ("reports.Recommendation", "deadline", "12/25/2026", "Nhập một ngày hợp lệ."),
        ("reports.WorkingSession", "held_on", "32/01/2026", "Nhập một ngày hợp lệ."),
        ("news.NewsArticlePage", "published_at", "31/02/2026 08:00", "ngày/thời gian hợp lệ"),
        ("news.NewsArticlePage", "published_at", "25/12/2026 25:00", "ngày/thời gian hợp lệ"),
    ],
)
def test_impossible_dates_are_refused_in_vietnamese(model, name, text, message):
    with translation.override("vi"):
        form = admin_form(apps.get_model(model), name, data={name: text})
        form.is_valid()
        errors = [str(error) for error in form.errors.get(name, [])]
    assert any(message in error for error in errors), errors


def test_the_quick_update_form_shows_and_reads_dd_mm_yyyy():
    form = RecommendationUpdateForm(initial={"date": date(2026, 12, 2)})
    assert shown_value(form, "date") == "02/12/2026"
    posted = RecommendationUpdateForm(data={"status": "dang-thuc-hien", "date": "15/11/2026"})
    posted.is_valid()
    assert "date" not in posted.errors
    assert posted.cleaned_data["date"] == date(2026, 11, 15)


def test_a_plain_django_date_field_also_shows_and_reads_dd_mm_yyyy():
    class Plain(forms.Form):
        day = forms.DateField()
        moment = forms.DateTimeField()

    form = Plain(initial={"day": SWAPPABLE_DAY, "moment": SWAPPABLE_MOMENT})
    assert shown_value(form, "day") == "08/12/2022"
    assert shown_value(form, "moment").startswith("08/12/2022 08:18")
    posted = Plain(data={"day": "08/12/2022", "moment": "08/12/2022 08:18"})
    assert posted.is_valid(), posted.errors
    assert posted.cleaned_data["day"] == SWAPPABLE_DAY
    assert posted.cleaned_data["moment"] == SWAPPABLE_MOMENT


def test_date_range_filters_in_admin_listings_read_day_first():
    # Wagtail's listing filters (history, audit log, workflows) use this widget.
    class History(forms.Form):
        timestamp = forms.DateField(widget=DateRangePickerWidget().widgets[0])

    posted = History(data={"timestamp": "08/12/2022"})
    assert posted.is_valid(), posted.errors
    assert posted.cleaned_data["timestamp"] == SWAPPABLE_DAY


def test_streamfield_date_blocks_read_day_first():
    block = DateBlock(required=False)
    assert block.field.clean("08/12/2022") == SWAPPABLE_DAY
    assert block.field.widget.format_value(SWAPPABLE_DAY) == "08/12/2022"


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_short_display_formats_are_day_first(language):
    template = Template('{{ d|date:"SHORT_DATE_FORMAT" }}|{{ m|date:"SHORT_DATETIME_FORMAT" }}')
    with translation.override(language):
        shown = template.render(Context({"d": SWAPPABLE_DAY, "m": SWAPPABLE_MOMENT}))
        assert shown == "08/12/2022|08/12/2022 08:18"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1  # Vietnamese weeks start on Monday


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_month_first_is_never_accepted(language):
    with translation.override(language):
        for kind in ("DATE_INPUT_FORMATS", "DATETIME_INPUT_FORMATS"):
            accepted = formats.get_format(kind)
            assert not [f for f in accepted if f.startswith("%m")], (kind, accepted)


def test_wagtail_format_settings_match_the_input_formats():
    # Wagtail's own check (wagtailadmin.E003) only runs when the removed USE_L10N setting is
    # truthy, so it is silent on Django 5; run it here for every admin language.
    languages = [(code, code) for code in ADMIN_LANGUAGES]
    with override_settings(USE_L10N=True, LANGUAGES=languages):
        assert datetime_format_check(None) == []


def test_the_site_history_date_filter_reads_and_shows_day_first(client, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", "quantri@x.vn", "x")
    client.force_login(admin)
    response = client.get(
        reverse("wagtailadmin_reports:site_history"),
        {"timestamp_from": "15/11/2026", "timestamp_to": "08/12/2026"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="15/11/2026"' in html
    assert 'value="08/12/2026"' in html
    assert "15/11/2026 - 08/12/2026" in html  # the active-filter chip
    assert "Nhập một ngày hợp lệ." not in html
