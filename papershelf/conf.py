"""Reading configuration from the environment, loudly.

A typo in a setting should stop the server at start-up with a message naming the
variable, not surface later as a puzzling behaviour (healthchecks' ``envbool``).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_home() -> Path:
    """The data directory: ``PAPERSHELF_HOME`` or the XDG default, created on demand."""
    raw = os.environ.get("PAPERSHELF_HOME")
    if raw:
        home = Path(raw).expanduser()
    else:
        xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        home = Path(xdg) / "papershelf"
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ImproperlyConfigured(f"cannot create the data directory {home}: {exc}") from exc
    return home


def secret_key(home: Path) -> str:
    """``PAPERSHELF_SECRET_KEY``, else a key generated once and kept in the data directory.

    There is deliberately no fallback constant: a shared default key would let anyone
    forge sessions on every shelf that kept it.
    """
    from_env = os.environ.get("PAPERSHELF_SECRET_KEY")
    if from_env:
        if len(from_env) < 32:
            raise ImproperlyConfigured("PAPERSHELF_SECRET_KEY must be at least 32 characters")
        return from_env
    path = home / "secret_key"
    if not path.exists():
        # O_EXCL: two processes starting at once must not write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
    key = path.read_text().strip()
    if len(key) < 32:
        raise ImproperlyConfigured(
            f"the secret key in {path} is too short; delete it to regenerate"
        )
    return key


def database_config(home: Path) -> dict[str, object]:
    """SQLite in the data directory, or the database named by ``DATABASE_URL``."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(home / "papershelf.sqlite3"),
            "OPTIONS": {
                # WAL lets readers (page views) run while an import writes.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
        }
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path)}
    raise ImproperlyConfigured(
        "DATABASE_URL must start with postgres://, postgresql:// or sqlite://; "
        f"got {parsed.scheme!r}"
    )
