"""The file cache culls its directory now and then, not at every write."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.lib import filecache
from papershelf.lib.filecache import FileCache


def _files(path: Path) -> int:
    return len(list(path.glob("*.djcache")))


def test_the_cache_is_culled_once_in_a_while_and_then_back_under_its_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    for n in range(30):
        cache.set(f"key-{n}", n)
    # The first write culled (nothing to cull yet); the others waited for their turn.
    assert _files(tmp_path) == 30
    assert cache.get("key-29") == 29
    monkeypatch.setattr(filecache, "CULL_SECONDS", 0.0)
    cache.set("one-more", 1)
    assert _files(tmp_path) < 30
