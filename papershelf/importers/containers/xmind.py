"""An XMind workbook (``.xmind``): each sheet a mind map, read into topics that
``mindmap`` makes notes (papers, themes, the map's outline).

The file is a zip. XMind Zen and every XMind since 2020 write ``content.json``: a list
of sheets (``title``, ``rootTopic``, ``relationships`` from ``end1Id`` to ``end2Id``),
each topic with its ``title`` (line breaks kept), ``href`` (a web address, ``xmind:#id``
for another topic, ``xap:attachments/…`` for a file in the package), ``notes``
(``plain.content``, and ``realHTML.content`` with its links and emphasis), ``labels``,
``markers`` (``task-done``, ``task-half``…: how far a task is), a task extension with a
``status``, and ``children``: ``attached`` below it, ``detached`` floating on the sheet,
``callout`` and ``summary`` remarks on it. Beside it such files keep a ``content.xml``
stub that only says to open the file in a newer XMind: content.json wins.

XMind 8 and older write ``content.xml``: ``<xmap-content>`` over ``<sheet>``s, each a
``<topic xlink:href="…">`` with ``<title>``, ``<notes>`` (``<plain>``, ``<html>``),
``<labels>``, ``<marker-refs>`` and ``<children><topics type="attached">``, and the
sheet's ``<relationships>``. Old versions of each sheet (``Revisions/``), thumbnails
and pictures are not read.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames
from papershelf.importers.containers.mindmap import MAX_DEPTH, Topic, map_members, topic_title
from papershelf.importers.containers.office import local_name, open_package, parse_xml
from papershelf.importers.records import ParseError

_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_CHILD_KINDS = ("attached", "detached")  # below the topic, and floating beside it
_REMARK_KINDS = ("callout", "summary")  # a remark on the topic, shown as a bubble
_PARTLY_DONE = frozenset(
    {"task-oct", "task-quarter", "task-3oct", "task-half", "task-5oct", "task-3quar", "task-7oct"}
)
_STUB_MARK = b"This file can not be opened normally"
_MANIFEST_BYTES = 1024**2  # a list of the package's parts
Sheet = tuple[str, Topic]  # (the sheet's title, its central topic)


def read_xmind(path: Path) -> list[Member]:
    with open_package(path, "XMind") as archive:
        names = set(archive.namelist())
        if _password_protected(archive, names):
            why = "a password-protected XMind file: save a copy without the password to import it"
            raise ParseError(path.name, None, why)
        if "content.json" in names:
            sheets = _zen_sheets(_member(archive, "content.json", path.name), path.name)
        elif "content.xml" in names:
            sheets = _legacy_sheets(_member(archive, "content.xml", path.name), path.name)
        else:
            raise ParseError(path.name, None, "not an XMind map: no content.json or content.xml")
    folders = MemberNames()
    members: list[Member] = []
    for title, root in sheets:
        # XMind names a sheet "Sheet 1" or "画布 1": the file's own name says more.
        name = root.title or (title if len(sheets) > 1 else "") or path.stem
        folder = folders.name_for(name).removesuffix(".md") if len(sheets) > 1 else ""
        members += map_members(root, name, folder)
    return members


def _member(archive: zipfile.ZipFile, part: str, name: str) -> bytes:
    """A part of the package, refused past the import's size limit (a zip bomb)."""
    from papershelf.importers.reading import check_document_size

    info = archive.getinfo(part)
    check_document_size(info.file_size, f"{name}/{part}")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as error:
        raise ParseError(name, None, f"{part} cannot be unpacked ({error})") from None


