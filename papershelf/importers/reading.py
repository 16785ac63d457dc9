"""From paths on disk to decoded documents, refusing what is not text."""

from __future__ import annotations

import hashlib
import re
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from django.conf import settings

from papershelf.importers import containers
from papershelf.importers.containers import sitenav
from papershelf.importers.org.parse import looks_like_org
from papershelf.importers.records import ParseError
from papershelf.importers.rtf.charsets import decode_rtf_bytes

# What a folder or zip holds that we read; other files (images, PDFs) are only
# picked up as attachments when a note refers to them.
DOCUMENT_SUFFIXES = {
    ".bib", ".bibtex", ".biblatex", ".json", ".csljson", ".ris", ".txt", ".text", ".ids",
    ".nbib", ".ciw",  # PubMed's and Web of Science's exports
    ".md", ".markdown", ".mdx", ".qmd", ".rmd", ".rmarkdown",
    ".html", ".htm", ".xhtml", ".org", ".csv", ".tsv",
    ".tid",
    ".rst", ".rest",
    ".ipynb", ".opml", ".bike",
    ".adoc", ".asciidoc", ".asc",
    ".wiki",
    ".canvas",
    ".typ", ".yml", ".yaml", ".toml",
    ".rtf",
    ".tex", ".ltx", ".latex",
    ".gmi", ".gemini",  # a Gemini capsule's pages
    ".js",  # a Twitter archive's data/tweets.js
}  # fmt: skip
MAX_ZIP_BYTES = 2 * 1024**3  # a Notion export with images, not a zip bomb


@dataclass
class Document:
    path: Path  # where it is read from (inside an extracted zip, a temporary folder)
    key: str  # stable identity for re-imports: the real path, or zip path + member
    name: str  # what people see: the file name, or zip name/member
    text: str
    sha256: str
    # The folder a note's relative image paths must stay inside: the folder or unpacked
    # zip that was imported, or the file's own folder when it was imported alone.
    root: Path


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:,.1f}".removesuffix(".0")


def check_document_size(size: int, name: str) -> None:
    """Refuse a text file too big to import, before a byte of it is read or parsed."""
    limit = settings.IMPORT_MAX_FILE_BYTES
    if size > limit:
        raise ParseError(
            name,
            None,
            f"too large ({_megabytes(size)} MB > {_megabytes(limit)} MB limit; "
            "set PAPERSHELF_IMPORT_MAX_FILE_MB to import bigger files)",
        )


# A file of a folder that is not read, as (display name, "skipped" or "failed", why).
Unread = tuple[str, str, str]
# "~$Tracker.xlsx" (Office), ".~lock.Tracker.ods#" (LibreOffice): who has a file open.
_LOCK_FILE_RE = re.compile(r"^(?:~\$|\.~lock\.)")


def expand_paths(
    paths: list[Path], workdir: Path, unread: list[Unread] | None = None
) -> list[tuple[Path, str, str]]:
    """Files to import as (path, key, display name); folders and zips are opened up.

    In a folder, a container that cannot be opened (a corrupt workbook, an encrypted
    deck) and an office lock file go to ``unread`` with the reason, and the rest is
    read; without ``unread``, or for a file named on its own, the error is raised.
    """
    found: list[tuple[Path, str, str]] = []
    openers = containers.readers()
    for path in paths:
        if not path.exists():
            raise ParseError(str(path), None, "no such file or folder")
        suffix = path.suffix.lower()
        if path.is_dir() and suffix not in containers.FOLDER_SUFFIXES:
            found.extend(_folder_documents(path, workdir, openers, unread))
        elif suffix in _ARCHIVE_SUFFIXES:
            found.extend(_extract_zip(path, workdir))
        elif opener := containers.reader_for(path, openers):
            found.extend(_open_container(path, path.name, workdir, opener))
        else:
            found.append((path, str(path.resolve()), path.name))
    return found


