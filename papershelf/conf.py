"""Reading configuration from the environment, loudly.

A typo in a setting should stop the server at start-up with a message naming the
variable, not surface later as a puzzling behaviour (healthchecks' ``envbool``).
"""

from __future__ import annotations

import functools
import logging
import os
import re
import secrets
import stat
from pathlib import Path
from typing import TypeVar, cast
from urllib.parse import parse_qsl, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import lazy

logger = logging.getLogger("papershelf")

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
    return _env_number(name, default, int, "a whole number")


def env_float(name: str, default: float) -> float:
    return _env_number(name, default, float, "a number")


_Number = TypeVar("_Number", int, float)


def _env_number(name: str, default: _Number, kind: type[_Number], what: str) -> _Number:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return kind(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be {what}; got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_home() -> Path:
    """The data directory: ``PAPERSHELF_HOME`` or the XDG default.

    Only the path: reading settings must create nothing on disk (``mypy`` imports them);
    ``prepare_data_home`` makes the directory when the shelf actually starts.
    """
    raw = os.environ.get("PAPERSHELF_HOME")
    if raw:
        return Path(raw).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "papershelf"


# What the data directory holds is its owner's alone: the database has every private
# summary, the secret key signs every session.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def prepare_data_home(home: Path) -> list[str]:
    """Create the data directory (0700) and its secret key (0600), and close what is open.

    Called when the shelf starts (``papershelf`` commands, the WSGI app), never on import.
    Returns one line per permission it tightened, which is also logged as a warning.
    """
    try:
        home.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        for folder in ("media", "static"):
            (home / folder).mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
    except OSError as exc:
        raise ImproperlyConfigured(f"cannot create the data directory {home}: {exc}") from exc
    if not os.environ.get("PAPERSHELF_SECRET_KEY"):
        _read_or_create_key(home / "secret_key")
    fixed = []
    for path in [home, *sorted(home.iterdir())]:
        wanted = PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE
        mode = stat.S_IMODE(path.lstat().st_mode)
        if path.is_symlink() or not mode & 0o077:
            continue
        path.chmod(mode & wanted)
        fixed.append(f"{path} was readable by others ({mode:04o}); now {mode & wanted:04o}")
    for line in fixed:
        logger.warning("data directory: %s", line)
    return fixed


def secret_key(home: Path) -> str:
    """``PAPERSHELF_SECRET_KEY``, else a key generated once and kept in the data directory.

    There is deliberately no fallback constant: a shared default key would let anyone
    forge sessions on every shelf that kept it. The key file is read (or written) when
    the key is first used, so importing the settings touches nothing on disk.
    """
    from_env = os.environ.get("PAPERSHELF_SECRET_KEY")
    if from_env:
        if len(from_env) < 32:
            raise ImproperlyConfigured("PAPERSHELF_SECRET_KEY must be at least 32 characters")
        return from_env
    path = home / "secret_key"
    return cast(str, lazy(lambda: _key_from_file(path), str)())


@functools.cache
def _key_from_file(path: Path) -> str:
    # Read once per process: every signed cookie asks for the key.
    return _read_or_create_key(path)


def _read_or_create_key(path: Path) -> str:
    if not path.exists():
        path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        # O_EXCL: two processes starting at once must not write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
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
        return _sqlite_config(str(home / "papershelf.sqlite3"))
    return database_config_from_url(url)


def database_config_from_url(url: str) -> dict[str, object]:
    """Django's settings for one database URL (also ``migrate-data``'s source and target)."""
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql"}:
        return _postgres_config(url)
    if parsed.scheme == "sqlite":
        if not parsed.path or parsed.path == "/":
            raise ImproperlyConfigured("a sqlite:// database URL must name a file: sqlite:///path")
        # sqlite:///srv/shelf.sqlite3 and SQLAlchemy's sqlite:////srv/shelf.sqlite3 alike.
        return _sqlite_config("/" + unquote(parsed.path).lstrip("/"))
    raise ImproperlyConfigured(
        "DATABASE_URL must start with postgres://, postgresql:// or sqlite://; "
        f"got {parsed.scheme!r}"
    )


def _sqlite_config(path: str) -> dict[str, object]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            # WAL lets readers (page views) run while an import writes.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
        # Opening a connection (its PRAGMAs and Django's SQL functions) cost more than a
        # typical query: each process thread keeps one across requests, as on PostgreSQL.
        "CONN_MAX_AGE": env_int("PAPERSHELF_DB_CONN_MAX_AGE", 60),
        "CONN_HEALTH_CHECKS": True,
    }


# libpq's own names for what the URL's query may say; anything else (sslmode,
# connect_timeout, application_name…) goes to psycopg as a connection option.
_PG_PARTS = {"host": "HOST", "port": "PORT", "user": "USER", "password": "PASSWORD"}


def _postgres_config(url: str) -> dict[str, object]:
    parsed = urlparse(url)
    # The host is read from the raw URL: ``hostname`` lowercases it, which would break a
    # percent-encoded socket directory (postgres://user@%2Fvar%2Frun%2Fpostgresql/db).
    host = parsed.netloc.rpartition("@")[2]
    host = host[1:].partition("]")[0] if host.startswith("[") else host.partition(":")[0]
    try:
        port = parsed.port
    except ValueError:
        raise ImproperlyConfigured(f"DATABASE_URL has a bad port: {url!r}") from None
    config: dict[str, object] = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")),
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": unquote(host),
        "PORT": str(port or ""),
        # A connection per process and thread outlives a request (a new one costs a few
        # milliseconds and a server process); the health check drops one the server closed.
        "CONN_MAX_AGE": env_int("PAPERSHELF_DB_CONN_MAX_AGE", 60),
        "CONN_HEALTH_CHECKS": True,
    }
    options: dict[str, str] = {}
    for key, value in parse_qsl(parsed.query, keep_blank_values=True):
        if key in _PG_PARTS:
            config[_PG_PARTS[key]] = value
        elif key == "dbname":
            config["NAME"] = value
        else:
            options[key] = value
    if options:
        config["OPTIONS"] = options
    return config


_RATE = re.compile(r"^\d+/\d*[smhd]$")


def env_rate(name: str, default: str) -> str:
    """A rate such as ``10/h`` (per second, minute, hour, day; ``10/15m``), or ``off``."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value != "off" and not _RATE.match(value):
        raise ImproperlyConfigured(
            f"{name} must be a rate like 10/h, 100/d or 5/15m (or off); got {raw!r}"
        )
    return value


def env_choice(name: str, default: str, choices: list[str]) -> str:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {raw!r}")
    return value
