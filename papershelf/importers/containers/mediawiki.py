"""A MediaWiki XML export (Special:Export, dumpBackup.php): one Markdown note per page.

The dump is ``<mediawiki>``, a ``<siteinfo>`` naming the namespaces, then ``<page>``
elements, each with its ``<title>``, ``<ns>`` and one or more ``<revision>`` whose
``<text>`` holds the page's wikitext. It is read as a stream, so that a dump of a
whole wiki's history never sits in memory at once.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from papershelf.importers.containers.members import MemberNames, markdown_note
from papershelf.importers.records import ParseError
from papershelf.importers.wikitext import mediawiki_to_markdown

# Only the main namespace (0) and the wiki's own "Project" namespace (4) hold content.
# Talk pages are discussion; User pages are people's profiles; Template, MediaWiki,
# Module and Help pages are the wiki's machinery (a citation template's usage example
# would import a placeholder paper); File and Category pages describe other pages.
_CONTENT_NAMESPACES = frozenset({0, 4})
_HEAD_BYTES = 64 * 1024
_PROLOG_RE = re.compile(r"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*", re.S)
_ROOT_RE = re.compile(r"<(?:[\w.-]+:)?mediawiki[\s>/]")
_REDIRECT_RE = re.compile(r"^\s*#redirect\s*:?\s*\[\[", re.I)
# Exports before schema 0.6 have no <ns>; then the title's prefix tells the namespace.
_MACHINERY_PREFIXES = frozenset(
    {"talk", "user", "user talk", "file", "image", "mediawiki", "template", "help"}
    | {"category", "module", "special", "media", "file talk", "template talk"}
)


@dataclass
class _Page:
    title: str = ""
    namespace: int | None = None
    redirect: bool = False
    timestamp: str = ""
    text: str = ""


def read_mediawiki(path: Path) -> list[tuple[str, str]]:
    """The content pages of a MediaWiki export as (file name, Markdown) pairs.

    A ``.xml`` file that is not a MediaWiki export holds no notes for us: it gives
    nothing, so that an XML file beside the notes of a folder does not stop its import.
    """
    if not _is_mediawiki_export(path):
        return []
    names = MemberNames()
    members = []
    for page in _pages(path):
        if not _is_content(page):
            continue
        body, categories = mediawiki_to_markdown(page.text)
        if body.strip():
            # A subpage ("Paper notes/RustBelt") is titled by its own last part.
            title = page.title.rsplit("/", 1)[-1]
            members.append((names.name_for(page.title), markdown_note(title, body, categories)))
    return members


def _is_mediawiki_export(path: Path) -> bool:
    """Does the root element say ``<mediawiki>``? A DTD in one is refused outright."""
    with path.open("rb") as stream:
        head = stream.read(_HEAD_BYTES).decode("utf-8", errors="replace").lstrip("\ufeff")
    prolog = _PROLOG_RE.match(head)
    rest = head[prolog.end() if prolog else 0 :]
    if rest.startswith("<!DOCTYPE") or "<!ENTITY" in rest[:4096]:
        # Exports never carry one; a DTD's entities are how XML bombs are built, and
        # ElementTree would expand them.
        if _ROOT_RE.search(rest):
            raise ParseError(path.name, None, "a MediaWiki export with a DTD is refused")
        return False
    return bool(_ROOT_RE.match(rest))


def _pages(path: Path) -> list[_Page]:
    pages: list[_Page] = []
    page = _Page()
    revision: dict[str, str] = {}
    try:
        # No defusedxml here; _is_mediawiki_export has refused any DTD, so no entity
        # can expand and nothing external is fetched.
        for event, element in ET.iterparse(path, events=("start", "end")):  # noqa: S314
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                if tag == "page":
                    page = _Page()
                elif tag == "revision":
                    revision = {}
                continue
            if tag in ("title", "ns") and element.text:
                _set_page_field(page, tag, element.text)
            elif tag == "redirect":
                page.redirect = True
            elif tag in ("timestamp", "text"):
                revision[tag] = element.text or ""
            elif tag == "revision":
                _keep_latest(page, revision)
                element.clear()  # a full-history dump: drop each revision once read
                revision = {}
            elif tag == "page":
                pages.append(page)
                element.clear()
    except ET.ParseError as error:
        line = error.position[0] if error.position else None
        raise ParseError(path.name, line, f"not a readable MediaWiki export: {error}") from None
    return pages


def _set_page_field(page: _Page, tag: str, value: str) -> None:
    if tag == "title":
        page.title = value.strip()
    elif value.strip().lstrip("-").isdigit():
        page.namespace = int(value)


def _keep_latest(page: _Page, revision: dict[str, str]) -> None:
    """Only the page as it is now: an older revision says what people since corrected."""
    stamp = revision.get("timestamp", "")
    if not page.timestamp or stamp >= page.timestamp:  # ISO 8601 sorts as text
        page.timestamp, page.text = stamp, revision.get("text", "")


def _is_content(page: _Page) -> bool:
    if page.redirect or _REDIRECT_RE.match(page.text) or not page.title:
        return False
    if page.namespace is not None:
        return page.namespace in _CONTENT_NAMESPACES
    prefix = page.title.partition(":")[0].casefold() if ":" in page.title else ""
    return prefix not in _MACHINERY_PREFIXES
