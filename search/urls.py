"""The search page's addresses; config.urls includes them before Wagtail's page tree."""

from django.urls import path

from search import views

urlpatterns = [
    path("tim-kiem/", views.search_page, name="search"),
    path("search/", views.old_search_url, name="search_old_url"),
]
