"""JSON files that a sniffer reads to recognise and a parser reads again to import.

An app's export (Slack, Trello, Discord…) is only recognised by its parsed shape, so
the same text would be decoded twice, once to pick the format and once to read it: a
large export costs seconds each time. The last few decodings are kept, keyed by the
text itself. Callers read the result and never change it: it may be shared.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from papershelf.importers.records import ParseError


@lru_cache(maxsize=2)
def decoded(text: str) -> Any:
    """``text`` as JSON (a byte-order mark allowed); raises ``JSONDecodeError``."""
    return json.loads(text.lstrip("\ufeff"))


def load(text: str, path: str) -> Any:
    """``text`` as JSON, or a ``ParseError`` at the line where it stops being JSON."""
    try:
        return decoded(text)
    except json.JSONDecodeError as error:
        raise ParseError(path, error.lineno, f"not valid JSON: {error.msg}") from error
