"""``/api/v1/``: one NinjaAPI, its routers, and one error shape for every failure."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError as ModelValidationError
from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestValidationError

from papershelf.api import jobs, papers, readinglists, summaries, topics, transfer
from papershelf.api.problems import CONTENT_TYPE, ApiProblem, problem

logger = logging.getLogger(__name__)


class ProblemApi(NinjaAPI):
    """Its schema says what is sent: every 4xx is application/problem+json."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if str(status).startswith("4") and "application/json" in content:
                        answer["content"] = {CONTENT_TYPE: content["application/json"]}
        return schema


api = ProblemApi(
    title="Papershelf API",
    version="1",
    description="Papers, summaries, topics, reading lists, search, import and export. "
    "Reads follow the pages' visibility; writes need `Authorization: Bearer <token>` "
    "(make one under Settings → API tokens). Errors are RFC 9457 problem+json.",
    urls_namespace="api",
    docs_url=None,  # our own page (api-docs): the CSP allows scripts from 'self' only
)
for module in (papers, summaries, topics, readinglists, transfer, jobs):
    api.add_router("/", module.router)


def _detail_of(errors: list[dict[str, object]]) -> str:
    parts = []
    for error in errors[:5]:
        where = ".".join(str(x) for x in error.get("loc", ()))  # type: ignore[attr-defined]
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "The request is not valid."


@api.exception_handler(ApiProblem)
def on_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return problem(request, exc.status, exc.detail)


@api.exception_handler(RequestValidationError)
def on_bad_request(request: HttpRequest, exc: RequestValidationError) -> HttpResponse:
    return problem(request, 422, _detail_of(exc.errors))


@api.exception_handler(ModelValidationError)
def on_invalid(request: HttpRequest, exc: ModelValidationError) -> HttpResponse:
    return problem(request, 400, "; ".join(exc.messages))


@api.exception_handler(DataError)
def on_unstorable(request: HttpRequest, exc: DataError) -> HttpResponse:
    # The schemas refuse what they can name (NUL characters, lengths); a value that still
    # reaches the database and is refused there is the request's fault, not ours.
    logger.warning("API: the database refused a value on %s: %s", request.path, exc)
    return problem(request, 400, "The request holds a value the database cannot store.")


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return problem(request, 401, "This needs a valid API token: Authorization: Bearer <token>.")


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem(request, 404, "Not found, or not yours to see.")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem(request, exc.status_code, str(exc))


@api.exception_handler(Exception)
def on_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s", request.path)
    return problem(request, 500, "Something went wrong on our side; it has been logged.")
