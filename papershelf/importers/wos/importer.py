from __future__ import annotations

import re

from papershelf.importers.registry import Format
from papershelf.importers.wos.parse import parse

# "FN Clarivate Analytics Web of Science", "FN Thomson Reuters Web of Science™", then
# "VR 1.0"; a file some tool trimmed of its header starts at its first record.
_HEADER_RE = re.compile(r"\A\s*FN [^\n]*\n\s*VR \S")
_FIRST_RECORD_RE = re.compile(r"\A\s*PT [A-Z]\s*\n[A-Z][A-Z0-9] ")


def looks_like_web_of_science(text: str) -> bool:
    head = text.removeprefix("\ufeff")[:2000]
    return bool(_HEADER_RE.match(head) or _FIRST_RECORD_RE.match(head))


FORMAT = Format(
    name="wos",
    description="Web of Science plain text (savedrecs.txt, .ciw)",
    extensions=(".ciw", ".txt"),
    parse=parse,
    sniff=looks_like_web_of_science,
)
