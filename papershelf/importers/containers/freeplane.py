"""A Freeplane or FreeMind mind map (``.mm``): its nodes read as a mind map's topics
(``mindmap`` makes them notes: papers, themes, the map's outline).

Both write one XML tree, ``<map version="…">`` over the central ``<node>``: FreeMind's
versions 0.7–1.0.1, Freeplane's "freeplane 1.x". What a node holds, as these write it:

- its text in ``TEXT`` (line breaks as ``&#xa;``, non-ASCII as character references;
  other tools' exports write ``text=`` in lower case), or as HTML in
  ``<richcontent TYPE="NODE">``; Freeplane's formulas start ``\\latex``;
- a link in ``LINK``: a web address, ``#ID_…`` (another node), or a file;
- notes as HTML in ``<richcontent TYPE="NOTE">`` and ``TYPE="DETAILS"`` — since
  Freeplane 1.9 also plain or Markdown text, ``CONTENT-TYPE="plain/…"`` over ``<text>``
  — and in FreeMind 0.7–0.8 a ``NodeNote.properties`` hook over ``<text>``;
- ``<attribute NAME VALUE>`` pairs, ``<icon BUILTIN>`` marks (a tick: read), and
  ``<arrowlink DESTINATION>`` arrows to other nodes, with labels.

Freeplane keeps its styles as ``<stylenode>``s in a hook of the central node: never a
node. An encrypted node (``ENCRYPTED_CONTENT``) holds no text to read and is left out;
an empty node (a layout group) gives its place to its children.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from papershelf.importers.containers import Member
from papershelf.importers.containers.mindmap import MAX_DEPTH, Topic, map_members, topic_title
from papershelf.importers.containers.office import parse_xml
from papershelf.importers.notes.text import MARKDOWN_LINK_RE, visible_text
from papershelf.importers.records import ParseError

_NOTE_HOOK = "NodeNote.properties"  # FreeMind 0.7–0.8's notes
_READ_ICONS = frozenset({"button_ok", "checked", "emoji-2705", "emoji-2714", "emoji-2611"})
_TO_READ_ICONS = frozenset({"unchecked", "emoji-2610"})
_HEAD_BYTES = 4096  # a map opens with <map> after at most a declaration and a comment
_DECLARED_ENCODING_RE = re.compile(rb"^\s*<\?xml[^>]*encoding=", re.IGNORECASE)


def read_freeplane(path: Path) -> list[Member]:
    data = path.read_bytes()
    if b"<map" not in data[:_HEAD_BYTES]:
        return []  # Objective-C++ source, another program's .mm: no mind map, no notes
    root = _map_root(data, path.name)
    central = next((child for child in root if child.tag.lower() == "node"), None)
    if central is None:
        raise ParseError(path.name, None, "the mind map holds no node")
    topics = _topics(central, path.name, 0)
    if not topics:
        return []
    top = topics[0] if len(topics) == 1 else Topic("", children=topics)
    return map_members(top, path.stem)


def _map_root(data: bytes, name: str) -> ET.Element:
    """The ``<map>`` element; a file with no encoding declared that is no UTF-8 was
    written in the platform's code page by an old FreeMind: read as Windows-1252."""
    if not _DECLARED_ENCODING_RE.match(data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            data = data.decode("cp1252", errors="replace").encode("utf-8")
    root = parse_xml(data.removeprefix(b"\xef\xbb\xbf"), name)
    if root.tag != "map":
        raise ParseError(name, 1, f"not a Freeplane or FreeMind map: it opens with <{root.tag}>")
    return root


def _topics(node: ET.Element, name: str, depth: int) -> list[Topic]:
    """A node as a topic; an empty node as its children, an encrypted one as none."""
    if depth > MAX_DEPTH:
        raise ParseError(name, None, "the map nests nodes too deep to read")
    if _attribute(node, "ENCRYPTED_CONTENT"):
        return []
    children = [
        topic
        for child in node
        if child.tag.lower() == "node"
        for topic in _topics(child, name, depth + 1)
    ]
    text, html_link = _node_text(node)
    title, rest = topic_title(text)
    notes = "\n\n".join(part for part in (rest, _notes(node)) if part.strip())
    link, target = _link(_attribute(node, "LINK") or html_link)
    fields = [
        (key, value)
        for attribute in node.findall("attribute")
        if (key := (attribute.get("NAME") or "").strip())
        and (value := " ".join((attribute.get("VALUE") or "").split()))
    ]
    if not title and not notes and not fields:
        return children
    arrows = [_arrow(arrow) for arrow in node.findall("arrowlink") if arrow.get("DESTINATION")]
    return [
        Topic(
            title=title or "Untitled",
            notes=notes,
            link=link,
            fields=fields,
            status=_status(node),
            id=_attribute(node, "ID"),
            arrows=arrows + ([(target, "")] if target else []),
            children=children,
        )
    ]


def _attribute(node: ET.Element, key: str) -> str:
    """A node's attribute; some tools' exports write the names in lower case."""
    return node.get(key) or node.get(key.lower()) or ""


def _node_text(node: ET.Element) -> tuple[str, str]:
    """The node's text, and the address of a link in it when it is HTML."""
    text = _attribute(node, "TEXT")
    if text.lstrip().lower().startswith("<html"):
        text = _html_markdown(text)  # FreeMind 0.8 kept formatted text in TEXT itself
    elif not text:
        rich = _richcontent(node, "NODE")
        text = _rich_markdown(rich) if rich is not None else ""
    else:
        return text.removeprefix("\\latex ").strip(), ""
    links = list(MARKDOWN_LINK_RE.finditer(text))
    lines = [visible_text(line) for line in text.splitlines()]
    return "\n".join(lines), links[0]["url"].strip("<>") if links else ""


def _richcontent(node: ET.Element, kind: str) -> ET.Element | None:
    return next(
        (rich for rich in node.findall("richcontent") if rich.get("TYPE", "").upper() == kind),
        None,
    )


def _notes(node: ET.Element) -> str:
    """The node's details and note as Markdown."""
    parts = [
        _rich_markdown(rich)
        for kind in ("DETAILS", "NOTE")
        if (rich := _richcontent(node, kind)) is not None
    ]
    parts += [
        hook.findtext("text") or ""
        for hook in node.findall("hook")
        if hook.get("NAME", "").endswith(_NOTE_HOOK)
    ]
    return "\n\n".join(part.strip() for part in parts if part.strip())


def _rich_markdown(rich: ET.Element) -> str:
    """Rich content as Markdown: its HTML converted, its plain or Markdown text as is."""
    text = rich.find("text")
    if text is not None:
        return text.text or ""
    html = next((child for child in rich if child.tag.lower().endswith("html")), None)
    if html is None:
        return ""
    return _html_markdown(ET.tostring(html, encoding="unicode", method="html"))


def _html_markdown(html: str) -> str:
    from papershelf.importers.html.parse import to_markdown

    # Freeplane writes &#xa0; between words where a person typed two spaces.
    return to_markdown(html).replace("\xa0", " ").strip()


def _link(value: str) -> tuple[str, str]:
    """A node's link as (web address, id of the node it leads to)."""
    value = value.strip()
    if value.startswith("#"):
        return "", value[1:]
    if value.casefold().startswith(("http://", "https://", "doi:")):
        return value, ""
    if value.casefold().startswith("www."):
        return f"https://{value}", ""
    return "", ""  # a file beside the map, another map: nothing a reader can follow


def _arrow(arrow: ET.Element) -> tuple[str, str]:
    labels = (arrow.get(key) for key in ("MIDDLE_LABEL", "SOURCE_LABEL", "TARGET_LABEL"))
    label = next((" ".join(text.split()) for text in labels if text and text.strip()), "")
    return arrow.get("DESTINATION", ""), label


def _status(node: ET.Element) -> str:
    icons = {icon.get("BUILTIN", "") for icon in node.findall("icon")}
    if icons & _READ_ICONS:
        return "read"
    return "to read" if icons & _TO_READ_ICONS else ""
