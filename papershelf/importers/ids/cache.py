"""A tiny on-disk JSON cache, so re-importing a list never asks a service twice."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

_MAX_NAME_LENGTH = 150  # file systems allow 255 bytes; long DOIs are hashed instead


class JsonCache:
    """Values by (namespace, key) in ``directory/namespace/key.json``; None disables it."""

    def __init__(self, directory: Path | str | None) -> None:
        self._directory = Path(directory) if directory is not None else None

    def get(self, namespace: str, key: str) -> Any | None:
        path = self._path(namespace, key)
        if path is None:
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing or half-written: fetch again

    def put(self, namespace: str, key: str, value: Any) -> None:
        path = self._path(namespace, key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename, so a reader never sees half a file.
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(value, file, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only costs a request next time

    def _path(self, namespace: str, key: str) -> Path | None:
        if self._directory is None:
            return None
        name = quote(key, safe="")
        if len(name) > _MAX_NAME_LENGTH:
            name = hashlib.sha256(key.encode()).hexdigest()
        return self._directory / namespace / f"{name}.json"
