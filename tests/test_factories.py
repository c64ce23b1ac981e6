"""The factories skip Wagtail's admin indexes while building, and only while building."""

from __future__ import annotations

from django.utils import timezone
from wagtail.models import ReferenceIndex

from news.models import NewsArticlePage
from tests.factories import ImageFactory, make_article


def admin_search(client, query: str) -> str:
    return client.get("/admin/pages/search/", {"q": query}).content.decode()


def test_an_article_published_after_a_factory_ran_reaches_the_admin_search_and_usage(
    client, admin_user, sections
):
    built = make_article(
        sections["council"], title="Tiếp xúc cử tri huyện Tam Đường", lead_image=ImageFactory()
    )
    image = ImageFactory()
    published = NewsArticlePage(
        title="Giám sát bảo trợ xã hội Phong Thổ",
        summary="Đoàn giám sát làm việc tại huyện.",
        published_at=timezone.now(),
        lead_image=image,
    )
    sections["committees"].add_child(instance=published)
    published.save_revision().publish()

    client.force_login(admin_user)
    assert "Giám sát bảo trợ xã hội Phong Thổ" in admin_search(client, "Phong Thổ")
    assert ReferenceIndex.get_references_to(image).exists()
    # What the factory built skipped both indexes, as the importer's pages would until it
    # indexes them itself.
    assert "Tiếp xúc cử tri huyện Tam Đường" not in admin_search(client, "Tam Đường")
    assert not ReferenceIndex.get_references_for_object(built).exists()
