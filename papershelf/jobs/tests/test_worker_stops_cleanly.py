"""A worker stopped while it embeds finishes its batch and exits cleanly.

Real processes: ``papershelf worker`` on a shelf whose import left papers waiting for
their vectors, stopped with SIGTERM (what ``serve``, systemd and CI send) while its
background indexer is running the model. Before, the interpreter was torn down under the
indexer's thread in the middle of a model run: onnxruntime failed a kernel and the
process died with ``terminate called without an active exception`` (exit -6).
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from papershelf.ops.tests.faults import Shelf, new_shelf

pytestmark = pytest.mark.slow
PAPERS = 400


def count(shelf: Shelf, sql: str) -> int:
    return int(str(shelf.query(sql)[0][0]))


def test_a_worker_stopped_mid_embedding_exits_cleanly_and_loses_no_paper(tmp_path: Path) -> None:
    shelf = new_shelf(tmp_path / "home", papers=PAPERS)
    waiting = "SELECT count(*) FROM search_pendingembedding"
    assert count(shelf, waiting) == PAPERS
    worker = subprocess.Popen(
        [sys.executable, "-m", "papershelf", "worker"],
        env=shelf.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        started = shelf.wait_for(lambda: count(shelf, waiting) < PAPERS, 120)
        assert started, "the worker never embedded a paper"
        worker.send_signal(signal.SIGTERM)
        _, stderr = worker.communicate(timeout=60)
    finally:
        worker.kill()
    assert worker.returncode == 0, stderr
    assert "terminate called" not in stderr
    embedded = "SELECT count(DISTINCT paper_id) FROM search_embedding WHERE kind = 'paper'"
    assert count(shelf, embedded) + count(shelf, waiting) == PAPERS
    # and the stopped work is done by the next worker
    shelf.cli("reindex", timeout=300)
    assert count(shelf, waiting) == 0
    assert count(shelf, embedded) == PAPERS
