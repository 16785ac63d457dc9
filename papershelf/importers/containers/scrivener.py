"""A Scrivener project: each document of its binder becomes a note, in binder order.

A project is a folder (``Thesis.scriv``, a package on macOS) whose ``.scrivx`` file is
the binder: an XML tree of items with a title, a type and, for the documents, the
files that hold their text. Scrivener 3 keeps those in ``Files/Data/<UUID>/``
(``content.rtf``, ``notes.rtf``, ``synopsis.txt``); Scrivener 2 in ``Files/Docs/``
(``<ID>.rtf``, ``<ID>_notes.rtf``, ``<ID>_synopsis.txt``). Only the binder says what
each file is called and where it stands, so the project is read through it and never
file by file: the QuickLook preview, settings, snapshots, search indexes and backups
that sit beside the documents are not notes.

A note is the document's title (the binder's, not a file name), its synopsis (the
index card, where a reading note often keeps the citation), its text, its inspector
notes and its bookmarked web pages; its keywords are its tags. Binder folders become
folders of notes, so a reading list's parts keep their names. The Trash is left out,
and so are the Research folder's imported files (PDFs, images, web archives): their
titles and notes are kept where the writer wrote notes on them. So are the template
sheets (the binder's ``TemplateFolderUUID``): blank forms, not notes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames, markdown_note
from papershelf.importers.records import ParseError
from papershelf.importers.rtf.charsets import decode_rtf_bytes
from papershelf.importers.rtf.parse import rtf_to_markdown

_MAX_BINDER_DEPTH = 64  # folders in folders; a writer's binder is a handful deep
_LEFT_OUT = frozenset({"TrashFolder"})
_WEB_SCHEMES = ("http://", "https://", "doi:")


@dataclass
class _Project:
    folder: Path  # the .scriv folder
    name: str  # how errors name it
    keywords: dict[str, str] = field(default_factory=dict)
    left_out: set[str] = field(default_factory=set)  # the template folder's UUID
    folders: dict[tuple[str, ...], MemberNames] = field(default_factory=dict)
    notes: dict[tuple[str, ...], MemberNames] = field(default_factory=dict)

    def document_files(self, item: ET.Element) -> tuple[Path, Path, Path] | None:
        """The text, notes and synopsis files of a binder item (which may not exist)."""
        if uuid := _safe_id(item.get("UUID")):
            base = self.folder / "Files" / "Data" / uuid
            return base / "content.rtf", base / "notes.rtf", base / "synopsis.txt"
        if number := _safe_id(item.get("ID")):
            docs = self.folder / "Files" / "Docs"
            return (
                docs / f"{number}.rtf",
                docs / f"{number}_notes.rtf",
                docs / f"{number}_synopsis.txt",
            )
        return None


def read_scrivener(path: Path) -> list[Member]:
    """A .scriv folder, or the .scrivx file inside one."""
    folder = path if path.is_dir() else path.parent
    binder_file = _binder_file(folder, path)
    project = _Project(folder, path.name)
    root = _binder_root(binder_file, project.name)
    project.keywords = _keywords(root)
    project.left_out = {uuid for uuid in [root.findtext("TemplateFolderUUID")] if uuid}
    members: list[Member] = []
    binder = root.find("Binder")
    items = binder.findall("BinderItem") if binder is not None else []
    pending: list[tuple[ET.Element, tuple[str, ...]]] = [(item, ()) for item in reversed(items)]
    while pending:
        item, parents = pending.pop()
        if item.get("Type") in _LEFT_OUT or item.get("UUID") in project.left_out:
            continue
        if len(parents) > _MAX_BINDER_DEPTH:
            raise ParseError(project.name, None, "the binder nests folders too deep to read")
        title = " ".join((item.findtext("Title") or "").split()) or "Untitled"
        if note := _note(project, item, title):
            names = project.notes.setdefault(parents, MemberNames())
            members.append(("/".join([*parents, names.name_for(title)]), note))
        children = item.findall("Children/BinderItem")
        if children:
            folder_names = project.folders.setdefault(parents, MemberNames())
            inner = (*parents, folder_names.name_for(title).removesuffix(".md"))
            pending.extend((child, inner) for child in reversed(children))
    return members


def _binder_file(folder: Path, path: Path) -> Path:
    if path.is_file():
        return path
    candidates = sorted(folder.glob("*.scrivx"))
    named = [c for c in candidates if c.stem.casefold() == folder.stem.casefold()]
    if named or candidates:
        return (named or candidates)[0]
    if (folder / "binder.scrivproj").is_file():
        raise ParseError(
            folder.name, None, "a Scrivener 1 project: open it in Scrivener 3 to update it"
        )
    raise ParseError(folder.name, None, "not a Scrivener project: it holds no .scrivx binder")


def _binder_root(binder_file: Path, name: str) -> ET.Element:
    data = binder_file.read_bytes()
    if b"<!ENTITY" in data:  # Scrivener never declares one; a file that does is refused
        raise ParseError(name, None, "the binder declares XML entities; Scrivener never does")
    try:
        root = ET.fromstring(data)  # noqa: S314 - entity declarations refused above
    except ET.ParseError as error:
        line = error.position[0] if error.position else None
        raise ParseError(name, line, "not a readable Scrivener binder (.scrivx)") from None
    if root.tag != "ScrivenerProject":
        raise ParseError(name, 1, f"not a Scrivener binder: it opens with <{root.tag}>")
    return root


def _keywords(root: ET.Element) -> dict[str, str]:
    """Keyword ids to names: Scrivener 3 writes <Keyword ID><Title>, 2 the name alone."""
    found = {}
    for keyword in root.findall("Keywords/Keyword"):
        name = keyword.findtext("Title") or keyword.text or ""
        if (number := keyword.get("ID")) is not None and name.strip():
            found[number] = " ".join(name.split())
    return found


def _note(project: _Project, item: ET.Element, title: str) -> str:
    """The note for a binder item, or "" when the writer wrote nothing in it."""
    files = project.document_files(item)
    if files is None:
        return ""
    content, notes, synopsis = files
    parts = [_synopsis(synopsis)]
    if item.get("Type") not in ("PDF", "Image", "WebArchive", "Media", "Other"):
        parts.append(_rtf_markdown(content, project))
    parts += [_rtf_markdown(notes, project), _bookmarks(item)]
    body = "\n\n".join(part.strip() for part in parts if part.strip())
    if not body:
        return ""
    tags = [
        project.keywords[k.text]
        for k in item.findall("Keywords/KeywordID")
        if k.text in project.keywords
    ]
    return markdown_note(title, body, tags)


def _synopsis(path: Path) -> str:
    if not path.is_file():
        return ""
    return path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")


def _rtf_markdown(path: Path, project: _Project) -> str:
    if not path.is_file():
        return ""
    name = f"{project.name}/{path.relative_to(project.folder).as_posix()}"
    return rtf_to_markdown(decode_rtf_bytes(path.read_bytes()), name)[0]


def _bookmarks(item: ET.Element) -> str:
    """Web pages the writer bookmarked on the document (Scrivener 3)."""
    lines = []
    for bookmark in item.findall("Bookmarks/Bookmark"):
        address = (bookmark.get("Destination") or "").strip()
        if address.casefold().startswith(_WEB_SCHEMES):
            label = " ".join((bookmark.text or "").split()) or address
            lines.append(f"- [{label}]({address})")
    return "\n".join(lines)


def _safe_id(value: str | None) -> str:
    """A binder id usable as a file name: UUIDs and numbers, never a path."""
    text = (value or "").strip()
    return text if text and all(c.isalnum() or c == "-" for c in text) else ""
