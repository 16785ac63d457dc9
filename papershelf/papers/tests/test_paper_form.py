"""The paper form: grouped, required fields marked, errors beside fields and on top,
a message after saving, and "+ Paper" filled in from an arXiv id, DOI or link."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client

from papershelf.importers.ids.fetch import MetadataClient
from papershelf.importers.ids.tests.conftest import (
    FAST,
    NO_PAUSES,
    RecordedService,
    Reply,
    endpoints_at,
    fixture_text,
)
from papershelf.papers import lookup
from papershelf.papers.models import Paper


@pytest.fixture
def service() -> Iterator[RecordedService]:
    recorded = RecordedService()
    yield recorded
    recorded.close()


@pytest.fixture
def recorded_client(
    service: RecordedService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> MetadataClient:
    client = MetadataClient(
        tmp_path / "cache", endpoints=endpoints_at(service.url), intervals=NO_PAUSES, policy=FAST
    )
    monkeypatch.setattr(lookup, "metadata_client", lambda: client)
    return client


def test_the_form_is_grouped_and_marks_what_is_required(alice_client: Client) -> None:
    page = alice_client.get("/papers/new/").content.decode()
    legends = ["Identity", "People and venue", "About", "Links", "Figure"]
    assert [legend for legend in legends if f"<legend>{legend}</legend>" in page] == legends
    assert 'for="id_title">Title <span class="required"' in page
    assert 'for="id_venue">Venue</label>' in page  # optional: no mark, no colon


def test_errors_are_summarised_on_top_and_shown_beside_the_field(alice_client: Client) -> None:
    page = alice_client.post("/papers/new/", {"title": "", "year": "12"}).content.decode()
    summary = page.split('class="form-errors"')[1].split("</div>")[0]
    assert "2 things need fixing" in summary
    assert '<a href="#id_title">Title</a>' in summary and '<a href="#id_year">Year</a>' in summary
    assert 'class="field has-error"' in page and 'id="id_title_error"' in page


def test_adding_a_paper_says_so(alice_client: Client) -> None:
    response = alice_client.post("/papers/new/", {"title": "Deep Residual Learning"}, follow=True)
    assert "Paper added." in response.content.decode()


def test_an_arxiv_id_fills_the_form_from_a_recorded_answer(
    alice_client: Client, service: RecordedService, recorded_client: MetadataClient
) -> None:
    service.reply("/api/query", Reply(fixture_text("arxiv_1706.03762_1409.0473.xml")))
    page = alice_client.get("/papers/new/?lookup=https://arxiv.org/abs/1706.03762v5")
    text = page.content.decode()
    assert "Filled in from arXiv" in text
    assert 'value="Attention Is All You Need"' in text
    assert "Ashish Vaswani" in text and 'value="1706.03762v5"' in text
    assert Paper.objects.count() == 0  # nothing is added until the form is sent


def test_a_doi_fills_the_form_from_crossref(
    alice_client: Client, service: RecordedService, recorded_client: MetadataClient
) -> None:
    service.reply("/works/10.1145/3065386", Reply(fixture_text("crossref_10.1145_3065386.json")))
    text = alice_client.get("/papers/new/?lookup=https://doi.org/10.1145/3065386").content.decode()
    assert "Filled in from Crossref" in text and "ImageNet" in text


def test_offline_it_says_so_and_keeps_the_identifier(
    alice_client: Client, refused: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text = alice_client.get("/papers/new/?lookup=1706.03762").content.decode()
    assert "arXiv could not be reached" in text
    assert 'value="1706.03762"' in text  # kept in the arXiv id field, ready to type the rest


@pytest.fixture
def refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = MetadataClient(
        tmp_path / "cache", endpoints=endpoints_at(f"http://127.0.0.1:{port}"), policy=FAST
    )
    monkeypatch.setattr(lookup, "metadata_client", lambda: client)


def test_something_that_is_no_identifier_is_refused_kindly(alice_client: Client) -> None:
    text = alice_client.get("/papers/new/?lookup=attention+paper").content.decode()
    assert "not an arXiv id, a DOI or an OpenReview link" in text
