"""Read a list of paper identifiers: one arXiv id or URL, DOI or OpenReview link a line.

Only identifiers are read here; titles, authors and the rest come from the
services in :mod:`papershelf.importers.ids.fetch`.
"""

from __future__ import annotations

import re

from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
)
from papershelf.lib.identifiers import Identifier, identify

FORMAT = "ids"

# "1706.03762  # the Transformer" — a note after whitespace; a URL's own "#" stays.
_TRAILING_COMMENT_RE = re.compile(r"\s+#.*$")


def parse(text: str, path: str) -> ParsedDocument:
    document = ParsedDocument(path=path, format=FORMAT)
    first_seen: dict[Identifier, int] = {}
    for number, raw_line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        line = _TRAILING_COMMENT_RE.sub("", raw_line).strip()
        if not line or line.startswith("#"):
            continue
        identifier = identify(line)
        if identifier is None:
            raise ParseError(path, number, f"not an arXiv id, DOI or OpenReview link: {line!r}")
        key = Identifier(identifier.kind, identifier.value)  # v1 and v5 are one paper
        if key in first_seen:
            message = f"{line} is already listed on line {first_seen[key]}; skipped"
            document.warnings.append(ImportWarning(path, number, message))
            continue
        first_seen[key] = number
        document.entries.append(Entry(paper=record_for(identifier), line=number))
    if not document.entries:
        raise ParseError(path, None, "no entries")
    return document


def record_for(identifier: Identifier) -> PaperRecord:
    """A record that knows only its identifier; the title is filled in by fetching."""
    record = PaperRecord(title="")
    if identifier.kind == "arxiv":
        record.arxiv_id, record.arxiv_version = identifier.value, identifier.version
    elif identifier.kind == "doi":
        record.doi = identifier.value
    else:
        record.openreview_id = identifier.value
    return record
