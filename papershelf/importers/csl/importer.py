from __future__ import annotations

from papershelf.importers.csl.parse import parse
from papershelf.importers.registry import Format


def _looks_like_csl(text: str) -> bool:
    head = text.lstrip()[:5000]
    return (
        head.startswith(("[", "{")) and '"type"' in head and ('"title"' in head or '"id"' in head)
    )


FORMAT = Format(
    name="csl",
    description="CSL-JSON (Zotero's “Better CSL JSON” and plain CSL JSON exports)",
    extensions=(".json", ".csljson"),
    parse=parse,
    sniff=_looks_like_csl,
)
