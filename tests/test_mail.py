"""E-mail: SMTP settings from the environment, moderation and password-reset mails through
Django's mail backend (core.mail.MonitoredEmailBackend in front of the locmem backend, so
mail.outbox holds what would have gone out), and a failed send logged and shown to
administrators on the dashboard, never silent (a real SMTP connection refused)."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.core import mail

from core import mail as core_mail
from tests.factories import make_article, make_section

REPO_ROOT = Path(__file__).resolve().parent.parent
MONITORED = "core.mail.MonitoredEmailBackend"


@pytest.fixture
def delivered(settings):
    settings.EMAIL_BACKEND = MONITORED
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def refused(settings):
    """SMTP on a local port where nothing listens: the connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = MONITORED
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 5
    return port


def settings_in_subprocess(env: dict[str, str], code: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; {code}",
        ],
        cwd=REPO_ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.base", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_smtp_settings_come_from_the_environment():
    result = settings_in_subprocess(
        {
            "EMAIL_HOST": "smtp.tinh.gov.vn",
            "EMAIL_PORT": "587",
            "EMAIL_HOST_USER": "hdnd",
            "EMAIL_HOST_PASSWORD": "bí-mật",
            "EMAIL_USE_TLS": "true",
            "DEFAULT_FROM_EMAIL": "HĐND tỉnh <hdnd@tinh.gov.vn>",
            "SERVER_EMAIL": "loi@tinh.gov.vn",
        },
        "print(settings.EMAIL_BACKEND, settings.EMAIL_DELIVERY_BACKEND, settings.EMAIL_HOST,"
        " settings.EMAIL_PORT, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD,"
        " settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL, settings.DEFAULT_FROM_EMAIL,"
        " settings.SERVER_EMAIL, sep='|')",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        MONITORED,
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.tinh.gov.vn",
        "587",
        "hdnd",
        "bí-mật",
        "True",
        "False",
        "HĐND tỉnh <hdnd@tinh.gov.vn>",
        "loi@tinh.gov.vn",
    ]


def test_tls_and_ssl_together_are_refused_in_words():
    result = settings_in_subprocess(
        {"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}, "print(settings.EMAIL_HOST)"
    )
    assert result.returncode != 0
    assert "Chỉ đặt một trong EMAIL_USE_TLS" in result.stderr


def test_password_reset_mail_goes_out_in_vietnamese(client, editor, delivered):
    response = client.post("/admin/password_reset/", {"email": editor.email})
    assert response.status_code == 302
    assert len(delivered) == 1
    message = delivered[0]
    assert message.to == [editor.email]
    assert message.subject == "Đặt lại mật khẩu"


def submit(page, user) -> None:
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


def test_moderation_mails_reach_the_approver_then_the_editor(home, editor, approver, delivered):
    section = make_section("Tin tức", home)
    article = make_article(section, title="Giám sát nước sạch Mường Tè", live=False)
    submit(article, editor)
    to_approver = [m for m in delivered if m.to == [approver.email]]
    assert to_approver, [m.subject for m in delivered]
    assert to_approver[0].subject.startswith(
        'Trang "Giám sát nước sạch Mường Tè" đã được gửi duyệt'
    )

    delivered.clear()
    article.current_workflow_task_state.approve(user=approver)
    subjects = [m.subject for m in delivered if m.to == [editor.email]]
    assert subjects == ['Trang "Giám sát nước sạch Mường Tè" đã được duyệt trong "Duyệt tin".']


def test_a_refused_smtp_server_is_logged_and_shown_on_the_dashboard(
    client, home, editor, approver, refused, caplog
):
    caplog.set_level(logging.ERROR, logger="core.mail")
    # A password reset: the reader sees the usual answer, the failure is not lost.
    assert client.post("/admin/password_reset/", {"email": editor.email}).status_code == 302
    # A submission: Wagtail opens one connection for its notifications, refused.
    section = make_section("Tin tức", home)
    submit(make_article(section, title="Giám sát trường học", live=False), editor)

    logged = [r.getMessage() for r in caplog.records if r.name == "core.mail"]
    assert any("Đặt lại mật khẩu" in line and editor.email in line for line in logged)
    assert len(core_mail.recent_failures()) >= 2

    admin = User.objects.create_superuser("quantri", "quantri@tinh.gov.vn", "x")
    client.force_login(admin)
    page = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = page.select_one("#mail-failures-section")
    assert panel is not None
    text = " ".join(panel.get_text().split())
    assert "Thư điện tử chưa gửi được" in text and f"127.0.0.1:{refused}" in text
    assert "Đặt lại mật khẩu" in text and editor.email in text

    # An editor does not get the administrator's panel.
    client.force_login(editor)
    assert b"mail-failures" not in client.get("/admin/").content


def test_a_successful_send_clears_the_warning(client, editor, delivered):
    core_mail.record_failure("Đặt lại mật khẩu", [editor.email], ConnectionRefusedError(111))
    assert core_mail.recent_failures()
    client.post("/admin/password_reset/", {"email": editor.email})
    assert core_mail.recent_failures() == [] and core_mail.last_success() is not None
