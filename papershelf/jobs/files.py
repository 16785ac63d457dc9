"""Files a job made for its owner (an export, a zipped site): one folder per job.

They live in the data directory, not under MEDIA_ROOT: a media server in front of the
shelf must never hand them out; only the job's owner may download them (views.job_file).
They are kept for a week, then removed by the next job that makes files.
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404

from papershelf.jobs.models import Job, JobStatus

KEEP_FOR = timedelta(days=7)


def files_root() -> Path:
    return Path(settings.HOME) / "jobs" / "files"


def job_folder(job_id: int) -> Path:
    """The job's own folder, made on first use (0700, like the data directory)."""
    folder = files_root() / str(job_id)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def unfinished_path(final: Path) -> Path:
    """Where to write before the final name: a killed worker leaves no half file behind
    under it. Keeps the suffix (an export into ``.zip`` is told apart by it)."""
    return final.with_name(f"unfinished-{final.name}")


def put_in_place(written: Path, final: Path) -> None:
    os.replace(written, final)  # whole or not at all, also when a rerun overwrites


def finished_file(job: Job) -> Path | None:
    """The file a finished job made, while it is still kept."""
    name = job.result.get("file") if job.status == JobStatus.DONE else None
    if not name:
        return None
    path = files_root() / str(job.pk) / Path(str(name)).name
    return path if path.is_file() else None


def file_response(job: Job) -> FileResponse:
    """The finished job's file as a download (the job page's link and the API's)."""
    path = finished_file(job)
    if path is None:
        raise Http404("No such file: it is not finished, or it was removed after a week")
    content_type = str(job.result.get("content_type") or "application/octet-stream")
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=path.name, content_type=content_type
    )


def remove_old_files(keep_for: timedelta = KEEP_FOR) -> int:
    """Remove job folders untouched for longer than keep_for; returns how many.

    A folder's time is when its last file was put in place (the finished file), so a
    job still writing is never old.
    """
    root = files_root()
    if not root.is_dir():
        return 0
    cutoff = time.time() - keep_for.total_seconds()
    removed = 0
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed
