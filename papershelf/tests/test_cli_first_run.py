"""`papershelf import` on a fresh shelf: a bibliography goes in with no owner; notes make
the owner at a terminal, or say exactly what to run without one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from django.db import IntegrityError, transaction

from papershelf import cli
from papershelf.accounts.models import User
from papershelf.importers.models import ImportedEntry, ImportSource
from papershelf.ops.migrate_data import migrate_data, open_database
from papershelf.ops.tests.test_migrate_data import migrate_schema
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList
from papershelf.summaries.models import Summary

# Two papers; the first carries a note (BibTeX's annote field), which would be a summary.
BIB = """@article{he2016deep,
  title = {Deep Residual Learning for Image Recognition},
  author = {He, Kaiming and Zhang, Xiangyu},
  year = {2016},
  annote = {Skip connections make very deep nets trainable.},
}

@inproceedings{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish},
  year = {2017},
}
"""

NOTE = """# Deep Residual Learning for Image Recognition

[Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)

Skip connections make very deep nets trainable.
"""

PASSWORD = "a-long-test-password-1"


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BIB)
    return path


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "resnet.md").write_text(NOTE)
    return folder


def test_a_bib_file_imports_on_a_fresh_shelf_with_no_accounts_and_no_terminal(
    db: None, bib: Path
) -> None:
    result = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"])
    assert result.exit_code == 0, result.output
    assert "Imported with no owner" in result.output
    assert "papers: 2 created" in result.output
    assert User.objects.count() == 0
    assert sorted(Paper.objects.values_list("title", "added_by")) == [
        ("Attention Is All You Need", None),
        ("Deep Residual Learning for Image Recognition", None),
    ]
    source = ImportSource.objects.get()
    assert source.owner is None and source.name == "refs.bib"
    assert ImportedEntry.objects.filter(source=source).count() == 2


def test_importing_the_bib_file_again_changes_nothing(db: None, bib: Path) -> None:
    first = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"])
    assert again.exit_code == 0, again.output
    assert "0 created" in again.output and "2 unchanged" in again.output
    assert Paper.objects.count() == 2
    assert ImportSource.objects.count() == 1 and ImportedEntry.objects.count() == 2


def test_its_notes_field_is_reported_as_not_kept(db: None, bib: Path) -> None:
    result = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"])
    assert result.exit_code == 0, result.output
    assert "refs.bib: 1 note on its entries (annote, comment) not kept" in result.output
    assert "papershelf createuser --admin NAME` and import again with --user NAME" in (
        result.output
    )
    assert Summary.objects.count() == 0


def test_a_reading_list_asked_for_is_reported_as_not_made(db: None, bib: Path) -> None:
    args = ["import", str(bib), "--offline", "--list", "Reading group"]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0, result.output
    assert "--list: the reading list “Reading group” was not made" in result.output
    assert ReadingList.objects.count() == 0 and Paper.objects.count() == 2


@pytest.mark.parametrize(
    ("text", "needs_an_account"),
    [
        ("https://arxiv.org/abs/1706.03762\n1512.03385\n", False),
        (
            "Attention Is All You Need (https://arxiv.org/abs/1706.03762)\n"
            "The masking matters more than the heads.\n",
            True,
        ),
    ],
    ids=["identifiers", "notes"],
)
def test_a_text_file_needs_an_account_by_what_it_holds_not_its_name(
    db: None, tmp_path: Path, text: str, needs_an_account: bool
) -> None:
    reading = tmp_path / "reading.txt"
    reading.write_text(text)
    result = CliRunner().invoke(cli.main, ["import", str(reading), "--offline"])
    assert ("Create yours first" in result.output) is needs_an_account, result.output
    assert ("Imported with no owner" in result.output) is not needs_an_account
    assert Paper.objects.count() == (0 if needs_an_account else 2)


def test_a_folder_of_markdown_notes_on_a_fresh_shelf_without_a_terminal_still_asks_for_an_account(
    db: None, notes: Path
) -> None:
    result = CliRunner().invoke(cli.main, ["import", str(notes), "--offline"])
    assert result.exit_code == 1
    assert "no accounts yet" in result.output
    assert "papershelf createuser --admin YOUR-NAME" in result.output
    assert Paper.objects.count() == 0 and ImportSource.objects.count() == 0


def test_a_bib_file_beside_notes_still_asks_for_an_account(
    db: None, bib: Path, notes: Path
) -> None:
    result = CliRunner().invoke(cli.main, ["import", str(bib), str(notes / "resnet.md")])
    assert result.exit_code == 1
    assert "no accounts yet" in result.output
    assert Paper.objects.count() == 0


def test_at_a_terminal_notes_make_the_owner_and_import(
    db: None, notes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    answers = f"dora\n{PASSWORD}\n{PASSWORD}\n"
    args = ["import", str(notes), "--offline"]
    result = CliRunner().invoke(cli.main, args, input=answers)
    assert result.exit_code == 0, result.output
    assert "Created administrator dora" in result.output
    dora = User.objects.get(username="dora")
    assert dora.is_superuser
    assert Summary.objects.get().author == dora


def test_at_a_terminal_a_bib_file_imports_with_no_owner_and_no_question(
    db: None, bib: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    result = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"], input="")
    assert result.exit_code == 0, result.output
    assert "Imported with no owner" in result.output
    assert User.objects.count() == 0 and Paper.objects.count() == 2


def test_with_one_account_a_bib_file_is_theirs_notes_and_all(db: None, bib: Path) -> None:
    erin = User.objects.create_user("erin", password=PASSWORD)
    result = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"])
    assert result.exit_code == 0, result.output
    assert "no owner" not in result.output
    assert ImportSource.objects.get().owner == erin
    assert set(Paper.objects.values_list("added_by", flat=True)) == {erin.pk}
    assert Summary.objects.get().author == erin


def test_with_several_accounts_it_names_them(db: None, bib: Path) -> None:
    for name in ("erin", "frank"):
        User.objects.create_user(name, password=PASSWORD)
    result = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"])
    assert result.exit_code == 1
    assert "(erin, frank)" in result.output and "--user NAME" in result.output


def test_importing_again_with_an_account_adopts_the_file_and_keeps_its_notes(
    db: None, bib: Path
) -> None:
    CliRunner().invoke(cli.main, ["import", str(bib), "--offline"])
    erin = User.objects.create_superuser("erin", password=PASSWORD)
    args = ["import", str(bib), "--offline", "--user", "erin"]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0, result.output
    assert "summaries: 1 created" in result.output and "2 unchanged" in result.output
    assert ImportSource.objects.get().owner == erin
    assert Paper.objects.count() == 2 and ImportedEntry.objects.count() == 2
    assert Summary.objects.get().author == erin


def test_the_database_refuses_a_second_ownerless_source_for_one_file(db: None) -> None:
    ImportSource.objects.create(owner=None, key="/refs.bib", name="refs.bib", format="bibtex")
    with pytest.raises(IntegrityError), transaction.atomic():
        ImportSource.objects.create(owner=None, key="/refs.bib", name="refs.bib", format="bibtex")


def test_migrate_data_copies_a_bibliography_imported_with_no_owner(
    db: None, bib: Path, tmp_path: Path
) -> None:
    imported = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"])
    assert imported.exit_code == 0, imported.output
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    migrate_schema(target, tmp_path / "target-home")
    report = migrate_data(target)
    assert report.rows["importers.ImportSource"] == 1
    with open_database(target, "copy") as alias:
        copied = ImportSource.objects.using(alias).get()
        assert (copied.owner_id, copied.key) == (None, ImportSource.objects.get().key)
        assert Paper.objects.using(alias).filter(added_by=None).count() == 2
