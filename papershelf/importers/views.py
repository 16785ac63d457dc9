"""The upload form: stage the files, show a dry run, import on confirmation."""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from papershelf.importers.forms import ImportForm
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths

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


def _options(
    request: HttpRequest, data: dict[str, object], folder: Path, dry_run: bool
) -> ImportOptions:
    return ImportOptions(
        user=request.user,  # type: ignore[arg-type]
        format=str(data["format"]),
        dry_run=dry_run,
        list_name=str(data["list_name"]),
        topics=list(data["topics"]),  # type: ignore[call-overload]
        visibility=str(data["visibility"]),
        fetch_metadata=bool(data["fetch_metadata"]),
        upload_root=folder,
    )


@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        folder = _stage(request, form)
        data = {**form.cleaned_data, "topics": form.topic_names()}
        data.pop("files")
        try:
            report = import_paths(sorted(folder.iterdir()), _options(request, data, folder, True))
        except ParseError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            form.add_error("files", f"{exc}. Nothing was imported.")
        else:
            request.session[_SESSION_KEY] = {"folder": folder.name, "options": data}
            return render(request, "importers/preview.html", {"report": report})
    return render(request, "importers/form.html", {"form": form})


@require_POST
@login_required
def import_confirm(request: HttpRequest) -> HttpResponse:
    staged = request.session.pop(_SESSION_KEY, None)
    folder = _staging_root(request) / staged["folder"] if staged else None
    if folder is None or not folder.is_dir():
        messages.error(request, "That import has expired; upload the files again.")
        return redirect("importers-start")
    try:
        report = import_paths(
            sorted(folder.iterdir()), _options(request, staged["options"], folder, False)
        )
    except ParseError as exc:
        messages.error(request, f"{exc}. Nothing was imported.")
        return redirect("importers-start")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return render(request, "importers/done.html", {"report": report})
