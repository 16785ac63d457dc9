"""A Zim page becomes DokuWiki-shaped text, then Markdown, then a notes document.

Zim keeps each page as a ``.txt`` file under a few header lines (``Content-Type:
text/x-zim-wiki``, ``Wiki-Format: zim 0.6``, ``Creation-Date: …``). Its markup grew out of
DokuWiki's — the same ``====== Heading ======`` levels, ``**bold**``, ``//italic//``,
``''code''`` and ``[[target|label]]`` links — so the few places where it differs (lists
from the first column, checkboxes, ``'''`` and ``{{{code:`` blocks, ``{{./image.png}}``
attachments, ``[[+Subpage]]`` links, ``|---|`` table rules, ``@tags``) are rewritten into
DokuWiki's shape and the DokuWiki converter does the rest.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from papershelf.importers.dokuwiki.parse import to_markdown as dokuwiki_to_markdown
from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.records import ParsedDocument, ParseHints

_HEADER_RE = re.compile(r"^(?P<key>[A-Z][\w-]*):\s*(?P<value>.*)$")
_LIST_RE = re.compile(
    r"^(?P<indent>[\t ]*)(?:(?P<bullet>[*•-])\s+|(?P<number>(?:\d+|[a-zA-Z])\.)\s+)?"
    r"(?P<box>\[[ *xX><]\]\s+)?(?P<text>.*)$"
)
_CREATED_RE = re.compile(r"^Created \w+ \d{1,2} \w+ \d{4}\s*$")
_CODE_BLOCK_RE = re.compile(r'^\s*\{\{\{code:(?:.*?\blang="(?P<lang>[\w+#-]+)")?.*$')
_IMAGE_RE = re.compile(r"\{\{(?P<target>[^}|?]+)(?:\?[^}|]*)?(?:\|[^}]*)?\}\}")
_SUBPAGE_LINK_RE = re.compile(r"\[\[\+")
_TABLE_RULE_RE = re.compile(r"^\s*\|[-:|\s]+\|\s*$")
_TAGS_ONLY_RE = re.compile(r"^\s*(?:@[\w-]+[\s,]*)+$")
_SCRIPT_RE = re.compile(r"[_^]\{(?P<body>[^}]*)\}")
_DATE_HEADING_RE = re.compile(
    r"^\s*={6}\s*(?P<date>(?:[A-Z][a-z]+,? )?\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2})"
    r"\s*={6}\s*$"
)
_RULE_RE = re.compile(r"^\s*-{4,}\s*$")
_CHECKED = {"*": "x", "x": "x", "X": "x"}  # [>] moved and [<] migrated are not done here


def to_markdown(text: str, path: str = "") -> str:
    """The page's Markdown; ``path`` (the page's own file) places its attachments."""
    return dokuwiki_to_markdown("\n".join(_dokuwiki_lines(_body(text), _page_folder(path))))


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    return parse_converted(to_markdown(text, path), path, "zim", hints)


def looks_like_zim(text: str) -> bool:
    """Zim writes its header on every page; no other ``.txt`` notes start with it."""
    head = text.lstrip("\ufeff \n")[:300]
    return head.startswith("Content-Type: text/x-zim-wiki") or (
        head.startswith("Wiki-Format: zim ")
    )


def _body(text: str) -> list[str]:
    """The page without its header lines and Zim's "Created Tuesday 09 January 2024"."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    start = 0
    while start < len(lines) and _HEADER_RE.match(lines[start]):
        start += 1
    body = lines[start:]
    for index, line in enumerate(body[:6]):
        if _CREATED_RE.match(line):
            del body[index]
            break
    for index, line in enumerate(body[:3]):
        if match := _DATE_HEADING_RE.match(line):
            # A journal page is headed by its day, which names no paper.
            body[index] = f"Date: {match['date']}"
            break
    return body


def _page_folder(path: str) -> str:
    """A page's attachments live in the folder named like it: Reading/Graphene_basics/."""
    return PurePosixPath(path).stem if path else ""


def _dokuwiki_lines(lines: list[str], folder: str) -> list[str]:
    out: list[str] = []
    fence = ""  # "'''" or "}}}" while inside a verbatim or code block
    for line in lines:
        if fence:
            if line.strip() == fence:
                out.append("</code>")
                fence = ""
            else:
                out.append(line)
            continue
        if line.strip() == "'''":
            out.append("<code>")
            fence = "'''"
            continue
        if match := _CODE_BLOCK_RE.match(line):
            out.append(f"<code {match['lang']}>" if match["lang"] else "<code>")
            fence = "}}}"
            continue
        if _RULE_RE.match(line):
            out += ["", "----", ""]  # under a line of text Markdown would read a heading
            continue
        if _TABLE_RULE_RE.match(line):
            continue  # the row above is the header either way
        if _TAGS_ONLY_RE.match(line):
            out.append("{{tag>" + " ".join(re.findall(r"@([\w-]+)", line)) + "}}")
            continue
        line = _list_line(_inline(line, folder))
        # Zim shows each line as written: what a line ending in a colon introduces (a
        # citation, a list) is not part of its sentence, as in a Markdown paragraph.
        out += [line, ""] if line.rstrip().endswith(":") and line[:1].strip() else [line]
    if fence:
        out.append("</code>")
    return out


def _inline(line: str, folder: str) -> str:
    line = _SUBPAGE_LINK_RE.sub("[[", line)
    line = _SCRIPT_RE.sub(lambda m: m["body"], line)
    return _IMAGE_RE.sub(lambda m: _image(m["target"].strip(), folder), line)


def _image(target: str, folder: str) -> str:
    """``{{./plot.png}}`` is a file in the page's folder; Markdown finds it beside the page."""
    if "://" in target:
        return "{{" + target + "}}"  # the DokuWiki converter keeps web images
    if target.startswith("./") and folder:
        target = f"{folder}/{target[2:]}"
    return f"<nowiki>![]({target.replace(' ', '%20')})</nowiki>"


def _list_line(line: str) -> str:
    """Zim's lists start in the first column, a tab a level; DokuWiki's two spaces in."""
    match = _LIST_RE.match(line)
    if not match or not (match["bullet"] or match["number"] or match["box"]):
        return line
    indent = match["indent"]
    if " " in indent and not match["bullet"]:
        return line  # an indented "1." without tabs is text, not Zim's list
    depth = indent.count("\t") + len(indent.replace("\t", "")) // 4  # spaces: a typed tab
    marker = "-" if match["number"] else "*"
    box = ""
    if match["box"]:
        box = f"[{_CHECKED.get(match['box'][1], ' ')}] "
    return f"{'  ' * (depth + 1)}{marker} {box}{match['text']}"