def _folder_documents(
    folder: Path,
    workdir: Path,
    openers: dict[str, containers.Reader],
    unread: list[Unread] | None = None,
) -> list[tuple[Path, str, str]]:
    """A folder's documents; a container in it (a file or a .scriv folder) opened up."""
    found: list[tuple[Path, str, str]] = []
    packages: list[Path] = []
    for child in sorted(folder.rglob("*")):
        if any(child.is_relative_to(p) for p in packages):
            continue
        name = str(child.relative_to(folder))
        suffix = child.suffix.lower()
        if _LOCK_FILE_RE.match(child.name) and child.is_file() and unread is not None:
            unread.append((name, "skipped", "an office lock file (the file is open elsewhere)"))
            continue
        if _is_backup_copy(child, openers) and unread is not None:
            unread.append((name, "skipped", "a backup copy of another file (its name ends in ~)"))
            continue
        if _hidden(child, folder) and not sitenav.is_site_navigation(child):
            continue  # a dot folder is the app's, but a VitePress site keeps its order there
        if child.is_dir() and suffix in containers.FOLDER_SUFFIXES:
            packages.append(child)
            found.extend(_opened(child, name, workdir, openers[suffix], unread))
        elif not child.is_file():
            continue
        elif suffix in _FOLDER_ARCHIVES:
            found.extend(_extract_zip(child, workdir, name))  # Joplin's .jex among notes
        elif opener := containers.reader_for(child, openers):
            found.extend(_opened(child, name, workdir, opener, unread))
        elif suffix in DOCUMENT_SUFFIXES or (not suffix and _org_without_suffix(child)):
            found.append((child, str(child.resolve()), name))
    return found


def _is_backup_copy(path: Path, openers: dict[str, containers.Reader]) -> bool:
    """ "lab.ctd~", "notes.md~": the copy an editor (CherryTree, Emacs, gedit) keeps of a
    file it saved, the same notes again."""
    if not path.name.endswith("~") or not path.is_file():
        return False
    suffix = Path(path.name.rstrip("~")).suffix.lower()
    return suffix in DOCUMENT_SUFFIXES or suffix in openers


def _opened(
    path: Path, name: str, workdir: Path, read: containers.Reader, unread: list[Unread] | None
) -> list[tuple[Path, str, str]]:
    """A container of a folder opened; one that cannot be is reported, not fatal."""
    try:
        return _open_container(path, name, workdir, read)
    except ParseError as error:
        if unread is None:
            raise
        unread.append((name, "failed", str(error)))
        return []


def _org_without_suffix(path: Path) -> bool:
    """An Org file named without a suffix: org-journal names each day's file 20240115.

    Other suffix-less files (LICENSE, Makefile, executables) are no notes, nor are
    Emacs's backups (``20240115~``) and auto-saves (``#20240115#``), copies of a day.
    """
    if path.name.endswith("~") or path.name.startswith("#"):
        return False
    with path.open("rb") as stream:
        head = stream.read(8192)
    return b"\x00" not in head and looks_like_org(head.decode("utf-8", "replace"))


def _open_container(
    path: Path, name: str, workdir: Path, read: containers.Reader, key: str = ""
) -> list[tuple[Path, str, str]]:
    """A container's notes as Markdown files in the working folder (see containers);
    ``key`` is the container's identity for re-imports when its path is a passing one."""
    check_document_size(path.stat().st_size, name)
    key = key or str(path.resolve())
    target = Path(tempfile.mkdtemp(prefix="container-", dir=workdir))
    documents = []
    for member, text in read(path):
        inner = PurePosixPath(member)
        if inner.is_absolute() or ".." in inner.parts or not inner.parts:
            raise ParseError(name, None, f"unsafe note name in the file: {member}")
        # Laid out as its display name says, so the import root (_root) is ``target``.
        destination = target.joinpath(*PurePosixPath(name).parts, *inner.parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
        documents.append((destination, f"{key}!{member}", f"{name}/{member}"))
    return documents


def _hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts)


# Archives opened like a folder: a zip, and Joplin's export (.jex), a tar of its raw items.
_ARCHIVE_SUFFIXES = frozenset({".zip", ".jex"})
# Inside a folder a zip may be anything (a dataset, code): only a notes app's own export.
_FOLDER_ARCHIVES = frozenset({".jex"})


Member = tuple[str, int, Callable[[], bytes]]  # an archive's file: name, size, its bytes


