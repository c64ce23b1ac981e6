"""Create-or-find pages and publish them through Wagtail with a historical date."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from wagtail.models import Page, PageLogEntry, Revision

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class DemoContentError(RuntimeError):
    """The existing tree conflicts with the demo content (e.g. a slug taken by another type)."""


def local_datetime(text: str) -> datetime:
    """Parse "27/10/2020 08:18:57" as Asia/Ho_Chi_Minh time, whatever zone is active."""
    return datetime.strptime(text, "%d/%m/%Y %H:%M:%S").replace(tzinfo=LOCAL_TZ)


def find_child(parent: Page, slug: str, model: type[Page]) -> Page | None:
    """The child of `parent` with this slug, as `model`; None if there is none."""
    page = Page.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        return None
    page = page.specific
    if not isinstance(page, model):
        raise DemoContentError(
            f"Trang '{page.url_path}' đã tồn tại nhưng không phải {model._meta.verbose_name}."
        )
    return page


def publish_as_of(page: Page, when: datetime) -> None:
    """Publish a fresh revision of `page`, then date the page and its history to `when`.

    Wagtail stamps publication with the current time; the dates are rewritten with
    queryset updates afterwards so that no save() overwrites them.
    """
    revision = page.save_revision()
    revision.publish()
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=when,
        last_published_at=when,
        latest_revision_created_at=when,
    )
    if hasattr(page, "published_at"):
        type(page).objects.filter(pk=page.pk).update(published_at=when)
    PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=when)
    page.refresh_from_db()
