"""YAML (Jekyll, Obsidian) or TOML (Hugo) front matter: the title, the paper's facts, tags."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

from papershelf.importers.records import ImportWarning

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_TOPIC_KEYS = ("categories", "category", "tags", "topics")


@dataclass
class FrontMatter:
    end: int = 0  # 0-based index of the first line after the front matter
    title: str = ""
    topics: list[str] = field(default_factory=list)
    declared: list[str] = field(default_factory=list)  # an explicit "topics" key
    data: dict[str, Any] = field(default_factory=dict)  # every key, lower-cased
    warnings: list[ImportWarning] = field(default_factory=list)

    def text(self, *keys: str) -> str:
        """The first of ``keys`` that holds a value, as one line of text."""
        for key in keys:
            value = self.data.get(key)
            if isinstance(value, list):
                value = ", ".join(str(item) for item in value if item is not None)
            if value not in (None, ""):
                return as_text(value)
        return ""


def read_front_matter(lines: list[str], path: str) -> FrontMatter:
    """Read front matter at the top of the file; values are data, never executed."""
    opening = lines[0].strip().lstrip("\ufeff") if lines else ""
    if opening not in _FENCES:
        return FrontMatter()
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() in _FENCES[opening]), None)
    if closing is None:
        return FrontMatter()  # an unclosed "---" is a thematic break, not front matter
    source = "".join(lines[1:closing])
    front = FrontMatter(end=closing + 1)
    try:
        data = tomllib.loads(source) if opening == "+++" else yaml.safe_load(source)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        front.warnings.append(
            ImportWarning(path, 1, f"could not read the front matter, ignored it: {error}")
        )
        return front
    if isinstance(data, dict):
        # Hugo keeps a page's own fields under [params]; they are the note's facts too.
        params: dict[str, Any] = data["params"] if isinstance(data.get("params"), dict) else {}
        merged = {**params, **{k: v for k, v in data.items() if k != "params"}}
        front.data = {str(key).strip().casefold(): value for key, value in merged.items()}
        front.title = as_text(front.data.get("title"))
        front.topics = _topics(front.data)
        front.declared = _topics({"topics": front.data.get("topics")})
    return front


def as_text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _topics(data: dict[str, Any]) -> list[str]:
    names: list[str] = []
    for key in _TOPIC_KEYS:
        value = data.get(key)
        if isinstance(value, str):
            # Jekyll splits a string of categories on spaces; people also use commas.
            names += re.split(r"\s*,\s*" if "," in value else r"\s+", value.strip())
        elif isinstance(value, list):
            names += [as_text(item) for item in value if item is not None]
    return list(dict.fromkeys(name.lstrip("#") for name in names if name.strip("# ")))
