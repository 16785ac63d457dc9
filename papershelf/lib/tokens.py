"""Unguessable tokens for links that stand in for a password ("anyone with the link")."""

from __future__ import annotations

import secrets


def new_share_token() -> str:
    """22 URL-safe characters (128 random bits): a link nobody finds by counting or guessing."""
    return secrets.token_urlsafe(16)
