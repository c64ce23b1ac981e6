"""gunicorn on the loopback, for the tests and bench/ scripts that need a real server.

    port = free_port()
    with gunicorn({**os.environ, "BASE_URL": f"http://127.0.0.1:{port}"}, port) as base:
        urllib.request.urlopen(f"{base}/")

Sync workers, as in production (deploy/gunicorn.conf.py); the server is started from the
project's folder and stopped (its own pid only) on the way out, whatever happened.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
START_SECONDS = 60


def free_port() -> int:
    """A port nothing listens on now (the kernel's choice)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int = 2, timeout: int = 30) -> Iterator[str]:
    """gunicorn serving config.wsgi on 127.0.0.1:`port` with `env`; yields its base URL once
    it answers HTTP. `timeout` is gunicorn's worker timeout (seconds)."""
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "config.wsgi:application",
            f"--workers={workers}",
            "--worker-class=sync",
            f"--bind=127.0.0.1:{port}",
            f"--timeout={timeout}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}")
            try:
                # An HTTP answer, not just the bound socket: a worker has loaded the project.
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5).read()
                break
            except urllib.error.HTTPError:
                break  # an answer all the same
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start within {START_SECONDS} s") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
