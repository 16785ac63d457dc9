"""Large exports through the API: POST /exports starts a background job, GET /jobs/{id}
follows it, GET /jobs/{id}/file downloads what it made. A GET export past the pages'
limit answers 413 and points there.

alice exports three papers with a read-only token; bob's token gets 404 for her job and
her file, as for anything else of hers he may not see.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import bibtexparser
import pytest
from django.test import Client, override_settings

from papershelf.accounts.models import User
from papershelf.api.tokens import create_token
from papershelf.exports import views as export_pages
from papershelf.jobs import progress as progress_module
from papershelf.jobs.models import Job, JobStatus
from papershelf.jobs.progress import FileProgress
from papershelf.jobs.tests.queue import DATABASE_QUEUE, run_queue
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.services import create_list

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


@pytest.fixture(autouse=True)
def data_home(settings: object, tmp_path: Path) -> Path:
    settings.HOME = tmp_path  # type: ignore[attr-defined]
    return tmp_path


@pytest.fixture
def three_papers(alice: User) -> list[Paper]:
    return [
        create_paper(PaperData(title=title, authors=[author], year=year), added_by=alice)
        for title, author, year in [
            ("Attention Is All You Need", "Ashish Vaswani", 2017),
            ("Deep Residual Learning", "Kaiming He", 2016),
            ("Adam: A Method for Stochastic Optimization", "Diederik Kingma", 2015),
        ]
    ]


def bearer(text: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {text}"}


def start(client: Client, token: str, **body: object) -> Response:
    return client.post(
        "/api/v1/exports", json.dumps(body), content_type="application/json", headers=bearer(token)
    )


def assert_problem(answer: Response, status: int) -> dict[str, object]:
    assert answer.status_code == status, answer.content
    assert answer["Content-Type"] == "application/problem+json"
    body: dict[str, object] = answer.json()
    assert set(body) == PROBLEM_KEYS and body["status"] == status
    return body


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_read_only_token_starts_an_export_follows_it_and_downloads_the_file(
    three_papers: list[Paper], alice: User, client: Client
) -> None:
    _, token = create_token(alice, "script", read_only=True)

    first, again = start(client, token, format="bibtex"), start(client, token, format="bibtex")

    job = Job.objects.get()  # the second POST while it waits is the same job
    assert first.status_code == 202 and again.json() == first.json()
    assert first.json() == {
        "id": job.pk, "kind": "export", "status": "queued", "url": f"/api/v1/jobs/{job.pk}",
    }  # fmt: skip
    waiting = client.get(first.json()["url"], headers=bearer(token)).json()
    assert waiting["status"] == "queued" and waiting["file_url"] is None

    run_queue()

    done = client.get(first.json()["url"], headers=bearer(token)).json()
    assert done["status"] == "done" and done["title"] == "BibTeX of the whole shelf"
    assert done["file_url"] == f"/api/v1/jobs/{job.pk}/file" and done["progress"] is None
    download = client.get(done["file_url"], headers=bearer(token))
    assert download.status_code == 200 and download["Content-Type"] == "application/x-bibtex"
    assert download["Content-Disposition"] == 'attachment; filename="papershelf.bib"'
    library = bibtexparser.parse_string(download.getvalue().decode())
    titles = {entry["title"].strip("{}") for entry in library.entries}
    assert len(titles) == 3 and "Deep Residual Learning" in titles


def test_another_users_token_gets_404_for_the_job_and_its_file(
    three_papers: list[Paper], alice: User, bob: User, client: Client
) -> None:
    _, alice_token = create_token(alice, "alice")
    _, bob_token = create_token(bob, "bob")
    url = start(client, alice_token, format="ris").json()["url"]  # the test queue runs it at once
    assert client.get(f"{url}/file", headers=bearer(alice_token)).status_code == 200

    assert_problem(client.get(url, headers=bearer(bob_token)), 404)
    assert_problem(client.get(f"{url}/file", headers=bearer(bob_token)), 404)
    assert_problem(client.get(f"{url}/file"), 401)  # no token: nobody to own it
    assert_problem(client.get("/api/v1/jobs/999999", headers=bearer(alice_token)), 404)


def test_a_job_shows_how_far_it_has_got_while_it_runs(
    alice: User, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_module, "WRITE_EVERY", 0)  # every step written, for the test
    job = Job.objects.create(kind="export", owner=alice, title="BibTeX", status=JobStatus.RUNNING)
    progress = FileProgress(job.pk)
    progress.start(10, "Writing BibTeX")
    progress.advance(4)
    _, token = create_token(alice, "script", read_only=True)

    body = client.get(f"/api/v1/jobs/{job.pk}", headers=bearer(token)).json()

    assert body["status"] == "running" and body["file_url"] is None
    assert body["progress"] == {"label": "Writing BibTeX", "total": 10, "done": 4, "percent": 40}
    assert_problem(client.get(f"/api/v1/jobs/{job.pk}/file", headers=bearer(token)), 404)


def test_a_large_export_in_the_request_answers_413_and_points_to_the_background_job(
    three_papers: list[Paper], client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_pages, "IN_REQUEST_MAX_PAPERS", 2)  # three papers are many

    body = assert_problem(client.get("/api/v1/export/bibtex"), 413)

    assert "POST /api/v1/exports" in str(body["detail"]) and "3 papers" in str(body["detail"])
    one = client.get(f"/api/v1/export/bibtex?paper={three_papers[0].pk}")
    assert one.status_code == 200 and b"Attention Is All You Need" in one.content
    assert not Job.objects.exists()


def test_a_bad_format_or_a_selection_the_caller_may_not_see_is_a_problem_and_starts_nothing(
    three_papers: list[Paper], alice: User, bob: User, client: Client
) -> None:
    private = create_list(alice, "Alice's reading", visibility="private")
    _, token = create_token(bob, "bob", read_only=True)

    assert_problem(start(client, token, format="docx"), 422)
    assert_problem(start(client, token), 422)  # no format at all
    assert_problem(start(client, token, format="csl", list=private.pk), 404)
    assert_problem(start(client, token, format="csl", topic="no-such-topic"), 404)
    assert_problem(start(client, token, format="csl", paper=999999), 404)
    assert_problem(start(client, "ps_nope_nope", format="csl"), 401)
    assert not Job.objects.exists()
