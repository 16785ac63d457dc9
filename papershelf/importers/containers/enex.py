"""An Evernote export (.enex): one XML file per notebook, each <note> becomes a Markdown note.

A note's body is ENML, XHTML in a CDATA section; it goes through the saved-page
converter like any HTML note. Attachments (<resource>, base64 that can run to
gigabytes in a real export) are never decoded or written: the notes importer has no use
for a note's images, and the file is read element by element so that one attachment at
a time, not the whole notebook, is held in memory.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames, markdown_note
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.records import ParseError

_PROLOGUE_RE = re.compile(r"^\s*<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", re.IGNORECASE)
_TODO_RE = re.compile(r"<en-todo\b([^>]*?)/?>(?:\s*</en-todo\s*>)?", re.IGNORECASE)
# Evernote 10's own task lists: <li style="--en-checked:true;">.
_CHECKED_ITEM_RE = re.compile(
    r"(<li\b[^>]*--en-checked:\s*(true|false)[^>]*>(?:\s*<div\b[^>]*>)?)", re.IGNORECASE
)
# Attachments and encrypted text: nothing in them a reader of the note can see.
_HIDDEN_RE = re.compile(
    r"<(en-media|en-crypt)\b[^>]*?(?:/>|>.*?</\1\s*>)", re.IGNORECASE | re.DOTALL
)
_LOOSE_CHECKBOX_RE = re.compile(r"^(\[[ x]\] )", re.MULTILINE)
_TASK_GAP_RE = re.compile(r"^(- \[[ x]\] .*)\n\n(?=- \[[ x]\] )", re.MULTILINE)
_UTF8_XML_START_RE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<[^\x00]")
_ENTITY = b"<!ENTITY"


def read_enex(path: Path) -> list[Member]:
    names = MemberNames()
    members = []
    for note in _notes(path):
        title = (note.findtext("title") or "").strip()
        members.append((names.name_for(title), _note_markdown(note, title)))
    return members


def _note_markdown(note: ET.Element, title: str) -> str:
    tags = [" ".join(tag.text.split()) for tag in note.findall("tag") if tag.text]
    source = (note.findtext("note-attributes/source-url") or "").strip()
    body = enml_to_markdown(note.findtext("content") or "")
    return markdown_note(title, body, [tag for tag in tags if tag], source)


def enml_to_markdown(enml: str) -> str:
    """A note's ENML as Markdown, checkboxes as task-list items, attachments left out."""
    html = _PROLOGUE_RE.sub("", enml)
    html = _HIDDEN_RE.sub("", html)
    html = _TODO_RE.sub(lambda m: "[x] " if _is_checked(m[1]) else "[ ] ", html)
    html = _CHECKED_ITEM_RE.sub(lambda m: m[1] + ("[x] " if m[2] == "true" else "[ ] "), html)
    markdown = to_markdown(html) if html.strip() else ""
    # A checkbox on a line of its own (a <div>, as Evernote writes them) is a task item,
    # and a run of them one list.
    markdown = _LOOSE_CHECKBOX_RE.sub(r"- \1", markdown)
    return _TASK_GAP_RE.sub(r"\1\n", markdown)


def _is_checked(attributes: str) -> bool:
    return bool(re.search(r"checked\s*=\s*[\"']true", attributes, re.IGNORECASE))


def _notes(path: Path) -> Iterator[ET.Element]:
    """Each <note> of the export, complete; it is freed once the caller moves on."""
    _refuse_entities(path)
    depth = 0
    root: ET.Element | None = None
    try:
        # S314: the file was searched for entity declarations first (_refuse_entities).
        for event, element in ET.iterparse(path, events=("start", "end")):  # noqa: S314
            if event == "start":
                depth += 1
                if root is None:
                    root = _export_root(element, path.name)
                continue
            depth -= 1
            if element.tag == "data":
                element.clear()  # an attachment's base64: drop it as soon as it is read
            elif element.tag == "note" and depth == 1 and root is not None:
                yield element
                root.clear()
    except ET.ParseError as error:
        line = error.position[0] if error.position else None
        reason = str(error).split(":")[0]
        raise ParseError(
            path.name, line, f"not a readable Evernote export ({reason}); export it again"
        ) from None


def _export_root(element: ET.Element, name: str) -> ET.Element:
    if element.tag != "en-export":
        raise ParseError(name, 1, f"not an Evernote export: it opens with <{element.tag}>")
    return element


def _refuse_entities(path: Path) -> None:
    """Refuse an export that declares XML entities (billion laughs, external files).

    defusedxml is not installed and the C parser has no hook for entity declarations,
    so the bytes are searched before parsing; Evernote writes UTF-8 and never declares
    one. An encoding that would hide the declaration from a byte search (UTF-16) is
    refused as well. Evernote's own DOCTYPE names an external DTD, which expat never
    fetches, so it is allowed.
    """
    with path.open("rb") as file:
        head = file.read(64)
        if not _UTF8_XML_START_RE.match(head):
            raise ParseError(path.name, 1, "not an Evernote export (not a UTF-8 XML file)")
        file.seek(0)
        tail, lines = b"", 0
        for chunk in iter(lambda: file.read(1024**2), b""):
            window = tail + chunk
            if _ENTITY in window:
                line = lines + window[: window.index(_ENTITY)].count(b"\n") + 1
                raise ParseError(path.name, line, "declares XML entities; an export never does")
            lines += window[: -len(_ENTITY)].count(b"\n")
            tail = window[-len(_ENTITY) :]
