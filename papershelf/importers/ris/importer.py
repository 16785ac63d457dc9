from __future__ import annotations

import re

from papershelf.importers.registry import Format
from papershelf.importers.ris.parse import parse

_TY_RE = re.compile(r"^TY  - ", re.MULTILINE)

FORMAT = Format(
    name="ris",
    description="RIS (EndNote, Mendeley, Zotero)",
    extensions=(".ris", ".txt"),  # EndNote saves its RIS export as "My EndNote Library.txt"
    parse=parse,
    sniff=lambda text: bool(_TY_RE.search(text[:200_000])),
)
