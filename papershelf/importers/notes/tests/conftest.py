"""Seed documents live in the ``shared`` folder next to the repository, never inside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from papershelf.importers.notes.parse import parse
from papershelf.importers.records import ParsedDocument

SEEDS = Path(__file__).resolve().parents[4] / ".." / "shared" / "seeds"


def _read_seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {name} not found in {SEEDS.resolve()} (CI has it at ../shared)")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def parse_seed() -> Callable[[str], ParsedDocument]:
    """Parse a seed once per test run; tests only read the result."""
    parsed: dict[str, ParsedDocument] = {}

    def parse_named(name: str) -> ParsedDocument:
        if name not in parsed:
            parsed[name] = parse(_read_seed(name), name)
        return parsed[name]

    return parse_named


@pytest.fixture
def seed_text() -> Callable[[str], str]:
    return _read_seed
