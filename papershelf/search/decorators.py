"""Request checks shared by the search app's views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, JsonResponse

View = Callable[..., HttpResponse]


def login_required_json(view: View) -> View:
    """Like login_required, but a JSON client gets the one error shape, not a login page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            error = {"ok": False, "error": "Log in to see this.", "status": 401}
            return JsonResponse(error, status=401)
        return view(request, *args, **kwargs)

    return wrapper
