"""Keep cached lists honest: any change to what is public bumps the content generation."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.cache import bump_content_generation


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(page_slug_changed)
def _page_changed(sender, **kwargs) -> None:
    bump_content_generation()


@receiver(post_save, sender="news.PortalSettings")
@receiver(post_delete, sender="wagtailcore.Page")
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _visibility_changed(sender, **kwargs) -> None:
    bump_content_generation()
