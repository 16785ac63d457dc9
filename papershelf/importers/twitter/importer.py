"""Twitter/X archive data files (``data/tweets.js``), read as notes documents."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.twitter.parse import looks_like_archive_script, parse

FORMAT = Format(
    name="twitter",
    description=(
        "Twitter/X archives (the data/tweets.js of 'Download an archive of your data'): "
        "each thread of your own tweets a note"
    ),
    extensions=(".js",),
    parse=parse,
    sniff=looks_like_archive_script,
)
