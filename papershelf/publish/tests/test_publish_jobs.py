"""Publishing from the web: a signed-in person asks for a site, the worker writes it with
publish_site and zips it, and the job page offers the zip to that person alone.

alice has a public and a private summary and a public list; bob and a visitor who is
not signed in get 404 for her zip.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.jobs import tasks
from papershelf.jobs.files import job_folder
from papershelf.jobs.models import Job, JobStatus
from papershelf.jobs.publishing import start_publish
from papershelf.jobs.tests.queue import DATABASE_QUEUE, run_queue
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.models import ReadingList
from papershelf.readinglists.services import add_paper, create_list
from papershelf.summaries.models import Visibility
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.services import create_topic, tag_paper

pytestmark = pytest.mark.django_db

PUBLISH = reverse("publish-start")
SITE = {"theme": "blog", "mine": "on", "title": "Alice reads"}


@pytest.fixture(autouse=True)
def data_home(settings: object, tmp_path: Path) -> Path:
    settings.HOME = tmp_path  # type: ignore[attr-defined]
    return tmp_path


@pytest.fixture
def content(paper: Paper, alice: User) -> ReadingList:
    """alice's public summary of `paper`, a private one of another, and a public list."""
    create_summary(paper, alice, SummaryData(body="Attention replaces recurrence."))
    other = create_paper(PaperData(title="Deep Residual Learning", year=2016), added_by=alice)
    create_summary(other, alice, SummaryData(body="PRIVATE-NOTE", visibility=Visibility.PRIVATE))
    tag_paper(paper, create_topic("Transformers", created_by=alice))
    reading_list = create_list(alice, "Attention reading")
    add_paper(reading_list, paper)
    return reading_list


def _file_url(job: Job) -> str:
    return reverse("jobs-file", args=[job.pk])


def test_the_form_starts_nothing_on_get_and_wants_a_sign_in(
    content: ReadingList, alice_client: Client, client: Client
) -> None:
    page = alice_client.get(f"{PUBLISH}?list={content.pk}").content.decode()
    assert 'method="post"' in page and f'<option value="{content.pk}" selected>' in page
    assert client.get(PUBLISH)["Location"].startswith(reverse("accounts-login"))
    assert client.post(PUBLISH, SITE)["Location"].startswith(reverse("accounts-login"))
    assert not Job.objects.exists()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_the_worker_publishes_the_site_and_only_its_owner_downloads_the_zip(
    content: ReadingList, alice_client: Client, bob_client: Client
) -> None:
    response = alice_client.post(PUBLISH, SITE)

    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url() and job.status == JobStatus.QUEUED
    run_queue()

    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.message
    page = alice_client.get(job.get_absolute_url()).content.decode()
    assert "Published" in page and f'href="{_file_url(job)}"' in page
    download = alice_client.get(_file_url(job))
    assert download["Content-Type"] == "application/zip"
    assert download["Content-Disposition"] == 'attachment; filename="alice-reads.zip"'
    archive = zipfile.ZipFile(io.BytesIO(download.getvalue()))
    assert "alice-reads/index.html" in archive.namelist()
    site = "".join(archive.read(name).decode() for name in archive.namelist() if ".html" in name)
    assert "Attention replaces recurrence" in site and "Attention reading" in site
    assert "PRIVATE-NOTE" not in site
    assert [path.name for path in job_folder(job.pk).iterdir()] == ["alice-reads.zip"]

    assert bob_client.get(_file_url(job)).status_code == 404
    assert Client().get(_file_url(job)).status_code == 404


def test_the_form_refuses_a_post_without_its_csrf_token(content: ReadingList, alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(PUBLISH, SITE).status_code == 403 and not Job.objects.exists()


def test_an_unknown_topic_is_a_form_error_not_a_job(
    content: ReadingList, alice_client: Client
) -> None:
    page = alice_client.post(PUBLISH, {**SITE, "topics": "transformers, Knitting"})
    assert "There is no topic “Knitting”." in page.content.decode() and not Job.objects.exists()


def test_a_rerun_after_a_killed_worker_publishes_the_same_site_again(
    content: ReadingList, alice: User
) -> None:
    params = {"topics": ["transformers"], "list_ids": [], "mine": False, "theme": "shelf"}
    job = start_publish(alice, params, "Transformers")  # the test queue runs it at once
    job.refresh_from_db()
    first = sorted(zipfile.ZipFile(job_folder(job.pk) / job.result["file"]).namelist())
    # Killed half-way through a second run: a site folder without the publisher's manifest.
    (job_folder(job.pk) / "site").mkdir()
    (job_folder(job.pk) / "site" / "index.html").write_text("half")
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)

    tasks.run_job.call(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 2, job.message
    assert sorted(zipfile.ZipFile(job_folder(job.pk) / job.result["file"]).namelist()) == first
    assert [path.name for path in job_folder(job.pk).iterdir()] == ["papershelf-site.zip"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"theme": "neon"},
            "Unknown theme 'neon'; use one of shelf, bookmarks, blog, path, course.",
        ),
        ({"list_ids": [-1]}, "No public reading list #-1; only public lists are published."),
    ],
)
def test_bad_input_fails_at_once_with_a_clear_message(
    alice: User, params: dict[str, object], message: str
) -> None:
    job = Job.objects.create(kind="publish", owner=alice, title="x", params=params)
    tasks.run_job.call(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == 1  # not retried
    assert job.message == message
