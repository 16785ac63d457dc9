"""A Jupyter notebook becomes Markdown, then a notes document like any other.

A notebook (nbformat 4) is JSON: a list of cells, each with a ``cell_type`` and a
``source`` that is a string or a list of line strings. People keep reading logs in
them: markdown cells hold the notes, code cells the small simulations beside them.
Markdown cells are kept as written; code cells become fenced blocks so the notes reader
never takes a line of code for a title; outputs (plots, tables) and raw cells are not
notes and are dropped. Editors' ``.ipynb_checkpoints/`` copies are never read: the
folder is hidden, and reading.expand_paths skips hidden folders.
"""

from __future__ import annotations

import json
from typing import Any

from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.records import ParsedDocument, ParseError, ParseHints


def looks_like_notebook(text: str) -> bool:
    """A JSON object: a broken notebook is still ours, so that it fails with its line."""
    return text.lstrip("\ufeff \t\n").startswith("{")


def to_markdown(text: str, path: str = "notebook.ipynb") -> str:
    notebook = _load(text, path)
    language = _language(notebook)
    blocks = [_cell_markdown(cell, language) for cell in notebook["cells"]]
    return "\n\n".join(block for block in blocks if block) + "\n"


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    return parse_converted(to_markdown(text, path), path, "notebook", hints)


def _load(text: str, path: str) -> dict[str, Any]:
    try:
        notebook = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        message = f"not a readable notebook: invalid JSON ({exc.msg}, column {exc.colno})"
        raise ParseError(path, exc.lineno, message) from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        # nbformat 3 kept cells under "worksheets"; Jupyter has saved 4 since 2015.
        message = "no list of cells: not a Jupyter notebook (nbformat 4); save it again in Jupyter"
        raise ParseError(path, None, message)
    return notebook


def _language(notebook: dict[str, Any]) -> str:
    metadata = notebook.get("metadata")
    info = metadata.get("language_info") if isinstance(metadata, dict) else None
    name = info.get("name") if isinstance(info, dict) else None
    return name if isinstance(name, str) and name.isidentifier() else "python"


def _cell_markdown(cell: object, language: str) -> str:
    if not isinstance(cell, dict):
        return ""
    source = _source(cell.get("source"))
    if not source.strip():
        return ""
    if cell.get("cell_type") == "markdown":
        return source.strip("\n")
    if cell.get("cell_type") == "code":
        fence = "````" if "```" in source else "```"  # a code cell may print a fence
        return f"{fence}{language}\n{source.strip(chr(10))}\n{fence}"
    return ""  # raw cells are for nbconvert, not notes


def _source(source: object) -> str:
    if isinstance(source, list):
        return "".join(part for part in source if isinstance(part, str))
    return source if isinstance(source, str) else ""
