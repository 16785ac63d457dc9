"""Publishing from the web as a background job: the worker writes the static site into
the job's folder with publish_site (as ``papershelf publish`` does), then zips it."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

from django.utils.text import slugify

from papershelf.accounts.models import User
from papershelf.jobs.files import job_folder, put_in_place, remove_old_files, unfinished_path
from papershelf.jobs.models import Job
from papershelf.jobs.progress import FileProgress, forget_progress
from papershelf.jobs.tasks import KINDS, JobFailed, as_sentence, start_job_once
from papershelf.publish.content import Choice, PublishError
from papershelf.publish.services import PublishOptions, publish_site
from papershelf.publish.themes import THEMES
from papershelf.publish.writer import SiteFolderError


def start_publish(owner: User, params: dict[str, Any], title: str) -> Job:
    """Queue a site. ``params``: topics (names or slugs), list_ids, mine (only the owner's
    summaries and lists), theme, title, base_url: what ``papershelf publish`` takes."""
    return start_job_once(owner, "publish", title, params)


def run_publish(job: Job) -> dict[str, Any]:
    remove_old_files()
    params = job.params
    options = PublishOptions(
        out=job_folder(job.pk) / "site",
        choice=Choice(
            topics=[str(topic) for topic in params.get("topics", [])],
            list_ids=[int(pk) for pk in params.get("list_ids", [])],
            user=job.owner if params.get("mine") else None,
        ),
        theme=str(params.get("theme") or "shelf"),
        title=str(params.get("title") or ""),
        base_url=str(params.get("base_url") or ""),
    )
    if options.theme not in THEMES:
        raise JobFailed(f"Unknown theme {options.theme!r}; use one of {', '.join(THEMES)}.")
    # A worker killed half-way left a folder without the publisher's manifest, which
    # publish_site rightly refuses: every run starts from an empty folder.
    shutil.rmtree(options.out, ignore_errors=True)
    progress = FileProgress(job.pk)
    try:
        report = publish_site(options, progress)
    except (PublishError, SiteFolderError) as exc:
        raise JobFailed(as_sentence(exc)) from exc
    stem = slugify(options.title) or "papershelf-site"
    final = options.out.parent / f"{stem}.zip"
    written = unfinished_path(final)
    _zip_folder(options.out, written, stem, progress)
    put_in_place(written, final)
    shutil.rmtree(options.out)  # the zip is what is kept
    forget_progress(job.pk)
    return {
        "file": final.name,
        "content_type": "application/zip",
        "lines": report.lines(),
        "size": final.stat().st_size,
    }


def _zip_folder(folder: Path, out: Path, stem: str, progress: FileProgress) -> None:
    """The site under one top folder, so unzipping it makes one folder, not a hundred files."""
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    progress.start(len(files), "Packing the site")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, f"{stem}/{path.relative_to(folder).as_posix()}")
            progress.advance()


KINDS["publish"] = run_publish
