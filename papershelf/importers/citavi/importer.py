from __future__ import annotations

import re

from papershelf.importers.citavi.parse import parse
from papershelf.importers.registry import Format

# <CitaviExchangeData Version="6.…">: the root a Citavi project's XML export has.
_ROOT_RE = re.compile(r"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*<CitaviExchangeData\b", re.DOTALL)


def looks_like_citavi(text: str) -> bool:
    return bool(_ROOT_RE.match(text.removeprefix("\ufeff")[:4000]))


FORMAT = Format(
    name="citavi",
    description="Citavi project exported as XML (Citavi 5, 6, 7)",
    extensions=(".xml",),
    parse=parse,
    sniff=looks_like_citavi,
)
