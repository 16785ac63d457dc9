"""A word-level diff of two texts, for reading what changed between two revisions.

Line diffs mark a whole paragraph for a changed comma; prose wants the words. difflib
compares the texts as words with the whitespace between them kept as separate parts, so
the result shows the text as it was written, with deletions and insertions marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

_PARTS_RE = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Change:
    kind: Literal["same", "removed", "added"]
    text: str


def word_diff(old: str, new: str) -> list[Change]:
    """The new text as runs of unchanged, removed and added words, in reading order."""
    a, b = _PARTS_RE.findall(old), _PARTS_RE.findall(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes.append(Change("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            changes.append(Change("removed", "".join(a[i1:i2])))
        if j2 > j1:
            changes.append(Change("added", "".join(b[j1:j2])))
    return changes


def counts(changes: list[Change]) -> tuple[int, int]:
    """Words added and removed."""
    added = sum(len(c.text.split()) for c in changes if c.kind == "added")
    removed = sum(len(c.text.split()) for c in changes if c.kind == "removed")
    return added, removed
