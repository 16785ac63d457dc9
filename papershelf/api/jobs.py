"""Background jobs: a large export is started here, watched, then downloaded.

The same jobs as the pages' (jobs.exports.start_export); a job is its owner's alone,
and anyone else's token gets 404 for it, as for anything else they may not see.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Status

from papershelf.api.auth import ReadToken, writer
from papershelf.api.problems import ApiProblem
from papershelf.api.schemas import ExportJobIn, JobOut, JobStartedOut, answers
from papershelf.exports.selection import Selection
from papershelf.exports.services import ExportError, count_selected
from papershelf.jobs.exports import start_export
from papershelf.jobs.files import file_response, finished_file
from papershelf.jobs.models import Job
from papershelf.jobs.progress import read_progress

router = Router(tags=["background jobs"])


def _job_url(job: Job) -> str:
    return reverse("api:jobs-detail", kwargs={"job_id": job.pk})


def _own_job(request: HttpRequest, job_id: int) -> Job:
    return get_object_or_404(Job, pk=job_id, owner=writer(request))


@router.post(
    "/exports",
    response=answers(JobStartedOut, 202),
    auth=ReadToken(),
    summary="Start an export as a background job (any size; a read-only token will do)",
)
def start(request: HttpRequest, body: ExportJobIn) -> Status:
    owner = writer(request)
    selection = Selection(
        viewer=owner, paper_id=body.paper, list_id=body.list, topic=body.topic, query=body.query
    )
    try:
        count_selected(selection)  # an unknown or hidden paper, list or topic: 404 now
    except ExportError as exc:
        raise ApiProblem(400, str(exc)) from exc
    job = start_export(owner, body.format, selection)  # a second POST while it waits: that job
    started = {"id": job.pk, "kind": job.kind, "status": job.status, "url": _job_url(job)}
    return Status(202, started)


@router.get(
    "/jobs/{job_id}",
    response=answers(JobOut),
    auth=ReadToken(),
    url_name="jobs-detail",
    summary="A job of yours: its status, progress, and then its file",
)
def job_detail(request: HttpRequest, job_id: int) -> dict[str, Any]:
    job = _own_job(request, job_id)
    progress = read_progress(job.pk) if not job.finished else {}
    has_file = finished_file(job) is not None
    return {
        "id": job.pk,
        "kind": job.kind,
        "title": job.title,
        "status": job.status,
        "message": job.message,
        "progress": progress or None,
        "file_url": reverse("api:jobs-file", kwargs={"job_id": job.pk}) if has_file else None,
    }


@router.get(
    "/jobs/{job_id}/file",
    response=answers(None),
    auth=ReadToken(),
    url_name="jobs-file",
    summary="Download a finished job's file (kept for a week)",
)
def job_file(request: HttpRequest, job_id: int) -> FileResponse:
    return file_response(_own_job(request, job_id))
