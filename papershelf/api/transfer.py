"""Search, export and import: the same services as the pages and the CLI."""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from papershelf.api.auth import WriteToken, reader, writer
from papershelf.api.problems import ApiProblem
from papershelf.api.schemas import ImportReportOut, SearchOut, answers
from papershelf.exports import views as export_pages
from papershelf.exports.selection import Selection
from papershelf.exports.services import FORMATS, ExportError, count_selected, export_bytes
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, ImportReport, import_paths
from papershelf.search.services import MODES, results_as_dict, search

router = Router(tags=["search, export and import"])


class SearchParams(Schema):
    q: str
    mode: Literal["hybrid", "keyword", "semantic"] = "hybrid"
    page: int = 1


@router.get(
    "/search",
    response=answers(SearchOut),
    summary="Search (hybrid, keyword, semantic)",
)
def search_papers(request: HttpRequest, params: Query[SearchParams]) -> dict[str, Any]:
    if not 1 <= params.page <= 1000:
        raise ApiProblem(400, "page must be between 1 and 1000.")
    mode = params.mode if params.mode in MODES else "hybrid"
    results = search(params.q[:500], mode, params.page, user=reader(request))
    if results.error:
        raise ApiProblem(400, results.error)
    body = results_as_dict(results)
    return {**body, "has_next": results.has_next}


class ExportParams(Schema):
    paper: int | None = None
    list: int | None = None
    topic: str = ""
    query: str = ""


@router.get(
    "/export/{format_name}",
    response=answers(None),
    summary="Download BibTeX, CSL-JSON, RIS or a Markdown zip",
    description=f"Up to {export_pages.IN_REQUEST_MAX_PAPERS} papers; a larger selection "
    "answers 413: start it as a background job with POST /exports instead.",
)
def export(
    request: HttpRequest,
    format_name: Literal["bibtex", "csl", "ris", "markdown"],
    params: Query[ExportParams],
) -> HttpResponse:
    selection = Selection(
        viewer=reader(request), paper_id=params.paper, list_id=params.list,
        topic=params.topic, query=params.query,
    )  # fmt: skip
    try:
        _refuse_a_large_selection(selection)
        content = export_bytes(format_name, selection)
    except ExportError as exc:
        raise ApiProblem(400, str(exc)) from exc
    fmt = FORMATS[format_name]
    response = HttpResponse(content, content_type=fmt.content_type)
    response["Content-Disposition"] = f'attachment; filename="papershelf{fmt.extension}"'
    return response


def _refuse_a_large_selection(selection: Selection) -> None:
    # The pages' limit: past it a request would outlast the server's timeout on a big shelf.
    count = count_selected(selection)
    limit = export_pages.IN_REQUEST_MAX_PAPERS  # read at call time: tests lower it
    if count > limit:
        raise ApiProblem(
            413,
            f"The selection holds {count} papers; more than {limit} are exported in the "
            "background: POST /api/v1/exports with the same selection and a format, then "
            "follow the job's url until it is done and download its file_url.",
        )


def _staging(user_pk: int) -> Path:
    return Path(settings.HOME) / "uploads" / f"api-{user_pk}"


def report_out(report: ImportReport, staged: str | None) -> dict[str, Any]:
    return {
        "id": staged,
        "dry_run": report.dry_run,
        "summary": report.lines(),
        "files": [vars(f) for f in report.files],
        "actions": [vars(a) for a in report.actions],
        "warnings": [str(w) for w in report.warnings],
    }


def _run(request: HttpRequest, folder: Path, dry_run: bool) -> ImportReport:
    options = ImportOptions(user=writer(request), dry_run=dry_run, fetch_metadata=False)
    options.upload_root = folder
    try:
        return import_paths(sorted(folder.iterdir()), options)
    except ParseError as exc:
        raise ApiProblem(400, f"{exc}. Nothing was imported.") from exc


@router.post(
    "/imports",
    response=answers(ImportReportOut, 201),
    auth=WriteToken(),
    summary="Upload files: a preview of what importing them would do",
)
def upload(request: HttpRequest, files: File[list[UploadedFile]], note: Form[str] = "") -> Status:
    staged = secrets.token_urlsafe(12)
    folder = _staging(writer(request).pk) / staged
    folder.mkdir(parents=True)
    for upload in files:
        with open(folder / (Path(upload.name or "upload").name or "upload"), "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
    try:
        report = _run(request, folder, dry_run=True)
    except ApiProblem:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Status(201, report_out(report, staged))


@router.post(
    "/imports/{staged}",
    response=answers(ImportReportOut),
    auth=WriteToken(),
    summary="Confirm a previewed import",
)
def confirm(request: HttpRequest, staged: str) -> dict[str, Any]:
    folder = _staging(writer(request).pk) / staged
    if not staged.replace("-", "").replace("_", "").isalnum() or not folder.is_dir():
        raise ApiProblem(404, "No such import preview (confirmed already, or never made).")
    try:
        report = _run(request, folder, dry_run=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return report_out(report, None)