def _password_protected(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Both manifests say which parts are encrypted, by an ``encryption-data`` entry."""
    manifests = [
        archive.getinfo(m) for m in ("manifest.json", "META-INF/manifest.xml") if m in names
    ]
    return any(
        info.file_size < _MANIFEST_BYTES and b"encryption-data" in archive.read(info)
        for info in manifests
    )


def _zen_sheets(data: bytes, name: str) -> list[Sheet]:
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ParseError(
            name, None, "content.json is not UTF-8 (a password-protected map?)"
        ) from None
    except json.JSONDecodeError as error:
        why = f"content.json is not readable JSON (line {error.lineno}): {error.msg}"
        raise ParseError(name, None, why) from None
    if isinstance(content, dict):
        content = content.get("sheets")
    sheets: list[Sheet] = []
    for sheet in _dicts(content):
        ids: dict[str, Topic] = {}
        root = sheet.get("rootTopic")
        topics = _zen_topics(root, ids, name, 0) if isinstance(root, dict) else []
        if not topics:
            continue
        for relation in _dicts(sheet.get("relationships")):
            _relate(ids, relation.get("end1Id"), relation.get("end2Id"), relation.get("title"))
        central = _central(topics)
        if isinstance(root, dict) and root.get("titleUnedited") and central.id == root.get("id"):
            central.title = ""  # "Central Topic": XMind's word, not the person's
        sheets.append((_text(sheet.get("title")), central))
    return sheets


def _central(topics: list[Topic]) -> Topic:
    """The sheet's central topic; an empty one's branches under a centre of no name."""
    return topics[0] if len(topics) == 1 else Topic("", children=topics)


def _zen_topics(data: dict[str, Any], ids: dict[str, Topic], name: str, depth: int) -> list[Topic]:
    """A topic of content.json; one with no text gives its place to its children."""
    if depth > MAX_DEPTH:
        raise ParseError(name, None, "the map nests topics too deep to read")
    found = data.get("children")
    groups: dict[str, Any] = found if isinstance(found, dict) else {}
    children = [
        topic
        for kind in _CHILD_KINDS
        for child in _dicts(groups.get(kind))
        for topic in _zen_topics(child, ids, name, depth + 1)
    ]
    title, rest = topic_title(_text(data.get("title")))
    remarks = [
        _text(child.get("title")) for kind in _REMARK_KINDS for child in _dicts(groups.get(kind))
    ]
    notes = "\n\n".join(
        part for part in (rest, _zen_notes(data.get("notes")), *remarks) if part.strip()
    )
    if not title and not notes:
        return children
    link, target = _href(_text(data.get("href")))
    topic = Topic(
        title=title or "Untitled",
        notes=notes,
        link=link,
        tags=[label for label in map(_text, _list(data.get("labels"))) if label],
        status=_zen_status(data),
        id=_text(data.get("id")),
        arrows=[(target, "")] if target else [],
        children=children,
    )
    if topic.id:
        ids[topic.id] = topic
    return [topic]


def _zen_notes(notes: object) -> str:
    """A topic's notes: its HTML converted (links, emphasis), else its plain text."""
    from papershelf.importers.html.parse import to_markdown

    if not isinstance(notes, dict):
        return ""
    real = notes.get("realHTML")
    html = _text(real.get("content")) if isinstance(real, dict) else ""
    if html.strip():
        return to_markdown(html).strip()
    plain = notes.get("plain")
    return _text(plain.get("content")).strip() if isinstance(plain, dict) else ""


def _zen_status(data: dict[str, Any]) -> str:
    markers = {_text(m.get("markerId")) for m in _dicts(data.get("markers"))}
    for extension in _dicts(data.get("extensions")):
        content = extension.get("content")
        if extension.get("provider") == "org.xmind.ui.task" and isinstance(content, dict):
            markers.add(
                {"done": "task-done", "todo": "task-start"}.get(_text(content.get("status")), "")
            )
    return _status(markers)


def _legacy_sheets(data: bytes, name: str) -> list[Sheet]:
    if _STUB_MARK in data:
        why = "an XMind 2020+ file whose content.json is missing: only its stub for XMind 8 is left"
        raise ParseError(name, None, why)
    root = parse_xml(data, name, "content.xml")
    if local_name(root.tag) != "xmap-content":
        raise ParseError(
            name, None, f"not an XMind map: content.xml opens with <{local_name(root.tag)}>"
        )
    sheets: list[Sheet] = []
    for sheet in _kids(root, "sheet"):
        ids: dict[str, Topic] = {}
        central = next(iter(_kids(sheet, "topic")), None)
        topics = _legacy_topics(central, ids, name, 0) if central is not None else []
        if not topics:
            continue
        for relation in _grandkids(sheet, "relationships", "relationship"):
            label = " ".join(_kid_text(relation, "title").split())
            _relate(ids, relation.get("end1"), relation.get("end2"), label)
        sheets.append((" ".join(_kid_text(sheet, "title").split()), _central(topics)))
    return sheets


def _legacy_topics(
    element: ET.Element, ids: dict[str, Topic], name: str, depth: int
) -> list[Topic]:
    if depth > MAX_DEPTH:
        raise ParseError(name, None, "the map nests topics too deep to read")
    groups = [
        (topics.get("type", ""), topics) for topics in _grandkids(element, "children", "topics")
    ]
    children = [
        topic
        for kind, group in groups
        if kind in _CHILD_KINDS
        for child in _kids(group, "topic")
        for topic in _legacy_topics(child, ids, name, depth + 1)
    ]
    remarks = [
        _kid_text(child, "title")
        for kind, group in groups
        if kind in _REMARK_KINDS
        for child in _kids(group, "topic")
    ]
    title, rest = topic_title(_kid_text(element, "title"))
    notes = "\n\n".join(part for part in (rest, _legacy_notes(element), *remarks) if part.strip())
    if not title and not notes:
        return children
    link, target = _href(element.get(_XLINK_HREF) or element.get("href") or "")
    markers = {ref.get("marker-id", "") for ref in _grandkids(element, "marker-refs", "marker-ref")}
    topic = Topic(
        title=title or "Untitled",
        notes=notes,
        link=link,
        tags=[tag for label in _grandkids(element, "labels", "label") if (tag := _words(label))],
        status=_status(markers),
        id=element.get("id", ""),
        arrows=[(target, "")] if target else [],
        children=children,
    )
    if topic.id:
        ids[topic.id] = topic
    return [topic]


def _legacy_notes(element: ET.Element) -> str:
    """A topic's plain notes (XMind writes both), else its HTML paragraphs' text."""
    notes = next(iter(_kids(element, "notes")), None)
    if notes is None:
        return ""
    plain = _kid_text(notes, "plain")
    if plain.strip():
        return plain.replace("\r\n", "\n").replace("\r", "\n").strip()
    html = next(iter(_kids(notes, "html")), None)
    if html is None:
        return ""
    paragraphs = ["".join(p.itertext()).strip() for p in html.iter() if local_name(p.tag) == "p"]
    return "\n\n".join(p for p in paragraphs if p)


def _kids(element: ET.Element, name: str) -> list[ET.Element]:
    """Children by name, in XMind's namespace or none (other tools' files)."""
    return [child for child in element if local_name(child.tag) == name]


def _grandkids(element: ET.Element, middle: str, name: str) -> list[ET.Element]:
    return [child for group in _kids(element, middle) for child in _kids(group, name)]


def _kid_text(element: ET.Element, name: str) -> str:
    found = next(iter(_kids(element, name)), None)
    return "".join(found.itertext()) if found is not None else ""


def _relate(ids: dict[str, Topic], start: object, end: object, label: object) -> None:
    """A relationship drawn from one topic to another, kept on the first."""
    source = ids.get(_text(start))
    if source is not None and _text(end) in ids:
        source.arrows.append((_text(end), " ".join(_text(label).split())))


def _href(value: str) -> tuple[str, str]:
    """A topic's link as (web address, id of the topic it leads to)."""
    value = value.strip()
    if value.startswith("xmind:#"):
        return "", value.removeprefix("xmind:#")
    if value.casefold().startswith(("http://", "https://", "doi:")):
        return value, ""
    return "", ""  # an attachment in the package, a file on the writer's computer


def _status(markers: set[str]) -> str:
    """How far the task marker says the reading is."""
    if "task-done" in markers:
        return "read"
    if markers & _PARTLY_DONE:
        return "reading"
    return "to read" if "task-start" in markers else ""


def _dicts(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _words(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
