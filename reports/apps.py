from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Báo cáo giám sát"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Signals: re-inspection reviews become updates; reference-data edits empty the
        # report caches (also in management commands, not only where admin hooks load).
        from . import reference_data, signals  # noqa: F401

    def seed_demo(self, stdout=None) -> dict:
        """Called by `manage.py seed_demo` after the news demo is built."""
        from .demo import build_reports_demo

        return build_reports_demo(stdout)
