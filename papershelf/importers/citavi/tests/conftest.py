from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, ImportReport, import_paths


@pytest.fixture
def run_import(alice: User):
    """Import paths as alice, offline; returns the report (as importers/tests does)."""

    def run(*paths: Path) -> ImportReport:
        return import_paths(list(paths), ImportOptions(user=alice, fetch_metadata=False))

    return run
