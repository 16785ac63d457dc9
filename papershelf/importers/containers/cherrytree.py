"""A CherryTree notebook: each node a note, named by its path of node names.

CherryTree keeps a notebook in one file, as XML (``.ctd``) or SQLite (``.ctb``); the
password-protected ``.ctz``/``.ctx`` are 7-Zip archives of those and are not read.

- ``.ctd``: ``<cherrytree>`` over nested ``<node name prog_lang tags>`` elements. A
  node's ``prog_lang`` says what it holds: ``custom-colors`` is rich text, anything else
  (``plain-text``, ``python3``, ``sh``…) plain text or code. Rich text is a run of
  ``<rich_text>`` spans whose attributes format them (``weight="heavy"``,
  ``style="italic"``, ``scale="h1"``…``"h6"``, ``family="monospace"``,
  ``strikethrough``, ``link="webs https://…"``; ``node 12``, ``file …``, ``fold …`` lead
  inside the notebook or to the writer's files). Code boxes, tables and images follow
  the spans, each at its ``char_offset`` in the text (where it counts as one character);
  a table's header row is its last ``<row>``.
- ``.ctb``: table ``node`` (``node_id``, ``name``, ``txt``, ``syntax``, ``tags``) with
  ``txt`` a rich node's spans as XML (``<node><rich_text>…``), ``children`` (``node_id``,
  ``father_id``, ``sequence``) for the tree, ``codebox`` and ``grid`` (a table's rows as
  XML) at their ``offset``, ``image`` (pictures and attached files, not read).

A note is the node's tags as front matter, its name as the heading, then its text as
Markdown: headings from the scales (under the name's), lists from the bullets CherryTree
types (``•``, ``☐``/``☑``), links, emphasis, code boxes fenced, tables as pipe tables.
A node with children is also a folder of their notes, so a "Papers" node's children
are the notes in it. Backups beside a notebook (``x.ctd~``, ``x.ctd~~``) have another
suffix and are never read as one.
"""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames
from papershelf.importers.containers.office import Block, Span, inline_markdown, parse_xml, render
from papershelf.importers.mendeley.database import UnreadableDatabase, open_read_only
from papershelf.importers.records import ParseError

RICH_TEXT = "custom-colors"  # CherryTree's syntax name for a rich-text node
MAX_DEPTH = 100  # nodes in nodes; a person's notebook is a handful deep
_PLAIN = frozenset({"plain-text", ""})
_HEADING_SCALES = {f"h{level}": level for level in range(1, 7)}
# The bullets CherryTree types at the start of a list's lines, and its to-do boxes.
_BULLETS = ("•", "◇", "▪", "-", "→", "⇒", "◦", "➔")
_BOXES = {"☐": "[ ]", "☑": "[x]", "☒": "[x]"}
_WEB_LINK = "webs "
_INDENT_SPACES = 3  # CherryTree indents a nested list item three spaces a level
_HEAD_BYTES = 1024
_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class _Node:
    name: str
    syntax: str
    tags: str
    spans: list[ET.Element]  # a rich node's <rich_text> spans
    text: str  # a plain or code node's text
    widgets: list[tuple[int, Block]] = field(default_factory=list)  # (char offset, block)
    children: list[_Node] = field(default_factory=list)


def read_cherrytree(path: Path) -> list[Member]:
    """A ``.ctd`` or ``.ctb`` notebook, by its suffix; another program's file of the same
    suffix (AutoCAD's plot styles are ``.ctb`` too) holds no notes."""
    with path.open("rb") as stream:
        head = stream.read(_HEAD_BYTES)
    if path.suffix.lower() == ".ctb":
        nodes = _database_nodes(path) if head.startswith(_SQLITE_HEADER) else []
    else:
        nodes = _xml_nodes(path) if b"<cherrytree" in head else []
    members: list[Member] = []
    _add_notes(nodes, (), members)
    return members


def _add_notes(nodes: list[_Node], folders: tuple[str, ...], members: list[Member]) -> None:
    """Each node's note in its parents' folder, then its children in a folder of its name."""
    names = MemberNames()
    for node in nodes:
        name = names.name_for(node.name or "Untitled")
        if note := _note(node):
            members.append(("/".join([*folders, name]), note))
        if node.children and len(folders) < MAX_DEPTH:
            _add_notes(node.children, (*folders, name.removesuffix(".md")), members)


def _xml_nodes(path: Path) -> list[_Node]:
    root = parse_xml(path.read_bytes(), path.name)
    if root.tag != "cherrytree":
        raise ParseError(path.name, 1, f"not a CherryTree notebook: it opens with <{root.tag}>")
    return [_xml_node(node, path.name, 0) for node in root.findall("node")]


