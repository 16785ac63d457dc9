"""A Roam Research graph exported as JSON ("Export All" → JSON): one note per page.

The export is a list of pages, each ``{"title", "uid", "children": [blocks]}``, a block
``{"string", "uid", "heading"?, "children"?}``. A page becomes a Markdown note: its
title as the heading, its blocks as nested bullets, so its attribute blocks
("Title:: …", "Author:: [[Julio Navarro]], …", "Status:: #read") are the labelled
lines the notes reader takes a paper's facts from. Roam's markup is written out:
``[[Page]]`` and ``#[[Tag]]`` as their names, ``((uid))`` as the block it quotes,
``{{[[TODO]]}}`` as a task box, ``__italic__`` and ``^^highlight^^`` as emphasis.

Left out: pages with no blocks (a tag's or a person's page), Roam's own settings pages
(``roam/…``, templates among them), and daily notes beside other pages, which mention
the papers whose pages hold the notes (as a diary folder beside notes does).
"""

from __future__ import annotations

import re
from typing import Any

Data = Any
_DAILY_UID_RE = re.compile(r"^\d{2}-\d{2}-\d{4}$")
_DAILY_TITLE_RE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d{1,2}(?:st|nd|rd|th), \d{4}$"
)
_BLOCK_REF_RE = re.compile(r"\(\(([\w-]{9})\)\)")
_TASK_RE = re.compile(r"\{\{\[\[(TODO|DONE)\]\]\}\}\s*")
_TAG_RE = re.compile(r"#\[\[([^\]]+)\]\]")
_ALIAS_RE = re.compile(r"\[([^\]]+)\]\(\[\[[^\]]+\]\]\)")  # [shown]([[Page]])
_PAGE_RE = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
_OTHER_MACRO_RE = re.compile(r"\{\{[^{}]*\}\}")
_MAX_DEPTH = 30


def is_roam_export(data: Data) -> bool:
    pages = [page for page in data if isinstance(page, dict)] if isinstance(data, list) else []
    return (
        bool(pages)
        and all("title" in page for page in pages)
        and any(
            "create-time" in page or "edit-time" in page or "children" in page for page in pages
        )
    )


def roam_notes(data: Data) -> list[str]:
    pages = [page for page in data if isinstance(page, dict) and page.get("children")]
    blocks = {uid: text for page in pages for uid, text in _all_blocks(page.get("children"))}
    kept = [page for page in pages if not str(page.get("title", "")).startswith("roam/")]
    dailies = [page for page in kept if _is_daily(page)]
    if len(dailies) < len(kept):
        kept = [page for page in kept if not _is_daily(page)]
    return [_note(page, blocks) for page in kept]


def _is_daily(page: dict[str, Any]) -> bool:
    return bool(
        _DAILY_UID_RE.match(str(page.get("uid", "")))
        or _DAILY_TITLE_RE.match(str(page.get("title", "")))
    )


def _all_blocks(children: Any, depth: int = 0) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if depth > _MAX_DEPTH or not isinstance(children, list):
        return found
    for block in children:
        if isinstance(block, dict):
            found.append((str(block.get("uid", "")), str(block.get("string", ""))))
            found += _all_blocks(block.get("children"), depth + 1)
    return found


def _note(page: dict[str, Any], blocks: dict[str, str]) -> str:
    lines = [f"# {_inline(str(page.get('title', '')), blocks)}", ""]
    lines += _block_lines(page.get("children"), blocks, 0)
    return "\n".join(lines) + "\n"


def _block_lines(children: Any, blocks: dict[str, str], depth: int) -> list[str]:
    lines: list[str] = []
    if depth > _MAX_DEPTH or not isinstance(children, list):
        return lines
    for block in children:
        if not isinstance(block, dict):
            continue
        text = _inline(str(block.get("string", "")), blocks)
        heading = block.get("heading")
        if isinstance(heading, int) and 1 <= heading <= 3 and depth == 0:
            lines += ["", f"{'#' * (heading + 1)} {text}", ""]
        elif text.strip():
            lines += _bullet(text, depth)
        lines += _block_lines(block.get("children"), blocks, depth + 1)
    return lines


def _bullet(text: str, depth: int) -> list[str]:
    indent = "  " * depth
    first, *rest = text.split("\n")
    return [f"{indent}- {first}", *(f"{indent}  {line}" for line in rest)]


def _inline(text: str, blocks: dict[str, str]) -> str:
    text = _BLOCK_REF_RE.sub(lambda m: blocks.get(m[1], m[0]).split("\n")[0], text)
    text = _TASK_RE.sub(lambda m: "[x] " if m[1] == "DONE" else "[ ] ", text)
    text = _TAG_RE.sub(r"\1", text)
    text = _ALIAS_RE.sub(r"\1", text)
    text = _PAGE_RE.sub(lambda m: m[2] or m[1], text)
    text = _OTHER_MACRO_RE.sub("", text)
    return text.replace("__", "*").replace("^^", "**")
