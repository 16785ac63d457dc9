"""Django's file cache, culled now and then instead of at every write."""

from __future__ import annotations

import time
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache

CULL_SECONDS = 30.0


class FileCache(FileBasedCache):
    """FileBasedCache lists its whole directory at every ``set`` to decide whether to cull.
    A shelf under load keeps thousands of entries (related papers, sessions, classifiers),
    which made that listing cost more than the value cached; here each process culls at
    most every CULL_SECONDS. Between culls the cache may overshoot MAX_ENTRIES by what
    the processes write in that time, a few hundred files."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._culled_at = -CULL_SECONDS

    def _cull(self) -> None:
        now = time.monotonic()
        if now - self._culled_at < CULL_SECONDS:
            return
        self._culled_at = now
        # Private in Django, but the one place a cull can be put off.
        super()._cull()  # type: ignore[misc]
