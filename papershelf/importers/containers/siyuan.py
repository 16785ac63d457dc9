"""SiYuan's documents (``.sy``): one JSON block tree per document, read as one note.

A SiYuan notebook, exported as ``.sy.zip`` or copied from its data folder, holds each
document as ``<block id>.sy``: the Lute editor's tree (NodeDocument → headings,
paragraphs, lists, quotes, code, tables, maths) with inline spans as NodeTextMark
(links, bold, inline maths, block references). A child document sits in a folder named
after its parent's id, so the titles of the folders are in the parents' own files.

The note is Markdown with front matter: the title, the tags, and the document's custom
attributes (``custom-status: 已读``, ``custom-year``) as fields, so the notes reader
judges it as any other note. It is named by its path of titles ("论文/PPO.md"), so
daily notes ("daily note/2024/03/…") are recognised as a diary.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import safe_name
from papershelf.importers.records import ParseError

_ID_RE = re.compile(r"^\d{14}-[0-9a-z]{7}$")
MAX_DEPTH = 200  # a tree nested deeper than any editor makes is no document
Node = dict[str, Any]


def read_siyuan(path: Path) -> list[Member]:
    document = _load(path)
    if document is None:
        return []  # another program's .sy file: no SiYuan document
    titles = [*_ancestor_titles(path), _title(document, path)]
    member = "/".join(_safe(t) for t in titles) + ".md"
    return [(member, to_markdown(document, titles[-1]))]


def _load(path: Path) -> Node | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ParseError(path.name, None, "not UTF-8 text; is this a SiYuan document?") from None
    except json.JSONDecodeError as error:
        raise ParseError(path.name, error.lineno, f"not valid JSON: {error.msg}") from None
    if isinstance(data, dict) and data.get("Type") == "NodeDocument":
        return data
    return None


def _title(document: Node, path: Path) -> str:
    title = str((document.get("Properties") or {}).get("title") or "").strip()
    return title or path.stem


def _ancestor_titles(path: Path) -> list[str]:
    """Titles of the parent documents, from the folders named by their ids."""
    titles: list[str] = []
    folder = path.parent
    while _ID_RE.match(folder.name) and len(titles) < MAX_DEPTH:
        parent = folder.parent / f"{folder.name}.sy"
        try:
            document = _load(parent) if parent.is_file() else None
        except ParseError:
            document = None
        titles.insert(0, _title(document, parent) if document else folder.name)
        folder = folder.parent
    return titles


def to_markdown(document: Node, title: str) -> str:
    properties = document.get("Properties") or {}
    front = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    tags = [t.strip() for t in str(properties.get("tags") or "").split(",") if t.strip()]
    if tags:
        front.append(f"tags: {json.dumps(tags, ensure_ascii=False)}")
    for name, value in sorted(properties.items()):
        if name.startswith("custom-") and isinstance(value, str) and value.strip():
            field = name.removeprefix("custom-").replace("-", "_")
            front.append(f"{field}: {json.dumps(value.strip(), ensure_ascii=False)}")
    body = "\n\n".join(b for b in (_block(child, 0) for child in _children(document)) if b)
    return "---\n" + "\n".join(front) + "\n---\n\n" + body.strip() + "\n"


def _children(node: Node) -> list[Node]:
    return [c for c in node.get("Children") or [] if isinstance(c, dict)]


def _block(node: Node, depth: int) -> str:
    kind = node.get("Type")
    if depth > MAX_DEPTH or kind in ("NodeAttributeView", "NodeKramdownBlockIAL"):
        return ""
    if kind == "NodeHeading":
        level = min(max(int(node.get("HeadingLevel") or 1), 1), 6)
        return "#" * level + " " + _inline(node, depth)
    if kind == "NodeParagraph":
        return _inline(node, depth)
    if kind == "NodeList":
        return _list(node, depth)
    if kind == "NodeBlockquote":
        inner = "\n\n".join(_block(c, depth + 1) for c in _children(node))
        return "\n".join(f"> {line}".rstrip() for line in inner.strip().splitlines())
    if kind == "NodeCodeBlock":
        return f"```\n{_data_of(node, 'NodeCodeBlockCode').rstrip()}\n```"
    if kind == "NodeMathBlock":
        return f"$$\n{_data_of(node, 'NodeMathBlockContent').strip()}\n$$"
    if kind == "NodeTable":
        return _table(node, depth)
    if kind == "NodeThematicBreak":
        return "---"
    if kind in ("NodeImage", "NodeLink"):
        return _inline({"Children": [node]}, depth)
    return "\n\n".join(b for b in (_block(c, depth + 1) for c in _children(node)) if b)


def _data_of(node: Node, kind: str) -> str:
    return "".join(str(c.get("Data") or "") for c in _children(node) if c.get("Type") == kind)


def _list(node: Node, depth: int) -> str:
    ordered = (node.get("ListData") or {}).get("Typ") == 1
    lines = []
    for number, item in enumerate(_children(node), start=1):
        marker = f"{number}." if ordered else "-"
        checked = [c for c in _children(item) if c.get("Type") == "NodeTaskListItemMarker"]
        if checked:
            marker += " [x]" if checked[0].get("TaskListItemChecked") else " [ ]"
        parts = [_block(c, depth + 1) for c in _children(item)]
        text = "\n".join(p for p in parts if p)
        first, *rest = text.splitlines() or [""]
        lines.append(f"{marker} {first}")
        lines += [f"  {line}" if line else "" for line in rest]
    return "\n".join(lines)


def _table(node: Node, depth: int) -> str:
    rows = []
    for row in _children(node):
        cells = [_inline(cell, depth).replace("|", "\\|") for cell in _children(row)]
        rows.append("| " + " | ".join(cells) + " |")
        if row.get("Type") == "NodeTableHead" or (len(rows) == 1 and cells):
            rows.append("|" + " --- |" * len(cells))
    return "\n".join(rows)


def _inline(node: Node, depth: int) -> str:
    out: list[str] = []
    for child in _children(node):
        out.append(_span(child, depth + 1))
    return "".join(out).strip()


def _span(node: Node, depth: int) -> str:
    kind = node.get("Type")
    if depth > MAX_DEPTH:
        return ""
    if kind == "NodeText":
        return str(node.get("Data") or "")
    if kind == "NodeBr" or kind == "NodeSoftBreak":
        return "\n"
    if kind == "NodeTextMark":
        return _mark(node)
    if kind in ("NodeLink", "NodeImage"):
        parts = {c.get("Type"): str(c.get("Data") or "") for c in _children(node)}
        text, dest = parts.get("NodeLinkText", ""), parts.get("NodeLinkDest", "")
        return f"{'!' if kind == 'NodeImage' else ''}[{text}]({dest})" if dest else text
    if kind in ("NodeKramdownSpanIAL", "NodeTaskListItemMarker"):
        return ""
    return "".join(_span(c, depth + 1) for c in _children(node))


def _mark(node: Node) -> str:
    """A NodeTextMark: its types, space-separated ("strong a"), wrap its text."""
    kinds = set(str(node.get("TextMarkType") or "").split())
    text = str(node.get("TextMarkTextContent") or "")
    if "inline-math" in kinds:
        return f"${node.get('TextMarkInlineMathContent') or text}$"
    if "tag" in kinds:
        return f"#{text.strip()}"
    if "code" in kinds:
        text = f"`{text}`"
    if "strong" in kinds:
        text = f"**{text}**"
    if "em" in kinds:
        text = f"*{text}*"
    href = str(node.get("TextMarkAHref") or "")
    if "a" in kinds and href:
        return f"[{text}]({href})"
    return text


def _safe(name: str) -> str:
    return safe_name(name, "untitled")
