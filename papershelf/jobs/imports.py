"""Imports as background jobs: a web upload returns at once and its page shows progress."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from django.db import transaction

from papershelf.accounts.models import User
from papershelf.importers.forms import corrections_from_session
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, ImportReport, import_paths
from papershelf.jobs.models import Job
from papershelf.jobs.progress import FileProgress, forget_progress
from papershelf.jobs.tasks import KINDS, JobFailed, enqueue_job

MAX_ACTIONS_SHOWN = 2000  # a 10k-entry file's table would be the page; the counts say it all


def start_import(user: User, folder: Path, staged: dict[str, Any]) -> Job:
    """Queue the import of a staged upload folder; the worker runs it."""
    names = sorted(p.name for p in folder.iterdir())
    title = f"Import of {names[0]}" + (f" and {len(names) - 1} more" if len(names) > 1 else "")
    with transaction.atomic():  # the job and its queue entry exist together or not at all
        job = Job.objects.create(
            kind="import",
            owner=user,
            title=title[:300],
            params={**staged, "folder": str(folder)},
        )
        enqueue_job(job)
    return job


def run_import(job: Job) -> dict[str, Any]:
    folder = Path(job.params["folder"])
    if not folder.is_dir():
        raise JobFailed("The uploaded files are gone; upload them again.")
    data = job.params["options"]
    options = ImportOptions(
        user=job.owner,  # type: ignore[arg-type]
        format=str(data["format"]),
        list_name=str(data["list_name"]),
        topics=list(data["topics"]),
        visibility=str(data["visibility"]),
        fetch_metadata=bool(data["fetch_metadata"]),
        upload_root=folder,
        corrections=corrections_from_session(job.params.get("corrections", {})),
    )
    try:
        report = import_paths(sorted(folder.iterdir()), options, FileProgress(job.pk))
    except ParseError as exc:
        raise JobFailed(f"{exc}. Nothing was imported.") from exc
    # Only after the import committed: a worker killed before this runs it again (an
    # import of the same files updates, never duplicates) and still finds the files.
    shutil.rmtree(folder, ignore_errors=True)
    forget_progress(job.pk)
    return report_as_json(report)


def report_as_json(report: ImportReport) -> dict[str, Any]:
    """What importers/_report.html shows, as JSON the job row can keep."""
    return {
        "lines": report.lines(),
        "files": [{"name": f.name, "status": f.status, "detail": f.detail} for f in report.files],
        "warnings": [str(w) for w in report.warnings],
        "actions": [
            {"kind": a.kind, "what": a.what, "where": a.where, "detail": a.detail}
            for a in report.actions[:MAX_ACTIONS_SHOWN]
        ],
        "more_actions": max(0, len(report.actions) - MAX_ACTIONS_SHOWN),
    }


KINDS["import"] = run_import
