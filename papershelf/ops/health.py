"""Checks of a running shelf: what /readyz answers and what `papershelf doctor` prints."""

from __future__ import annotations

import os
import socket
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""  # what to do about it, when not ok
    warning: bool = False  # worth saying, but the shelf works


def database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return Check("database", False, str(exc), "check DATABASE_URL and that the server runs")
    return Check("database", True, f"{connection.vendor} reachable")


def migrations() -> Check:
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return Check("migrations", False, str(exc), "check the database first")
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:3])
        more = f" and {len(plan) - 3} more" if len(plan) > 3 else ""
        return Check(
            "migrations", False, f"{len(plan)} not applied: {names}{more}",
            "run `papershelf manage migrate` (serve does it on start)",
        )  # fmt: skip
    return Check("migrations", True, "all applied")


def search_index() -> Check:
    from papershelf.search.keyword_index import get_keyword_index
    from papershelf.search.models import SearchDocument

    try:
        documents = SearchDocument.objects.exists()
    except DatabaseError as exc:
        return Check("search index", False, str(exc), "check the database first")
    if documents and (missing := get_keyword_index().missing()):
        return Check(
            "search index", False, missing, "run `papershelf reindex --rebuild --keyword-only`"
        )
    return Check("search index", True, "keyword index present" if documents else "empty shelf")


def media_writable() -> Check:
    root = Path(settings.MEDIA_ROOT)
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".readyz-"):
            pass
    except OSError as exc:
        return Check("media", False, f"{root} is not writable: {exc}",
                     f"give the server's account write access to {root}")  # fmt: skip
    return Check("media", True, f"{root} writable")


READINESS: list[Callable[[], Check]] = [database, migrations, search_index, media_writable]


def readiness() -> list[Check]:
    return [check() for check in READINESS]


# --- Only for `papershelf doctor`: the set-up, not the moment -------------------------


def data_directory() -> Check:
    home = Path(settings.HOME)
    if not home.is_dir():
        return Check(
            "data directory", False, f"{home} does not exist", "run `papershelf serve` once"
        )
    loose = [
        str(path) for path in [home, *home.iterdir()]
        if not path.is_symlink() and stat.S_IMODE(path.lstat().st_mode) & 0o077
    ]  # fmt: skip
    if loose:
        return Check("data directory", False, f"readable by others: {', '.join(loose[:3])}",
                     f"chmod -R go-rwx {home} (serve also tightens it on start)")  # fmt: skip
    if not os.access(home, os.W_OK):
        return Check("data directory", False, f"{home} is not writable",
                     "run the shelf as the account that owns it")  # fmt: skip
    return Check("data directory", True, f"{home} (owner only)")


def secret_key() -> Check:
    if os.environ.get("PAPERSHELF_SECRET_KEY"):
        return Check("secret key", True, "from PAPERSHELF_SECRET_KEY")
    path = Path(settings.HOME) / "secret_key"
    if not path.exists():
        return Check("secret key", False, f"{path} is missing", "run `papershelf serve` once")
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        return Check("secret key", False, f"{path} is readable by others", f"chmod 600 {path}")
    return Check("secret key", True, f"{path} (0600)")


def email() -> Check:
    host = settings.EMAIL_HOST
    if not host:
        return Check("e-mail", True, "no PAPERSHELF_EMAIL_HOST: e-mails are printed to the "
                     "worker's console, not sent", warning=True)  # fmt: skip
    try:
        socket.create_connection((host, settings.EMAIL_PORT), timeout=3).close()
    except OSError as exc:
        return Check("e-mail", False, f"cannot reach {host}:{settings.EMAIL_PORT}: {exc}",
                     "check PAPERSHELF_EMAIL_HOST and PAPERSHELF_EMAIL_PORT")  # fmt: skip
    return Check("e-mail", True, f"{host}:{settings.EMAIL_PORT} reachable")


def worker() -> Check:
    from django_tasks_db.models import DBTaskResult

    try:
        stale = DBTaskResult.objects.ready().filter(
            enqueued_at__lt=timezone.now() - timedelta(minutes=5)
        ).count()  # fmt: skip
    except DatabaseError as exc:
        return Check("worker", False, str(exc), "check the database first")
    if stale:
        return Check("worker", False, f"{stale} task(s) waiting for over 5 minutes",
                     "start `papershelf worker` (serve starts one unless --no-worker)")  # fmt: skip
    return Check("worker", True, "no task waiting long")


def database_integrity() -> Check:
    from papershelf.ops.integrity import check_database

    try:
        with connection.cursor() as cursor:
            report = check_database(cursor, connection.vendor)
    except DatabaseError as exc:
        return Check("integrity", False, str(exc), "check the database first")
    if not report.ok:
        found = "; ".join(report.problems[:3])
        more = f" and {len(report.problems) - 3} more" if len(report.problems) > 3 else ""
        return Check("integrity", False, f"{report.method}: {found}{more}",
                     "restore the last backup (papershelf restore) or ask the database's "
                     "administrator; copy the damaged database aside first")  # fmt: skip
    if report.advice:
        return Check("integrity", True, f"{report.method}: ok; {report.advice}", warning=True)
    return Check("integrity", True, f"{report.method}: ok")


def site() -> Check:
    if settings.DEBUG:
        return Check("debug", False, "PAPERSHELF_DEBUG is on", "unset PAPERSHELF_DEBUG")
    return Check("debug", True, "off")


SETUP: list[Callable[[], Check]] = [
    data_directory,
    secret_key,
    site,
    email,
    worker,
    database_integrity,
]


def doctor() -> list[Check]:
    return [check() for check in SETUP] + readiness()