@contextmanager
def _opened_archive(path: Path) -> Iterator[list[Member]]:
    """Each file in the archive (a zip, or a tar such as Joplin's .jex), while it is open."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            yield [
                (m.filename, m.file_size, partial(archive.read, m))
                for m in archive.infolist()
                if not m.is_dir()
            ]
        return
    try:
        tar = tarfile.open(path)  # noqa: SIM115 -- closed by the with below
    except (tarfile.TarError, OSError):
        kind = "zip file" if path.suffix.lower() == ".zip" else "archive (zip or tar)"
        raise ParseError(str(path), None, f"not a readable {kind}") from None
    with tar:
        # Regular files only: a link or a device in an archive is nothing to import.
        yield [
            (m.name, m.size, partial(_tar_bytes, tar, m)) for m in tar.getmembers() if m.isfile()
        ]


def _tar_bytes(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    stream = tar.extractfile(member)
    return stream.read() if stream is not None else b""


def _extract_zip(path: Path, workdir: Path, shown: str = "") -> list[tuple[Path, str, str]]:
    """The archive's documents, named below ``shown`` (its name in the import)."""
    shown = shown or path.name
    with _opened_archive(path) as members:
        if sum(size for _, size, _ in members) > MAX_ZIP_BYTES:
            raise ParseError(str(path), None, "the archive unpacks to more than 2 GiB")
        # Under a folder of the archive's own name, so that, as for a folder, the display
        # name is the path below the import root (read_document relies on it).
        target = Path(tempfile.mkdtemp(prefix="zip-", dir=workdir)) / path.name
        documents = []
        for filename, _, read in members:
            inner = PurePosixPath(filename)
            # Zip-slip: a member named ../../x must not land outside our folder.
            if inner.is_absolute() or ".." in inner.parts:
                raise ParseError(str(path), None, f"unsafe path in archive: {filename}")
            destination = target.joinpath(*inner.parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(read())
            if _zipped_package(inner) is not None:
                continue  # a Scrivener project's files: read through its binder, below
            if inner.suffix.lower() in DOCUMENT_SUFFIXES and not inner.name.startswith("."):
                key = f"{path.resolve()}!{filename}"
                documents.append((destination, key, f"{shown}/{filename}"))
        names = [PurePosixPath(name) for name, _, _ in members]
    packages = {package for name in names if (package := _zipped_package(name))}
    for package in sorted(packages, key=str):
        opener = containers.readers()[package.suffix.lower()]
        name, key = f"{shown}/{package}", f"{path.resolve()}!{package}"
        folder = target.joinpath(*package.parts)
        documents.extend(_open_container(folder, name, workdir, opener, key))
    return documents


def _zipped_package(inner: PurePosixPath) -> PurePosixPath | None:
    """The .scriv folder a zip member lies in, if any."""
    for depth, part in enumerate(inner.parts[:-1], start=1):
        if PurePosixPath(part).suffix.lower() in containers.FOLDER_SUFFIXES:
            return PurePosixPath(*inner.parts[:depth])
    return None


def read_document(path: Path, key: str, name: str) -> Document:
    """Read a file as text, or say clearly why it is not text we can import.

    Its size is checked first: a file past the limit is never read, let alone parsed.
    """
    check_document_size(path.stat().st_size, name)
    data = path.read_bytes()
    if not data.strip():
        raise ParseError(name, None, "the file is empty")
    if b"\x00" in data[:8192]:
        raise ParseError(name, None, "this is a binary file, not a text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_text(data) or _legacy_text(data)
        if declared is None:
            line = data[: exc.start].count(b"\n") + 1
            message = "not UTF-8 text; save it as UTF-8 and import again"
            raise ParseError(name, line, message) from None
        text = declared
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(path, key, name, text, hashlib.sha256(data).hexdigest(), _root(path, name))


# "Save as Web Page" in Word writes windows-1252 and says so in a <meta> charset.
_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w\-]+)", re.IGNORECASE)


def _declared_text(data: bytes) -> str | None:
    """A web page in the encoding its own <meta> declares, an RTF document in the code
    page its header declares, or None without either."""
    if data.lstrip()[:5] == b"{\\rtf":
        return decode_rtf_bytes(data)
    declared = _CHARSET_RE.search(data[:4096])
    if declared is None:
        return None
    try:
        return data.decode(declared[1].decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


# A file with a few bytes that are no UTF-8 and no declared encoding is almost always
# Windows-1252 (Latin-1's superset): an old editor's or exporter's "30°", "naïve". Past
# this share of such bytes it may as well be Cyrillic or Mac Roman: say so instead.
_LEGACY_SHARE = 0.02
_HIGH_BYTES = bytes(range(0x80, 0x100))  # counted by deleting them: no loop per byte


def _legacy_text(data: bytes) -> str | None:
    """Mostly-ASCII text with a few Windows-1252 characters, or None."""
    if len(data) - len(data.translate(None, _HIGH_BYTES)) > _LEGACY_SHARE * len(data):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # one of the five bytes cp1252 leaves undefined: not its text


def _root(path: Path, name: str) -> Path:
    """The import root: ``name`` is the path below it (see expand_paths and _extract_zip)."""
    inner = PurePosixPath(name)
    depth = len(inner.parts)
    if inner.is_absolute() or ".." in inner.parts or not 1 <= depth <= len(path.parents):
        return path.parent
    return path.parents[depth - 1]
