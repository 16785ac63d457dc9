"""A real HTTP server on 127.0.0.1 that plays recorded API responses back.

The metadata clients are tested over real sockets, so retries, timeouts and
refused connections behave exactly as they would against arXiv or Crossref.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from papershelf.importers.ids.fetch import Endpoints, HttpPolicy, Intervals, MetadataClient

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@dataclass
class Reply:
    body: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering, to provoke timeouts


@dataclass
class Seen:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    at: float


class RecordedService:
    """Answers each path from a queue of replies (the last one repeats)."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self._replies: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._server.block_on_close = False  # don't wait for a deliberately slow reply
        # A short poll keeps shutdown (once per test) from costing half a second.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def reply(self, path: str, *replies: Reply) -> None:
        self._replies[path] = list(replies)

    def requests_to(self, path: str) -> list[Seen]:
        return [seen for seen in self.requests if seen.path == path]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next_reply(self, path: str) -> Reply:
        with self._lock:
            queue = self._replies.get(path)
            if not queue:
                return Reply('{"message": "not found"}', status=404)
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                service.requests.append(
                    Seen(parts.path, parse_qs(parts.query), dict(self.headers), time.monotonic())
                )
                reply = service._next_reply(parts.path)
                time.sleep(reply.delay)
                body = reply.body.encode("utf-8")
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting, which is what a timeout test wants

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output quiet

        return Handler


@pytest.fixture
def service() -> Iterator[RecordedService]:
    recorded = RecordedService()
    yield recorded
    recorded.close()


def endpoints_at(base_url: str) -> Endpoints:
    return Endpoints(
        arxiv=f"{base_url}/api/query",
        crossref=f"{base_url}/works",
        openreview=f"{base_url}/notes",
    )


FAST = HttpPolicy(timeout=2.0, retries=2, backoff=0.01, max_wait=5.0)
NO_PAUSES = Intervals(arxiv=0.0, crossref=0.0, openreview=0.0)


@pytest.fixture
def client(service: RecordedService, tmp_path: Path) -> MetadataClient:
    return MetadataClient(
        tmp_path / "cache", endpoints=endpoints_at(service.url), intervals=NO_PAUSES, policy=FAST
    )


@pytest.fixture
def refused_url() -> str:
    """A local address where nothing listens: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
