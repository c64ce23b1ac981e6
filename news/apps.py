from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Tin tức"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects publish handlers)
