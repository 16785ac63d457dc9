"""How far a running job has got, in a small file beside the database.

Not a database row: an import writes inside one long transaction, and SQLite lets no
other connection write until it ends, so progress kept in a table would appear only
when there is nothing left to show.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from django.conf import settings

WRITE_EVERY = 0.5  # seconds: a page that refreshes every 2 s needs no more


def progress_path(job_id: int) -> Path:
    return Path(settings.HOME) / "jobs" / f"{job_id}.json"


class FileProgress:
    """The importers' Progress (start, advance), written for the job page to read."""

    def __init__(self, job_id: int) -> None:
        self.path = progress_path(job_id)
        self.label, self.total, self.done = "", 0, 0
        self._written_at = 0.0

    def start(self, total: int, label: str) -> None:
        self.label, self.total, self.done = label, total, 0
        self._write(force=True)

    def advance(self, amount: int = 1) -> None:
        self.done += amount
        self._write(force=self.done >= self.total)

    def _write(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._written_at < WRITE_EVERY:
            return
        self._written_at = now
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
        data = {"label": self.label, "total": self.total, "done": self.done}
        temporary.write_text(json.dumps(data))
        os.replace(temporary, self.path)  # a reader never sees half a file


def read_progress(job_id: int) -> dict[str, Any]:
    try:
        data = json.loads(progress_path(job_id).read_text())
    except (OSError, ValueError):
        return {}
    total = int(data.get("total") or 0)
    data["percent"] = round(100 * int(data.get("done") or 0) / total) if total else 0
    return dict(data)


def forget_progress(job_id: int) -> None:
    progress_path(job_id).unlink(missing_ok=True)
