from __future__ import annotations

import re

from papershelf.importers.bibtex.parse import parse
from papershelf.importers.registry import Format

_ENTRY_RE = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)

FORMAT = Format(
    name="bibtex",
    description="BibTeX / BibLaTeX (.bib) from Zotero, DBLP, Google Scholar…",
    extensions=(".bib", ".bibtex", ".biblatex"),
    parse=parse,
    sniff=lambda text: bool(_ENTRY_RE.search(text[:200_000])),
)
