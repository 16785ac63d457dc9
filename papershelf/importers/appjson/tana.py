"""Tana workspace exports: each tagged node and each day page as a Markdown note.

Tana's JSON export ("Export workspace as JSON": ``{"formatVersion": 1, "docs": [...]}``)
is a graph of nodes linked by ids. A node is ``{"id", "props": {"name", "created",
"_docType", "_ownerId", "_metaNodeId"}, "children": [ids]}``; its name is HTML
(``<b>``, ``<a href>``, ``<span data-inlineref-node="id">`` for a reference to another
node). What makes a node a ``#paper`` is stored apart: its ``_metaNodeId`` names a
``metanode`` whose ``tuple`` children pair ``SYS_A13`` ("node supertags") with the tag's
``tagDef`` node. A field (Author, DOI, Year…) is a ``tuple`` among the node's children:
its first child the field's ``attrDef`` (its name), the others the values. Day pages are
``journalPart`` nodes named by their date. The workspace's own nodes (``SYS_…``, the
schema, saved searches, settings, views) and what lies in its trash are no notes.

The older "TanaIntermediateFile V0.1" (what converters write for Tana to import) nests
the nodes themselves: ``{"uid", "name", "children": [...], "supertags": [uid], "type":
"field" | "date" | "node"…}``, with the tags' names in a top-level ``supertags`` list.

Each tagged node becomes a note: its name as the title, its fields as labelled lines
("DOI: …", "Authors: …", "Year: …", "Status: …"), its supertags, then its children as
bullets. A day page is a note of its bullets. A tagged node inside another is its own
note, not a bullet of the other.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from papershelf.importers.appjson.values import Data
from papershelf.importers.appjson.values import dicts_of as _dicts
from papershelf.importers.appjson.values import tags_line as _tags_line
from papershelf.importers.appjson.values import text_of as _text
from papershelf.importers.notes.metadata import LABEL_LINE_RE
from papershelf.lib.titles import is_probably_title

_SUPERTAGS_ATTRIBUTE = "SYS_A13"
# What the workspace is made of rather than what the person wrote.
_NOT_CONTENT = frozenset(
    {"tagDef", "attrDef", "metanode", "tuple", "search", "viewDef", "workspace", "settings"}
    | {"command", "systemTool", "chatbot", "syntax", "placeholder", "associatedData"}
    | {"journal", "home", "visual"}
)
# Containers of a workspace ("<id>_SCHEMA", "<id>_TRASH"…) that hold no notes.
_SYSTEM_CONTAINERS = (
    "_TRASH", "_SCHEMA", "_SEARCHES", "_WORKSPACE", "_SIDEBAR_AREAS", "_QUICK_ADD",
    "_USERS", "_MOVETO", "_AVATAR", "_CHATDRAFTS", "_TRAILING_SIDEBAR", "_PINS", "_STASH",
)  # fmt: skip
# Tags naming a paper: their node's name is the paper's title.
_PAPER_TAGS = frozenset(
    {"paper", "papers", "article", "preprint", "publication", "reference", "literature"}
    | {"source", "study", "review", "reading", "journal article", "lit note", "manuscript"}
)
# Tags of things that are no paper, whatever fields they have: a #book has authors too.
_NOT_PAPER_TAGS = frozenset(
    {"book", "books", "chapter", "tool", "software", "person", "people", "organization"}
    | {"organisation", "company", "location", "place", "event", "meeting", "task", "todo"}
    | {"project", "idea", "topic", "concept", "day", "week", "year", "talk", "course"}
    | {"dataset", "website", "video", "podcast", "note", "memo", "question"}
)
_PAPER_FACTS = frozenset({"Authors", "DOI", "arXiv", "Year", "Venue"})
# "Saxon & Bertozzi 2000 …", "Laughlin 2008 zebrafish glycans": a paper's nickname.
_AUTHOR_YEAR_NAME_RE = re.compile(r"\b[A-Z][\w'’\-]+(?:\s+et al\.?)?,?\s+\(?(?:19|20)\d{2}\b")
# "**Title**", "*Title*", "[Title](https://doi.org/…)": a title given in a bullet.
_EMPHASIS_RE = re.compile(
    r"\*\*(?P<bold>.+?)\*\*|(?<!\*)\*(?P<italic>[^*]+?)\*(?!\*)"
    r"|\[(?P<linked>[^\]]+)\]\((?P<url>https?://[^)\s]+)\)"
)
_TITLE_BULLETS = 3
_ADDRESS_LABELS = frozenset({"DOI", "Link", "arXiv", "PDF"})
_MARKDOWN_LINK_RE = re.compile(r"\[[^\]]*\]\((?P<url>[^)\s]+)\)")
# Field names as the notes reader's labels ("Author" → "Authors").
_LABELS = {
    **dict.fromkeys(("author", "authors", "author(s)", "by", "first author"), "Authors"),
    **dict.fromkeys(("doi",), "DOI"),
    **dict.fromkeys(("url", "link", "web", "website", "paper link"), "Link"),
    **dict.fromkeys(("arxiv", "arxiv id", "arxiv link"), "arXiv"),
    **dict.fromkeys(("pdf",), "PDF"),
    **dict.fromkeys(("year", "published", "publication year", "pub year"), "Year"),
    **dict.fromkeys(("journal", "venue", "conference", "published in"), "Venue"),
    **dict.fromkeys(("title", "full title", "paper title"), "Title"),
    **dict.fromkeys(("status", "reading status"), "Status"),
    **dict.fromkeys(("type",), "Type"),
}
_DAY_NAME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}\b|^\d{2}-\d{2}-\d{4}$")
_INLINE_REF_RE = re.compile(r'<span data-inlineref-node="(?P<id>[^"]+)"\s*>\s*</span>')
_INLINE_DATE_RE = re.compile(r"<span data-inlineref-date=\"(?P<json>[^\"]*)\"\s*>\s*</span>")
_LINK_RE = re.compile(r'<a [^>]*href="(?P<url>[^"]+)"[^>]*>(?P<text>.*?)</a>', re.S)
_BOLD_RE = re.compile(r"</?(?:b|strong)>")
_ITALIC_RE = re.compile(r"</?(?:i|em)>")
_TAG_RE = re.compile(r"</?[a-zA-Z][^<>]*>")  # not "<2004::AID-ANIE2004>" in a DOI
_REF_RE = re.compile(r"\[\[(?P<name>[^\]^]*)\^[\w-]+\]\]")  # "[[Name^nodeId]]"
_MAX_DEPTH = 12  # bullets deeper than this are a reference loop, not an outline


def is_tana_graph(data: Data) -> bool:
    docs = data.get("docs")
    return (
        "formatVersion" in data
        and isinstance(docs, list)
        and any(isinstance(doc, dict) and isinstance(doc.get("props"), dict) for doc in docs[:50])
    )


def is_tana_intermediate(data: Data) -> bool:
    return _text(data.get("version")).startswith("TanaIntermediateFile")


def tana_notes(data: Data) -> list[str]:
    if is_tana_intermediate(data):
        return _intermediate_notes(data)
    return _Graph(data).notes()


# The workspace graph.


@dataclass
class _Graph:
    data: Data
    nodes: dict[str, Data] = field(init=False)
    tags: dict[str, list[str]] = field(init=False)
    _gone: dict[str, bool] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.nodes = {str(doc.get("id")): doc for doc in _dicts(self.data.get("docs"))}
        self.tags = self._supertags()

    def notes(self) -> list[str]:
        notes = []
        for ident, node in self.nodes.items():
            if not self._is_content(ident):
                continue
            if self.tags.get(ident):
                notes.append(self._tagged_note(ident))
            elif self._is_day(node):
                notes.append(self._day_note(ident))
        return [note for note in notes if note.strip()]

    def _supertags(self) -> dict[str, list[str]]:
        """Each node's supertags' names, from the SYS_A13 tuples of its metanode."""
        tags: dict[str, list[str]] = {}
        for node in self.nodes.values():
            children = _children(node)
            if _props(node).get("_docType") != "tuple" or _SUPERTAGS_ATTRIBUTE not in children:
                continue
            meta = self.nodes.get(_text(_props(node).get("_ownerId")), {})
            if _props(meta).get("_docType") != "metanode":
                continue  # a tag's own definition ("supertag of supertags"), not a tagging
            owner = _text(_props(meta).get("_ownerId"))
            names = [self._name(tag) for tag in children if not tag.startswith("SYS_")]
            tags.setdefault(owner, []).extend(name for name in names if name)
        return tags

    def _is_content(self, ident: str) -> bool:
        node = self.nodes[ident]
        kind = _props(node).get("_docType")
        return not (ident.startswith("SYS_") or kind in _NOT_CONTENT or self._is_gone(ident))

    def _is_gone(self, ident: str) -> bool:
        """In the trash or in the workspace's machinery, itself or a node above it."""
        seen: list[str] = []
        current = ident
        while current and current not in self._gone and current not in seen:
            seen.append(current)
            if current.endswith(_SYSTEM_CONTAINERS) or current.startswith("SYS_"):
                self._gone[current] = True
                break
            current = _text(_props(self.nodes.get(current, {})).get("_ownerId"))
        gone = self._gone.get(current, False) if current else False
        for step in seen:
            self._gone[step] = gone
        return gone

    def _is_day(self, node: Data) -> bool:
        name = self._plain(node)
        return _props(node).get("_docType") == "journalPart" and bool(_DAY_NAME_RE.match(name))

    def _tagged_note(self, ident: str) -> str:
        """A paper's note: its title, facts and tags, then its bullets. A node tagged as
        something else (a #meeting, an #idea, a #book) is a page whose bullets may
        cite papers: its fields are not a paper's facts."""
        node = self.nodes[ident]
        tags = self.tags.get(ident, [])
        name = self._plain(node)
        fields = self._fields(ident)
        bullets = list(self._bullets(ident, 0))
        if not _is_paper(tags, fields):
            return _note([f"# {name}" if name else ""], [], bullets)
        has_link = any(line.startswith(("Link:", "DOI:", "arXiv:")) for line in fields)
        lines = [*_title_lines(name, bullets, has_link=has_link), *fields, _tags_line(tags)]
        description = _markdown(_text(_props(node).get("description")), self._name)
        return _note(lines, [description], bullets)

    def _day_note(self, ident: str) -> str:
        node = self.nodes[ident]
        return _note([f"# {self._plain(node)}"], [], list(self._bullets(ident, 0)))

    def _fields(self, ident: str) -> list[str]:
        """ "Authors: …", "DOI: …": each field of the node with its values."""
        lines = []
        for child in _children(self.nodes[ident]):
            parts = self._field(child)
            if parts is not None:
                lines.append(_field_line(*parts))
        return [line for line in lines if line]

    def _field(self, ident: str) -> tuple[str, list[str]] | None:
        """A field tuple's name and values, or None for any other child."""
        node = self.nodes.get(ident, {})
        children = _children(node)
        if _props(node).get("_docType") != "tuple" or len(children) < 2:
            return None
        if children[0].startswith("SYS_"):
            return None  # the workspace's own attributes: views, checkboxes
        name = self._plain(self.nodes.get(children[0], {}))
        values = [self._value(value) for value in children[1:]]
        return (name, [value for value in values if value]) if name else None

    def _value(self, ident: str) -> str:
        node = self.nodes.get(ident, {})
        return _markdown(_text(_props(node).get("name")), self._name)

    def _bullets(self, ident: str, depth: int) -> Iterator[str]:
        """The node's children as Markdown bullets, nested; its fields and the tagged
        nodes that are notes of their own left out."""
        if depth > _MAX_DEPTH:
            return
        for child in _children(self.nodes.get(ident, {})):
            node = self.nodes.get(child)
            if node is None or self._field(child) is not None or not self._is_content(child):
                continue
            owned = _text(_props(node).get("_ownerId")) == ident
            if self.tags.get(child) and owned:
                continue  # its own note
            text = self._plain(node) if not owned else self._value(child)
            if text:
                yield "  " * depth + "- " + text.replace("\n", " ")
            if owned:
                yield from self._bullets(child, depth + 1)

    def _name(self, ident: str) -> str:
        """A node's name as plain text: what a reference to it reads as."""
        return self._plain(self.nodes.get(ident, {}))

    def _plain(self, node: Data) -> str:
        name = _text(_props(node).get("name"))
        # A reference inside a reference's name is shown by its id: no loops.
        return _TAG_RE.sub("", _markdown(name, lambda ident: "")).strip()


