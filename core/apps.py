from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Nền tảng chung"
    default_auto_field = "django.db.models.BigAutoField"
