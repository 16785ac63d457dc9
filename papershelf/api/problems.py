"""One error shape for every failure: RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

from http import HTTPStatus

from django.http import HttpRequest, JsonResponse

PROBLEM_TYPE = "about:blank"  # RFC 9457: the title is then the HTTP status phrase
CONTENT_TYPE = "application/problem+json"


class ApiProblem(Exception):
    """Raised by an endpoint for a failure it can name; answered as problem+json."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def problem(request: HttpRequest, status: int, detail: str) -> JsonResponse:
    body = {
        "type": PROBLEM_TYPE,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    return JsonResponse(body, status=status, content_type=CONTENT_TYPE)


def refuse_past_limit(request: HttpRequest, action: str) -> None:
    """A write past the shelf's rate limit (settings.RATE_LIMITS, as the pages count it)
    is a 429 problem; it counts towards the limit either way."""
    from papershelf.moderation.decorators import WHAT, limit_reached

    reached = limit_reached(request, action)
    if reached is not None:
        raise ApiProblem(429, f"Too many {WHAT[action]}: the limit is {reached}. Try later.")
