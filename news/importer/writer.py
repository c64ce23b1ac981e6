"""Creating and updating NewsArticlePage rows, their revisions and log entries.

Per line, inside the line's savepoint, only the page row is written: Page.save() with
the final state (live or draft, original dates), which also sets url_path. The rest of
what the admin would write for the same action is written once per batch, in bulk:

- a Revision per page (Page.save_revision() does one insert and one page save each),
  pointed to by latest_revision, and by live_revision when published;
- the log entries "wagtail.create" / "wagtail.edit" / "wagtail.publish" (one validated
  insert each through log(), which checks every foreign key with a query);
- the search and reference index entries (see indexes.py);
- page_published / published signals, once the batch has committed (the portal's
  search entries of the whole import are refreshed when it ends: search.signals).

This leaves the same rows as add_child + save_revision + publish would, without what a
bulk import does not need from PublishRevisionAction: rebuilding the page from the
revision JSON, validating and saving it a second time, and stamping last_published_at
with "now" (we keep the original date).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.rich_text import RichText
from wagtail.signals import page_published, published

from core.compat import mark_not_site_root
from core.text.slugs import vietnamese_slug

from ..models import NewsArticlePage, NewsIndexPage
from .indexes import index_objects
from .records import ArticleRecord
from .tree import TreeAppender

# Fields the importer owns; an update rewrites exactly these (plus the publish state).
FIELDS = ("title", "summary", "author", "lead_image_caption", "published_at", "first_published_at")
_REVISION_FIELDS = [
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "draft_title",
    "has_unpublished_changes",
]


class Outcome(enum.Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def _wanted(record: ArticleRecord) -> dict:
    return {
        "title": record.title,
        "summary": record.summary,
        "author": record.author,
        "lead_image_caption": record.image_caption,
        "published_at": record.published,
        "first_published_at": record.published,
        "body": record.body_html,
    }


def _current(page: NewsArticlePage) -> dict:
    values = {name: getattr(page, name) for name in FIELDS}
    blocks = page.body.raw_data
    single = len(blocks) == 1 and blocks[0]["type"] == "paragraph"
    values["body"] = blocks[0]["value"] if single else None
    return values


@dataclass
class _Pending:
    page: NewsArticlePage
    actions: tuple[str, ...]
    publish: bool
    # False for a draft change to a live page: its row, which is what the indexes
    # describe, did not change.
    reindex: bool = True


@dataclass
class ArticleWriter:
    tree: TreeAppender
    publish: bool
    existing: dict[str, int] = field(default_factory=dict)
    _pending: list[_Pending] = field(default_factory=list)
    _announce: list[tuple[NewsArticlePage, Revision]] = field(default_factory=list)

    def __post_init__(self):
        # One query for every source_url already imported, instead of one per line.
        # Should two pages share a URL (hand-made copies), the oldest is the one updated.
        for url, pk in (
            NewsArticlePage.objects.exclude(source_url="")
            .order_by("-pk")
            .values_list("source_url", "pk")
        ):
            self.existing[url] = pk
        self._child_relations = [
            relation.get_accessor_name() for relation in get_all_child_relations(NewsArticlePage)
        ]

    def load_existing(self, records: list[ArticleRecord]) -> dict[int, NewsArticlePage]:
        """The pages a batch of records will update, in one query."""
        ids = [self.existing[r.source_url] for r in records if r.source_url in self.existing]
        if not ids:
            return {}
        pages = NewsArticlePage.objects.filter(pk__in=ids).select_related("latest_revision")
        return {page.pk: page for page in pages}

    def write(
        self, record: ArticleRecord, section: NewsIndexPage, existing: NewsArticlePage | None
    ) -> tuple[Outcome, NewsArticlePage]:
        if existing is None:
            return Outcome.CREATED, self._create(record, section)
        return self._update(existing, record), existing

    def _create(self, record: ArticleRecord, section: NewsIndexPage) -> NewsArticlePage:
        date = record.published
        page = NewsArticlePage(
            title=record.title,
            draft_title=record.title,
            slug=self.tree.unique_slug(section, vietnamese_slug(record.title, "bai-viet")),
            summary=record.summary,
            body=[("paragraph", RichText(record.body_html))],
            author=record.author,
            source_url=record.source_url,
            lead_image_caption=record.image_caption,
            published_at=date,
            first_published_at=date,
            last_published_at=date if self.publish else None,
            live=self.publish,
            has_unpublished_changes=not self.publish,
            locale_id=section.locale_id,
        )
        # A new article is never a site root: spare Page.save() the query that checks.
        mark_not_site_root(page)
        with transaction.atomic():
            self.tree.place(page, section)
            # Checked line by line already (records.py). Page.save() still sets url_path;
            # its "wagtail.create" log entry is written in bulk with the others.
            page.save(clean=False, log_action=None)
        self.tree.placed(page, section)
        # A page created a moment ago has no related links, tags or comments: say so,
        # so that serialising its revision doesn't ask the database for each.
        for name in self._child_relations:
            setattr(page, name, [])
        actions = ("wagtail.create", "wagtail.publish") if self.publish else ("wagtail.create",)
        self._pending.append(_Pending(page, actions, self.publish))
        return page

    def _update(self, page: NewsArticlePage, record: ArticleRecord) -> Outcome:
        wanted = _wanted(record)
        if self.publish:
            # Same content as the live version: nothing to do, and an editor's pending
            # draft of it, if any, is left alone.
            if page.live and _current(page) == wanted:
                return Outcome.UNCHANGED
        else:
            # A live page keeps its content and gets a draft revision, as in the editor;
            # compare with that pending draft if there is one.
            pending = page.live and page.has_unpublished_changes and page.latest_revision
            current = _current(page.latest_revision.as_object() if pending else page)
            if current == wanted:
                return Outcome.UNCHANGED

        for name in FIELDS:
            setattr(page, name, wanted[name])
        page.body = [("paragraph", RichText(record.body_html))]
        fields = [*FIELDS, "body"]
        if self.publish:
            page.live = True
            page.has_unpublished_changes = False
            page.last_published_at = record.published
            fields += ["live", "has_unpublished_changes", "last_published_at"]
        else:
            page.has_unpublished_changes = True
        # A live page's row keeps the live content when the change is only a draft.
        row_changed = self.publish or not page.live
        if row_changed:
            with transaction.atomic():
                page.save(clean=False, update_fields=fields)
        actions = ("wagtail.edit", "wagtail.publish") if self.publish else ("wagtail.edit",)
        self._pending.append(_Pending(page, actions, self.publish, reindex=row_changed))
        return Outcome.UPDATED

    def finish_batch(self) -> None:
        """Revisions, revision pointers and log entries for the batch, in bulk."""
        if not self._pending:
            return
        now = timezone.now()
        base_type = ContentType.objects.get_for_model(Page)
        page_type = ContentType.objects.get_for_model(NewsArticlePage)
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type=page_type,
                base_content_type=base_type,
                object_id=str(item.page.pk),
                created_at=now,
                content=item.page.serializable_data(),
                object_str=str(item.page),
            )
            for item in self._pending
        )
        uuid = get_active_log_context().uuid
        entries = []
        for item, revision in zip(self._pending, revisions, strict=True):
            page = item.page
            page.latest_revision = revision
            page.latest_revision_created_at = now
            page.draft_title = page.title
            if item.publish:
                page.live_revision = revision
                self._announce.append((page, revision))
            entries += [
                PageLogEntry(
                    page=page,
                    content_type=page_type,
                    label=page.draft_title,
                    action=action,
                    timestamp=now,
                    uuid=uuid,
                    revision=None if action == "wagtail.create" else revision,
                    content_changed=True,
                )
                for action in item.actions
            ]
        self._save_revision_pointers([item.page for item in self._pending])
        PageLogEntry.objects.bulk_create(entries)
        index_objects(
            NewsArticlePage,
            [item.page for item in self._pending if item.reindex],
            new={item.page.pk for item in self._pending if "wagtail.create" in item.actions},
        )
        self._pending.clear()

    @staticmethod
    def _save_revision_pointers(pages: list[NewsArticlePage]) -> None:
        """UPDATE the revision fields of many pages with one prepared statement.

        QuerySet.bulk_update() builds a CASE expression per field and object, which
        costs more Python time than the page inserts themselves; executemany() sends
        the same values as N bound executions of a single UPDATE.
        """
        fields = [Page._meta.get_field(name) for name in _REVISION_FIELDS]
        with connection.cursor() as cursor:
            quote = connection.ops.quote_name
            assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
            cursor.executemany(
                f"UPDATE {quote(Page._meta.db_table)} SET {assignments} WHERE id = %s",
                [
                    [f.get_db_prep_save(getattr(page, f.attname), connection) for f in fields]
                    + [page.pk]
                    for page in pages
                ],
            )

    def announce(self) -> None:
        """Send the publish signals, once the pages are committed."""
        pending, self._announce = self._announce, []
        # In one transaction, so receivers that defer work with on_commit do it once for
        # the batch instead of once per article. (The search app defers further, to the
        # end of the import: see runner._apps_in_bulk_mode.)
        with transaction.atomic():
            for page, revision in pending:
                page_published.send(sender=NewsArticlePage, instance=page, revision=revision)
                published.send(sender=NewsArticlePage, instance=page, revision=revision)

    def discard(self) -> None:
        self._pending.clear()
        self._announce.clear()
