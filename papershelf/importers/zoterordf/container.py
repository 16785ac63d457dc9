"""A ``.rdf`` file is opened by what it holds, as an ``.xml`` file is (see
``endnote.container``): a Zotero RDF export passes through whole to the ``zotero-rdf``
format, with the files Zotero wrote beside it (``files/``, its attachments: PDFs and
saved web pages) not counted as the person's notes. Other RDF holds no notes: nothing.
"""

from __future__ import annotations

from pathlib import Path

from papershelf.importers.endnote.container import decode, pass_through
from papershelf.importers.zoterordf.importer import looks_like_zotero_rdf

_HEAD_BYTES = 64 * 1024
_ATTACHMENTS = "files"


def read_rdf(path: Path) -> list[tuple[str, str]]:
    with path.open("rb") as stream:
        head = decode(stream.read(_HEAD_BYTES))
    if "<rdf:RDF" in head and "zotero.org/namespaces/export" in head:
        member = pass_through(path, attachments=_ATTACHMENTS)
        return [member] if looks_like_zotero_rdf(member[1]) else []
    return []
