"""Identifier lists over real HTTP (recorded responses), the CLI and the upload form."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.cli import main
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
from papershelf.summaries.models import Summary

pytestmark = pytest.mark.django_db

IDS = """# papers for the reading group
https://arxiv.org/abs/1706.03762v5
1409.0473
doi:10.1145/3065386
"""


@pytest.fixture
def service():
    recorded = RecordedService()
    recorded.reply("/api/query", Reply(fixture_text("arxiv_1706.03762_1409.0473.xml")))
    recorded.reply("/works/10.1145/3065386", Reply(fixture_text("crossref_10.1145_3065386.json")))
    yield recorded
    recorded.close()


def test_an_identifier_list_becomes_papers_with_fetched_metadata(
    tmp_path: Path, run_import, service: RecordedService
) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text(IDS)
    client = MetadataClient(
        tmp_path / "cache", endpoints=endpoints_at(service.url), intervals=NO_PAUSES, policy=FAST
    )
    report = run_import(ids, fetch_metadata=True, metadata_client=client)
    assert report.count("created") == 3
    attention = Paper.objects.get(arxiv_id="1706.03762")
    assert attention.title == "Attention Is All You Need" and attention.arxiv_version == 5
    assert attention.ordered_authors()[0].name == "Ashish Vaswani"
    alexnet = Paper.objects.get(doi="10.1145/3065386")
    assert "ImageNet" in alexnet.title and alexnet.year == 2017


def test_offline_an_identifier_still_becomes_a_paper_with_what_is_known(
    tmp_path: Path, run_import
) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text(IDS)
    client = MetadataClient(
        tmp_path / "cache",
        endpoints=endpoints_at("http://127.0.0.1:9"),
        intervals=NO_PAUSES,
        policy=FAST,
    )
    report = run_import(ids, fetch_metadata=True, metadata_client=client)
    assert Paper.objects.count() == 3
    assert Paper.objects.filter(arxiv_id="1409.0473").exists()
    assert report.warnings


BIB = (
    "@article{a, title={Deep Residual Learning for Image Recognition}, "
    "author={He, Kaiming and Zhang, Xiangyu}, year={2016}, eprint={1512.03385}, "
    "archivePrefix={arXiv}}\n"
)


def test_the_import_command_reports_and_a_second_run_changes_nothing(
    tmp_path: Path, alice: User
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB)
    runner = CliRunner()
    first = runner.invoke(main, ["import", str(bib), "--user", "alice", "--offline"])
    assert first.exit_code == 0, first.output
    assert "1 created" in first.output
    again = runner.invoke(main, ["import", str(bib), "--user", "alice", "--offline"])
    assert "0 created" in again.output and "1 unchanged" in again.output
    assert Paper.objects.count() == 1


def test_the_import_command_dry_run_lists_actions_and_writes_nothing(
    tmp_path: Path, alice: User
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB)
    result = CliRunner().invoke(main, ["import", str(bib), "--dry-run", "--offline"])
    assert result.exit_code == 0, result.output
    assert "created   refs.bib:1: Deep Residual Learning" in result.output
    assert Paper.objects.count() == 0


def test_the_import_command_gives_one_clean_line_for_bad_input(tmp_path: Path, alice: User) -> None:
    bad = tmp_path / "bad.bib"
    bad.write_text("@article{x,\n title = {never closed\n")
    result = CliRunner().invoke(main, ["import", str(bad), "--format", "bibtex", "--offline"])
    assert result.exit_code == 1
    assert "bad.bib:" in result.output and "nothing was imported" in result.output
    assert "Traceback" not in result.output


def test_merge_keeps_both_papers_summaries_and_identifiers(alice: User) -> None:
    from papershelf.papers.services import PaperData, create_paper
    from papershelf.summaries.services import SummaryData, create_summary

    keep = create_paper(PaperData(title="Dropout", year=2014), added_by=alice)
    other = create_paper(
        PaperData(title="Dropout: a simple way to prevent neural networks from overfitting",
                  doi="10.5555/2627435.2670313", year=2014),
    )  # fmt: skip
    create_summary(keep, alice, SummaryData(body="one"))
    create_summary(other, alice, SummaryData(body="two"))
    result = CliRunner().invoke(main, ["merge", str(keep.pk), str(other.pk)])
    assert result.exit_code == 0, result.output
    keep.refresh_from_db()
    assert keep.doi == "10.5555/2627435.2670313"
    assert Summary.objects.filter(paper=keep).count() == 2
    assert not Paper.objects.filter(pk=other.pk).exists()
    assert keep.conflicts.filter(field="title").exists()


def test_the_upload_form_previews_then_imports(alice_client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("refs.bib", BIB.encode())
    response = alice_client.post(
        reverse("importers-start"),
        {"files": upload, "format": "auto", "visibility": "public", "topics": "Vision"},
    )
    assert response.status_code == 200
    assert b"Import preview" in response.content and b"Deep Residual Learning" in response.content
    assert Paper.objects.count() == 0
    done = alice_client.post(reverse("importers-confirm"), follow=True)
    assert done.status_code == 200 and b"Imported" in done.content
    paper = Paper.objects.get()
    assert paper.topics.filter(name="Vision").exists()
    # Uploading the same file again updates; it does not duplicate.
    alice_client.post(
        reverse("importers-start"),
        {
            "files": SimpleUploadedFile("refs.bib", BIB.encode()),
            "format": "auto",
            "visibility": "public",
        },
    )
    alice_client.post(reverse("importers-confirm"))
    assert Paper.objects.count() == 1


def test_the_upload_form_shows_bad_input_as_a_form_error(alice_client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("bad.bib", b"@article{x,\n title = {never closed\n")
    response = alice_client.post(
        reverse("importers-start"), {"files": upload, "format": "bibtex", "visibility": "public"}
    )
    assert response.status_code == 200
    assert b"bad.bib" in response.content and b"Nothing was imported" in response.content
    assert Paper.objects.count() == 0


def test_importing_needs_an_account_and_confirming_needs_post(
    client: Client, alice_client: Client
) -> None:
    assert client.get(reverse("importers-start")).status_code == 302
    assert alice_client.get(reverse("importers-confirm")).status_code == 405


def test_an_admin_merges_papers_from_the_admin_list(admin_client_: Client, alice: User) -> None:
    from papershelf.papers.services import PaperData, create_paper
    from papershelf.summaries.services import SummaryData, create_summary

    first = create_paper(PaperData(title="Layer Normalization", arxiv_id="1607.06450"))
    second = create_paper(PaperData(title="Layer normalisation (LN)", year=2016))
    create_summary(second, alice, SummaryData(body="Normalise over features."))
    response = admin_client_.post(
        reverse("admin:papers_paper_changelist"),
        {"action": "merge_selected", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    assert list(Paper.objects.values_list("pk", flat=True)) == [first.pk]
    first.refresh_from_db()
    assert first.year == 2016 and first.summaries.count() == 1
