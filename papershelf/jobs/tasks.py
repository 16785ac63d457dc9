"""The queue's tasks (django-tasks, database backend): run a Job, send an e-mail.

Both retry with back-off when something outside our control fails (the database was
busy past its timeout, the mail server was down); input that is wrong fails at once.
A task interrupted by a killed worker is run again by the next worker (see worker.py),
so every task here may run twice: an import updates what it made, an e-mail may be
sent twice (better than never).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from papershelf.accounts.models import User
from papershelf.jobs.models import Job, JobStatus

log = logging.getLogger("papershelf.jobs")

MAX_ATTEMPTS = 4
BASE_DELAY = 10.0  # seconds before the second attempt; doubles for each one after


class JobFailed(Exception):
    """The job cannot succeed as asked (bad input): fail now, do not retry."""


def as_sentence(error: Exception) -> str:
    """A library's error ("unknown theme 'x'; use …") as the job page's sentence."""
    text = str(error)
    return f"{text[:1].upper()}{text[1:]}."


def backoff(attempt: int) -> timedelta:
    """10 s, 20 s, 40 s … after attempt 1, 2, 3, with a little jitter against herds."""
    seconds = BASE_DELAY * 2 ** (attempt - 1)
    return timedelta(seconds=seconds * random.uniform(0.9, 1.1))  # noqa: S311


def _can_defer() -> bool:
    return bool(default_task_backend.supports_defer)


# --- Jobs -----------------------------------------------------------------------------

# kind -> function(job) returning the result to keep; filled by the modules that own them.
KINDS: dict[str, Callable[[Job], dict[str, Any]]] = {}


def enqueue_job(job: Job, delay: timedelta | None = None) -> None:
    runner = run_job.using(run_after=timezone.now() + delay) if delay else run_job
    runner.enqueue(job.pk)


def start_job_once(owner: User, kind: str, title: str, params: dict[str, Any]) -> Job:
    """Create and queue a job, unless the same one is already waiting or running for the
    same person (a double click, a reload of the confirmation): then that one."""
    with transaction.atomic():  # the job and its queue entry exist together or not at all
        unfinished = [JobStatus.QUEUED, JobStatus.RUNNING]
        same = Job.objects.filter(owner=owner, kind=kind, status__in=unfinished)
        waiting = next((job for job in same if job.params == params), None)
        if waiting is not None:
            return waiting
        job = Job.objects.create(kind=kind, owner=owner, title=title[:300], params=params)
        enqueue_job(job)
    return job


@task()
def run_job(job_id: int) -> None:
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.finished:
        return  # deleted, or a second delivery of a job that already ended
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, attempts=job.attempts + 1)
    job.attempts += 1
    try:
        result = KINDS[job.kind](job)
    except JobFailed as exc:
        _finish(job, JobStatus.FAILED, message=str(exc))
    except Exception as exc:
        if job.attempts >= MAX_ATTEMPTS or not _can_defer():
            log.exception("job %s failed for good after %s attempts", job.pk, job.attempts)
            _finish(job, JobStatus.FAILED, message=f"Failed after {job.attempts} attempts: {exc}")
            return
        delay = backoff(job.attempts)
        log.warning("job %s failed (%s); retrying in %.0f s", job.pk, exc, delay.total_seconds())
        message = f"Attempt {job.attempts} failed ({exc}); trying again shortly."
        Job.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, message=message)
        enqueue_job(job, delay)
    else:
        _finish(job, JobStatus.DONE, result=result)


def _finish(
    job: Job, status: str, *, message: str = "", result: dict[str, Any] | None = None
) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=status, message=message, result=result or {}, finished_at=timezone.now()
    )


# --- E-mail ---------------------------------------------------------------------------


@task()
def send_email(message: dict[str, Any], backend: str, attempt: int = 1) -> None:
    """Send one e-mail through the real backend; the request that wrote it is long gone."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
        alternatives=[tuple(pair) for pair in message["alternatives"]],
        connection=get_connection(backend, fail_silently=False),
    )
    try:
        email.send()
    except Exception:
        if attempt >= MAX_ATTEMPTS or not _can_defer():
            raise
        log.warning("e-mail to %s failed; retrying (attempt %s)", message["to"], attempt)
        later = send_email.using(run_after=timezone.now() + backoff(attempt))
        later.enqueue(message, backend, attempt + 1)
