"""System checks for how the site is deployed (registered in core.apps).

`REQUIRE_SHARED_CACHE` (on in production settings): with several worker processes, a
per-process cache (local memory) keeps its own copy of every cached list and restriction,
so an article that was just unpublished or restricted stays listed by the other workers
until their copies expire, and a management command clears only its own memory. Only a
cache all processes share (Redis through CACHE_URL) is forgotten everywhere at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error

# Backends whose content lives in one process, or nowhere (dummy: the site would run, but
# every "cached" query would be recomputed on every request, which is not what production
# was sized for).
PER_PROCESS_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
SHARED_CACHE_ID = "core.E001"


def check_shared_cache(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """An error when settings require a shared cache and the default cache is per-process."""
    if not getattr(settings, "REQUIRE_SHARED_CACHE", False):
        return []
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_BACKENDS:
        return []
    return [
        Error(
            "Chế độ production cần bộ nhớ đệm dùng chung cho mọi tiến trình, nhưng đang dùng "
            f"{backend.rsplit('.', 1)[-1]} (riêng từng tiến trình): bài vừa gỡ hoặc hạn chế "
            "sẽ còn hiện ở các tiến trình khác cho đến khi bộ nhớ đệm của chúng hết hạn.",
            hint="Đặt CACHE_URL=redis://máy-chủ:6379/0 (Redis) trong môi trường.",
            obj="CACHES['default']",
            id=SHARED_CACHE_ID,
        )
    ]
