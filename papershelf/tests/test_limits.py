"""How much text and data one request or import may bring, and what a user sees past it.

Personas as in papershelf/conftest.py: alice writes summaries and adds papers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from papershelf.accounts.models import User
from papershelf.cli import main
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary

KB = 1024


def _summary_form(body: str) -> dict[str, str]:
    return {"body": body, "visibility": "public", "title": "", "message": ""}


def _paper_form(**fields: str) -> dict[str, str]:
    return {"title": "A paper", "authors": "Ada Lovelace", **fields}


# --- Text fields ------------------------------------------------------------------------


def test_a_summary_over_200_kb_is_refused_with_a_form_error_naming_the_limit(
    alice_client: Client, paper: Paper
) -> None:
    response = alice_client.post(
        reverse("summaries-new", args=[paper.pk]), _summary_form("word " * (41 * KB))
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This summary is 205 KB; the limit is 200 KB." in page
    assert "PAPERSHELF_MAX_SUMMARY_KB" in page
    assert not Summary.objects.exists()


def test_a_summary_of_just_under_200_kb_is_saved(alice_client: Client, paper: Paper) -> None:
    response = alice_client.post(
        reverse("summaries-new", args=[paper.pk]), _summary_form("x" * (200 * KB - 1))
    )
    assert response.status_code == 302
    assert Summary.objects.get().body == "x" * (200 * KB - 1)


def test_the_summary_limit_is_a_setting(
    alice_client: Client, paper: Paper, settings: Settings
) -> None:
    settings.MAX_SUMMARY_BYTES = 1 * KB
    response = alice_client.post(
        reverse("summaries-new", args=[paper.pk]), _summary_form("x" * 2000)
    )
    assert "the limit is 1 KB" in response.content.decode()


def test_the_summary_service_refuses_an_over_long_body_for_every_caller(
    alice: User, paper: Paper
) -> None:
    with pytest.raises(ValidationError, match="the limit is 200 KB"):
        create_summary(paper, alice, SummaryData(body="x" * (201 * KB)))
    assert not Summary.objects.exists()


def test_an_abstract_over_20_kb_is_a_form_error_and_the_paper_is_not_added(
    alice_client: Client,
) -> None:
    response = alice_client.post(reverse("papers-new"), _paper_form(abstract="y" * (21 * KB)))
    assert response.status_code == 200
    assert "This abstract is 21 KB; the limit is 20 KB." in response.content.decode()
    assert not Paper.objects.exists()


def test_the_paper_service_refuses_an_over_long_abstract(alice: User) -> None:
    with pytest.raises(ValidationError, match="the limit is 20 KB"):
        create_paper(PaperData(title="A paper", abstract="y" * (21 * KB)), added_by=alice)
    assert not Paper.objects.exists()


def test_over_long_titles_and_author_names_are_form_errors(alice_client: Client) -> None:
    title = alice_client.post(reverse("papers-new"), _paper_form(title="t" * 1001))
    assert "at most 1000 characters (it has 1001)" in title.content.decode()
    author = alice_client.post(reverse("papers-new"), _paper_form(authors="A" * 301))
    assert "An author&#x27;s name may be 300 characters long" in author.content.decode()
    venue = alice_client.post(reverse("papers-new"), _paper_form(venue="v" * 301))
    assert "at most 300 characters (it has 301)" in venue.content.decode()
    assert not Paper.objects.exists()


# --- Request bodies and uploads ------------------------------------------------------


def test_a_form_too_big_to_read_gets_a_413_page_not_an_error(
    alice_client: Client, paper: Paper, settings: Settings
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100 * KB
    response = alice_client.post(
        reverse("summaries-new", args=[paper.pk]), _summary_form("x" * (150 * KB))
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "That was too large to accept" in page
    assert "Nothing was saved" in page
    assert not Summary.objects.exists()


def test_an_upload_past_the_request_limit_gets_a_413_page_before_it_is_read(
    alice_client: Client, settings: Settings
) -> None:
    settings.REQUEST_MAX_BYTES = 50 * KB
    upload = SimpleUploadedFile("refs.bib", b"%" * (60 * KB))
    response = alice_client.post(
        reverse("importers-start"), {"files": upload, "format": "auto", "visibility": "public"}
    )
    assert response.status_code == 413
    assert "more than this shelf accepts in one upload" in response.content.decode()


def test_an_import_file_over_the_upload_limit_is_a_form_error(
    alice_client: Client, settings: Settings
) -> None:
    settings.UPLOAD_MAX_BYTES = 1024 * KB
    upload = SimpleUploadedFile("big.bib", b"%" * (1536 * KB))
    response = alice_client.post(
        reverse("importers-start"), {"files": upload, "format": "auto", "visibility": "public"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "big.bib is 1.5 MB; the largest file this shelf accepts is 1.0 MB" in page
    assert not Paper.objects.exists()


# --- Importers ---------------------------------------------------------------------------


def test_the_cli_refuses_a_text_file_over_the_import_limit_before_reading_it(
    tmp_path: Path, alice: User, settings: Settings
) -> None:
    settings.IMPORT_MAX_FILE_BYTES = 1024 * KB
    big = tmp_path / "huge.bib"
    big.write_bytes(b"%" * (1536 * KB))

    result = CliRunner().invoke(main, ["import", str(big), "--user", "alice", "--offline"])

    assert result.exit_code == 1
    assert (
        "huge.bib: too large (1.5 MB > 1 MB limit; set PAPERSHELF_IMPORT_MAX_FILE_MB "
        "to import bigger files) (nothing was imported)" in result.output
    )
    assert "Traceback" not in result.output


def test_the_default_import_limit_is_20_mb(tmp_path: Path, alice: User) -> None:
    big = tmp_path / "huge.bib"
    with big.open("wb") as handle:
        handle.truncate(21 * 1024 * KB)  # sparse: nothing is written, the size is real
    result = CliRunner().invoke(main, ["import", str(big), "--user", "alice", "--offline"])
    assert "too large (21 MB > 20 MB limit; set PAPERSHELF_IMPORT_MAX_FILE_MB" in result.output


def test_an_imported_abstract_over_the_limit_is_cut_short_with_a_warning(
    tmp_path: Path, alice: User
) -> None:
    bib = tmp_path / "refs.bib"
    abstract = "word " * (5 * KB)  # 25 KB
    bib.write_text(f"@article{{a, title={{Deep Residual Learning}}, abstract={{{abstract}}}}}\n")

    report = import_paths([bib], ImportOptions(user=alice, fetch_metadata=False))

    paper = Paper.objects.get()
    assert len(paper.abstract.encode()) <= 20 * KB
    assert paper.abstract.startswith("word word") and paper.abstract.endswith("…")
    assert any("abstract is longer than 20 KB" in str(w) for w in report.warnings)


def test_an_imported_summary_over_the_limit_is_skipped_with_a_warning_and_the_paper_kept(
    tmp_path: Path, alice: User
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "# Attention Is All You Need\n\n"
        "[Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n\n"
        + "Long thoughts. "
        * (14 * KB)
    )

    report = import_paths([notes], ImportOptions(user=alice, fetch_metadata=False))

    assert Paper.objects.filter(arxiv_id="1706.03762").exists()
    assert not Summary.objects.exists()
    assert any(
        "the limit is 200 KB" in str(w) and "Not imported" in str(w) for w in report.warnings
    )


def test_in_a_folder_a_file_over_the_import_limit_fails_alone_and_the_rest_is_imported(
    tmp_path: Path, alice: User, settings: Settings
) -> None:
    settings.IMPORT_MAX_FILE_BYTES = 1024 * KB
    (tmp_path / "huge.bib").write_bytes(b"%" * (1536 * KB))
    (tmp_path / "refs.bib").write_text("@article{a, title={Deep Residual Learning}}\n")

    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))

    assert Paper.objects.get().title == "Deep Residual Learning"
    [failed] = report.files_with("failed")
    assert failed.name == "huge.bib" and "too large (1.5 MB > 1 MB limit" in failed.detail
