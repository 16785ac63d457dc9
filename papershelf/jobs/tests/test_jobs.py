"""Background jobs: a big upload returns at once, its page shows progress and the result,
failures are retried with back-off, and a job survives a worker that died."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from papershelf.accounts.models import User
from papershelf.jobs import tasks
from papershelf.jobs.models import Job, JobStatus
from papershelf.jobs.progress import FileProgress, read_progress
from papershelf.jobs.worker import requeue_orphans
from papershelf.papers.models import Paper

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _bib(entries: int) -> bytes:
    return "".join(
        f"@article{{k{i},\n title = {{A Study of Widget Number {i} in Deep Nets}},\n"
        f" author = {{Doe, Jane and Roe, Rick}},\n year = {{2020}},\n"
        f" abstract = {{{'padding ' * 200}}}\n}}\n"
        for i in range(entries)
    ).encode()


def _run_queue() -> None:
    """What `papershelf worker` does, until the queue is empty."""
    Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="test:1", excluded_queue_names=[],
    ).run()  # fmt: skip


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE, IMPORT_PREVIEW_MAX_BYTES=10_000)
def test_a_large_upload_returns_at_once_and_its_page_shows_progress_then_the_result(
    alice_client: Client, bob_client: Client
) -> None:
    upload = SimpleUploadedFile("big.bib", _bib(30))
    form = {"files": upload, "format": "auto", "visibility": "public"}
    response = alice_client.post(reverse("importers-start"), form)

    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert Paper.objects.count() == 0  # nothing imported inside the request
    waiting = alice_client.get(job.get_absolute_url())
    assert b"Waiting for the background worker" in waiting.content
    assert b'http-equiv="refresh"' in waiting.content  # the page updates by itself
    assert bob_client.get(job.get_absolute_url()).status_code == 404  # alice's alone

    _run_queue()

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and Paper.objects.count() == 30
    done = alice_client.get(job.get_absolute_url())
    assert b"Imported" in done.content and b"30 created" in done.content
    assert b'http-equiv="refresh"' not in done.content
    assert alice_client.get(reverse("jobs-json", args=[job.pk])).json()["status"] == "done"


def test_progress_is_written_as_the_import_goes(alice: User) -> None:
    job = Job.objects.create(kind="import", owner=alice, title="x")
    progress = FileProgress(job.pk)
    progress.start(200, "Importing")
    for _ in range(200):
        progress.advance()
    assert read_progress(job.pk) == {
        "label": "Importing",
        "total": 200,
        "done": 200,
        "percent": 100,
    }


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_failing_job_is_retried_later_with_back_off_then_given_up(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def flaky(job: Job) -> dict[str, str]:
        calls.append(job.attempts)
        raise OSError("disk is full")

    monkeypatch.setitem(tasks.KINDS, "flaky", flaky)
    job = Job.objects.create(kind="flaky", owner=alice, title="flaky")
    tasks.enqueue_job(job)
    _run_queue()

    job.refresh_from_db()
    assert calls == [1] and job.status == JobStatus.QUEUED and "trying again" in job.message
    retry = (
        DBTaskResult.objects.ready().first() or DBTaskResult.objects.filter(status="READY").get()
    )
    assert retry.run_after > timezone.now() + timedelta(seconds=8)  # ~10 s later, not now

    for attempt in range(2, tasks.MAX_ATTEMPTS + 1):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        _run_queue()
        job.refresh_from_db()
        assert calls[-1] == attempt
    assert job.status == JobStatus.FAILED and "after 4 attempts" in job.message
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_back_off_doubles() -> None:
    delays = [tasks.backoff(n).total_seconds() for n in (1, 2, 3)]
    assert 9 <= delays[0] <= 11 and 18 <= delays[1] <= 22 and 36 <= delays[2] <= 44


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_task_left_running_by_a_dead_worker_runs_again(alice: User) -> None:
    job = Job.objects.create(kind="import", owner=alice, title="x", params={"folder": "/nope"})
    tasks.enqueue_job(job)
    result = DBTaskResult.objects.get()
    import socket

    # Claimed by a process of this host that no longer exists (pid numbers stop far below).
    result.claim(f"{socket.gethostname()[:40]}:4194999")
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)

    assert requeue_orphans() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED
    _run_queue()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "gone" in job.message  # it ran again


@pytest.mark.django_db(transaction=True)
@override_settings(
    TASKS=DATABASE_QUEUE,
    EMAIL_BACKEND="papershelf.jobs.mail.QueuedEmailBackend",
    EMAIL_SENDING_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)
def test_e_mail_is_queued_by_the_request_and_sent_by_the_worker() -> None:
    from django.core.mail import EmailMessage

    EmailMessage("Hello", "Body", "from@example.org", ["to@example.org"],
                 headers={"List-Unsubscribe": "<https://x/u>"}).send()  # fmt: skip
    assert mail.outbox == [] and DBTaskResult.objects.count() == 1
    _run_queue()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Hello" and mail.outbox[0].to == ["to@example.org"]
    assert mail.outbox[0].extra_headers["List-Unsubscribe"] == "<https://x/u>"
