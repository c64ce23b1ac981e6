"""Real-browser tests: Playwright driving the system Chromium against `live_server`.

They skip when Playwright or Chromium is missing, unless REQUIRE_BROWSER=1 (CI), in which
case they fail. Chromium comes from Debian (`apt-get install chromium`), never from
`playwright install`: the CI machine reaches package registries only.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives a real Chromium (skips without it unless REQUIRE_BROWSER=1)"
    )


def chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    candidates = [configured] if configured else ["/usr/bin/chromium"]
    candidates += [shutil.which("chromium"), shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if importlib.util.find_spec("playwright") is None:
        return "the `playwright` Python package is not installed"
    if chromium_path() is None:
        return "Chromium is not installed (apt-get install chromium)"
    return None


def pytest_runtest_setup(item):
    # Decide before any fixture runs, so a skip does not first build the test database.
    if item.get_closest_marker("browser") is None:
        return
    reason = missing_browser()
    if reason is None:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def chromium_executable() -> str:
    path = chromium_path()
    assert path is not None, missing_browser()
    return path


@contextmanager
def launched_chromium(executable: str) -> Iterator:
    """Debian's Chromium through Playwright, closed on the way out.

    Start it only after the test content exists: Playwright's sync API runs an event
    loop in this thread, and Django refuses ORM calls from a thread with a running loop.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()
