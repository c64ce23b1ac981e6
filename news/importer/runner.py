"""The import itself: read and check every line, then write them in batches."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from wagtail.log_actions import LogContext

from ..models import HomePage, NewsArticlePage, NewsIndexPage
from .indexes import per_save_indexing_suspended, update_indexes
from .records import (
    ArticleRecord,
    ImportFailed,
    LineError,
    parse_line,
    parse_section_path,
    read_lines,
)
from .sections import SectionResolver
from .tree import TreeAppender
from .writer import ArticleWriter, Outcome

logger = logging.getLogger(__name__)

# Lines per transaction. Committing once per line costs an fsync each; one transaction
# for the whole file would hold the write lock for a minute and lose everything on a
# late failure. Each line also gets its own savepoint, so a bad line only undoes itself.
BATCH_SIZE = 500


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    superseded: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    def fail(self, line: int, reason: str) -> None:
        self.failed += 1
        self.errors.append((line, reason))

    @property
    def summary(self) -> str:
        text = (
            f"Đã tạo {self.created}, cập nhật {self.updated}, không đổi {self.unchanged}, "
            f"lỗi {self.failed}"
        )
        if self.superseded:
            text += f"; {self.superseded} dòng trùng source_url được thay bằng dòng sau"
        return text + "."


def import_articles(
    path: str | Path,
    *,
    section: str | None = None,
    publish: bool = False,
    create_sections: bool = False,
    on_error: Callable[[int, str], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Import a JSONL file; raises ImportFailed when nothing can be imported at all."""
    report = ImportReport()

    def fail(line: int, reason: str) -> None:
        report.fail(line, reason)
        if on_error:
            on_error(line, reason)

    try:
        default_path = parse_section_path(section or "")
    except LineError as error:
        raise ImportFailed(f"--section: {error}") from error
    records = _valid_records(read_lines(path), fail)
    records, report.superseded = _last_per_source_url(records)

    home = HomePage.objects.order_by("path").first()
    if home is None:
        raise ImportFailed("Chưa có trang chủ (HomePage): hãy chạy migrate trước.")
    tree = TreeAppender()
    sections = SectionResolver(home, tree, publish, create=create_sections)
    writer = ArticleWriter(tree, publish)

    # One log context: every log entry of this import shares its uuid.
    with LogContext(), per_save_indexing_suspended(NewsArticlePage), _apps_in_bulk_mode():
        for start in range(0, len(records), batch_size):
            batch = records[start : start + batch_size]
            failures: dict[int, str] = {}
            try:
                outcomes = _write_batch(batch, sections, writer, default_path, failures)
            except DatabaseError as error:
                # The whole batch was rolled back (a failed commit, a locked database):
                # every cache describing the tree may now be wrong.
                logger.exception("Import batch failed")
                tree.forget()
                sections.reset()
                writer.discard()
                batch_reason = f"lỗi cơ sở dữ liệu, cả lô {len(batch)} dòng bị huỷ: {error}"
                for record in batch:
                    fail(record.line, failures.get(record.line, batch_reason))
                continue
            for line, reason in failures.items():
                fail(line, reason)
            writer.announce()
            for outcome in outcomes:
                setattr(report, outcome.value, getattr(report, outcome.value) + 1)

    # Sections were created the usual way, but with the reference index paused.
    update_indexes(NewsIndexPage, [section.pk for section in sections.created])
    return report


@contextmanager
def _apps_in_bulk_mode() -> Iterator[None]:
    """Enter every app's `during_bulk_import()` context, if it has one (the search app
    defers its live updates to the end of the import), so news need not know the apps."""
    with ExitStack() as stack:
        for config in apps.get_app_configs():
            scope = getattr(config, "during_bulk_import", None)
            if callable(scope):
                stack.enter_context(scope())
        yield


def _valid_records(lines, fail) -> list[ArticleRecord]:
    records = []
    for number, text in lines:
        try:
            records.append(parse_line(number, text))
        except LineError as error:
            fail(number, str(error))
    return records


def _last_per_source_url(records: list[ArticleRecord]) -> tuple[list[ArticleRecord], int]:
    """Of several valid lines with one source_url, keep the last (in its own place)."""
    last = {record.source_url: record.line for record in records if record.source_url}
    kept = [r for r in records if not r.source_url or last[r.source_url] == r.line]
    return kept, len(records) - len(kept)


def _write_batch(batch, sections, writer, default_path, failures) -> list[Outcome]:
    """Write one batch in one transaction; lines that fail go into `failures`."""
    outcomes = []
    with transaction.atomic():
        # Between two batches the write lock was released: re-read the positions.
        writer.tree.forget()
        existing = writer.load_existing(batch)
        for record in batch:
            try:
                # Both steps run in their own savepoints (see sections.py and writer.py):
                # a failure undoes only this line.
                path = record.section or default_path
                section = sections.resolve(path) if path else sections.default()
                page = existing.get(writer.existing.get(record.source_url))
                outcome, page = writer.write(record, section, page)
            except (DatabaseError, ValidationError, ValueError) as error:
                failures[record.line] = _reason(record, error)
                continue
            outcomes.append(outcome)
        writer.finish_batch()
        writer.tree.flush()
    return outcomes


def _reason(record: ArticleRecord, error: Exception) -> str:
    if isinstance(error, LineError):
        return str(error)
    logger.warning("Line %s failed", record.line, exc_info=True)
    if isinstance(error, ValidationError):
        return "không ghi được: " + "; ".join(error.messages)
    return f"không ghi được: {error}"
