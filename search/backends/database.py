"""Database backend (placeholder until it lands)."""

from __future__ import annotations


def search(request):
    raise NotImplementedError


def suggest(query: str, limit: int = 8):
    raise NotImplementedError
