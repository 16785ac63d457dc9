"""`papershelf import` on a fresh shelf: it makes the owner, or says exactly what to run."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from papershelf import cli
from papershelf.accounts.models import User
from papershelf.papers.models import Paper

BIB = """@article{he2016deep,
  title = {Deep Residual Learning for Image Recognition},
  author = {He, Kaiming and Zhang, Xiangyu},
  year = {2016},
}
"""


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BIB)
    return path


def test_without_a_terminal_it_says_what_to_run(db: None, bib: Path) -> None:
    result = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"])
    assert result.exit_code == 1
    assert "no accounts yet" in result.output
    assert "papershelf createuser --admin YOUR-NAME" in result.output
    assert Paper.objects.count() == 0


def test_at_a_terminal_it_makes_the_owner_and_imports(
    db: None, bib: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    answers = "dora\na-long-test-password-1\na-long-test-password-1\n"
    result = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"], input=answers)
    assert result.exit_code == 0, result.output
    assert "Created administrator dora" in result.output
    dora = User.objects.get(username="dora")
    assert dora.is_superuser
    assert Paper.objects.filter(title__startswith="Deep Residual").exists()


def test_with_several_accounts_it_names_them(db: None, bib: Path) -> None:
    for name in ("erin", "frank"):
        User.objects.create_user(name, password="a-long-test-password-1")
    result = CliRunner().invoke(cli.main, ["import", str(bib), "--offline"])
    assert result.exit_code == 1
    assert "(erin, frank)" in result.output and "--user NAME" in result.output
