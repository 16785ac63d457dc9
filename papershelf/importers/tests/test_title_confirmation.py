"""Papers that notes name by title alone: confirmed online (recorded responses) or kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from papershelf.importers.ids.fetch import MetadataClient
from papershelf.importers.ids.tests.conftest import (
    FAST,
    NO_PAUSES,
    RecordedService,
    Reply,
    endpoints_at,
    fixture_text,
)
from papershelf.papers.models import Paper

pytestmark = pytest.mark.django_db

NOTES = """# Reading group

## Attention Is All You Need

**Authors:** Ashish Vaswani, Noam Shazeer

The Transformer drops recurrence: self-attention everywhere.

## ImageNet Classification with Deep Convolutional Neural Networks

**Year:** 2012

AlexNet: ReLU, dropout and two GPUs.
"""
ALEXNET = "ImageNet Classification with Deep Convolutional Neural Networks"
ALEXNET_UNCONFIRMED = f"notes.md:9: “{ALEXNET}” is not confirmed by any catalogue; kept as written"


@pytest.fixture
def service():
    recorded = RecordedService()
    recorded.reply(
        "/api/query", Reply(fixture_text("arxiv_search_ti_attention_is_all_you_need.xml"))
    )
    recorded.reply("/works", Reply(fixture_text("crossref_search_imagenet_classification.json")))
    yield recorded
    recorded.close()


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    return path


def _client(base_url: str, cache: Path) -> MetadataClient:
    return MetadataClient(cache, endpoints=endpoints_at(base_url), intervals=NO_PAUSES, policy=FAST)


def _unconfirmed(report) -> list[str]:
    return [str(w) for w in report.warnings if "is not confirmed by any catalogue" in w.message]


def test_a_title_only_paper_is_confirmed_online_and_a_contradicted_one_kept_as_written(
    notes: Path, tmp_path: Path, run_import, service: RecordedService
) -> None:
    client = _client(service.url, tmp_path / "cache")
    report = run_import(notes, fetch_metadata=True, metadata_client=client)
    attention = Paper.objects.get(title="Attention Is All You Need")
    assert (attention.arxiv_id, attention.year) == ("1706.03762", 2017)
    # Crossref knows only the 2017 reprint of the 2012 paper: the note's year rules it out.
    alexnet = Paper.objects.get(title=ALEXNET)
    assert (alexnet.doi, alexnet.year) == ("", 2012)
    assert _unconfirmed(report) == [ALEXNET_UNCONFIRMED]
    evidence = {action.what: action.evidence for action in report.actions}
    assert evidence[ALEXNET].endswith("not confirmed by any catalogue")


def test_offline_title_only_papers_are_kept_as_written_with_a_warning_each(
    notes: Path, run_import, service: RecordedService
) -> None:
    report = run_import(notes)  # fetch_metadata=False, as --offline
    assert report.count("created") == 2
    assert not Paper.objects.exclude(arxiv_id="").exists()
    assert _unconfirmed(report) == [
        "notes.md:3: “Attention Is All You Need” is not confirmed by any catalogue; "
        "kept as written",
        ALEXNET_UNCONFIRMED,
    ]
    assert service.requests == []


def test_a_failing_service_leaves_papers_unconfirmed_and_the_import_succeeds(
    notes: Path, tmp_path: Path, run_import, service: RecordedService
) -> None:
    service.reply("/api/query", Reply("Service Unavailable", status=503))
    service.reply("/works", Reply("Internal Server Error", status=500))
    report = run_import(
        notes, fetch_metadata=True, metadata_client=_client(service.url, tmp_path / "cache")
    )
    assert report.count("created") == 2
    assert len(_unconfirmed(report)) == 2
    # Each service failed once (with its retries) and was not asked for the second note.
    assert len(service.requests_to("/api/query")) == len(service.requests_to("/works")) == 3


def test_importing_again_answers_every_title_from_the_cache(
    notes: Path, tmp_path: Path, run_import, service: RecordedService
) -> None:
    run_import(notes, fetch_metadata=True, metadata_client=_client(service.url, tmp_path / "c"))
    asked = len(service.requests)
    assert asked == 3  # arXiv for both titles, Crossref for the one arXiv did not confirm
    again = run_import(
        notes, fetch_metadata=True, metadata_client=_client(service.url, tmp_path / "c")
    )
    assert len(service.requests) == asked
    assert again.count("created") == 0
    assert Paper.objects.get(arxiv_id="1706.03762").title == "Attention Is All You Need"


def test_an_import_stops_searching_after_the_configured_number_of_lookups(
    notes: Path, tmp_path: Path, run_import, service: RecordedService, settings: Settings
) -> None:
    settings.IMPORT_TITLE_LOOKUPS = 1
    report = run_import(
        notes, fetch_metadata=True, metadata_client=_client(service.url, tmp_path / "cache")
    )
    assert len(service.requests) == 1
    assert Paper.objects.get(title="Attention Is All You Need").arxiv_id == "1706.03762"
    spent = " (not searched: this import's title lookups are spent)"
    assert _unconfirmed(report) == [ALEXNET_UNCONFIRMED + spent]
    assert any("PAPERSHELF_IMPORT_TITLE_LOOKUPS" in w.message for w in report.warnings)
