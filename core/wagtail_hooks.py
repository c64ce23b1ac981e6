"""Admin dashboard: e-mail that could not be sent (core.mail), shown to administrators."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from core import mail


class MailFailuresPanel(Component):
    """Dashboard panel "Thư điện tử chưa gửi được", only while there are failures."""

    name = "mail_failures"
    order = 50  # first: nobody else will say that notifications stopped arriving
    template_name = "core/admin/mail_failures_panel.html"

    def __init__(self, failures: list[dict[str, Any]]) -> None:
        self.failures = failures

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        def local(stamp: float | None) -> datetime | None:
            if stamp is None:
                return None
            return timezone.localtime(datetime.fromtimestamp(stamp, UTC))

        return {
            "failures": [{**failure, "when": local(failure["when"])} for failure in self.failures],
            "last_success": local(mail.last_success()),
            "host": f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}",
        }


@hooks.register("construct_homepage_panels")
def add_mail_failures_panel(request: HttpRequest, panels: list) -> None:
    if request.user.is_superuser and (failures := mail.recent_failures()):
        panels.append(MailFailuresPanel(failures))
