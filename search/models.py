"""What the site's search reads: one row per public document, the same for every backend.

`SearchEntry` is built from the live, public articles, reports and recommendations
(search.sources) whenever they change (search.signals → search.indexing). It carries the
display text, the folded text every backend matches on (search.analysis), and the facet
columns, so a search page needs no join back to the pages. The database backend searches
them through full-text storage of the project's own (`SearchVectors` on PostgreSQL, an
FTS5 table on SQLite: search.backends.database.writer); Elasticsearch is loaded from them
(search.backends.elastic), which keeps the two backends in step by construction.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    ARTICLE = "article", _("Tin tức")
    REPORT = "report", _("Báo cáo giám sát")
    RECOMMENDATION = "recommendation", _("Kiến nghị")


class SearchEntry(models.Model):
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

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("mục tìm kiếm")

    def __str__(self) -> str:
        return f"{self.key}: {self.title[:60]}"


class SearchVectors(models.Model):
    """PostgreSQL: the full text of one SearchEntry, as the database search reads it.

    Written by search.backends.database.writer in the same INSERT … SELECT that computes
    the vectors from the entry's folded text (`hdnd_unaccent`, search/migrations/0002),
    deleted with the entry (ON DELETE through Django's cascade). Its GIN indexes are
    created by search/migrations/0005 on PostgreSQL only. On SQLite this table stays empty:
    the full text lives in the FTS5 table `portal_search_fulltext` (same migration).

    * heading: the folded title and summary (weight B): every match is ranked on this
      small vector, never on the large body (search.backends.database.engine);
    * body: every folded text (title B, summary C, conclusion and body D), what matches;
    * autocomplete: the folded title, `simple` configuration, for suggestions.
    """

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="vectors"
    )
    heading = SearchVectorField()
    body = SearchVectorField()
    autocomplete = SearchVectorField()

    class Meta:
        verbose_name = _("chỉ mục toàn văn")
        verbose_name_plural = _("chỉ mục toàn văn")

    def __str__(self) -> str:
        return str(self.entry_id)


class ElasticsearchSync(models.Model):
    """When Elasticsearch last caught up with SearchEntry in full (one row per alias)."""

    alias = models.CharField(max_length=100, unique=True)
    last_success = models.DateTimeField(null=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return self.alias


class IndexingFailure(models.Model):
    """A live Elasticsearch update that failed; `search_index sync` retries and clears it,
    and a completed `rebuild` clears the ones recorded before it started."""

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
