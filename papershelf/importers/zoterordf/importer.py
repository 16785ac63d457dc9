from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.zoterordf.parse import parse

_ZOTERO_NAMESPACE = "http://www.zotero.org/namespaces/export#"


def looks_like_zotero_rdf(text: str) -> bool:
    """An rdf:RDF document in Zotero's export namespace, with its items' z:itemType."""
    head = text[:20_000]
    return "<rdf:RDF" in head and _ZOTERO_NAMESPACE in head and "itemType>" in text


FORMAT = Format(
    name="zotero-rdf",
    description="Zotero RDF (Zotero's Export Library… > Zotero RDF, with its notes)",
    extensions=(".rdf",),
    parse=parse,
    sniff=looks_like_zotero_rdf,
)
