from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from papershelf.jobs.files import KEEP_FOR, file_response, finished_file
from papershelf.jobs.models import Job
from papershelf.jobs.progress import read_progress


def _own_job(request: HttpRequest, pk: int) -> Job:
    # Someone else's job is a 404, like anything else a person may not see.
    return get_object_or_404(Job, pk=pk, owner=request.user)


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_job(request, pk)
    context = {
        "job": job,
        "progress": read_progress(job.pk) if not job.finished else {},
        "done_template": f"jobs/_done_{job.kind}.html",  # each kind shows its own result
        "file": finished_file(job),
        "keep_days": KEEP_FOR.days,
    }
    return render(request, "jobs/detail.html", context)


def job_file(request: HttpRequest, pk: int) -> FileResponse:
    """The file a finished job made (an export, a zipped site), for its owner alone."""
    if not request.user.is_authenticated:
        raise Http404("No such file")  # not a login page: nobody but the owner learns it exists
    return file_response(_own_job(request, pk))


@login_required
def job_json(request: HttpRequest, pk: int) -> JsonResponse:
    job = _own_job(request, pk)
    return JsonResponse(
        {
            "id": job.pk,
            "kind": job.kind,
            "status": job.status,
            "attempts": job.attempts,
            "message": job.message,
            "progress": read_progress(job.pk) if not job.finished else {},
            "result": job.result if job.finished else {},
        }
    )
