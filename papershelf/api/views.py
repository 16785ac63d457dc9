"""Pages around the API: its documentation, and the tokens a user makes and revokes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from papershelf.api import tokens
from papershelf.exports.services import FORMATS


def docs(request: HttpRequest) -> HttpResponse:
    """Interactive documentation drawn from the OpenAPI schema by our own script."""
    return render(request, "api/docs.html")


@login_required
def token_settings(request: HttpRequest) -> HttpResponse:
    context = {
        "tokens": request.user.api_tokens.all(),  # type: ignore[union-attr]
        "new_token": request.session.pop("papershelf-new-token", ""),
        "formats": FORMATS.values(),
    }
    return render(request, "api/tokens.html", context)


@require_POST
@login_required
def token_create(request: HttpRequest) -> HttpResponse:
    name = request.POST.get("name", "")
    _, text = tokens.create_token(request.user, name, bool(request.POST.get("read_only")))  # type: ignore[arg-type]
    # Shown once, on the next page; only its hash is kept.
    request.session["papershelf-new-token"] = text
    return redirect("api-tokens")


@require_POST
@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    tokens.revoke_token(request.user, pk)  # type: ignore[arg-type]
    messages.success(request, "The token is revoked; scripts using it now get 401.")
    return redirect("api-tokens")
