"""``#table`` as a Markdown table where it is a plain grid of short cells, and
``#grid`` (a layout) as its cells one after another.

A table's cells are its positional arguments, ``columns`` to a row; ``table.header``
gives the header row (else the first row is the header, as a note-taker's first row
names the columns). Merged cells (``colspan``, ``rowspan``) or cells holding
paragraphs make no Markdown table: each row is then a line of its cells.
"""

from __future__ import annotations

import re

from papershelf.importers.typst import scan
from papershelf.importers.typst.calls import Context, render, value_text
from papershelf.importers.typst.inline import Block, Line, Piece, plain_text

_LINES = frozenset({"table.hline", "table.vline", "grid.hline", "grid.vline"})
_HEADERS = frozenset({"table.header", "grid.header", "table.footer", "grid.footer"})
_CELLS = frozenset({"table.cell", "grid.cell"})


def render_table(call: scan.Call, context: Context) -> Piece:
    columns = _column_count(call.named("columns"))
    header: list[Piece] = []
    cells: list[Piece] = []
    merged = False
    for argument in call.positional():
        inner = scan.read_expression(context.source, argument.start)
        name = inner.name if inner is not None and inner.end == _end(argument) else ""
        if name in _LINES:
            continue
        if name in _HEADERS and inner is not None:
            target = header if name.endswith("header") else cells
            target += [_cell(a, context) for a in inner.positional()]
            target += [context.content(start, start + len(body)) for body, start in inner.bodies]
        else:
            if inner is not None and name in _CELLS:
                merged |= any(a.name in ("colspan", "rowspan") for a in inner.arguments)
            cells.append(_cell(argument, context))
    origin = context.line_of(call.start)
    if call.name.startswith("grid"):
        return _as_paragraphs(header + cells, origin)
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    simple = not merged and all(isinstance(cell, str) for cell in header + cells)
    if simple and columns > 1 and (header or rows):
        return Block(_markdown_table([str(c) for c in header], rows, columns, origin))
    return Block(
        [(" · ".join(plain_text(c) for c in row), origin) for row in [header, *rows] if row]
    )


def _cell(argument: scan.Argument, context: Context) -> Piece:
    source = argument.source
    if source.startswith("["):
        return context.content(argument.start + 1, _end(argument) - 1)
    if source.startswith('"') or re.fullmatch(r"-?\d+(?:\.\d+)?%?", source):
        return value_text(argument, context) if source.startswith('"') else source
    inner = scan.read_expression(context.source, argument.start)
    if inner is not None and inner.end == _end(argument):
        return render(inner, context)
    return ""


def _column_count(argument: scan.Argument | None) -> int:
    """ "3", "(1fr, 2fr, auto)" or "(auto,) * 4"."""
    if argument is None:
        return 1
    source = argument.source.strip()
    if source.isdigit():
        return max(1, int(source))
    repeated = re.fullmatch(r"\((.*)\)\s*\*\s*(\d+)", source, re.S)
    if repeated:
        return max(1, len([p for p in repeated[1].split(",") if p.strip()]) * int(repeated[2]))
    if source.startswith("("):
        return max(1, len([part for part in source[1:-1].split(",") if part.strip()]))
    return 1


def _markdown_table(
    header: list[str], rows: list[list[Piece]], columns: int, origin: int
) -> list[Line]:
    if not header:
        header, rows = [str(cell) for cell in rows[0]], rows[1:]
    header = (header + [""] * columns)[:columns]
    lines = [(_row(header), origin), ("| " + " | ".join(["---"] * columns) + " |", origin)]
    for row in rows:
        texts = [str(cell) for cell in row]
        lines.append((_row((texts + [""] * columns)[:columns]), origin))
    return lines


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(" ".join(cell.split()).replace("|", "\\|") for cell in cells) + " |"


def _as_paragraphs(cells: list[Piece], origin: int) -> Piece:
    lines: list[Line] = []
    for cell in cells:
        if isinstance(cell, Block):
            lines += [*cell.lines, ("", origin)]
        elif cell:
            lines += [(cell, origin), ("", origin)]
    return Block(lines[:-1]) if lines else ""


def _end(argument: scan.Argument) -> int:
    return argument.start + len(argument.source)
