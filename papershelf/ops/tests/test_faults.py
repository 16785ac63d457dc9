"""kill -9 under load: the server and its worker die mid-burst, mid-import, mid-reindex.

On SQLite and, in the suite's PostgreSQL pass, on a PostgreSQL database of the shelf's
own. After each restart the database passes its integrity check, every acknowledged summary
save is there exactly once, the import is all or nothing and then finishes (the worker
runs the job again), and the search index catches up. The long version, with more
rounds and bigger files, is benchmarks/faults.py (numbers in docs/performance.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from papershelf.ops.pgtest import new_database
from papershelf.ops.tests.faults import import_kill, new_shelf, reindex_kill, summary_burst


@pytest.fixture
def database_url() -> Iterator[str]:
    """SQLite in the shelf's directory, or a PostgreSQL database of its own in that pass."""
    if connection.vendor != "postgresql":
        yield ""
        return
    with new_database(os.environ["DATABASE_URL"]) as url:
        yield url


@pytest.mark.slow
def test_nothing_acknowledged_is_lost_when_server_and_worker_are_killed(
    tmp_path: Path, database_url: str
) -> None:
    shelf = new_shelf(tmp_path / "shelf", papers=120, database_url=database_url)
    try:
        shelf.start()
        burst = summary_burst(shelf, kill_after=2.0, writers=6)
        assert burst["integrity_ok"] and burst["acknowledged"] > 0
        assert burst["lost"] == 0 and burst["duplicated"] == 0, burst

        shelf.start()
        imported = import_kill(shelf, entries=1500, kill_at=0.3, tag="faulty")
        assert imported["integrity_ok"] and imported["reached"], imported
        assert imported["all_or_nothing"], imported  # none of it, or all of it
        assert imported["finished"] and imported["papers_after"] == 1500, imported

        reindexed = reindex_kill(shelf, kill_after=1.0)
        assert reindexed["integrity_ok"] and reindexed["found_after_restart"], reindexed
    finally:
        shelf.kill()
