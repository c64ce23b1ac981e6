"""Brute-force protection (issue 11 §4): the admin login locks after repeated failures, the
password reset and page passwords are throttled, and Django's second login is gone.

The test settings switch these limits off for the rest of the suite; each test here turns
on the one it checks, through real requests to the real views.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.core import mail
from wagtail.models import PageViewRestriction

from tests.factories import make_article

LOCKED = "Tài khoản tạm khóa do đăng nhập sai nhiều lần, vui lòng thử lại sau 15 phút."
PASSWORD = "mat-khau-dung-123"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = 15 / 60


@pytest.fixture
def staff(db):
    return User.objects.create_superuser("quantri", "quantri@x.vn", PASSWORD)


def log_in(client, password: str, address: str = "10.0.0.1"):
    return client.post(
        "/admin/login/",
        {"username": "quantri", "password": password},
        REMOTE_ADDR=address,
    )


def page_text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_the_sixth_attempt_after_five_wrong_passwords_is_locked_out(client, staff, axes_on):
    for _ in range(4):
        response = log_in(client, "sai")
        assert response.status_code == 200  # the form again, with Wagtail's own error
        assert LOCKED not in page_text(response)
    assert log_in(client, "sai").status_code == 429  # the fifth failure locks

    response = log_in(client, PASSWORD)  # even the right password, now

    assert response.status_code == 429
    assert LOCKED in page_text(response)
    assert int(response["Retry-After"]) == 15 * 60
    assert not signed_in(client)


def test_the_lock_is_for_that_username_from_that_address(client, staff, axes_on):
    for _ in range(5):
        log_in(client, "sai", address="10.0.0.1")

    assert log_in(client, PASSWORD, address="10.0.0.2").status_code == 302
    assert signed_in(client)


def test_the_lock_ends_after_the_cool_off(client, staff, axes_on, settings):
    for _ in range(5):
        log_in(client, "sai")
    settings.AXES_COOLOFF_TIME = 0.0  # the 15 minutes have passed

    assert log_in(client, PASSWORD).status_code == 302


def test_a_correct_password_forgets_the_earlier_failures(client, staff, axes_on):
    for _ in range(4):
        log_in(client, "sai")
    assert log_in(client, PASSWORD).status_code == 302
    client.post("/admin/logout/")

    for _ in range(4):
        assert log_in(client, "sai").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302


def test_password_reset_posts_are_throttled(client, staff, settings):
    settings.FORM_THROTTLES = {"wagtailadmin_password_reset": (3, 3600)}
    for _ in range(3):
        response = client.post("/admin/password_reset/", {"email": "quantri@x.vn"})
        assert response.status_code == 302
    assert len(mail.outbox) == 3

    response = client.post("/admin/password_reset/", {"email": "quantri@x.vn"})

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "vui lòng thử lại sau 60 phút" in page_text(response)
    assert len(mail.outbox) == 3  # no fourth mail
    # Another reader's address is not held back.
    other = client.post("/admin/password_reset/", {"email": "x@x.vn"}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


def password_page(parent, title: str, password: str):
    article = make_article(parent, title)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type="password", password=password
    )
    return article, restriction


def try_password(client, article, restriction, password: str):
    url = f"/_util/authenticate_with_password/{restriction.pk}/{article.pk}/"
    return client.post(url, {"password": password, "return_url": article.url})


def test_page_passwords_are_throttled_per_page(client, home, settings):
    settings.FORM_THROTTLES = {"wagtailcore_authenticate_with_password": (3, 900)}
    article, restriction = password_page(home, "Tài liệu nội bộ", "bimat")
    other, other_restriction = password_page(home, "Tài liệu khác", "khac")
    for guess in ("a", "b", "c"):
        assert try_password(client, article, restriction, guess).status_code == 200  # refused

    response = try_password(client, article, restriction, "bimat")  # right, but too late

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert "Bạn đã thử quá nhiều lần, vui lòng thử lại sau 15 phút." in page_text(response)
    assert client.get(article.url).status_code == 200
    assert "Tài liệu nội bộ" not in page_text(client.get(article.url))  # still the form
    # The limit is per page: the other restricted page still takes its password.
    assert try_password(client, other, other_restriction, "khac").status_code == 302
    assert "Nội dung Tài liệu khác" in page_text(client.get(other.url))


def test_django_admin_is_not_served(client, db):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def test_robots_txt_does_not_mention_django_admin(client, home):
    text = client.get("/robots.txt").content.decode()
    assert "django-admin" not in text
    assert "Disallow: /admin/" in text