def _props(node: Data) -> Data:
    props = node.get("props")
    return props if isinstance(props, dict) else {}


def _children(node: Data) -> list[str]:
    children = node.get("children")
    return [str(c) for c in children if isinstance(c, str)] if isinstance(children, list) else []


def _is_paper(tags: list[str], fields: list[str]) -> bool:
    """Tagged as a paper, or tagged as nothing known to be other and stating a paper's
    facts (a DOI, authors, a year)."""
    kinds = {tag.strip("#").strip().casefold() for tag in tags}
    if kinds & _PAPER_TAGS:
        return True
    facts = {line.partition(":")[0] for line in fields}
    return not kinds & _NOT_PAPER_TAGS and bool(facts & _PAPER_FACTS)


def _title_lines(name: str, bullets: list[str], *, has_link: bool) -> list[str]:
    """ "Title: …" for a paper node named by its title. One named as the person calls
    the paper ("Saxon & Bertozzi 2000 (Staudinger ligation)", "SuFEx") keeps that name
    as its alias and takes its title from a bullet that gives it in emphasis or as a
    link's text; without one, the name heads the note."""
    if _reads_as_title(name):
        return [f"Title: {name}"]
    for bullet in bullets[:_TITLE_BULLETS]:
        if bullet.startswith(" "):
            continue  # a nested bullet: about the bullet above it
        for match in _EMPHASIS_RE.finditer(bullet):
            title = (match["bold"] or match["italic"] or match["linked"]).strip()
            if is_probably_title(title):
                # A linked title's address is the paper's own, as a link line says.
                link = [f"Link: {match['url']}"] if match["url"] and not has_link else []
                return [f"Title: {title}", f"Alias: {name}" if name else "", *link]
    return [f"# {name}" if name else ""]


