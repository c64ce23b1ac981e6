from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Tin tức"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (connects publish handlers)
        from .site_address import sync_after_migrate

        post_migrate.connect(sync_after_migrate, sender=self)
