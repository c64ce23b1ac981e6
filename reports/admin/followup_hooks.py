"""Admin wiring for recommendation follow-up: URLs, menu item and dashboard panel."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .followup_views import (
    OverdueRecommendationsPanel,
    can_record_updates,
    followup_list,
    followup_url,
    record_update,
)


@hooks.register("register_admin_urls")
def register_followup_urls() -> list:
    return [
        path("theo-doi-kien-nghi/", followup_list, name="reports_followup"),
        path(
            "theo-doi-kien-nghi/<int:pk>/cap-nhat/",
            record_update,
            name="reports_recommendation_update",
        ),
    ]


class FollowUpMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_record_updates(request.user)


@hooks.register("register_admin_menu_item")
def register_followup_menu_item() -> MenuItem:
    return FollowUpMenuItem(
        _("Theo dõi kiến nghị"),
        followup_url,
        name="theo-doi-kien-nghi",
        icon_name="tasks",
        order=260,
    )


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels: list) -> None:
    if can_record_updates(request.user):
        panels.append(OverdueRecommendationsPanel())
