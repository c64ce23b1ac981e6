from contextlib import AbstractContextManager

from django.apps import AppConfig


class SearchConfig(AppConfig):
    # "search" alone would clash with nothing here (Wagtail's label is wagtailsearch),
    # but a distinct label keeps migrations and permissions unambiguous.
    name = "search"
    label = "portal_search"
    verbose_name = "Tìm kiếm"

    def ready(self) -> None:
        from search import signals  # noqa: F401 - connects the live index updates

    def during_bulk_import(self) -> AbstractContextManager[None]:
        """Live search updates wait for the end of a bulk import, then run in one pass
        (news' importer enters this for every app that has it; see
        search.signals.refreshes_deferred)."""
        from search import signals

        return signals.refreshes_deferred()

    def seed_demo(self, stdout) -> None:
        """Index the demo content (called by news' seed_demo after every app's demo)."""
        from search import indexing
        from search.backends import elastic

        written, deleted = indexing.rebuild_entries()
        stdout.write(f"Tìm kiếm: {written} mục được ghi, {deleted} mục bị xoá.")
        if not elastic.is_configured():
            return
        from search.backends.elastic import indexer

        try:
            report = indexer.sync()
        except Exception as error:  # noqa: BLE001 - the demo stays usable on the database
            stdout.write(f"Elasticsearch: chưa đồng bộ được ({elastic.describe(error)}).")
            return
        stdout.write(f"Elasticsearch: gửi {report.sent} mục, xoá {report.deleted} mục.")