def _reads_as_title(name: str) -> bool:
    return is_probably_title(name) and not _AUTHOR_YEAR_NAME_RE.search(name)


def _field_line(name: str, values: list[str]) -> str:
    """ "Authors: Kolb, H. C.; Finn, M. G.": a field as the notes reader's labelled line.
    A link's address is what an identifier field holds, whatever text shows it."""
    if not values:
        return ""
    label = _LABELS.get(name.strip().casefold(), "")
    if label in _ADDRESS_LABELS:
        values = [_MARKDOWN_LINK_RE.sub(r"\g<url>", value) for value in values]
    line = f"{label or name.strip()}: {'; '.join(values)}"
    if not label and LABEL_LINE_RE.match(line):
        # "Date: 2024-04-18" (read on) is no "Year:": a field the notes reader would
        # take for one of its labels keeps its name without being read as that label.
        return f"**{name.strip()}:** {'; '.join(values)}"
    return line


def _markdown(name: str, name_of: Any) -> str:
    """A node's HTML name as Markdown: links, emphasis and references to other nodes."""
    if not name:
        return ""
    text = _INLINE_REF_RE.sub(lambda m: name_of(m["id"]), name)
    text = _INLINE_DATE_RE.sub(_date_text, text)
    text = _LINK_RE.sub(lambda m: _link(m["text"], m["url"]), text)
    text = _BOLD_RE.sub("**", text)
    text = _ITALIC_RE.sub("*", text)
    text = _REF_RE.sub(lambda m: m["name"], _TAG_RE.sub("", text))
    return html.unescape(text).strip()


