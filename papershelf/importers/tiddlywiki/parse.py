"""A TiddlyWiki tiddler becomes Markdown, then a notes document like any other.

A Node.js TiddlyWiki keeps each tiddler as a ``.tid`` file in ``tiddlers/``: lines of
``field: value``, a blank line, then the text in TiddlyWiki's own markup. The title
becomes the note's heading, ``tags`` its topics, and the other fields (``doi``,
``authors``, ``year``, ``venue``…) front matter of the same name, which the notes
reader takes as the paper's facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.records import ImportWarning, ParsedDocument, ParseHints
from papershelf.importers.tiddlywiki.markup import tiddlywiki_to_markdown

_FIELD_RE = re.compile(r"^(?P<name>[^\s:][^:\n]*?):\s?(?P<value>.*)$")
_TAG_RE = re.compile(r"\[\[(?P<bracketed>[^\]]+)\]\]|(?P<word>\S+)")
# TiddlyWiki's bookkeeping: no fact about a paper.
_BOOKKEEPING_FIELDS = frozenset(
    {"title", "tags", "type", "created", "modified", "creator", "modifier", "revision"}
    | {"bag", "list", "color", "icon", "list-before", "list-after", "draft.of", "draft.title"}
    | {"caption", "text"}
)
_PAPER_FIELDS = ("doi", "authors", "author", "year", "url", "venue", "arxiv", "journal")
_MARKDOWN_TYPES = ("text/x-markdown", "text/markdown")
_BIBTEX_FIELDS = {
    "title": "paper-title", "author": "authors", "year": "year", "doi": "doi",
    "journal": "venue", "booktitle": "venue", "url": "url", "eprint": "arxiv",
}  # fmt: skip
_BOOK_ENTRY_TYPES = frozenset({"book", "inbook", "incollection", "booklet", "manual"})
_WIKITEXT_TYPES = ("", "text/vnd.tiddlywiki", "text/plain", *_MARKDOWN_TYPES)


@dataclass
class Tiddler:
    fields: dict[str, str] = field(default_factory=dict)
    text: str = ""

    @property
    def title(self) -> str:
        return self.fields.get("title", "")


def read_tiddler(text: str) -> Tiddler | None:
    """A ``.tid`` file's fields and text; None when it does not open with fields."""
    header, _, body = text.removeprefix("\ufeff").partition("\n\n")
    tiddler = Tiddler(text=body)
    for line in header.strip("\n").split("\n"):
        match = _FIELD_RE.match(line)
        if not match:
            return None
        tiddler.fields[match["name"].strip().casefold()] = match["value"].strip()
    if "title" not in tiddler.fields:
        return None
    tiddler.text = tiddler.text or tiddler.fields.pop("text", "")  # "text: …" as a field
    return tiddler


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    tiddler = read_tiddler(text)
    if tiddler is None:
        return _as_notes(text, path, hints)  # a .tid without fields: its text is the note
    if reason := _skip_reason(tiddler):
        return ParsedDocument(path, "tiddlywiki", warnings=[ImportWarning(path, None, reason)])
    return _as_notes(tiddler_markdown(tiddler), path, hints)


def looks_like_tiddler(text: str) -> bool:
    """Field lines up to the first blank line, one of them the title."""
    return read_tiddler(text[:20000]) is not None


def tiddler_markdown(tiddler: Tiddler) -> str:
    body = tiddler.text
    if tiddler.fields.get("type", "") not in _MARKDOWN_TYPES:
        body = tiddlywiki_to_markdown(body)
    front = _front_matter(tiddler)
    head = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n"
    return (head if front else "") + f"# {tiddler.title}\n\n{body}"


def read_tags(value: str) -> list[str]:
    """TiddlyWiki's tag list: words, or ``[[several words]]`` in brackets."""
    return [m["bracketed"] or m["word"] for m in _TAG_RE.finditer(value)]


def _skip_reason(tiddler: Tiddler) -> str:
    if tiddler.title.startswith("$:/"):
        return "a TiddlyWiki system tiddler (settings, templates, state), not a note"
    if tiddler.fields.get("draft.of"):
        return "a TiddlyWiki draft of another tiddler"
    if tiddler.fields.get("type", "") not in _WIKITEXT_TYPES:
        return f"a TiddlyWiki tiddler of type {tiddler.fields['type']}, not text"
    if not tiddler.text.strip():
        return "an empty TiddlyWiki tiddler"
    return ""


def _front_matter(tiddler: Tiddler) -> dict[str, object]:
    front: dict[str, object] = {}
    if tags := read_tags(tiddler.fields.get("tags", "")):
        front["tags"] = tags
    for name, value in tiddler.fields.items():
        if value and name not in _BOOKKEEPING_FIELDS:
            front[name] = value
    # The BibTeX plugin's imports: "bibtex-title", "bibtex-author", "bibtex-doi"… are the
    # paper's fields, under a tiddler named by its citation key.
    for name, value in tiddler.fields.items():
        field = (
            _BIBTEX_FIELDS.get(name.removeprefix("bibtex-")) if name.startswith("bibtex-") else None
        )
        if field and value:
            front.setdefault(field, value)
    if tiddler.fields.get("bibtex-entry-type", "").casefold() in _BOOK_ENTRY_TYPES:
        front.setdefault("type", "book")
    # "caption" is the title TiddlyWiki shows in place of the tiddler's name: on a paper
    # tiddler named by a nickname ("Fitts 1954") it is the paper's full title.
    caption = tiddler.fields.get("caption", "")
    if caption and any(tiddler.fields.get(name) for name in _PAPER_FIELDS):
        front.setdefault("paper-title", caption)
    return front


def _as_notes(markdown: str, path: str, hints: ParseHints | None) -> ParsedDocument:
    return parse_converted(markdown, path, "tiddlywiki", hints)
