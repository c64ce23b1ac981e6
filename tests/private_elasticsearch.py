"""A private Elasticsearch node for tests that must freeze or stop one.

The shared node (scripts/elasticsearch.sh, var/elasticsearch) serves every other test and
helper at the same time: freezing it would fail their tests. This one is the same script
with its own home (var/elasticsearch-private) and its own preferred port (9260), so its
pidfile, data and pid are its own.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import pytest

from tests.elasticsearch_node import REPO_ROOT, SCRIPT, node_is_up, url_from_script_output

HOME = REPO_ROOT / "var" / "elasticsearch-private"
PORT = "9260"
VERSION = os.environ.get("ES_VERSION", "9.3.2")


def _script(command: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ES_HOME_DIR": str(HOME), "ES_PORT": PORT}
    return subprocess.run(
        ["bash", str(SCRIPT), command],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def pid() -> int:
    """The java pid of the private node (its pidfile, written by the script)."""
    return int((HOME / f"elasticsearch-{VERSION}" / "elasticsearch.pid").read_text().strip())


def _unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_ELASTICSEARCH") == "1":
        pytest.fail(f"REQUIRE_ELASTICSEARCH=1: {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def private_node() -> Iterator[str]:
    """Start the private node (unless it runs), yield its URL; stop it afterwards if this
    call started it. Skips without Java (fails under REQUIRE_ELASTICSEARCH=1, as in CI)."""
    if _script("java", timeout=30).returncode != 0:
        _unavailable("no Java >= 21 for a private Elasticsearch node")
    running = _script("status", timeout=30).returncode == 0
    started = _script("start")
    url = url_from_script_output(started.stdout)
    if started.returncode != 0 or url is None:
        _unavailable(f"private Elasticsearch node did not start:\n{started.stderr[-2000:]}")
    try:
        yield url
    finally:
        resume()
        if not running:
            _script("stop")


def freeze() -> None:
    os.kill(pid(), signal.SIGSTOP)


def resume() -> None:
    """SIGCONT the node (harmless if it runs)."""
    with suppress(OSError, ValueError):
        os.kill(pid(), signal.SIGCONT)


def wait_until_up(url: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if node_is_up(url, timeout=2):
            return True
        time.sleep(0.2)
    return False
