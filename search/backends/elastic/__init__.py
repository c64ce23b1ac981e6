"""Elasticsearch backend (placeholder until the backend lands)."""

from __future__ import annotations

from django.conf import settings


def is_configured() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def index_entries(entries) -> None:
    raise NotImplementedError


def delete_keys(keys) -> None:
    raise NotImplementedError


def search(request):
    raise NotImplementedError


def suggest(query: str, limit: int = 8):
    raise NotImplementedError
