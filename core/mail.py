"""E-mail that cannot fail silently.

Wagtail's moderation notifications and Django's password reset both catch a failed send
and only log it: the editor is told the page was submitted, the approver never hears of
it, and nobody looks at the log. `MonitoredEmailBackend` (settings.EMAIL_BACKEND) hands
every message to the real backend (EMAIL_DELIVERY_BACKEND: SMTP from EMAIL_HOST, …) and,
when a send fails, logs it with the subject and recipients and keeps it in the shared
cache, from where the admin dashboard shows it to administrators (core.wagtail_hooks)
until a later send succeeds. The error is then raised on as before, so the callers'
own handling (and fail_silently) is unchanged.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage

logger = logging.getLogger(__name__)

FAILURES_KEY = "core:mail:failures"
LAST_SUCCESS_KEY = "core:mail:last-success"
KEPT = 20
# A week: long enough for an administrator to see it after a weekend.
TTL = 7 * 24 * 60 * 60


def record_failure(subject: str, recipients: Sequence[str], error: BaseException) -> None:
    """Log a failed send and keep it for the dashboard (newest first, at most KEPT)."""
    detail = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    logger.error("E-mail not sent (%s) to %s: %s", subject or "?", ", ".join(recipients), detail)
    failure = {
        "when": time.time(),
        "subject": subject,
        "recipients": list(recipients),
        "error": detail,
    }
    cache.set(FAILURES_KEY, [failure, *recent_failures()][:KEPT], TTL)


def recent_failures() -> list[dict[str, Any]]:
    """The failures since the last successful send, newest first."""
    return list(cache.get(FAILURES_KEY) or [])


def last_success() -> float | None:
    return cache.get(LAST_SUCCESS_KEY)


def _record_success() -> None:
    # A working send means the configuration was fixed: the old failures are history.
    cache.set(LAST_SUCCESS_KEY, time.time(), TTL)
    cache.delete(FAILURES_KEY)


class MonitoredEmailBackend(BaseEmailBackend):
    """Delivers through settings.EMAIL_DELIVERY_BACKEND; records what fails."""

    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently)
        self.delivery = get_connection(
            getattr(
                settings, "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
            ),
            fail_silently=False,
            **kwargs,
        )

    def open(self) -> bool | None:
        try:
            return self.delivery.open()
        except Exception as error:
            # Wagtail opens one connection for all its notifications: a refused connection
            # fails them all before any message is handed over.
            record_failure("", [], error)
            if not self.fail_silently:
                raise
            return False

    def close(self) -> None:
        try:
            self.delivery.close()
        except Exception:  # noqa: BLE001 - closing a broken connection is not a failed send
            if not self.fail_silently:
                raise

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if not email_messages:
            return 0
        try:
            sent = self.delivery.send_messages(email_messages) or 0
        except Exception as error:
            for message in email_messages:
                record_failure(str(message.subject), message.recipients(), error)
            if not self.fail_silently:
                raise
            return 0
        if sent:
            _record_success()
        return sent
