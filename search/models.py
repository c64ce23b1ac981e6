"""What the site's search reads: one row per public document, the same for every backend.

`SearchEntry` is built from the live, public articles, reports and recommendations
(search.sources) whenever they change (search.signals → search.indexing). It carries the
display text, the folded text every backend matches on (search.analysis), and the facet
columns, so a search page needs no join back to the pages. The database backend searches
these rows through Wagtail's database search; Elasticsearch is loaded from them
(search.backends.elastic), which keeps the two backends in step by construction.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class EntryKind(models.TextChoices):
    ARTICLE = "article", _("Tin tức")
    REPORT = "report", _("Báo cáo giám sát")
    RECOMMENDATION = "recommendation", _("Kiến nghị")


class HeadingField(index.SearchField):
    """The folded title and summary, indexed under the name "title".

    Wagtail's database backend gives a field named "title" a column of its own and puts
    every other field in "body". The database search backend ranks every match on that
    small column (FTS5's bm25 weights it on SQLite; on PostgreSQL ranking it never reads
    the large body vectors), so a heading that says what the reader typed comes first.
    The title and summary stay in "body" too: every word of a document is in that one
    column, whichever the search matches on (search.backends.database.engine).
    """

    def __init__(self, boost: float) -> None:
        super().__init__("title", boost=boost)

    def get_value(self, obj: SearchEntry) -> str:
        return f"{obj.title_folded} {obj.summary_folded}".strip()


class SearchEntry(index.Indexed, models.Model):
    key = models.CharField(max_length=64, unique=True)  # "article:12", "recommendation:7"
    kind = models.CharField(max_length=20, choices=EntryKind.choices, db_index=True)
    # The page that carries the document (a recommendation's report), for refreshes.
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=True
    )
    url = models.CharField(max_length=500)
    published = models.DateTimeField(null=True, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, db_index=True)

    # Display text (plain text, as written) ...
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # ... the conclusions part: a report's conclusion and recommendations, a
    # recommendation's text (the "chỉ tìm trong kết luận giám sát" scope).
    conclusion = models.TextField(blank=True)
    # ... and the same fields as search.analysis.index_forms(...).expanded_folded.
    title_folded = models.TextField()
    summary_folded = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)
    conclusion_folded = models.TextField(blank=True)

    # Facets. Single-valued ones are plain columns; multi-valued ones keep [id, label]
    # pairs for display and a "|3|7|" key string for a portable `contains` filter.
    section_id = models.PositiveIntegerField(null=True, db_index=True)
    section_label = models.CharField(max_length=255, blank=True)
    # Tree path of the page: a section filter covers its sub-sections (path prefix).
    path = models.CharField(max_length=255, db_index=True)
    body_id = models.PositiveIntegerField(null=True, db_index=True)
    body_label = models.CharField(max_length=255, blank=True)
    fields = models.JSONField(default=list, blank=True)
    field_keys = models.CharField(max_length=500, blank=True)
    localities = models.JSONField(default=list, blank=True)
    locality_keys = models.CharField(max_length=2000, blank=True)
    status = models.CharField(max_length=20, blank=True, db_index=True)
    status_label = models.CharField(max_length=100, blank=True)

    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    search_fields = [
        HeadingField(boost=4),
        index.SearchField("title_folded", boost=4),
        index.SearchField("summary_folded", boost=2),
        index.SearchField("conclusion_folded", boost=1.5),
        index.SearchField("body_folded"),
        index.AutocompleteField("title_folded"),
        index.FilterField("kind"),
        index.FilterField("year"),
        index.FilterField("status"),
        index.FilterField("section_id"),
        index.FilterField("body_id"),
        index.FilterField("published"),
    ]

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("mục tìm kiếm")

    def __str__(self) -> str:
        return f"{self.key}: {self.title[:60]}"


class ElasticsearchSync(models.Model):
    """When Elasticsearch last caught up with SearchEntry in full (one row per alias)."""

    alias = models.CharField(max_length=100, unique=True)
    last_success = models.DateTimeField(null=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return self.alias


class IndexingFailure(models.Model):
    """A live Elasticsearch update that failed; `search_index sync` retries and clears it."""

    key = models.CharField(max_length=64, db_index=True)
    action = models.CharField(max_length=10)  # "index" or "delete"
    error = models.TextField()
    failed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-failed_at"]

    def __str__(self) -> str:
        return f"{self.action} {self.key}: {self.error[:60]}"


class IndexingRun(models.Model):
    """The `search_index rebuild` or `sync` now writing (search.lease): one at a time.

    Two at once would insert the same SearchEntry keys, and the later rebuild would
    delete the Elasticsearch index the earlier one is loading.
    """

    name = models.CharField(max_length=50, unique=True)
    holder = models.CharField(max_length=200)  # "host:pid rebuild"
    started_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name}: {self.holder} since {self.started_at:%Y-%m-%d %H:%M}"
