"""Writing a site folder incrementally: only files whose bytes changed, and no leftovers.

A manifest (``.papershelf-publish.json``) records the SHA-256 of every file the last run
wrote. A file is rewritten when its new hash differs or the file on disk is not what the
manifest says (edited, deleted); a file the manifest lists that this run no longer
produces is removed. Files the manifest does not list (a CNAME, a .git folder) are left.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MANIFEST = ".papershelf-publish.json"

Source = bytes | Path  # a page's bytes, or a file to copy (assets, images)


class SiteFolderError(ValueError):
    """A folder that is not safe to write the site into."""


@dataclass
class WriteReport:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


def check_folder(out: Path) -> None:
    """Refuse a folder that holds files the publisher did not make: they could be anything."""
    if out.exists() and not out.is_dir():
        raise SiteFolderError(f"{out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise SiteFolderError(
            f"{out} is not empty and holds no site published by papershelf; "
            "choose a new or empty folder"
        )


def write_site(
    out: Path, files: dict[str, Source], advance: Callable[[int], None] | None = None
) -> WriteReport:
    check_folder(out)
    out.mkdir(parents=True, exist_ok=True)
    old = _read_manifest(out)
    report, new = WriteReport(), {}
    for name in sorted(files):
        target = _inside(out, name)
        digest = _sha256(files[name])
        new[name] = digest
        if old.get(name) == digest and target.is_file() and _file_sha256(target) == digest:
            report.unchanged += 1
        else:
            _write(target, files[name])
            report.written += 1
        if advance:
            advance(1)
    for name in sorted(set(old) - set(new)):
        target = _inside(out, name)
        if target.is_file():
            target.unlink()
            report.removed += 1
            _remove_empty_parents(target.parent, out)
    (out / MANIFEST).write_text(json.dumps(new, indent=1, sort_keys=True) + "\n")
    _open_folders(out)
    return report


def _inside(out: Path, name: str) -> Path:
    parts = PurePosixPath(name).parts
    if not parts or ".." in parts or PurePosixPath(name).is_absolute():
        raise SiteFolderError(f"refusing to write outside the site folder: {name}")
    return out.joinpath(*parts)


def _read_manifest(out: Path) -> dict[str, str]:
    try:
        data = json.loads((out / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _sha256(source: Source) -> str:
    if isinstance(source, bytes):
        return hashlib.sha256(source).hexdigest()
    return _file_sha256(source)


def _file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _write(target: Path, source: Source) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    data = source if isinstance(source, bytes) else source.read_bytes()
    # Write beside and rename: a host serving the folder never sees half a page.
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(data)
    # A site is for publishing: readable by others, unlike the private data directory.
    partial.chmod(0o644)
    os.replace(partial, target)


def _open_folders(out: Path) -> None:
    # The CLI keeps the data directory private (umask 077); a site is meant to be read.
    for folder, _dirs, _files in os.walk(out):
        Path(folder).chmod(0o755)


def _remove_empty_parents(folder: Path, out: Path) -> None:
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
