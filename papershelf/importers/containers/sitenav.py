"""A documentation site's navigation: the order its author gave the notes.

A notes site built with MkDocs or VitePress orders its pages in its configuration, not in
the pages: MkDocs in ``mkdocs.yml`` (``nav:`` — a list of ``Title: page.md`` and of
sections holding such lists), VitePress in ``.vitepress/config.{mts,ts,js,mjs}``
(``sidebar: [{ text: 'Group', items: [{ text, link: '/papers/x' }] }]``). That order is
the reading path a visitor follows, its sections the groups.

The navigation becomes one page of links to the site's notes under the groups' headings,
which the notes reader takes as a reading list in that order (``notes.index_pages``). The
member is named after the configuration and links back to the pages where they lie.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from papershelf.importers.containers import Member

_VITEPRESS_CONFIGS = frozenset({"config.mts", "config.ts", "config.js", "config.mjs"})
# { text: 'Type inference', items: [ … ] } and { text: 'Hindley 1969', link: '/papers/x' }
_GROUP_RE = re.compile(r"\{\s*text:\s*(['\"`])(?P<text>.+?)\1\s*,(?P<rest>[^{}]*?)items:\s*\[")
_ITEM_RE = re.compile(
    r"\{\s*text:\s*(['\"`])(?P<text>.+?)\1\s*,\s*link:\s*(['\"`])(?P<link>[^'\"`]+)\3\s*\}"
)
_SIDEBAR_RE = re.compile(r"\bsidebar\s*:\s*\[")
MEMBER = "Site navigation.md"


def is_navigation_page(name: str) -> bool:
    """The page this reader wrote (its member name), read as links, never as a note."""
    return PurePosixPath(name.replace("\\", "/")).name == MEMBER


def is_site_navigation(path: Path) -> bool:
    if path.name == "mkdocs.yml" or path.name == "mkdocs.yaml":
        return True
    return path.name in _VITEPRESS_CONFIGS and path.parent.name == ".vitepress"


def read_site_navigation(path: Path) -> list[Member]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.name.startswith("mkdocs"):
        groups = _mkdocs_groups(text)
        docs = "docs"  # MkDocs' default docs_dir, beside mkdocs.yml
        docs = str(_mkdocs_docs_dir(text) or docs)
        # The member lies at "<config>/Site navigation.md": links climb out of it.
        base = posixpath.join("..", docs)
    else:
        groups = _vitepress_groups(text)
        base = posixpath.join("..", "..")  # out of ".vitepress/config.mts/" to the docs root
    if sum(len(pages) for _, pages in groups) < 2:
        return []
    lines = [f"# {_site_name(text) or 'Contents'}", ""]
    for title, pages in groups:
        if title:
            lines += [f"## {title}", ""]
        lines += [f"- [{name}](<{posixpath.join(base, page)}>)" for name, page in pages]
        lines.append("")
    return [(MEMBER, "\n".join(lines).rstrip() + "\n")]


def _vitepress_groups(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    sidebar = _SIDEBAR_RE.search(text)
    if sidebar is None:
        return []
    body = text[sidebar.end() :]
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    starts = list(_GROUP_RE.finditer(body))
    for index, group in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(body)
        items = [
            (item["text"], _page(item["link"]))
            for item in _ITEM_RE.finditer(body, group.end(), end)
        ]
        groups.append((group["text"], [(name, page) for name, page in items if page]))
    return groups


def _page(link: str) -> str:
    """ "/papers/hindley-1969" → "papers/hindley-1969.md"; a site's address is no note."""
    if re.match(r"^[a-z]+:", link):
        return ""
    path = link.split("#", 1)[0].strip("/")
    if not path:
        return ""
    return path if path.endswith(".md") else f"{path.removesuffix('.html')}.md"


def _mkdocs_groups(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    try:
        config = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        return []  # MkDocs' own tags (!!python/name:…) or a broken file: no order to read
    groups: list[tuple[str, list[tuple[str, str]]]] = [("", [])]
    for entry in config.get("nav") or [] if isinstance(config, dict) else []:
        _mkdocs_entry(entry, groups, top=True)
    return [(title, pages) for title, pages in groups if pages]


def _mkdocs_entry(entry: Any, groups: list[tuple[str, list[tuple[str, str]]]], top: bool) -> None:
    if isinstance(entry, str):
        groups[-1][1].append((entry, entry))
    elif isinstance(entry, dict):
        for title, value in entry.items():
            if isinstance(value, str) and not re.match(r"^[a-z]+:", value):
                groups[-1][1].append((str(title), value))
            elif isinstance(value, list):
                if top:
                    groups.append((str(title), []))
                for child in value:
                    _mkdocs_entry(child, groups, top=False)


def _mkdocs_docs_dir(text: str) -> str:
    match = re.search(r"^docs_dir:\s*['\"]?([^'\"\n]+)", text, re.MULTILINE)
    return match[1].strip() if match else ""


def _site_name(text: str) -> str:
    """MkDocs' ``site_name``, VitePress's ``title``: what the site calls itself."""
    match = re.search(r"^\s*(?:site_name:|title:)\s*(['\"`]?)(?P<name>[^'\"`\n]+)\1", text, re.M)
    return match["name"].strip().rstrip(",") if match else ""
