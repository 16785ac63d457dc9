"""Request-wide protections: answer oversized requests with 413, mark HTTPS cookies Secure."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

Handler = Callable[[HttpRequest], HttpResponse]


def _too_big(request: HttpRequest, limit: int, what: str) -> HttpResponse:
    context = {"limit_mb": f"{limit / 1024 / 1024:,.1f}".removesuffix(".0"), "what": what}
    return render(request, "413.html", context, status=413)


def request_size_limit(get_response: Handler) -> Handler:
    """Refuse a request body that is too big with a 413 page, not Django's bare 400.

    Django raises RequestDataTooBig wherever the form data is first read (often in the
    CSRF check, outside any view), so it is read here first, where it can be answered.
    A body past PAPERSHELF_REQUEST_MAX_BYTES is refused before any of it is read.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        length = request.META.get("CONTENT_LENGTH") or "0"
        if length.isdigit() and int(length) > settings.REQUEST_MAX_BYTES:
            return _too_big(request, settings.REQUEST_MAX_BYTES, "upload")
        if request.method in {"POST", "PUT", "PATCH"}:
            try:
                if request.content_type == "multipart/form-data":
                    request.POST  # noqa: B018  (parsing it is the point: files stream to disk)
                else:
                    request.body  # noqa: B018
            except RequestDataTooBig:
                return _too_big(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE, "form")
        return get_response(request)

    return middleware


def https_only_cookies(get_response: Handler) -> Handler:
    """Over HTTPS, every cookie is Secure and browsers are told to stay on HTTPS (HSTS).

    A request counts as HTTPS when PAPERSHELF_HTTPS says all do, or when Django sees it
    as secure (with PAPERSHELF_BEHIND_PROXY, from the proxy's X-Forwarded-Proto).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if settings.HTTPS or request.is_secure():
            for cookie in response.cookies.values():
                cookie["secure"] = True
            if settings.HSTS_SECONDS:
                response.headers.setdefault(
                    "Strict-Transport-Security", f"max-age={settings.HSTS_SECONDS}"
                )
        return response

    return middleware
