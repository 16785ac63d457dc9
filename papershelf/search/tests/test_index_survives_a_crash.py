"""An import killed between its commit and its indexing is searchable after a restart.

Real processes on a real shelf: ``papershelf import`` commits, then (held there by a
test-only variable) is killed with SIGKILL before it rebuilds any search document. The
papers are in the database and the index knows none of them — until ``serve`` starts
and drains the outbox the import wrote in its own transaction.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from papershelf.search.indexing import HOLD_AFTER_COMMIT_ENV

pytestmark = pytest.mark.slow
PAPERS = 300
WAIT = 120.0  # seconds: a cold start migrates a new database first


def bibtex(count: int) -> str:
    return "\n".join(
        f"@article{{entry{i},\n  title = {{Zyxomatic Lattices, Part {i}}},\n"
        f"  author = {{Ada Lovelace and Kurt Gödel}},\n  year = {{2020}},\n"
        f"  abstract = {{Crystalline zyxomatic order in sample {i}.}}\n}}"
        for i in range(count)
    )


@pytest.fixture
def shelf(tmp_path: Path) -> dict[str, str]:
    """The environment of a fresh shelf with one user, run by the real settings."""
    ours = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PAPERSHELF_SECRET_KEY")
    env = {k: v for k, v in os.environ.items() if k not in ours}
    env.update(PAPERSHELF_HOME=str(tmp_path / "home"), PAPERSHELF_PASSWORD="a-long-pass-1")
    papershelf("createuser", "alice", env=env)
    return env


def papershelf(*args: str, env: dict[str, str]) -> str:
    command = [sys.executable, "-m", "papershelf", *args]
    # Our own interpreter and fixed arguments: no untrusted input reaches the command.
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=WAIT)  # noqa: S603
    assert done.returncode == 0, done.stderr
    return done.stdout


def wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the import never reached its commit"
        time.sleep(0.1)


def count_rows(env: dict[str, str], table: str) -> int:
    database = Path(env["PAPERSHELF_HOME"]) / "papershelf.sqlite3"
    with sqlite3.connect(database) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608


def import_killed_after_commit(env: dict[str, str], tmp_path: Path) -> None:
    source, marker = tmp_path / "papers.bib", tmp_path / "committed"
    source.write_text(bibtex(PAPERS))
    command = [sys.executable, "-m", "papershelf", "import", str(source), "--offline"]
    process = subprocess.Popen(  # noqa: S603
        command, env={**env, HOLD_AFTER_COMMIT_ENV: str(marker)}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    wait_for(marker, process)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def serve(shelf: dict[str, str]) -> Iterator[Callable[[], str]]:
    started: list[subprocess.Popen[bytes]] = []

    def start() -> str:
        port = free_port()
        command = [sys.executable, "-m", "papershelf", "serve", "--port", str(port)]
        quiet = subprocess.DEVNULL
        # A session of its own: the kill below takes serve's worker child with it, which
        # would otherwise outlive the test, polling a data directory that is gone.
        process = subprocess.Popen(  # noqa: S603
            command, env=shelf, stdout=quiet, stderr=quiet, start_new_session=True
        )
        started.append(process)
        return f"http://127.0.0.1:{port}"

    yield start
    for process in started:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def keyword_search(base: str, query: str) -> dict[str, object]:
    """The JSON results, once the server answers (it repairs the index before it listens)."""
    url = f"{base}/search.json?mode=keyword&q={query}"
    deadline = time.monotonic() + WAIT
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
                return json.loads(response.read())  # type: ignore[no-any-return]
        except OSError:
            assert time.monotonic() < deadline, "serve never answered"
            time.sleep(0.2)


def test_an_import_killed_after_its_commit_leaves_papers_the_index_does_not_know(
    shelf: dict[str, str], tmp_path: Path
) -> None:
    import_killed_after_commit(shelf, tmp_path)
    assert count_rows(shelf, "papers_paper") == PAPERS
    assert count_rows(shelf, "search_searchdocument") == 0
    assert count_rows(shelf, "search_dirtypaper") == PAPERS  # committed with the papers
    found = json.loads(papershelf("search", "zyxomatic", "--mode", "keyword", "--json", env=shelf))
    assert found["total"] == 0


def test_restarting_serve_makes_every_killed_import_paper_searchable(
    shelf: dict[str, str], tmp_path: Path, serve: Callable[[], str]
) -> None:
    import_killed_after_commit(shelf, tmp_path)
    found = keyword_search(serve(), "zyxomatic")
    assert found["total"] == PAPERS
    results = found["results"]
    assert isinstance(results, list) and len(results) == 20  # a first page, all of them ours
    assert all(hit["title"].startswith("Zyxomatic Lattices, Part") for hit in results)
    assert count_rows(shelf, "search_searchdocument") == PAPERS
    assert count_rows(shelf, "search_dirtypaper") == 0


def test_reindex_repairs_the_same_drift(shelf: dict[str, str], tmp_path: Path) -> None:
    import_killed_after_commit(shelf, tmp_path)
    out = papershelf("reindex", "--keyword-only", env=shelf)
    assert f"repaired {PAPERS} paper(s)" in out
    found = json.loads(papershelf("search", "part 7", "--mode", "keyword", "--json", env=shelf))
    assert found["results"][0]["title"] == "Zyxomatic Lattices, Part 7"


@pytest.mark.django_db
def test_a_change_after_a_search_in_the_same_transaction_is_still_in_the_outbox() -> None:
    from papershelf.papers.services import PaperData, create_paper, update_paper
    from papershelf.search.models import DirtyPaper
    from papershelf.search.services import search

    paper = create_paper(PaperData(title="Zyxomatic Lattices"))
    assert search("zyxomatic", mode="keyword").total == 1  # rebuilt: its outbox row is gone
    assert not DirtyPaper.objects.filter(paper_id=paper.pk).exists()
    update_paper(paper, PaperData(title="Quasicrystal Lattices"))
    # Were the process killed now, after its commit, this row is what repairs the index.
    assert DirtyPaper.objects.filter(paper_id=paper.pk).exists()
