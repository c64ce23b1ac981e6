"""`search_index rebuild|sync|status`: the search rows and the Elasticsearch index.

rebuild  re-read every public document into SearchEntry, then (with ELASTICSEARCH_URL)
         load a new index, move the alias to it in one step, and clear the failures
         recorded before it started (the new index holds what they missed).
sync     the same database pass, then send Elasticsearch only what it lacks or holds in
         an older version, delete what is gone, and clear the recorded failures.
status   rows per kind, documents in the index, the drift between them, the last sync.

An unreachable or failing Elasticsearch ends the command with a one-line error (exit
status 1), never a traceback; the error is kept for `status`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from elastic_transport import TransportError
from elasticsearch import ApiError

from core.cache import bump_content_generation
from search import breaker
from search.backends.elastic import connection, indexer
from search.backends.elastic.status import Status, status
from search.indexing import rebuild_entries
from search.lease import LEASE_HOURS, IndexingBusy, exclusive_run

ES_ERRORS = (TransportError, ApiError, indexer.IndexingError, ImproperlyConfigured)
SAMPLE = 5


class Command(BaseCommand):
    help = gettext_lazy(
        "Dựng lại, đồng bộ hoặc xem tình trạng chỉ mục tìm kiếm (SearchEntry, Elasticsearch)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["rebuild", "sync", "status"])

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        if action == "status":
            self._status()
            return
        try:
            with exclusive_run(action):
                getattr(self, f"_{action}")()
            if connection.is_configured():
                # The node just answered a whole rebuild or sync: readers need not wait out
                # the breaker's cool-down to use it again (an operator runs this after a repair).
                breaker.reset()
            # The search pages and API cached by the web workers showed the old index.
            bump_content_generation()
        except IndexingBusy as busy:
            raise CommandError(_busy_message(busy)) from None

    # ----------------------------------------------------------------------- actions

    def _database_pass(self) -> None:
        written, deleted = rebuild_entries()
        self.stdout.write(
            _("Cơ sở dữ liệu: %(written)d mục ghi mới hoặc cập nhật, %(deleted)d mục xoá.")
            % {"written": written, "deleted": deleted}
        )

    def _not_configured(self) -> bool:
        if connection.is_configured():
            return False
        self.stdout.write(
            _(
                "Elasticsearch chưa được cấu hình (ELASTICSEARCH_URL trống): "
                "chỉ cập nhật cơ sở dữ liệu."
            )
        )
        return True

    def _rebuild(self) -> None:
        self._database_pass()
        if self._not_configured():
            return
        report = self._guarded(lambda: indexer.rebuild(self._progress))
        rate = report.documents / report.seconds if report.seconds else 0
        self.stdout.write(
            _(
                "Elasticsearch: %(documents)d tài liệu vào %(index)s trong %(seconds).1f giây "
                "(%(rate).0f tài liệu/giây); alias %(alias)s đã chuyển sang chỉ mục mới."
            )
            % {
                "documents": report.documents,
                "index": report.index,
                "seconds": report.seconds,
                "rate": rate,
                "alias": connection.alias(),
            }
        )
        if report.removed:
            self.stdout.write(_("Đã xoá chỉ mục cũ: %s.") % ", ".join(report.removed))
        self.stdout.write(_("Đã xoá %d lỗi cập nhật đã ghi nhận.") % report.failures_cleared)

    def _sync(self) -> None:
        self._database_pass()
        if self._not_configured():
            return
        report = self._guarded(lambda: indexer.sync(self._progress))
        if report.rebuilt:
            self.stdout.write(
                _("Chưa có alias %(alias)s: đã tạo chỉ mục %(index)s với %(documents)d tài liệu.")
                % {
                    "alias": connection.alias(),
                    "index": report.rebuilt.index,
                    "documents": report.rebuilt.documents,
                }
            )
        else:
            self.stdout.write(
                _("Elasticsearch: đã gửi %(sent)d tài liệu, đã xoá %(deleted)d.")
                % {"sent": report.sent, "deleted": report.deleted}
            )
        self.stdout.write(_("Đã xoá %d lỗi cập nhật đã ghi nhận.") % report.failures_cleared)

    def _status(self) -> None:
        result = self._guarded(status, record=False)
        self._show_database(result)
        if not connection.is_configured():
            self.stdout.write(_("Elasticsearch chưa được cấu hình (ELASTICSEARCH_URL trống)."))
            return
        self._show_index(result)

    # ----------------------------------------------------------------------- helpers

    def _guarded(self, run, record: bool = True):
        """Run `run`; turn an Elasticsearch failure into a one-line CommandError."""
        try:
            return run()
        except ES_ERRORS as error:
            if record:
                indexer.record_error(error)
            raise CommandError(
                _("Elasticsearch tại %(url)s không phản hồi hoặc báo lỗi: %(error)s")
                % {"url": connection.url(), "error": _short(error)}
            ) from None

    def _progress(self, message: str) -> None:
        if self.verbosity >= 2:
            self.stdout.write(f"  {message}")

    def _show_database(self, result: Status) -> None:
        total = sum(result.rows_by_kind.values())
        kinds = ", ".join(f"{kind} {n}" for kind, n in result.rows_by_kind.items()) or "—"
        message = _("SearchEntry: %(total)d mục (%(kinds)s).")
        self.stdout.write(message % {"total": total, "kinds": kinds})

    def _show_index(self, result: Status) -> None:
        index = result.index
        if index is None:
            self.stdout.write(
                _("Chưa có alias %s: chạy `search_index sync` hoặc `rebuild`.") % connection.alias()
            )
        else:
            for name, documents in index.indices.items():
                self.stdout.write(
                    _("Alias %(alias)s → %(index)s: %(documents)d tài liệu.")
                    % {"alias": index.alias, "index": name, "documents": documents}
                )
            kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(index.by_kind.items())) or "—"
            self.stdout.write(_("Trong Elasticsearch theo loại: %s.") % kinds)
            drift = index.drift
            if drift.clean:
                self.stdout.write(_("Không lệch: Elasticsearch khớp SearchEntry."))
            for label, keys in (
                (_("Thiếu trong Elasticsearch"), drift.missing),
                (_("Cũ hơn SearchEntry"), drift.stale),
                (_("Thừa (không còn trong SearchEntry)"), drift.extra),
            ):
                if keys:
                    shown = ", ".join(keys[:SAMPLE]) + (" …" if len(keys) > SAMPLE else "")
                    self.stdout.write(f"{label}: {len(keys)} ({shown})")
            if index.orphans:
                self.stdout.write(_("Chỉ mục không dùng: %s.") % ", ".join(index.orphans))
        when = _when(result.last_success) if result.last_success else _("chưa bao giờ")
        self.stdout.write(_("Đồng bộ thành công lần cuối: %s.") % when)
        if result.last_error:
            self.stdout.write(
                _("Lỗi lần cuối (%(when)s): %(error)s")
                % {"when": _when(result.last_error_at), "error": result.last_error[:300]}
            )
        self.stdout.write(_("Cập nhật trực tiếp lỗi đang chờ đồng bộ: %d.") % result.failures)
        for failure in result.failure_samples:
            self.stdout.write(f"  {failure.action} {failure.key}: {failure.error[:120]}")


def _busy_message(busy: IndexingBusy) -> str:
    if busy.run is None:
        return _("Một lần chạy search_index khác vừa giữ chỉ mục; hãy chạy lại.")
    return _(
        "Một lần chạy search_index khác đang ghi chỉ mục (%(holder)s, bắt đầu %(since)s). "
        "Chờ nó xong rồi chạy lại; nếu nó đã dừng bất thường, khoá tự hết hạn sau %(hours)d giờ."
    ) % {"holder": busy.run.holder, "since": _when(busy.run.started_at), "hours": LEASE_HOURS}


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M:%S") if moment else "—"


def _short(error: BaseException) -> str:
    text = indexer.describe(error)
    return text if len(text) <= 300 else text[:299] + "…"
