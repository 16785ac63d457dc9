"""One interface over the two archive kinds a backup may be: .tar.gz and .zip.

Members are streamed in both directions (a media folder may be larger than memory), and
the manifest is always the first member, so a restore can read it, and refuse, before
it has decompressed anything else.
"""

from __future__ import annotations

import hashlib
import io
import tarfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

_CHUNK = 1 << 20


class BackupError(ValueError):
    """A backup that cannot be made or restored, said in one line."""


def archive_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".tar.gz", ".tgz")):
        return "tar"
    if name.endswith(".zip"):
        return "zip"
    raise BackupError(f"name the backup FILE.tar.gz or FILE.zip, not {path.name}")


class _Hashing(io.RawIOBase):
    """Reads a file while hashing it and counting progress."""

    def __init__(self, handle: IO[bytes], advance: Callable[[int], None] | None) -> None:
        self.handle, self.advance, self.digest = handle, advance, hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size)
        self.digest.update(chunk)
        if self.advance and chunk:
            self.advance(len(chunk))
        return chunk


class ArchiveWriter:
    def __init__(self, path: Path, kind: str) -> None:
        self.kind = kind
        self.tar: tarfile.TarFile | None = None
        self.zip: zipfile.ZipFile | None = None
        if kind == "tar":
            self.tar = tarfile.open(path, "w:gz")  # noqa: SIM115 - closed by __exit__
        else:
            self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        (self.tar or self.zip).close()  # type: ignore[union-attr]

    def add_bytes(self, name: str, data: bytes) -> None:
        if self.tar is not None:
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o600, int(time.time())
            self.tar.addfile(info, io.BytesIO(data))
        else:
            assert self.zip is not None  # noqa: S101 - one of the two is always open
            self.zip.writestr(name, data)

    def add_file(self, name: str, path: Path, advance: Callable[[int], None] | None) -> str:
        """Stream a file in; returns the SHA-256 of exactly the bytes that went in."""
        with path.open("rb") as handle:
            reader = _Hashing(handle, advance)
            if self.tar is not None:
                info = tarfile.TarInfo(name)
                info.size, info.mode, info.mtime = path.stat().st_size, 0o600, int(time.time())
                self.tar.addfile(info, reader)
            else:
                assert self.zip is not None  # noqa: S101
                with self.zip.open(name, "w", force_zip64=True) as out:
                    while chunk := reader.read(_CHUNK):
                        out.write(chunk)
        return reader.digest.hexdigest()


class ArchiveReader:
    def __init__(self, path: Path) -> None:
        self.kind = archive_kind(path)
        try:
            if self.kind == "tar":
                # A stream: members in order, each read once, nothing seeks back.
                self.tar: Any = tarfile.open(path, "r|gz")  # noqa: SIM115
                self._members = iter(self.tar)
            else:
                self.zip = zipfile.ZipFile(path)
                self._infos = iter(self.zip.infolist())
        except (OSError, tarfile.TarError, zipfile.BadZipFile) as exc:
            raise BackupError(f"{path} is not a readable backup: {exc}") from exc

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        (self.tar if self.kind == "tar" else self.zip).close()

    def first(self, name: str) -> bytes | None:
        """The first member's bytes if it is called ``name``."""
        member, stream = self._next()
        if member != name or stream is None:
            return None
        return stream.read()

    def members(self) -> Iterator[tuple[str, IO[bytes]]]:
        while True:
            name, stream = self._next()
            if name is None:
                return
            if stream is None:
                raise BackupError(f"the archive member {name} is not a plain file")
            yield name, stream

    def _next(self) -> tuple[str | None, IO[bytes] | None]:
        try:
            if self.kind == "tar":
                member = next(self._members, None)
                if member is None:
                    return None, None
                # Only regular files: no links, devices or directories from an archive.
                return member.name, self.tar.extractfile(member) if member.isfile() else None
            info = next(self._infos, None)
            if info is None:
                return None, None
            return info.filename, None if info.is_dir() else self.zip.open(info)
        except (OSError, EOFError, tarfile.TarError, zipfile.BadZipFile) as exc:
            raise BackupError(f"the backup is damaged: {exc}") from exc
