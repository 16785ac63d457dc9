"""Reading an app's JSON values without trusting their types, and its tags as a line."""

from __future__ import annotations

from typing import Any

Data = dict[str, Any]


def text_of(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def dict_of(value: Any) -> Data:
    return value if isinstance(value, dict) else {}


def dicts_of(value: Any) -> list[Data]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def tags_line(names: list[str]) -> str:
    """ "Tags: a, b": the notes reader makes each a topic of the note's paper."""
    names = [name for name in dict.fromkeys(n.strip() for n in names) if name]
    return f"Tags: {', '.join(names)}" if names else ""
