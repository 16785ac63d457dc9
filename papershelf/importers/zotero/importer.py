"""Zotero libraries as data: a Web API JSON dump, or the zotero.sqlite of a data directory."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.zotero.items import looks_like_zotero_items, parse

FORMAT = Format(
    name="zotero-json",
    description="Zotero libraries: the Web API's item JSON (a pyzotero or API dump,"
    " items.json) and a Zotero data directory's zotero.sqlite",
    extensions=(".json", ".sqlite"),
    parse=parse,
    sniff=looks_like_zotero_items,
)
