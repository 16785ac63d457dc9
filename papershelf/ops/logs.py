"""Request ids on every log line, and log lines as JSON when PAPERSHELF_LOG_FORMAT=json."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
# A proxy's id is kept (so both logs agree) when it looks like one, never arbitrary text.
_INCOMING = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
SLOW_MS = 2000  # a request slower than this is logged as a warning, with its id


def request_id(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    """Give each request an id (or keep X-Request-ID), log its outcome, echo the id back."""
    log = logging.getLogger("papershelf.requests")

    def middleware(request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        rid = incoming if _INCOMING.match(incoming) else secrets.token_hex(8)
        token = _request_id.set(rid)
        started = time.perf_counter()
        try:
            response = get_response(request)
            response["X-Request-ID"] = rid
            ms = (time.perf_counter() - started) * 1000
            slow = response.status_code >= 500 or ms > SLOW_MS
            level = logging.WARNING if slow else logging.DEBUG
            log.log(
                level, "%s %s %s %.0fms", request.method, request.path, response.status_code, ms
            )
            return response
        finally:
            _request_id.reset(token)

    return middleware


def current_request_id() -> str:
    return _request_id.get()


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
