"""A documentation site's navigation: the order its author gave the notes.

A notes site built with MkDocs, VitePress or Docsify orders its pages in its
configuration, not in the pages: MkDocs in ``mkdocs.yml`` (``nav:`` — a list of
``Title: page.md`` and of sections holding such lists), VitePress in
``.vitepress/config.{mts,ts,js,mjs}`` (``sidebar: [{ text: 'Group', items: [{ text,
link: '/papers/x' }] }]``), Docsify in ``_sidebar.md`` (a list of groups over links). That order is
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
from papershelf.importers.containers.members import contents_page

_VITEPRESS_CONFIGS = frozenset({"config.mts", "config.ts", "config.js", "config.mjs"})
# { text: 'Type inference', items: [ … ] } and { text: 'Hindley 1969', link: '/papers/x' }
_GROUP_RE = re.compile(r"\{\s*text:\s*(['\"`])(?P<text>.+?)\1\s*,(?P<rest>[^{}]*?)items:\s*\[")
_ITEM_RE = re.compile(
    r"\{\s*text:\s*(['\"`])(?P<text>.+?)\1\s*,\s*link:\s*(['\"`])(?P<link>[^'\"`]+)\3\s*\}"
)
_SIDEBAR_RE = re.compile(r"\bsidebar\s*:\s*\[")
MEMBER = "Site navigation.md"
# Docsify's sidebar: a Markdown list, "* **Group**" over "  * [Page](papers/x.md)".
DOCSIFY_SIDEBAR = "_sidebar.md"
_SIDEBAR_ITEM_RE = re.compile(r"^(?P<indent>\s*)[-*+]\s+(?P<text>.+?)\s*$")
_SIDEBAR_LINK_RE = re.compile(r"^\[(?P<name>[^\]]+)\]\((?P<link>[^)\s]+)(?:\s+[\"'][^)]*)?\)$")


def is_navigation_page(name: str) -> bool:
    """The page this reader wrote (its member name), read as links, never as a note."""
    return PurePosixPath(name.replace("\\", "/")).name == MEMBER


def is_site_navigation(path: Path) -> bool:
    if path.name in ("mkdocs.yml", "mkdocs.yaml", DOCSIFY_SIDEBAR):
        return True
    return path.name in _VITEPRESS_CONFIGS and path.parent.name == ".vitepress"


def read_site_navigation(path: Path) -> list[Member]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.name == DOCSIFY_SIDEBAR:
        groups = _docsify_groups(text)
        base = ".."  # out of "_sidebar.md/" to the folder its links start from
        text = _docsify_config(path)  # the site's name is in its index.html
    elif path.name.startswith("mkdocs"):
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
    # The site's name names the reading list (a page is named by its front matter).
    linked = [
        (group, [(text, posixpath.join(base, page)) for text, page in pages])
        for group, pages in groups
    ]
    return [(MEMBER, contents_page(linked, _site_name(text)))]


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


def _docsify_groups(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """A top-level item that links nowhere ("* **Boundaries**") opens a group; the links
    under it, however deep, are its pages in order."""
    groups: list[tuple[str, list[tuple[str, str]]]] = [("", [])]
    for line in text.splitlines():
        item = _SIDEBAR_ITEM_RE.match(line)
        if item is None:
            continue
        link = _SIDEBAR_LINK_RE.match(item["text"])
        if link is not None:
            if page := _page(link["link"]):
                groups[-1][1].append((link["name"].strip("*_ "), page))
        elif not item["indent"]:
            groups.append((item["text"].strip("*_ "), []))
    return [(title, pages) for title, pages in groups if pages]


def _docsify_config(sidebar: Path) -> str:
    """The ``name`` of ``window.$docsify`` in the site's index.html, as ``title:``."""
    for folder in (sidebar.parent, *sidebar.parents):
        index = folder / "index.html"
        if index.is_file():
            html = index.read_text(encoding="utf-8", errors="replace")
            match = re.search(r"\bname\s*:\s*(['\"`])(?P<name>[^'\"`\n]+)\1", html)
            return f"title: '{match['name']}'" if match else ""
    return ""


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
