"""The admin works on an offline intranet: it loads nothing from, and its menus send editors
to no page on, another host."""

import re

import pytest

pytestmark = pytest.mark.django_db

# Resources a page loads from elsewhere: absolute (http:, https:) or protocol-relative (//).
EXTERNAL_RESOURCE = re.compile(r"""(?:src|srcset)=["'](?:https?:)?//""")


@pytest.fixture
def admin_client(client, django_user_model):
    # A user with an e-mail address: Wagtail would show their Gravatar from gravatar.com.
    admin = django_user_model.objects.create_superuser("quantri", "quantri@hdnd.example.vn", "x")
    client.force_login(admin)
    return client


@pytest.mark.parametrize("path", ["/admin/", "/admin/account/", "/admin/users/"])
def test_admin_pages_load_nothing_from_other_hosts(admin_client, path):
    html = admin_client.get(path).content.decode()
    assert EXTERNAL_RESOURCE.findall(html) == [], path


def test_the_help_menu_links_to_no_english_website(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "guide.wagtail.org" not in html
    assert "Phím tắt" in html  # the keyboard shortcuts item stays
