"""Jupyter notebooks kept as reading logs, read as notes documents."""

from __future__ import annotations

from papershelf.importers.notebook.parse import looks_like_notebook, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="notebook",
    description="Jupyter notebooks (.ipynb): markdown cells are the notes, code cells kept as code",
    extensions=(".ipynb",),
    parse=parse,
    sniff=looks_like_notebook,
    parse_with_hints=parse,
)
