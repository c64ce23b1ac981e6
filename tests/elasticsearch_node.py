"""The real Elasticsearch node for tests, run by scripts/elasticsearch.sh.

    from tests.elasticsearch_node import require_elasticsearch

    def test_something():
        url = require_elasticsearch()  # skips without a node; fails under REQUIRE_ELASTICSEARCH=1

The node is found through ELASTICSEARCH_URL, else through the URL file the script writes
($ES_HOME_DIR/url, by default var/elasticsearch/url). Only the HTTP API is used here (urllib):
the test distribution has no `GET /`, so liveness is `GET /_cluster/health`.
"""

from __future__ import annotations

import json
import os
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = REPO_ROOT / "scripts" / "elasticsearch.sh"
NOT_RUNNING = "Elasticsearch not running: scripts/elasticsearch.sh start"


def url_file() -> Path:
    return Path(os.environ.get("ES_HOME_DIR") or REPO_ROOT / "var" / "elasticsearch") / "url"


def url_from_script_output(text: str) -> str | None:
    """The URL from the script's `ELASTICSEARCH_URL=http://...` line."""
    for line in text.splitlines():
        if line.startswith("ELASTICSEARCH_URL="):
            return line.partition("=")[2].strip().rstrip("/") or None
    return None


def node_is_up(url: str, timeout: float = 2) -> bool:
    """True if the node at `url` answers /_cluster/health (whatever the colour)."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/_cluster/health", timeout=timeout) as r:
            return "status" in json.load(r)
    except (OSError, ValueError):  # URLError, HTTPError, timeouts, refused; not JSON
        return False


def elasticsearch_url() -> str | None:
    """ELASTICSEARCH_URL if set, else the URL of the script's node if it answers."""
    if url := os.environ.get("ELASTICSEARCH_URL", "").strip():
        return url.rstrip("/")
    try:
        url = url_from_script_output(url_file().read_text())
    except OSError:
        return None
    return url if url and node_is_up(url) else None


def require_elasticsearch() -> str:
    """The node's URL; else skip the test, or fail it when REQUIRE_ELASTICSEARCH=1 (CI)."""
    url = elasticsearch_url()
    if url and node_is_up(url):
        return url
    reason = NOT_RUNNING if url is None else f"{NOT_RUNNING} (no answer from {url})"
    if os.environ.get("REQUIRE_ELASTICSEARCH") == "1":
        pytest.fail(f"REQUIRE_ELASTICSEARCH=1: {reason}", pytrace=False)
    pytest.skip(reason)


def es_request(url: str, method: str, path: str, body: Any = None, timeout: float = 30) -> Any:
    """One JSON request to the node; raises urllib.error.HTTPError on a 4xx/5xx answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"{url.rstrip('/')}{path}",
        data=data,
        method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def run_script(command: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """scripts/elasticsearch.sh COMMAND; its progress stays in .stderr."""
    return subprocess.run(
        ["bash", str(SCRIPT), command],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_node() -> str:
    """Start the script's node (a no-op if it runs) and return its URL."""
    result = run_script("start")
    url = url_from_script_output(result.stdout)
    if result.returncode != 0 or url is None:
        raise RuntimeError(f"scripts/elasticsearch.sh start failed:\n{result.stderr}")
    return url


def stop_node() -> None:
    """Stop the script's node (only its own pid); a no-op if it does not run."""
    result = run_script("stop")
    if result.returncode != 0:
        raise RuntimeError(f"scripts/elasticsearch.sh stop failed:\n{result.stderr}")
