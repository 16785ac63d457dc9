"""Citavi's category system: the outline of a piece of writing, as reading-list sections.

Categories are listed flat under ``<Categories>``; ``<CategoryCategories>`` rows give
each category's subcategories in Citavi's order (the top level under the zero GUID, in
exports that write it; else the categories no row names, in the order listed). Citavi
numbers them as it shows them ("1", "1.2", "1.2.1"); the numbers are part of how the
person knows their outline, so a section is headed "1.2 Recharge estimates".
``<ReferenceCategories>`` rows (``refId;categoryId;…``) place a reference in them.
"""

from __future__ import annotations

import re

from papershelf.importers.citavi.project import Project, id_of, line_value
from papershelf.importers.endnote.xmlnodes import Element

_HIERARCHY_TABLES = ("CategoryCategories", "CategoryCatgories")  # Citavi 5's spelling
_NUMBERED_RE = re.compile(r"^\d+(?:\.\d+)*\.?\s")  # a name that carries its number


def category_paths(project: Project) -> dict[str, tuple[str, ...]]:
    """Each category's section path ("1 Hydrology", "1.2 Recharge"), in outline order."""
    names = {id_of(c): line_value(c, "Name") for c in _categories(project)}
    children = {
        parent: [kid for kid in kids if kid in names]
        for table in _HIERARCHY_TABLES
        for parent, kids in project.links.get(table.casefold(), {}).items()
    }
    nested = {kid for parent, kids in children.items() if parent in names for kid in kids}
    top = [kid for parent, kids in children.items() if parent not in names for kid in kids]
    roots = list(dict.fromkeys([*top, *(c for c in names if c not in nested)]))
    paths: dict[str, tuple[str, ...]] = {}

    def visit(ids: list[str], above: tuple[str, ...], number: str) -> None:
        for position, category in enumerate(ids, start=1):
            if category in paths:
                continue  # a category listed twice, or a cycle: its first place holds
            label = f"{number}.{position}" if number else str(position)
            name = names[category]
            heading = name if _NUMBERED_RE.match(name) else f"{label} {name}".strip()
            paths[category] = (*above, heading)
            visit(children.get(category, []), paths[category], label)

    visit(roots, (), "")
    return paths


def _categories(project: Project) -> list[Element]:
    lists = [table for table in project.root.children if table.name == "Categories"]
    return [category for table in lists for category in table.all("Category")]
