"""A Citavi project export's tables, joined by their ids.

Citavi 5 to 7 ("File > Export > Export project as XML", also what a ``.ctv6bak`` backup
holds) write one ``<CitaviExchangeData Version="…">`` with a list per kind of thing:
``<Persons>``, ``<Periodicals>``, ``<Publishers>``, ``<Keywords>``, ``<Groups>``,
``<Categories>``, ``<References>``, ``<KnowledgeItems>``, ``<TaskItems>``,
``<Locations>``. Each member has an ``id`` attribute (a GUID in real exports) and its
fields as child elements (``<Title>``, ``<Year>``, ``<ReferenceID>``).

How they join is written apart, in link tables of ``<OnetoN>`` rows (``<OneToN>`` in
some versions): ``refId;personId;personId`` under ``<ReferenceAuthors>``, the order of
the ids being Citavi's order. ``<ReferenceReferences>`` gives a book's contributions
(``bookId;chapterId;…``), ``<CategoryCategories>`` a category's subcategories in
their order (Citavi 5 spelled it ``<CategoryCatgories>``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from papershelf.importers.endnote.xmlnodes import Element

ROOT = "CitaviExchangeData"
_LINK_ROWS = frozenset({"oneton"})


@dataclass
class Project:
    root: Element
    references: list[Element] = field(default_factory=list)
    by_id: dict[str, Element] = field(default_factory=dict)  # every listed member
    # Link table (lower-cased name) -> first id -> the ids it links to, in order.
    links: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # Reference id -> its knowledge items, tasks and locations, in document order.
    knowledge: dict[str, list[Element]] = field(default_factory=dict)
    tasks: dict[str, list[Element]] = field(default_factory=dict)
    locations: dict[str, list[Element]] = field(default_factory=dict)
    loose_knowledge: int = 0  # thoughts on no reference

    def linked(self, table: str, first: str) -> list[str]:
        return self.links.get(table.casefold(), {}).get(first, [])

    def parent_of(self, reference: Element) -> Element | None:
        """The book or proceedings a contribution is in (``ParentReferenceID`` in newer
        exports, a ``<ReferenceReferences>`` row in older ones)."""
        parent = value(reference, "ParentReferenceID")
        if not parent:
            own = id_of(reference)
            rows = self.links.get("referencereferences", {}).items()
            parent = next((first for first, kids in rows if own in kids), "")
        return self.by_id.get(parent) if parent else None

    def names(self, table: str, first: str) -> list[str]:
        """The names of what ``first`` links to in ``table`` (keywords, groups…)."""
        members = (self.by_id.get(other) for other in self.linked(table, first))
        return [
            name for member in members if member is not None and (name := value(member, "Name"))
        ]


def read_project(root: Element) -> Project:
    project = Project(root=root)
    for table in root.children:
        rows = [row for row in table.children if row.name.casefold() in _LINK_ROWS]
        if rows:
            _read_links(project, table.name.casefold(), rows)
            continue
        for member in table.children:
            if member_id := id_of(member):
                project.by_id[member_id] = member
            _file(project, table.name, member)
    return project


def _read_links(project: Project, table: str, rows: list[Element]) -> None:
    links = project.links.setdefault(table, {})
    for row in rows:
        first, *others = [part.strip() for part in row.text().split(";") if part.strip()] or [""]
        if first:
            links.setdefault(first, []).extend(others)


def _file(project: Project, table: str, member: Element) -> None:
    if table == "References":
        project.references.append(member)
        return
    kinds = {"KnowledgeItems": project.knowledge, "TaskItems": project.tasks}
    kinds["Locations"] = project.locations
    if table not in kinds:
        return
    reference = value(member, "ReferenceID")
    if reference:
        kinds[table].setdefault(reference, []).append(member)
    elif table == "KnowledgeItems":
        project.loose_knowledge += 1


def id_of(element: Element) -> str:
    for key in ("id", "Id", "ID"):
        if element.attrs.get(key):
            return element.attrs[key].strip()
    return value(element, "Id")


def child(element: Element, name: str) -> Element | None:
    """A field by name, as Citavi versions spell it (``Doi``, ``DOI``)."""
    key = name.casefold()
    return next((c for c in element.children if c.name.casefold() == key), None)


def value(element: Element, *names: str) -> str:
    """The first of these fields that is filled, as written (an element or attribute)."""
    lowered = {key.casefold(): text for key, text in element.attrs.items()}
    for name in names:
        found = child(element, name)
        text = found.text() if found is not None else lowered.get(name.casefold(), "")
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
        if text:
            return text
    return ""


def line_value(element: Element, *names: str) -> str:
    """A one-line field: its whitespace collapsed."""
    return " ".join(value(element, *names).split())


def location_address(location: Element) -> str:
    """Citavi 6 writes a location's address as JSON (its ``UriString``), Citavi 5 bare."""
    address = value(location, "Address")
    if address.startswith("{"):
        try:
            data = json.loads(address)
        except ValueError:
            return ""
        uri = data.get("UriString", "") if isinstance(data, dict) else ""
        return uri if isinstance(uri, str) else ""
    return address