def _xml_node(element: ET.Element, name: str, depth: int) -> _Node:
    if depth > MAX_DEPTH:
        raise ParseError(name, None, "the notebook nests nodes too deep to read")
    syntax = element.get("prog_lang", "")
    widgets = []
    for child in element:
        offset = child.get("char_offset")
        if offset is not None and offset.isdigit() and (block := _xml_widget(child)):
            widgets.append((int(offset), block))
    spans = element.findall("rich_text")
    rich = syntax == RICH_TEXT
    return _Node(
        name=" ".join(element.get("name", "").split()),
        syntax=syntax,
        tags=element.get("tags", ""),
        spans=spans if rich else [],
        text="" if rich else "".join(span.text or "" for span in spans),
        widgets=widgets,
        children=[_xml_node(child, name, depth + 1) for child in element.findall("node")],
    )


def _xml_widget(element: ET.Element) -> Block | None:
    """A code box or a table; pictures, anchors and attached files hold no text."""
    if element.tag == "codebox":
        return _code_block(element.text or "", element.get("syntax_highlighting", ""))
    if element.tag == "table":
        return _table_block(element)
    return None


def _database_nodes(path: Path) -> list[_Node]:
    try:
        with open_read_only(path) as database:
            return _tree(database, path.name)
    except (UnreadableDatabase, sqlite3.Error) as error:
        reason = f"not a readable CherryTree notebook (.ctb): {error}"
        raise ParseError(path.name, None, reason) from None


def _tree(database: sqlite3.Connection, name: str) -> list[_Node]:
    """The nodes of a ``.ctb``, in the tree its ``children`` table orders."""
    widgets = _database_widgets(database, name)
    nodes = {
        node_id: _database_node(title, txt, syntax, tags, widgets.get(node_id, []), name)
        for node_id, title, txt, syntax, tags in database.execute(
            "SELECT node_id, name, txt, syntax, tags FROM node"
        )
    }
    tops: list[_Node] = []
    rows = database.execute("SELECT node_id, father_id FROM children ORDER BY father_id, sequence")
    for node_id, father_id in rows:
        node = nodes.get(node_id)
        if node is None:
            continue
        parent = nodes.get(father_id) if father_id else None
        if parent is node:
            continue  # a damaged row: a node as its own child
        (parent.children if parent is not None else tops).append(node)
    return tops


def _database_node(
    title: str, txt: str, syntax: str, tags: str, widgets: list[tuple[int, Block]], name: str
) -> _Node:
    spans: list[ET.Element] = []
    if syntax == RICH_TEXT and (txt or "").strip():
        where = f"{name} (node “{title}”)"
        spans = parse_xml((txt or "").encode("utf-8"), where).findall("rich_text")
    return _Node(
        name=" ".join((title or "").split()),
        syntax=syntax or "",
        tags=tags or "",
        spans=spans,
        text=txt or "" if syntax != RICH_TEXT else "",
        widgets=widgets,
    )


def _database_widgets(
    database: sqlite3.Connection, name: str
) -> dict[int, list[tuple[int, Block]]]:
    """Each node's code boxes and tables at their offsets."""
    found: dict[int, list[tuple[int, Block]]] = {}
    for node_id, offset, txt, syntax in database.execute(
        "SELECT node_id, offset, txt, syntax FROM codebox"
    ):
        found.setdefault(node_id, []).append((offset, _code_block(txt or "", syntax or "")))
    for node_id, offset, txt in database.execute("SELECT node_id, offset, txt FROM grid"):
        table = _table_block(parse_xml((txt or "").encode("utf-8"), f"{name} (a table)"))
        if table is not None:
            found.setdefault(node_id, []).append((offset, table))
    return found


def _code_block(text: str, syntax: str) -> Block:
    language = "" if syntax in _PLAIN or syntax == RICH_TEXT else syntax
    fence = "````" if "```" in text else "```"
    return Block("paragraph", f"{fence}{language}\n{text.rstrip()}\n{fence}")


def _table_block(table: ET.Element) -> Block | None:
    """A table, its header first: CherryTree writes the header row last."""
    rows = [
        [
            " ".join("".join(cell.itertext()).split()).replace("|", "\\|")
            for cell in row.findall("cell")
        ]
        for row in table.findall("row")
    ]
    rows = [row for row in rows if row]
    if not rows:
        return None
    return Block("table", rows=[rows[-1], *rows[:-1]])


