from __future__ import annotations

from papershelf.importers.ids.parse import parse
from papershelf.importers.registry import Format
from papershelf.lib.identifiers import identify


def _all_identifiers(text: str) -> bool:
    lines = [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
    return bool(lines) and all(identify(line) is not None for line in lines)


FORMAT = Format(
    name="ids",
    description="A list of arXiv ids/URLs, DOIs and OpenReview links, one per line",
    extensions=(".txt", ".ids"),
    parse=parse,
    sniff=_all_identifiers,
)
