from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Nền tảng chung"

    def ready(self) -> None:
        from django.core import checks

        from core.checks import check_shared_cache

        # Not tagged "deploy": production must refuse `migrate` and `runserver`, not only
        # `check --deploy`. REQUIRE_SHARED_CACHE keeps it silent in development and tests.
        checks.register(check_shared_cache, checks.Tags.caches)

        from core import page_cache_signals

        page_cache_signals.connect()
