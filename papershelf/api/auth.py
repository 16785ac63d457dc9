"""Who is asking: a personal token (``Authorization: Bearer …``), or the session for reads."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from papershelf.accounts.models import User
from papershelf.api.models import ApiToken
from papershelf.api.problems import ApiProblem
from papershelf.api.tokens import authenticate_token


def _bearer(request: HttpRequest) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def reader(request: HttpRequest) -> User | None:
    """The reader whose visibility applies: a token's user, the signed-in user, or nobody.

    A token that is given but wrong is refused rather than read as nobody: a script
    should learn its token is dead, not see less without a word.
    """
    text = _bearer(request)
    if text is not None:
        token = authenticate_token(text)
        if token is None:
            raise ApiProblem(401, "The API token is not valid (revoked, or mistyped).")
        return token.user
    user = request.user
    return user if user.is_authenticated else None  # type: ignore[return-value]


class WriteToken(HttpBearer):
    """Writes need a token that may write; sessions never write (no CSRF in an API)."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = authenticate_token(token)
        if found is not None and found.read_only:
            raise ApiProblem(403, "This API token is read-only.")
        return found


class ReadToken(HttpBearer):
    """Reads of one's own things (a job, its file): any valid token, read-only or not."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return authenticate_token(token)


def writer(request: HttpRequest) -> User:
    """The user whose token (WriteToken or ReadToken) the request was let in with."""
    return request.auth.user  # type: ignore[attr-defined, no-any-return]
