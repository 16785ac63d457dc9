from __future__ import annotations

import re

from papershelf.importers.endnote.parse import parse
from papershelf.importers.registry import Format

# <xml><records><record>: the root EndNote (and Mendeley's "EndNote XML") writes.
_ROOT_RE = re.compile(r"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*<xml>\s*<records\b", re.S)


def looks_like_endnote(text: str) -> bool:
    return bool(_ROOT_RE.match(text.removeprefix("\ufeff")[:2000]))


FORMAT = Format(
    name="endnote",
    description="EndNote XML (EndNote's File > Export > XML, Mendeley, Papers)",
    extensions=(".xml",),
    parse=parse,
    sniff=looks_like_endnote,
)
