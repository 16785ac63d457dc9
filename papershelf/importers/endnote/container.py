"""An ``.xml`` file is opened by what it holds, not by its suffix.

The import hands every ``.xml`` file to its container reader (``containers.readers``),
alone or in a folder, before any format sees it; MediaWiki dumps, EndNote exports and
settings files (``pom.xml``) all end so. The smallest clean dispatch is there, by the
root element: an EndNote export passes through whole, as one member that the registry
then gives to the ``endnote`` format (its suffix and its root pick it), so that its
records keep their structure; a blog's export or feed (RSS, Atom, WordPress) and a
MediaWiki dump are opened into notes; any
other XML holds no notes and gives nothing, so that it never stops a folder's import
(named alone, the import says there is nothing to import in it).

Passing an export through, the container also says whether notes lie beside it (see
``library.NOTES_BESIDE``), which only it can see. The Zotero RDF reader's container
(``zoterordf.container``) passes its exports through the same way.
"""

from __future__ import annotations

import re
from itertools import islice
from pathlib import Path

from papershelf.importers.citavi.importer import looks_like_citavi
from papershelf.importers.containers.feed import looks_like_feed, read_feed
from papershelf.importers.containers.mediawiki import read_mediawiki
from papershelf.importers.endnote.importer import looks_like_endnote
from papershelf.importers.endnote.library import NOTES_BESIDE

_HEAD_BYTES = 4096
_DECLARATION_RE = re.compile(r"^\s*<\?xml\b[^>]*\?>")
_DECLARED_RE = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.\-]+)["']""")
# Files people write notes in (what the import reads as notes documents).
_NOTE_SUFFIXES = frozenset(
    {".md", ".markdown", ".mdx", ".txt", ".text", ".org", ".rst", ".html", ".htm", ".tex"}
    | {".typ", ".adoc", ".asciidoc", ".qmd", ".rmd", ".ipynb", ".rtf", ".wiki", ".tid"}
    | {".docx", ".odt", ".enex"}
)
_MAX_LOOKED_AT = 2000  # files beside the export looked at: enough for a notes folder


def read_xml(path: Path) -> list[tuple[str, str]]:
    with path.open("rb") as stream:
        head = stream.read(_HEAD_BYTES)
    if looks_like_endnote(decode(head)) or looks_like_citavi(decode(head)):
        return [pass_through(path)]  # EndNote's or Citavi's export: to its format
    if looks_like_feed(decode(head)):
        return read_feed(path)  # a blog: a WordPress export, an RSS or Atom feed
    return read_mediawiki(path)  # a MediaWiki dump; any other XML: no notes


def pass_through(path: Path, attachments: str = "") -> tuple[str, str]:
    """The export as one member, named as the file is, its text as its reader wants it.

    ``attachments`` names the folder of attachments an exporter writes beside its file
    (Zotero's ``files``): what is in it is no notes of the person's.
    """
    text = decode(path.read_bytes())
    if notes_beside(path, attachments):
        # Before the root, where an XML declaration may not follow: it goes (the text is
        # decoded already), its line break stays so that lines still count true.
        text = NOTES_BESIDE + _DECLARATION_RE.sub("", text.removeprefix("\ufeff"), count=1)
    return path.name, text


def notes_beside(path: Path, attachments: str = "") -> bool:
    """Whether a notes document lies in the export's folder or one below it."""
    folder = path.parent
    found = (
        child
        for child in folder.rglob("*")
        if child != path and not _hidden_or_attached(child.relative_to(folder), attachments)
    )
    return any(
        child.suffix.lower() in _NOTE_SUFFIXES and child.is_file()
        for child in islice(found, _MAX_LOOKED_AT)
    )


def _hidden_or_attached(relative: Path, attachments: str) -> bool:
    parts = relative.parts
    return any(part.startswith(".") for part in parts) or (
        bool(attachments) and len(parts) > 1 and parts[0] == attachments
    )


def decode(data: bytes) -> str:
    """Exports are UTF-8, or say their encoding in the declaration (or a BOM)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        declared = _DECLARED_RE.match(data)
        encoding = declared[1].decode("ascii") if declared else "cp1252"
        try:
            return data.decode(encoding, errors="replace")
        except LookupError:
            return data.decode("cp1252", errors="replace")
