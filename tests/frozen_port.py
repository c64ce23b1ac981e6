"""A TCP port that behaves like a frozen Elasticsearch node, and counts who knocks.

A node stopped with SIGSTOP still has its listening socket: the kernel completes the
handshake and queues the request, and nobody ever answers. This listener does the same
(accepts, reads, never writes), so a client waits its whole timeout, exactly as against a
frozen node; `requests` counts the HTTP requests that arrived, which tells a test whether
the site called the engine at all.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class FrozenPort:
    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0), backlog=64)
        self._server.settimeout(0.2)
        self._held: list[socket.socket] = []
        self._lock = threading.Lock()
        self._requests = 0
        self._running = True
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.getsockname()[1]}"

    @property
    def requests(self) -> int:
        with self._lock:
            return self._requests

    def _serve(self) -> None:
        while self._running:
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._held.append(conn)
            threading.Thread(target=self._read, args=(conn,), daemon=True).start()

    def _read(self, conn: socket.socket) -> None:
        # Count request lines; answer nothing.
        buffer = b""
        try:
            while chunk := conn.recv(65536):
                buffer += chunk
                while b"\r\n\r\n" in buffer:
                    head, _, buffer = buffer.partition(b"\r\n\r\n")
                    if head.split(b" ", 1)[0] in (b"GET", b"POST", b"PUT", b"HEAD", b"DELETE"):
                        with self._lock:
                            self._requests += 1
        except OSError:
            return

    def close(self) -> None:
        self._running = False
        self._server.close()
        for conn in self._held:
            conn.close()
        self._thread.join(timeout=2)


@contextmanager
def frozen_port() -> Iterator[FrozenPort]:
    port = FrozenPort()
    try:
        yield port
    finally:
        port.close()
