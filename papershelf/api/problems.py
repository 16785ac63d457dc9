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
