"""Recommendations (kiến nghị) and their public, dated follow-up history."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, WorkflowMixin

from ..enums import AgencyPosition, RecommendationStatus
from ..overdue import is_overdue, overdue_q


class RecommendationQuerySet(models.QuerySet):
    def overdue(self, today: date | None = None):
        return self.filter(overdue_q(today or timezone.localdate()))

    def not_overdue(self, today: date | None = None):
        return self.exclude(overdue_q(today or timezone.localdate()))

    def public(self):
        """Recommendations of live reports that no view restriction covers."""
        from core.visibility import not_restricted

        return self.filter(report__live=True).filter(not_restricted("report__path"))


# ClusterableModel: without it the addressees (a ParentalManyToManyField) chosen in the
# report's inline panel are never written to the database (modelcluster commits a
# child's parental many-to-many only when the child is itself clusterable).
class Recommendation(ClusterableModel, Orderable):
    report = ParentalKey(
        "reports.SupervisionReportPage", related_name="recommendations", on_delete=models.CASCADE
    )
    text = models.TextField(_("nội dung kiến nghị"))
    addressees = ParentalManyToManyField(
        "reports.Agency",
        verbose_name=_("cơ quan được kiến nghị"),
        blank=True,
        related_name="recommendations",
    )
    deadline = models.DateField(_("thời hạn"), null=True, blank=True, db_index=True)
    is_priority = models.BooleanField(_("ưu tiên"), default=False)
    position = models.CharField(
        _("ý kiến của cơ quan"),
        max_length=20,
        choices=AgencyPosition.choices,
        default=AgencyPosition.UNKNOWN,
    )
    position_date = models.DateField(_("ngày phản hồi"), null=True, blank=True)
    position_response = models.TextField(_("nội dung phản hồi"), blank=True)
    # Derived from the latest update; editors record progress as updates, not here, so an
    # older revision of the report can never roll the status back.
    status = models.CharField(
        _("tình trạng thực hiện"),
        max_length=20,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.NOT_STARTED,
        db_index=True,
        editable=False,
    )
    status_date = models.DateField(
        _("ngày cập nhật tình trạng"), null=True, blank=True, editable=False
    )

    objects = RecommendationQuerySet.as_manager()

    panels = [
        FieldPanel("text"),
        FieldPanel("addressees"),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("is_priority")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("position"), FieldPanel("position_date")]),
                FieldPanel("position_response"),
            ],
            heading=_("Ý kiến của cơ quan được kiến nghị"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kiến nghị")
        verbose_name_plural = _("kiến nghị")
        indexes = [models.Index(fields=["status", "deadline"], name="rec_status_deadline")]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:77] + "…"

    @property
    def is_overdue(self) -> bool:
        """Overdue today (reports.overdue); lists of many rows pass one `today` instead."""
        return is_overdue(self, timezone.localdate())

    def save(self, *args, **kwargs):
        if self.pk:
            latest = self.updates.approved().order_by("-date", "-pk").first()
            if latest is not None:
                self.status, self.status_date = latest.status, latest.date
        super().save(*args, **kwargs)


class RecommendationUpdateQuerySet(models.QuerySet):
    def approved(self):
        """The steps readers see: approved (live). An editor's step waiting for approval,
        or rejected, is a draft (live=False) and is never public."""
        return self.filter(live=True)


def refresh_status(recommendation_id: int) -> None:
    """Copy the latest approved step onto the recommendation (what every public list,
    filter, count, export and the search index read); with none, it is not started."""
    latest = (
        RecommendationUpdate.objects.approved()
        .filter(recommendation_id=recommendation_id)
        .order_by("-date", "-pk")
        .first()
    )
    status, day = (
        (latest.status, latest.date) if latest else (RecommendationStatus.NOT_STARTED, None)
    )
    Recommendation.objects.filter(pk=recommendation_id).update(status=status, status_date=day)


# Wagtail's own approval for a status change: a draft (DraftStateMixin) with revisions, sent
# through the same "Duyệt tin" workflow as pages (WorkflowMixin, assigned to this model by
# migration 0002). An editor's step stays live=False until an approver approves it in the
# admin; approving publishes it, and its save refreshes the recommendation's status.
class RecommendationUpdate(WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model):
    """One dated step in the public follow-up of a recommendation."""

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("kiến nghị"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    date = models.DateField(_("ngày"), default=timezone.localdate)
    status = models.CharField(_("tình trạng"), max_length=20, choices=RecommendationStatus.choices)
    note = models.TextField(_("ghi chú"), blank=True)
    evidence = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("văn bản chứng minh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_report = models.ForeignKey(
        "reports.SupervisionReportPage",
        verbose_name=_("xác định qua báo cáo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_text = models.CharField(
        _("nguồn khác"), max_length=255, blank=True, help_text=_("Ví dụ: Công văn số … của Sở …")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("thời điểm ghi nhận"), auto_now_add=True)

    objects = RecommendationUpdateQuerySet.as_manager()

    panels = [
        FieldPanel("recommendation"),
        FieldPanel("status"),
        FieldPanel("date"),
        FieldPanel("note"),
        FieldPanel("evidence"),
        FieldPanel("source_text"),
    ]

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("cập nhật tình trạng kiến nghị")
        verbose_name_plural = _("cập nhật tình trạng kiến nghị")

    def __str__(self) -> str:
        # The approvers' dashboard and the workflow screens name a step by this: which
        # recommendation it moves matters as much as the new status.
        return f"{self.get_status_display()} ({self.date:%d/%m/%Y}) – {self.recommendation}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        refresh_status(self.recommendation_id)

    def delete(self, *args, **kwargs):
        recommendation_id = self.recommendation_id
        result = super().delete(*args, **kwargs)
        refresh_status(recommendation_id)
        return result


class RecommendationReview(Orderable):
    """A re-inspection's verdict on a recommendation of the report it follows up.

    Publishing the re-inspection report turns each review into a RecommendationUpdate.
    """

    report = ParentalKey(
        "reports.SupervisionReportPage", related_name="reviews", on_delete=models.CASCADE
    )
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("kiến nghị"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    status = models.CharField(
        _("tình trạng mới"), max_length=20, choices=RecommendationStatus.choices
    )
    note = models.TextField(_("nhận xét"), blank=True)

    panels = [FieldPanel("recommendation"), FieldPanel("status"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("đánh giá kiến nghị")
        verbose_name_plural = _("đánh giá kiến nghị")
