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


def test_our_copy_of_wagtails_account_summary_still_matches_upstream():
    # site/templates/wagtailadmin/home/account_summary.html copies Wagtail's without the editor
    # guide link. On a Wagtail upgrade that changes the original, re-copy it and update this.
    import hashlib
    from pathlib import Path

    import wagtail.admin

    upstream = (
        Path(wagtail.admin.__file__).parent / "templates/wagtailadmin/home/account_summary.html"
    )
    digest = hashlib.sha256(upstream.read_bytes()).hexdigest()
    assert digest == "ff5c7d30e46778c38af5557c0fd08c0139f71f8a539c791501ed9664f6ec6837"
