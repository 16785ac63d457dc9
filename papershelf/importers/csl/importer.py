from __future__ import annotations

from papershelf.importers.csl.parse import looks_like_csl_yaml, parse
from papershelf.importers.registry import Format


def _looks_like_csl(text: str) -> bool:
    head = text.lstrip()[:5000]
    json_items = head.startswith(("[", "{")) and '"type"' in head
    return (json_items and ('"title"' in head or '"id"' in head)) or looks_like_csl_yaml(text)


FORMAT = Format(
    name="csl",
    description="CSL-JSON (Zotero's “Better CSL JSON” and plain CSL JSON exports) and CSL YAML",
    extensions=(".json", ".csljson", ".yaml", ".yml"),
    parse=parse,
    sniff=_looks_like_csl,
)
