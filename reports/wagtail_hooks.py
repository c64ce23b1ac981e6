from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin import (
    drafting_hooks,  # noqa: F401  (admin action: draft a report from an article)
    followup_hooks,  # noqa: F401  (recommendation follow-up: panel, menu, quick update)
    update_approval,  # noqa: F401  (status steps' snippet screens for the approval workflow)
)
from .article_extras import related_supervision_reports  # noqa: F401  (hook for news articles)
from .home_block import supervision_home_block  # noqa: F401  (hook for the home page)
from .models import AdministrativeUnit, Agency, Field, Person, SupervisingBody


class SupervisingBodyViewSet(SnippetViewSet):
    model = SupervisingBody
    icon = "group"
    list_display = ["name", "short_name", "kind", "term"]
    list_filter = ["kind"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "site"
    list_display = ["name", "abbreviation", "level", "active_from", "active_until", "successor"]
    list_filter = ["level"]
    search_fields = ["name", "abbreviation"]


class AdministrativeUnitViewSet(SnippetViewSet):
    model = AdministrativeUnit
    icon = "globe"
    list_display = ["name", "unit_type", "parent", "valid_from", "valid_until"]
    list_filter = ["level"]
    search_fields = ["name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "position"]
    search_fields = ["name"]


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    list_display = ["name", "slug"]


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Danh mục giám sát")
    menu_icon = "list-ul"
    menu_order = 250
    items = (
        SupervisingBodyViewSet,
        AgencyViewSet,
        AdministrativeUnitViewSet,
        PersonViewSet,
        FieldViewSet,
    )


register_snippet(ReferenceDataGroup)
