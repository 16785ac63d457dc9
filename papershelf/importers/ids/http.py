"""A polite HTTP client: timeouts, retries with back-off, a pause between calls per host.

Metadata services are shared and free; arXiv asks for one request every three
seconds and Crossref throttles the impatient, so every call goes through here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_ANSWER_STATUSES = frozenset({404, 410})  # "no such paper" is an answer, not a failure


class FetchError(Exception):
    """A metadata service could not give an answer; the message says why, in one line."""


class OfflineError(FetchError):
    """The service's host cannot be reached: no network, DNS failure, refused connection."""


@dataclass(frozen=True)
class HttpPolicy:
    timeout: float = 15.0  # seconds, for connecting and for each read
    retries: int = 3  # extra attempts after the first
    backoff: float = 2.0  # first pause before a retry, doubled each time
    max_wait: float = 60.0  # longest pause we accept from a Retry-After header


class PoliteSession:
    """GETs with retries, honouring Retry-After, never faster than a host allows."""

    def __init__(
        self,
        user_agent: str,
        policy: HttpPolicy,
        min_intervals: Mapping[str, float],
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._session = requests.Session()
        self._session.headers["User-Agent"] = user_agent
        self._policy = policy
        self._min_intervals = dict(min_intervals)
        self._sleep = sleep
        self._last_call: dict[str, float] = {}
        self._turn_lock = threading.Lock()
        self.offline = False  # set after a host was unreachable: later calls fail fast

    def get(self, url: str, params: Mapping[str, str] | None = None) -> requests.Response:
        """The response for 2xx, 404 and 410; FetchError or OfflineError otherwise."""
        host = urlsplit(url).hostname or url
        if self.offline:
            raise OfflineError(f"offline: skipped {host} after an earlier connection failure")
        error: FetchError = FetchError(f"{host} did not answer")
        for attempt in range(self._policy.retries + 1):
            if attempt:
                self._sleep(self._pause(attempt, error))
            try:
                response = self._send(host, url, params)
            except requests.Timeout:
                error = FetchError(f"{host} timed out after {self._policy.timeout:g} s")
                continue
            except requests.ConnectionError as exc:
                error = OfflineError(f"offline: cannot reach {host} ({_short_reason(exc)})")
                continue
            if response.status_code in _RETRY_STATUSES:
                error = _RetryableStatus(host, response)
                continue
            if response.ok or response.status_code in _ANSWER_STATUSES:
                return response
            raise FetchError(f"{host} refused the request (HTTP {response.status_code})")
        if isinstance(error, OfflineError):
            self.offline = True
        raise error

    def _send(self, host: str, url: str, params: Mapping[str, str] | None) -> requests.Response:
        with self._turn_lock:
            self._wait_for_turn(host)
            try:
                return self._session.get(url, params=params, timeout=self._policy.timeout)
            finally:
                # Counting from the end of a call is the polite reading of "one request
                # every three seconds": a slow answer never shortens the pause.
                self._last_call[host] = time.monotonic()

    def _wait_for_turn(self, host: str) -> None:
        interval = self._min_intervals.get(host, 0.0)
        elapsed = time.monotonic() - self._last_call.get(host, float("-inf"))
        if elapsed < interval:
            self._sleep(interval - elapsed)

    def _pause(self, attempt: int, error: FetchError) -> float:
        if isinstance(error, _RetryableStatus) and error.retry_after is not None:
            return min(error.retry_after, self._policy.max_wait)
        return float(self._policy.backoff * 2 ** (attempt - 1))


class _RetryableStatus(FetchError):
    def __init__(self, host: str, response: requests.Response) -> None:
        super().__init__(f"{host} answered HTTP {response.status_code}, also after retries")
        self.retry_after = _retry_after_seconds(response.headers.get("Retry-After", ""))


def _retry_after_seconds(value: str) -> float | None:
    """Retry-After is either seconds or an HTTP date (RFC 9110, section 10.2.3)."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _short_reason(error: requests.ConnectionError) -> str:
    text = str(error)
    for reason in ("Connection refused", "Name or service not known", "Network is unreachable"):
        if reason in text:
            return reason.lower()
    return "connection failed"
