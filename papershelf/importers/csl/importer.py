from __future__ import annotations

from papershelf.importers.csl.parse import looks_like_csl_yaml, parse
from papershelf.importers.registry import Format

# Fields only CSL names so: a site's own data file of papers ("authors", "year",
# "journal", "doi") is read as such (yamldata), not as CSL.
_CSL_FIELDS = ('"author"', '"issued"', '"container-title"', '"editor"', '"DOI"', '"URL"')


def _looks_like_csl(text: str) -> bool:
    head = text.lstrip()[:5000]
    json_items = head.startswith(("[", "{")) and '"type"' in head
    identified = '"id"' in head or any(field in head for field in _CSL_FIELDS)
    titled = '"title"' in head or '"id"' in head
    return (json_items and titled and identified) or looks_like_csl_yaml(text)


FORMAT = Format(
    name="csl",
    description="CSL-JSON (Zotero's “Better CSL JSON” and plain CSL JSON exports) and CSL YAML",
    extensions=(".json", ".csljson", ".yaml", ".yml"),
    parse=parse,
    sniff=_looks_like_csl,
)
