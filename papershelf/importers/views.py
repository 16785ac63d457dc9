"""The upload form: stage the files, show a dry run, let a person correct it, import."""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from papershelf.importers.forms import (
    SPLIT_LEVELS,
    ImportForm,
    corrections_from_session,
    corrections_to_session,
    other_warnings,
    preview_files,
    read_corrections,
)
from papershelf.importers.records import ParseError, ParseHints
from papershelf.importers.services import ImportOptions, ImportReport, import_paths
from papershelf.jobs.imports import start_import

_SESSION_KEY = "papershelf-import"


def _staging_root(request: HttpRequest) -> Path:
    return Path(settings.HOME) / "uploads" / str(request.user.pk)


def _stage(request: HttpRequest, form: ImportForm) -> Path:
    token = secrets.token_urlsafe(16)
    folder = _staging_root(request) / token
    folder.mkdir(parents=True)
    for upload in form.cleaned_data["files"]:
        # Only the base name: an uploaded "../../x" must stay inside the folder.
        name = Path(upload.name).name or "upload"
        with open(folder / name, "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
    return folder


def _staged_folder(request: HttpRequest, staged: dict[str, Any] | None) -> Path | None:
    folder = _staging_root(request) / staged["folder"] if staged else None
    return folder if folder is not None and folder.is_dir() else None


def _run(
    request: HttpRequest,
    staged: dict[str, Any],
    folder: Path,
    corrections: dict[str, ParseHints],
    *,
    dry_run: bool,
) -> ImportReport:
    data = staged["options"]
    options = ImportOptions(
        user=request.user,  # type: ignore[arg-type]
        format=str(data["format"]),
        dry_run=dry_run,
        list_name=str(data["list_name"]),
        topics=list(data["topics"]),
        visibility=str(data["visibility"]),
        fetch_metadata=bool(data["fetch_metadata"]),
        upload_root=folder,
        corrections=corrections,
    )
    return import_paths(sorted(folder.iterdir()), options)


def _render_preview(
    request: HttpRequest,
    report: ImportReport,
    corrections: dict[str, ParseHints],
    errors: list[str] | None = None,
) -> HttpResponse:
    context = {
        "report": report,
        "files": preview_files(report, corrections),
        "other_warnings": other_warnings(report),
        "levels": SPLIT_LEVELS,
        "errors": errors or [],
    }
    return render(request, "importers/preview.html", context)


def _expired(request: HttpRequest) -> HttpResponse:
    messages.error(request, "That import has expired; upload the files again.")
    return redirect("importers-start")


@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        folder = _stage(request, form)
        data = {**form.cleaned_data, "topics": form.topic_names()}
        data.pop("files")
        staged = {"folder": folder.name, "options": data, "corrections": {}}
        if _size(folder) > settings.IMPORT_PREVIEW_MAX_BYTES:
            # Too big to preview in a request (a 10k-entry file takes seconds to read):
            # import in the background and show its progress (issue 10).
            job = start_import(request.user, folder, staged)  # type: ignore[arg-type]
            return redirect(job)
        try:
            report = _run(request, staged, folder, {}, dry_run=True)
        except ParseError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            form.add_error("files", f"{exc}. Nothing was imported.")
        else:
            request.session[_SESSION_KEY] = staged
            return _render_preview(request, report, {})
    return render(request, "importers/form.html", {"form": form})


@require_POST
@login_required
def import_revise(request: HttpRequest) -> HttpResponse:
    """Preview again with the person's corrections, and keep them for the import."""
    staged = request.session.get(_SESSION_KEY)
    folder = _staged_folder(request, staged)
    if staged is None or folder is None:
        return _expired(request)
    corrections, errors = read_corrections(request.POST)
    try:
        report = _run(request, staged, folder, corrections, dry_run=True)
    except ParseError as exc:
        # Corrections that leave nothing to import are refused; the last preview stands.
        errors.append(f"With those corrections: {exc}. Showing the previous preview.")
        corrections = corrections_from_session(staged.get("corrections", {}))
        report = _run(request, staged, folder, corrections, dry_run=True)
    request.session[_SESSION_KEY] = {**staged, "corrections": corrections_to_session(corrections)}
    return _render_preview(request, report, corrections, errors)


@require_POST
@login_required
def import_confirm(request: HttpRequest) -> HttpResponse:
    staged = request.session.pop(_SESSION_KEY, None)
    folder = _staged_folder(request, staged)
    if staged is None or folder is None:
        return _expired(request)
    # The worker imports (and then removes the staged files); the job page shows progress.
    job = start_import(request.user, folder, staged)  # type: ignore[arg-type]
    return redirect(job)


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.iterdir() if path.is_file())
