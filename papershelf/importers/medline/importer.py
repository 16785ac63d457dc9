from __future__ import annotations

import re

from papershelf.importers.medline.parse import parse
from papershelf.importers.registry import Format

# Every record opens with its PMID; PubMed's own files may start with a blank line.
_FIRST_FIELD_RE = re.compile(r"\A\s*PMID- *\d")


def looks_like_medline(text: str) -> bool:
    return bool(_FIRST_FIELD_RE.match(text.removeprefix("\ufeff")[:1000]))


FORMAT = Format(
    name="medline",
    description="PubMed / MEDLINE (.nbib from PubMed's Citation manager, PubMed format .txt)",
    extensions=(".nbib", ".txt"),
    parse=parse,
    sniff=looks_like_medline,
)
