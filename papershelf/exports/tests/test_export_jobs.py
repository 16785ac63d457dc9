"""Large exports run as background jobs: a POST starts one, the worker writes the file,
its page shows progress and then the download, which only the job's owner may fetch.

alice exports her shelf (the conftest's three papers); bob and a visitor who is not
signed in get 404 for her file, as for anything else of hers they may not see.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import bibtexparser
import pytest
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.html import escape

from papershelf.accounts.models import User
from papershelf.exports import views
from papershelf.exports.selection import Selection
from papershelf.exports.services import export_to_path
from papershelf.jobs import progress as progress_module
from papershelf.jobs import tasks
from papershelf.jobs.exports import start_export
from papershelf.jobs.files import files_root, job_folder
from papershelf.jobs.models import Job, JobStatus
from papershelf.jobs.progress import FileProgress
from papershelf.jobs.tests.queue import DATABASE_QUEUE, run_queue
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList
from papershelf.topics.models import Topic

pytestmark = pytest.mark.django_db

WEEK = 7 * 24 * 3600


@pytest.fixture(autouse=True)
def data_home(settings: object, tmp_path: Path) -> Path:
    settings.HOME = tmp_path  # type: ignore[attr-defined]
    return tmp_path


@pytest.fixture
def three_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test shelf holds three papers; with a limit of two the whole shelf is large.
    monkeypatch.setattr(views, "IN_REQUEST_MAX_PAPERS", 2)


def _start(client: Client, format_name: str = "bibtex", **selection: str) -> HttpResponse:
    return client.post(reverse("exports-start", args=[format_name]), selection)  # type: ignore[return-value]


def _file_url(job: Job) -> str:
    return reverse("jobs-file", args=[job.pk])


def test_one_paper_is_still_downloaded_at_once(
    shelf: list[Paper], alice_client: Client, three_is_large: None
) -> None:
    response = alice_client.get(f"/export/bibtex/?paper={shelf[0].pk}")
    assert response.status_code == 200 and response["Content-Type"] == "application/x-bibtex"
    assert not Job.objects.exists()


def test_a_large_selection_leads_to_a_page_whose_get_starts_nothing(
    shelf: list[Paper], alice_client: Client, three_is_large: None
) -> None:
    response = alice_client.get("/export/bibtex/")
    assert response.status_code == 302 and response["Location"] == "/export/bibtex/job"
    page = alice_client.get(response["Location"])
    html = page.content.decode()
    assert "3 papers" in html and 'method="post"' in html and "csrfmiddlewaretoken" in html
    topic = alice_client.get("/export/ris/?topic=deep-learning")
    assert topic.status_code == 200  # two papers: small, at once
    assert not Job.objects.exists()


def test_a_visitor_is_asked_to_sign_in_before_a_large_export(
    shelf: list[Paper], client: Client, three_is_large: None
) -> None:
    start = client.get("/export/markdown/")["Location"]
    assert client.get(start)["Location"].startswith(reverse("accounts-login"))
    assert client.post(start)["Location"].startswith(reverse("accounts-login"))
    assert not Job.objects.exists()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_post_starts_a_job_the_worker_runs_and_only_its_owner_downloads_the_file(
    shelf: list[Paper], alice_client: Client, bob_client: Client
) -> None:
    response = _start(alice_client, "bibtex")

    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.owner.username == "alice" and job.title == "BibTeX of the whole shelf"  # type: ignore[union-attr]
    assert b"Waiting for the background worker" in alice_client.get(job.get_absolute_url()).content

    run_queue()

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result["papers"] == 3
    page = alice_client.get(job.get_absolute_url()).content.decode()
    assert "Exported" in page and f'href="{_file_url(job)}"' in page
    download = alice_client.get(_file_url(job))
    assert download["Content-Type"] == "application/x-bibtex"
    assert download["Content-Disposition"] == 'attachment; filename="papershelf.bib"'
    library = bibtexparser.parse_string(download.getvalue().decode())
    keys = {entry.key for entry in library.entries}
    assert len(keys) == 3 and "vaswani2017attention" in keys and not library.failed_blocks

    assert bob_client.get(_file_url(job)).status_code == 404
    assert Client().get(_file_url(job)).status_code == 404  # not a login page: 404
    assert bob_client.get(job.get_absolute_url()).status_code == 404


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_second_click_while_it_waits_is_the_same_job(
    shelf: list[Paper], alice_client: Client
) -> None:
    first, second = (
        _start(alice_client, topic="deep-learning"),
        _start(alice_client, topic="deep-learning"),
    )
    assert first["Location"] == second["Location"] and Job.objects.count() == 1
    assert Job.objects.get().title == "BibTeX of the topic “Deep learning”"


def test_the_start_refuses_a_post_without_its_csrf_token(shelf: list[Paper], alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert _start(client).status_code == 403 and not Job.objects.exists()
    client.get("/export/bibtex/job")  # the page sets the token its form sends
    token = client.cookies["csrftoken"].value
    assert _start(client, csrfmiddlewaretoken=token).status_code == 302
    assert Job.objects.count() == 1


def test_the_file_holds_what_its_owner_may_see(shelf: list[Paper], alice_client: Client) -> None:
    _start(alice_client, "markdown")  # the test queue runs it at once

    job = Job.objects.get()
    archive = zipfile.ZipFile(io.BytesIO(alice_client.get(_file_url(job)).getvalue()))
    texts = "".join(
        archive.read(name).decode() for name in archive.namelist() if name.endswith(".md")
    )
    assert "Self-attention" in texts and "My private notes" in texts  # alice's own
    assert "Bob's secret" not in texts


def test_the_job_page_shows_how_far_it_has_got(
    alice: User, alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_module, "WRITE_EVERY", 0)  # every step written, for the test
    job = Job.objects.create(kind="export", owner=alice, title="BibTeX", status=JobStatus.RUNNING)
    progress = FileProgress(job.pk)
    progress.start(10, "Writing BibTeX")
    progress.advance(4)
    page = alice_client.get(job.get_absolute_url()).content.decode()
    assert "Writing BibTeX: 4 of 10" in page and 'value="40"' in page


def test_an_export_reports_its_progress_paper_by_paper(shelf: list[Paper], tmp_path: Path) -> None:
    class Recorder:
        def __init__(self) -> None:
            self.events: list[tuple[str, int]] = []

        def start(self, total: int, label: str) -> None:
            self.events.append((label, total))

        def advance(self, amount: int = 1) -> None:
            self.events.append(("advance", amount))

    for format_name, label in [("bibtex", "Writing BibTeX"), ("markdown", "Exporting papers")]:
        recorder = Recorder()
        out = tmp_path / f"out-{format_name}.zip"
        assert export_to_path(format_name, Selection(), out, recorder) == 3
        assert recorder.events == [(label, 3), *[("advance", 1)] * 3]


def test_a_rerun_after_a_killed_worker_writes_the_same_file_again(
    shelf: list[Paper], alice: User
) -> None:
    job = start_export(alice, "ris", Selection(viewer=alice))
    job.refresh_from_db()
    first = (job_folder(job.pk) / job.result["file"]).read_bytes()

    # The worker died after the file was written but before the job was marked done.
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    tasks.run_job.call(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 2
    assert [path.name for path in job_folder(job.pk).iterdir()] == ["papershelf.ris"]
    assert (job_folder(job.pk) / "papershelf.ris").read_bytes() == first


def test_an_unknown_format_fails_at_once_with_a_clear_message(
    alice: User, alice_client: Client
) -> None:
    assert _start(alice_client, "docx").status_code == 404 and not Job.objects.exists()

    job = Job.objects.create(kind="export", owner=alice, title="x", params={"format": "docx"})
    tasks.run_job.call(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == 1  # not retried
    assert job.message == "Unknown export format 'docx'; use bibtex, csl, ris, markdown."
    assert escape(job.message) in alice_client.get(job.get_absolute_url()).content.decode()
    assert alice_client.get(_file_url(job)).status_code == 404


def test_a_list_made_private_before_the_worker_came_fails_the_job_clearly(
    shelf: list[Paper], bob: User
) -> None:
    reading_list = ReadingList.objects.get()
    job = Job.objects.create(
        kind="export",
        owner=bob,
        title="x",
        params={"format": "csl", "selection": {"list_id": reading_list.pk}},
    )
    ReadingList.objects.filter(pk=reading_list.pk).update(visibility="private")
    tasks.run_job.call(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == 1
    assert job.message == "Nothing to export: No such reading list; it was deleted or made private."


def test_files_older_than_a_week_are_removed_by_the_next_export(
    shelf: list[Paper], alice: User, alice_client: Client
) -> None:
    old = start_export(alice, "bibtex", Selection(viewer=alice))
    recent = start_export(alice, "csl", Selection(viewer=alice))
    now = time.time()
    os.utime(job_folder(old.pk), (now - WEEK - 60, now - WEEK - 60))
    os.utime(job_folder(recent.pk), (now - WEEK + 3600, now - WEEK + 3600))

    newest = start_export(alice, "ris", Selection(viewer=alice))

    kept = sorted(int(folder.name) for folder in files_root().iterdir())
    assert kept == [recent.pk, newest.pk]
    assert alice_client.get(_file_url(old)).status_code == 404
    assert "The file was removed" in alice_client.get(old.get_absolute_url()).content.decode()
    assert alice_client.get(_file_url(recent)).status_code == 200


def test_the_topic_and_list_pages_offer_downloads_and_publishing(
    shelf: list[Paper], alice_client: Client
) -> None:
    topic = Topic.objects.get(name="Deep learning")
    reading_list = ReadingList.objects.get()
    topic_page = alice_client.get(topic.get_absolute_url()).content.decode()
    assert f'href="/export/bibtex/?topic={topic.slug}"' in topic_page
    assert f'href="/publish/?topic={topic.slug}"' in topic_page
    list_page = alice_client.get(reading_list.get_absolute_url()).content.decode()
    assert f'href="/publish/?list={reading_list.pk}"' in list_page
