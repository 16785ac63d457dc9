"""``papershelf export``: a thin command over the export services."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from papershelf.cli import main
from papershelf.papers.models import Paper

pytestmark = pytest.mark.django_db


def test_the_export_command_writes_a_topic_as_bibtex_and_the_shelf_as_a_folder(
    shelf: list[Paper], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("papershelf.cli.setup_django", lambda migrate=True: None)
    runner = CliRunner()
    bib = runner.invoke(
        main, ["export", "bibtex", "--topic", "computer-vision", str(tmp_path / "cv.bib")]
    )
    assert bib.exit_code == 0, bib.output
    assert "he2016deep" in (tmp_path / "cv.bib").read_text()
    assert "vaswani" not in (tmp_path / "cv.bib").read_text()
    folder = runner.invoke(main, ["export", "markdown", "--user", "alice", str(tmp_path / "md")])
    assert folder.exit_code == 0, folder.output
    assert (tmp_path / "md/papers/Attention Is All You Need.md").is_file()


def test_an_unknown_topic_is_one_clean_line(
    shelf: list[Paper], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("papershelf.cli.setup_django", lambda migrate=True: None)
    result = CliRunner().invoke(main, ["export", "ris", "--topic", "nope", str(tmp_path / "x.ris")])
    assert result.exit_code == 1 and "Error: no topic 'nope'" in result.output
