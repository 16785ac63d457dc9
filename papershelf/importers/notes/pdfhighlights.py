"""A Logseq PDF's highlights page (``pages/hls__<pdf name>_<id>.md``).

Logseq keeps the highlights of a PDF read in it on a page of their own: ``file::`` and
``file-path::`` name the PDF, each highlight is a block with ``ls-type:: annotation``,
``hl-page::`` and ``hl-color::``, the reader's comments nested under it. The page is
named after the PDF's file, which names no paper; a first highlight on page 1 that reads
like a title (the reader marking the paper's own title) names it. The highlights become
quotes with their page, the comments the notes under them.
"""

from __future__ import annotations

import re

from papershelf.lib.titles import is_probably_title

_FILE_RE = re.compile(r"^file::\s*\S", re.MULTILINE)
_ANNOTATION_RE = re.compile(r"^\s+ls-type::\s*annotation\s*$", re.MULTILINE)
_BLOCK_RE = re.compile(r"^(?P<indent>\s*)-\s+(?P<text>.*?)\s*$")
_PROPERTY_RE = re.compile(r"^\s*(?P<key>[\w-]+)::\s*(?P<value>.*?)\s*$")


def looks_like_pdf_highlights(lines: list[str]) -> bool:
    text = "".join(lines[:200])
    return bool(_FILE_RE.search(text) and _ANNOTATION_RE.search(text))


def pdf_highlights_as_notes(lines: list[str]) -> list[str]:
    """The page as Markdown: the title the first page-1 highlight gives (or none), then
    each highlight quoted with its page and the comments under it."""
    blocks: list[dict[str, object]] = []
    for line in lines:
        if (match := _BLOCK_RE.match(line)) and not _PROPERTY_RE.match(match["text"]):
            depth = len(match["indent"].expandtabs(2))
            blocks.append({"text": match["text"], "depth": depth, "props": {}})
        elif (prop := _PROPERTY_RE.match(line)) and blocks:
            blocks[-1]["props"][prop["key"].casefold()] = prop["value"]  # type: ignore[index]
    first = next((b for b in blocks if _is_highlight(b) and _page(b) == "1"), None)
    title = str(first["text"]) if first is not None else ""
    # A title is capitalised ("Time series regression studies …"); "652 cities in 24
    # countries" or "fine particulate matter" marked on page 1 are findings, not it.
    if not (title[:1].isupper() and is_probably_title(title)):
        title = ""
    out = [f"# {title}", ""] if title else []
    for block in blocks:
        if _is_highlight(block):
            out += [f"> {block['text']} (p. {_page(block)})", ""]
        elif int(block["depth"]) > 0:  # type: ignore[call-overload]
            out += [str(block["text"]), ""]
    return [f"{line}\n" for line in out]


def _is_highlight(block: dict[str, object]) -> bool:
    return block["props"].get("ls-type") == "annotation"  # type: ignore[attr-defined, no-any-return]


def _page(block: dict[str, object]) -> str:
    return str(block["props"].get("hl-page", ""))  # type: ignore[attr-defined]
