from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, ImportReport, import_paths

SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "seeds"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not at {SEEDS.resolve()} (CI has them at ../shared)")
    return SEEDS


@pytest.fixture
def run_import(alice: User):
    """Import paths as alice, offline; returns the report."""

    def run(*paths: Path, **options: object) -> ImportReport:
        opts = ImportOptions(user=alice, fetch_metadata=False)
        for name, value in options.items():
            setattr(opts, name, value)
        return import_paths(list(paths), opts)

    return run
