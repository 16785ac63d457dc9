"""Joplin's RAW export ("RAW - Joplin Export Directory"): one ``<32-hex id>.md`` per item.

Joplin writes every item the same way: its title on the first line, a blank line, the
body, a blank line, then its fields as ``key: value`` lines ending with ``type_: N``.
Notes are type 1; notebooks (2), resource records (4), tags (5) and note-tag links (6)
are Joplin's bookkeeping. A tag reaches a note only through a link item, so the export
is read as a whole before any note is parsed. A note becomes the Markdown Joplin's own
Markdown export would write: its tags in front matter, its title as the heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

import yaml

from papershelf.importers.notes.citations import names_non_papers, names_unread
from papershelf.importers.reading import Document, read_document
from papershelf.importers.records import ParseError

_ITEM_NAME_RE = re.compile(r"^[0-9a-f]{32}\.md$")
_FIELD_RE = re.compile(r"^([a-z_]+):(?: (.*))?$")
_NOTE, _NOTEBOOK, _TAG, _NOTE_TAG = "1", "2", "5", "6"
_MAX_NOTEBOOK_DEPTH = 32
_KINDS = {
    "2": "a Joplin notebook",
    "3": "a Joplin setting",
    "4": "a Joplin attachment's record (the file is in resources/)",
    "5": "a Joplin tag",
    "6": "a Joplin tag-to-note link",
    "9": "a Joplin encryption key",
    "13": "a Joplin revision",
}
_MIN_ITEMS = 2  # one id-named file alone is a note like any other


@dataclass
class Item:
    kind: str
    title: str
    body: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class JoplinExport:
    items: dict[str, Item] = field(default_factory=dict)  # by the file's display name
    tags: dict[str, list[str]] = field(default_factory=dict)  # note id -> tag titles
    documents: dict[str, Document] = field(default_factory=dict)  # as read, by name
    notebooks: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> title, parent

    def note_document(self, name: str) -> Document:
        """The note as read, its text the Markdown Joplin's own Markdown export writes."""
        return replace(self.documents[name], text=self.markdown(name))

    def skip_reason(self, name: str) -> str:
        """Why an item is not a note to import, or "" for a note."""
        item = self.items[name]
        if item.kind != _NOTE:
            return _KINDS.get(item.kind, f"a Joplin item of type {item.kind}") + ", not a note"
        if item.fields.get("is_conflict") == "1":
            return "a Joplin conflict copy of another note"
        if item.fields.get("deleted_time", "0") not in ("", "0"):
            return "a note in Joplin's trash"
        for notebook in self.notebooks_of(item):
            if names_unread(notebook):
                return f"a note in the notebook “{notebook}”: not read yet"
            if names_non_papers(notebook):
                return f"a note in the notebook “{notebook}”, which holds no papers"
        return ""

    def notebooks_of(self, item: Item) -> list[str]:
        """The titles of the notebooks a note sits in, innermost first."""
        titles: list[str] = []
        parent = item.fields.get("parent_id", "")
        while parent in self.notebooks and len(titles) < _MAX_NOTEBOOK_DEPTH:
            title, parent = self.notebooks[parent]
            titles.append(title)
        return titles

    def markdown(self, name: str) -> str:
        """The note as Markdown: front matter for its tags and clipped URL, then the note."""
        item = self.items[name]
        front = {
            key: value
            for key, value in (
                ("tags", self.tags.get(item.fields.get("id", ""), [])),
                ("source", item.fields.get("source_url", "")),
            )
            if value
        }
        head = f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n" if front else ""
        # A web clip opens with the page's own heading; the title is already there.
        body = item.body.lstrip("\n")
        heading = "" if body.startswith("# ") else f"# {item.title}\n\n"
        return f"{head}{heading}{body}\n"


def read_item(text: str) -> Item | None:
    """A Joplin item, or None when the text does not end in Joplin's fields."""
    lines = text.rstrip("\n").split("\n")
    if not lines or not re.fullmatch(r"type_: \d+", lines[-1]):
        return None
    start = len(lines) - 1
    while start > 0 and _FIELD_RE.match(lines[start - 1]):
        start -= 1
    fields = dict((m[1], m[2] or "") for m in map(_FIELD_RE.match, lines[start:]) if m)
    if not re.fullmatch(r"[0-9a-f]{32}", fields.get("id", "")):
        return None
    head = lines[:start]
    title = head[0].strip() if head else ""
    body = "\n".join(head[1:]).strip("\n")
    return Item(fields["type_"], title, body, fields)


def read_export(found: list[tuple[Path, str, str]]) -> JoplinExport:
    """The export's items when the files imported include one; else an empty export."""
    items: dict[str, Item] = {}
    documents: dict[str, Document] = {}
    for path, key, name in found:
        if not _ITEM_NAME_RE.match(PurePosixPath(name.replace("\\", "/")).name):
            continue
        try:
            document = read_document(path, key, name)
        except ParseError:
            continue  # the file is read again as a note, and fails there with its reason
        item = read_item(document.text)
        if item is not None:
            items[name], documents[name] = item, document
    if len(items) < _MIN_ITEMS:
        return JoplinExport()
    tag_titles = {i.fields["id"]: i.title for i in items.values() if i.kind == _TAG}
    tags: dict[str, list[str]] = {}
    for item in items.values():
        tag = tag_titles.get(item.fields.get("tag_id", ""))
        if item.kind == _NOTE_TAG and tag:
            tags.setdefault(item.fields.get("note_id", ""), []).append(tag)
    notebooks = {
        i.fields["id"]: (i.title, i.fields.get("parent_id", ""))
        for i in items.values()
        if i.kind == _NOTEBOOK
    }
    return JoplinExport(items, tags, documents, notebooks)
