"""The upload preview shows what the importer found in each file and takes a person's
corrections — not a paper, the title, where papers start — before anything is written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.cli import main
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary

pytestmark = pytest.mark.django_db

Context = Any  # a test response's template context (a ContextList or a dict)

# A reading group's notes where one heading reads like a paper but is the group's talk.
MEETING = """# Reading group notes

## Deep Residual Learning for Image Recognition

Residual connections let very deep networks train.

## Things We Still Disagree About After the Meeting

Whether depth or width matters more.

## Attention Is All You Need

Self-attention replaces recurrence.
"""

# Papers (level 2) under groups (level 1) whose names read like titles too.
GROUPED = """# Reading notes

# Convolutional Networks for Image Recognition

## Deep Residual Learning for Image Recognition

Residual connections let very deep networks train.

## Batch Normalization: Accelerating Deep Network Training

Normalising activations speeds training up.

# Sequence Models Built on Attention

## Attention Is All You Need

Self-attention replaces recurrence.
"""

# A blog saved as text whose line between posts is too long to be found automatically.
SEPARATOR = "Thanks for reading, see you in the next post!"
BLOG = f"""My reading blog

Deep Residual Learning for Image Recognition
Residual connections let very deep networks train.
Paper: https://arxiv.org/abs/1512.03385

{SEPARATOR}

Batch Normalization: Accelerating Deep Network Training
Normalising activations speeds training up.
Paper: https://arxiv.org/abs/1502.03167

