"""Publishing a re-inspection report records the new status of the reviewed recommendations;
a recorded status expires the cached public blocks that show it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from core.cache import bump_content_generation

from .models import RecommendationUpdate, SupervisionReportPage


@receiver(page_published, sender=SupervisionReportPage)
def record_reviews_as_updates(sender, instance: SupervisionReportPage, revision=None, **kwargs):
    review_date = (
        instance.report_date or (instance.last_published_at or instance.first_published_at).date()
    )
    user = getattr(revision, "user", None)
    with transaction.atomic():
        for review in instance.reviews.select_related("recommendation"):
            # One update per (recommendation, re-inspection): republishing edits it in place.
            update = RecommendationUpdate.objects.filter(
                recommendation_id=review.recommendation_id, source_report=instance
            ).first() or RecommendationUpdate(
                recommendation_id=review.recommendation_id, source_report=instance
            )
            update.date = review_date
            update.status = review.status
            update.note = review.note
            if update.recorded_by_id is None:
                update.recorded_by = user
            update.save()


@receiver(post_save, sender=RecommendationUpdate)
@receiver(post_delete, sender=RecommendationUpdate)
def expire_home_block(sender, **kwargs) -> None:
    """A new status can take a recommendation off the home page's overdue list (and its
    cached copy is kept per content generation)."""
    transaction.on_commit(bump_content_generation)
