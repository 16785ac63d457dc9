"""Personal API tokens: ``ps_<prefix>_<secret>``, shown once, kept as a SHA-256 of the secret."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.http import Http404
from django.utils import timezone

from papershelf.accounts.models import User
from papershelf.api.models import ApiToken

SCHEME = "ps"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user: User, name: str, read_only: bool = False) -> tuple[ApiToken, str]:
    """A new token and its full text, which is never stored and cannot be shown again."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100] or "API token", prefix=prefix,
        secret_hash=_hash(secret), read_only=read_only,
    )  # fmt: skip
    return token, f"{SCHEME}_{prefix}_{secret}"


def revoke_token(user: User, pk: int) -> None:
    """Delete one of the user's tokens; another user's answers 404."""
    deleted, _ = ApiToken.objects.filter(user=user, pk=pk).delete()
    if not deleted:
        raise Http404("No such token")


def authenticate_token(text: str) -> ApiToken | None:
    """The token ``text`` is, with its last use recorded; None for anything else."""
    scheme, _, rest = text.partition("_")
    prefix, _, secret = rest.partition("_")
    if scheme != SCHEME or not prefix or not secret:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or not token.user.is_active:
        return None
    if not hmac.compare_digest(token.secret_hash, _hash(secret)):
        return None
    token.last_used_at = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=token.last_used_at)
    return token
