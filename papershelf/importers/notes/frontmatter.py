"""YAML (Jekyll, Obsidian) or TOML (Hugo) front matter: the title, the paper's facts, tags."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

from papershelf.importers.notes.pagetitle import page_own_title
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
        data = _line_by_line(source) if opening != "+++" else {}
        said = "read it line by line" if data else "ignored it"
        reason = " ".join(str(error).split())
        front.warnings.append(
            ImportWarning(path, 1, f"the front matter is not valid YAML, {said}: {reason}")
        )
    if isinstance(data, dict):
        # Hugo keeps a page's own fields under [params]; they are the note's facts too.
        params: dict[str, Any] = data["params"] if isinstance(data.get("params"), dict) else {}
        merged = {**params, **{k: v for k, v in data.items() if k != "params"}}
        front.data = {str(key).strip().casefold(): value for key, value in merged.items()}
        # "Full title:", "Reading status:": typed-note apps (Capacities, Anytype) write
        # property names with spaces; read them as the snake_case keys looked for.
        for key, value in list(front.data.items()):
            front.data.setdefault(re.sub(r"\s+", "_", key), value)
        front.title = as_text(front.data.get("title"))
        if any(key in front.data for key in _CLIPPER_KEYS):
            front.title = page_own_title(front.title)  # the browser tab's title
        if not front.title and is_typed_paper(front.data):
            front.title = as_text(front.data.get("name"))  # Anytype's "Name" of a Paper
        front.topics = _topics(front.data)
        front.declared = _topics({"topics": front.data.get("topics")})
    return front


# A clipped web page's fields (Omnivore, MarkDownload): its title is the tab's.
_CLIPPER_KEYS = ("site_name", "omnivore_url", "original_url")


# "Name: Of Coase and Cattle: Dispute Resolution …": an app writes a value with ": " in
# it unquoted (Anytype does), which YAML refuses; "key: value" lines still say it.
_FIELD_LINE_RE = re.compile(r"^(?P<key>[A-Za-z][\w \-]{0,40}?):(?:\s+(?P<value>.*?))?\s*$")
_ITEM_LINE_RE = re.compile(r"^\s+-\s+(?:[\w ]{1,20}:\s+)?(?P<value>.+?)\s*$")


def _line_by_line(source: str) -> dict[str, Any]:
    """Front matter YAML refuses, read as "key: value" lines and "  - item" lists."""
    data: dict[str, Any] = {}
    key = ""
    for line in source.splitlines():
        field = _FIELD_LINE_RE.match(line)
        item = _ITEM_LINE_RE.match(line)
        if field:
            key = field["key"].strip()
            value = (field["value"] or "").strip().strip("'\"")
            data[key] = value if value else []
        elif item and key and isinstance(data.get(key), list):
            data[key].append(item["value"].strip("'\""))
    return data


# "Type: Paper" — an object of a typed note app (Anytype, Capacities), titled by "Name".
PAPER_TYPES = frozenset(
    {"paper", "article", "journal article", "publication", "preprint", "research paper"}
)


def is_typed_paper(data: dict[str, Any]) -> bool:
    return as_text(data.get("type")).casefold() in PAPER_TYPES


def object_names(value: Any) -> list[str]:
    """ "Author: [{Name: George L. Priest, File: george-l-priest.md}, …]": an app's links
    to person objects, each by its name; plain strings as they are."""
    items = value if isinstance(value, list) else [value] if value else []
    names = []
    for item in items:
        if isinstance(item, dict):
            lowered = {str(k).casefold(): v for k, v in item.items()}
            item = lowered.get("name") or lowered.get("title")
        if item:
            names.append(as_text(item))
    return names


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
            names += [as_text(item) for item in _flat(value) if item is not None]
    return list(dict.fromkeys(name.lstrip("#") for name in names if name.strip("# ")))


def _flat(values: list[Any]) -> list[Any]:
    """ "tags:" over "- [rlhf, alignment]" is a list in a list (Minimal Mistakes' docs
    write it so): its names, not "['rlhf', 'alignment']"."""
    return [
        item for value in values for item in (_flat(value) if isinstance(value, list) else [value])
    ]