{SEPARATOR}
"""

DASHBOARD = "# Dashboard\n\n```dataview\nTABLE link FROM #paper\n```\n"


def _upload(client: Client, *files: tuple[str, str]) -> Context:
    uploads = [SimpleUploadedFile(name, text.encode()) for name, text in files]
    response = client.post(
        reverse("importers-start"),
        {"files": uploads, "format": "auto", "visibility": "public"},
    )
    assert response.status_code == 200 and b"Import preview" in response.content
    return response.context


def _revise(client: Client, fields: dict[str, str | list[str]]) -> Context:
    response = client.post(reverse("importers-revise"), {"file-0": "notes.md", **fields})
    assert response.status_code == 200 and b"Import preview" in response.content
    return response.context


def _titles(context: Context) -> list[str]:
    return [row.action.what for file in context["files"] for row in file.rows]


def test_the_preview_lists_each_paper_with_its_evidence_and_section_and_skipped_files_with_why(
    alice_client: Client,
) -> None:
    response = alice_client.post(
        reverse("importers-start"),
        {
            "files": [
                SimpleUploadedFile("notes.md", GROUPED.encode()),
                SimpleUploadedFile("Dashboard.md", DASHBOARD.encode()),
            ],
            "format": "auto",
            "visibility": "public",
        },
    )
    page = response.content.decode()
    [notes] = [file for file in response.context["files"] if file.outcome.name == "notes.md"]
    rows = {row.action.what: row.action for row in notes.rows}
    attention = rows["Attention Is All You Need"]
    assert attention.evidence.startswith("a heading that reads like a paper title")
    assert attention.sections == "Sequence Models Built on Attention"
    assert attention.where in page and attention.evidence in page and attention.sections in page
    assert 'name="title-' in page and 'name="not-paper-' in page and 'name="split-' in page
    [dashboard] = [file for file in response.context["files"] if file.outcome.name != "notes.md"]
    assert dashboard.outcome.status == "skipped" and dashboard.outcome.detail in page
    assert Paper.objects.count() == 0


def test_not_a_paper_leaves_the_preview_and_its_text_becomes_notes_of_the_paper_before(
    alice_client: Client,
) -> None:
    first = _upload(alice_client, ("notes.md", MEETING))
    assert "Things We Still Disagree About After the Meeting" in _titles(first)

    again = _revise(alice_client, {"not-paper-0": "7"})
    assert _titles(again) == [
        "Deep Residual Learning for Image Recognition",
        "Attention Is All You Need",
    ]
    assert again["files"][0].not_papers == [7]  # shown ticked, to take back
    assert Paper.objects.count() == 0 and Summary.objects.count() == 0

    # The correction is kept when the person previews again with it still ticked.
    assert _titles(_revise(alice_client, {"not-paper-0": "7"})) == _titles(again)
    done = alice_client.post(reverse("importers-confirm"), follow=True)
    assert done.status_code == 200
    assert sorted(Paper.objects.values_list("title", flat=True)) == [
        "Attention Is All You Need",
        "Deep Residual Learning for Image Recognition",
    ]
    resnet = Summary.objects.get(paper__title__startswith="Deep Residual")
    assert "Whether depth or width matters more." in resnet.body


def test_a_title_given_in_the_preview_names_the_created_paper(alice_client: Client) -> None:
    _upload(alice_client, ("notes.md", MEETING))
    again = _revise(alice_client, {"title-0-11": "  Attention Is All\nYou Need (Transformer) "})
    assert "Attention Is All You Need (Transformer)" in _titles(again)
    alice_client.post(reverse("importers-confirm"))
    assert Paper.objects.filter(title="Attention Is All You Need (Transformer)").exists()
    assert not Paper.objects.filter(title="Attention Is All You Need").exists()


def test_splitting_at_heading_level_one_or_two_gives_different_papers(
    alice_client: Client,
) -> None:
    _upload(alice_client, ("notes.md", GROUPED))
    by_group = _revise(alice_client, {"split-0": "1"})
    assert _titles(by_group) == [
        "Convolutional Networks for Image Recognition",
        "Sequence Models Built on Attention",
    ]
    by_paper = _revise(alice_client, {"split-0": "2"})
    assert _titles(by_paper) == [
        "Deep Residual Learning for Image Recognition",
        "Batch Normalization: Accelerating Deep Network Training",
        "Attention Is All You Need",
    ]
    assert by_paper["files"][0].hints.split_level == 2  # the select keeps the choice
    alice_client.post(reverse("importers-confirm"))
    assert Paper.objects.count() == 3


def test_a_separator_line_splits_a_page_saved_as_text_into_one_paper_per_post(
    alice_client: Client,
) -> None:
    found = _upload(alice_client, ("blog.txt", BLOG))
    assert len(_titles(found)) == 1  # no line between posts was found
    response = alice_client.post(
        reverse("importers-revise"), {"file-0": "blog.txt", "separator-0": SEPARATOR}
    )
    assert _titles(response.context) == [
        "Deep Residual Learning for Image Recognition",
        "Batch Normalization: Accelerating Deep Network Training",
    ]
    alice_client.post(reverse("importers-confirm"))
    assert set(Paper.objects.values_list("arxiv_id", flat=True)) == {"1512.03385", "1502.03167"}


def test_bad_corrections_are_shown_as_errors_and_ignored_never_a_server_error(
    alice_client: Client,
) -> None:
    _upload(alice_client, ("notes.md", MEETING))
    response = alice_client.post(
        reverse("importers-revise"),
        {"file-0": "notes.md", "split-0": "9", "not-paper-0": ["x", "999"], "title-0-4": "Nope"},
    )
    assert response.status_code == 200
    assert response.context["errors"] and b"from 1 to 6" in response.content
    assert len(_titles(response.context)) == 3
    alice_client.post(reverse("importers-confirm"))
    assert Paper.objects.count() == 3


def test_corrections_that_leave_no_paper_keep_the_previous_preview(alice_client: Client) -> None:
    _upload(alice_client, ("notes.md", MEETING))
    response = alice_client.post(
        reverse("importers-revise"), {"file-0": "notes.md", "not-paper-0": ["3", "7", "11"]}
    )
    assert response.status_code == 200 and len(_titles(response.context)) == 3
    assert any("previous preview" in error for error in response.context["errors"])


def test_previewing_again_needs_a_staged_upload_and_post(
    alice_client: Client, client: Client
) -> None:
    assert alice_client.get(reverse("importers-revise")).status_code == 405
    expired = alice_client.post(reverse("importers-revise"), {"file-0": "notes.md"})
    assert expired.status_code == 302 and expired["Location"] == reverse("importers-start")
    assert client.post(reverse("importers-revise")).status_code == 302  # to log in


def test_the_import_command_dry_run_prints_each_papers_evidence_and_section(
    tmp_path: Path, alice: User
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(GROUPED)
    result = CliRunner().invoke(main, ["import", str(notes), "--dry-run", "--offline"])
    assert result.exit_code == 0, result.output
    assert re.search(
        r"  created   notes.md:15: Attention Is All You Need — a heading that reads like a paper "
        r"title[^\n]* \[Sequence Models Built on Attention\]",
        result.output,
    )
    assert "imported  notes.md: notes, 3 entries" in result.output
    assert Paper.objects.count() == 0
