"""Daily view counts per article, for "Tin đọc nhiều" (most read in the last 30 days)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleViewCount(models.Model):
    """One row per article per day: cheap to bump, cheap to sum over a window."""

    article = models.ForeignKey(
        "news.NewsArticlePage",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="view_counts",
    )
    day = models.DateField(_("ngày"))
    count = models.PositiveIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem trong ngày")
        verbose_name_plural = _("lượt xem trong ngày")
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="news_view_count_per_day")
        ]
        indexes = [models.Index(fields=["day"], name="news_view_count_day")]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day}: {self.count}"
