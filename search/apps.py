from django.apps import AppConfig


class SearchConfig(AppConfig):
    # "search" alone would clash with nothing here (Wagtail's label is wagtailsearch),
    # but a distinct label keeps migrations and permissions unambiguous.
    name = "search"
    label = "portal_search"
    verbose_name = "Tìm kiếm"