def _link(text: str, url: str) -> str:
    text = _TAG_RE.sub("", text).strip()
    url = html.unescape(url)
    return url if not text or text == url else f"[{text}]({url})"


def _date_text(match: re.Match[str]) -> str:
    try:
        date = json.loads(html.unescape(match["json"]))
    except json.JSONDecodeError:
        return ""
    return _text(date.get("dateTimeString")) if isinstance(date, dict) else ""


def _note(head: list[str], body: list[str], bullets: list[str]) -> str:
    """Its heading and labelled lines, then its text, then its bullets."""
    blocks = ["\n".join(line for line in head if line), *body, "\n".join(bullets)]
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


# TanaIntermediateFile: nodes nested in their parents.


def _intermediate_notes(data: Data) -> list[str]:
    tags = {_text(tag.get("uid")): _text(tag.get("name")) for tag in _dicts(data.get("supertags"))}
    notes: list[str] = []
    for node in _dicts(data.get("nodes")):
        _intermediate_note(node, tags, notes, top=True)
    return [note for note in notes if note.strip()]


def _intermediate_note(node: Data, tags: dict[str, str], notes: list[str], *, top: bool) -> None:
    """The node's note, when it is tagged, a day, or a page of the library, and the notes
    of the tagged nodes below it."""
    names = [tags.get(str(uid), "") for uid in node.get("supertags") or []]
    names = [name for name in names if name]
    kind = _kind(node)
    if names or kind == "date" or top:
        title = _plain_name(node)
        fields = [_field_line(*_intermediate_field(child)) for child in _fields_of(node)]
        fields = [line for line in fields if line]
        bullets = list(_intermediate_bullets(node, tags, 0))
        if names and _is_paper(names, fields):
            has_link = any(line.startswith(("Link:", "DOI:", "arXiv:")) for line in fields)
            head = [*_title_lines(title, bullets, has_link=has_link), *fields, _tags_line(names)]
        else:
            head = [f"# {title}" if title else ""]  # a page, a day: its bullets may cite
        notes.append(_note(head, [_text(node.get("description"))], bullets))
    for child in _dicts(node.get("children")):
        _intermediate_note(child, tags, notes, top=False)


def _fields_of(node: Data) -> list[Data]:
    return [child for child in _dicts(node.get("children")) if _kind(child) == "field"]


def _kind(node: Data) -> str:
    """ "field", "date", "node"…: ``type`` in older files, ``dataType`` in newer ones."""
    return _text(node.get("type") or node.get("dataType"))


def _intermediate_field(field_node: Data) -> tuple[str, list[str]]:
    values = [_plain_name(value) for value in _dicts(field_node.get("children"))]
    return _text(field_node.get("name")), [value for value in values if value]


def _intermediate_bullets(node: Data, tags: dict[str, str], depth: int) -> Iterator[str]:
    if depth > _MAX_DEPTH:
        return
    for child in _dicts(node.get("children")):
        if _kind(child) == "field":
            continue
        if any(tags.get(str(uid)) for uid in child.get("supertags") or []):
            continue  # its own note
        text = _plain_name(child)
        if text:
            yield "  " * depth + "- " + text.replace("\n", " ")
        yield from _intermediate_bullets(child, tags, depth + 1)


def _plain_name(node: Data) -> str:
    """An intermediate node's name; its "[[uid]]" references have no names to show."""
    return _markdown(_text(node.get("name")), lambda ident: "")