def _note(node: _Node) -> str:
    """The node's tags, its name as the heading, its text; "" for a node with no text."""
    body = _rich_markdown(node) if node.syntax == RICH_TEXT else _plain_markdown(node)
    if not body.strip():
        return ""
    tags = _tags(node.tags)
    front = f"---\n{yaml.safe_dump({'tags': tags}, allow_unicode=True)}---\n\n" if tags else ""
    return f"{front}# {node.name or 'Untitled'}\n\n{body.strip()}\n"


def _tags(text: str) -> list[str]:
    """CherryTree's tags, separated by commas or, without any, by spaces."""
    parts = text.split(",") if "," in text else text.split()
    return list(dict.fromkeys(" ".join(part.split()) for part in parts if part.strip()))


def _plain_markdown(node: _Node) -> str:
    if node.syntax in _PLAIN:
        return node.text
    return render([_code_block(node.text, node.syntax)], []) if node.text.strip() else ""


def _rich_markdown(node: _Node) -> str:
    """The spans as lines of Markdown, the widgets placed at their offsets."""
    blocks: list[Block] = []
    line: list[tuple[Span, ET.Element]] = []
    for piece in _interleaved(node.spans, node.widgets):
        if isinstance(piece, Block):
            _close_line(line, blocks)
            line = []
            blocks.append(piece)
            continue
        text, span = piece
        *ended, rest = text.split("\n")
        for part in ended:
            line.append((_span(part, span), span))
            _close_line(line, blocks)
            line = []
        line.append((_span(rest, span), span))
    _close_line(line, blocks)
    return render(_paragraphs(blocks), [])


def _interleaved(
    spans: list[ET.Element], widgets: list[tuple[int, Block]]
) -> list[tuple[str, ET.Element] | Block]:
    """The spans' texts with each widget cut in at its offset, where it takes one
    character's place (CherryTree counts an anchored widget as one)."""
    pending = sorted(widgets, key=lambda widget: widget[0])
    pieces: list[tuple[str, ET.Element] | Block] = []
    position = 0
    for span in spans:
        text = span.text or ""
        while pending and pending[0][0] <= position + len(text):
            cut = max(pending[0][0] - position, 0)
            pieces += [(text[:cut], span), pending.pop(0)[1]]
            text, position = text[cut:], position + cut + 1
        pieces.append((text, span))
        position += len(text)
    return pieces + [block for _, block in pending]


def _span(text: str, span: ET.Element) -> Span:
    link = span.get("link", "")
    address = link.removeprefix(_WEB_LINK).strip() if link.startswith(_WEB_LINK) else ""
    if span.get("family") == "monospace" and text.strip():
        return Span(f"`{text}`", link=address, raw=not address)
    if span.get("strikethrough") == "true" and text.strip():
        return Span(f"~~{text.strip()}~~", link=address, raw=not address)
    bold = span.get("weight") == "heavy"
    return Span(text, bold=bold, italic=span.get("style") == "italic", link=address)


def _close_line(line: list[tuple[Span, ET.Element]], blocks: list[Block]) -> None:
    """One line of the text as a block: a heading when a scale sets all its words, a list
    item when it opens with a bullet, else a line of a paragraph ("" ends one)."""
    text = inline_markdown([span for span, _ in line])
    raw = "".join(span.text for span, _ in line)
    scales = {element.get("scale", "") for span, element in line if span.text.strip()}
    if len(scales) == 1 and (level := _HEADING_SCALES.get(scales.pop())):
        blocks.append(Block("heading", text.strip("*_ "), level=min(level + 1, 6)))
        return
    item = _list_item(raw, text)
    blocks.append(item or Block("line", text))


def _list_item(raw: str, text: str) -> Block | None:
    indent = len(raw) - len(raw.lstrip(" "))
    bare = text.lstrip()
    for box, mark in _BOXES.items():
        if bare.startswith(box):
            return Block("item", f"{mark} {bare[1:].strip()}", indent // _INDENT_SPACES, "-")
    for bullet in _BULLETS:
        if bare.startswith(f"{bullet} "):
            return Block("item", bare[len(bullet) :].strip(), indent // _INDENT_SPACES, "-")
    return None


def _paragraphs(blocks: list[Block]) -> list[Block]:
    """Lines with no blank line between them as one paragraph, as they read in CherryTree."""
    merged: list[Block] = []
    for block in blocks:
        if block.kind != "line":
            merged.append(block)
        elif not block.text:
            merged.append(Block("paragraph", ""))  # a blank line: the paragraph ends
        elif merged and merged[-1].kind == "paragraph" and merged[-1].text:
            merged[-1].text += "\n" + block.text
        else:
            merged.append(Block("paragraph", block.text))
    return merged
