"""An AsciiDoc document becomes Markdown, then a notes document like any other.

The header (``= Title``, an author line, a revision line, ``:name: value`` attribute
entries) becomes front matter over a ``# Title`` heading: ``:keywords:`` are the note's
tags, ``:revdate:`` its date, and the attributes a paper note gives itself (``:doi:``,
``:arxiv:``, ``:authors:``, ``:venue:``…) the paper's facts, as the notes reader takes
them from any front matter. ``:author:`` is who wrote the document, as in Asciidoctor;
``:description:`` is kept as the note's first paragraph too. The body is converted by
``blocks`` and ``inline``; ``include::`` directives go, since the files they name are
imported on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml

from papershelf.importers.asciidoc.blocks import Converter
from papershelf.importers.asciidoc.inline import Inline, substitute_attributes
from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.records import ImportWarning, ParsedDocument, ParseHints

_TITLE_RE = re.compile(r"^(?:=|#)\s+(?P<title>\S.*?)\s*$")
_ATTRIBUTE_RE = re.compile(r"^:(?P<name>[\w][\w-]*):(?:\s+(?P<value>.*?))?\s*$")
_UNSET_RE = re.compile(r"^:!?[\w][\w-]*!?:\s*$")
_REVISION_RE = re.compile(r"^v?(?P<number>[\d.]+\w*)?,?\s*(?P<date>[^:]*)(?::.*)?$")
_ANCHOR_LINE_RE = re.compile(r"\[\[[^\[\]]+\]\]|\[[#.][^\[\]]*\]")
_DIRECTIVE_RE = re.compile(r"^(?:include|ifdef|ifndef|ifeval|endif)::.*\]$")
_EMAIL_RE = re.compile(r"\s*<[^<>@\s]+@[^<>\s]+>")
_EXTENSIONS = (".adoc", ".asciidoc", ".asc")
_CHAPTER_NAME_RE = re.compile(
    r"^(?:ch(?:apter)?|part|week|lecture|module)?[-_ ]?\d{1,3}(?!\d)", re.I
)
# Attributes that set up the build or the page, not facts about a note or paper.
_BUILD_ATTRIBUTES = frozenset(
    {"toc", "toclevels", "toc-title", "toc-placement", "sectnums", "sectnumlevels", "sectanchors"}
    | {"sectlinks", "icons", "iconsdir", "imagesdir", "stem", "source-highlighter", "experimental"}
    | {"doctype", "idprefix", "idseparator", "linkattrs", "nofooter", "noheader", "showtitle"}
    | {"xrefstyle", "pdf-theme", "pdf-themesdir", "pdf-fontsdir", "lang", "hardbreaks"}
    | {"leveloffset", "outfilesuffix", "imagesoutdir", "data-uri", "allow-uri-read", "eqnums"}
    | {"bibtex-file", "bibtex-style", "bibtex-order", "chapter-signifier", "appendix-caption"}
    | {"figure-caption", "table-caption", "example-caption", "listing-caption"}
    | {"last-update-label", "version-label", "revnumber", "revremark", "email", "firstname"}
    | {"lastname", "authorinitials", "encoding", "docinfo", "stylesheet", "stylesdir", "linkcss"}
    | {"copycss", "webfonts", "notitle"}
    | {"partnums", "part-signifier", "table-stripes", "kroki-server-url", "page-layout", "navtitle"}
)  # fmt: skip


@dataclass
class Header:
    title: str = ""
    front: dict[str, object] = field(default_factory=dict)  # Jekyll's YAML, when there is one
    attributes: dict[str, str] = field(default_factory=dict)
    body_start: int = 0


def looks_like_asciidoc(text: str) -> bool:
    """A ``= Title`` or ``== Section`` line, attribute entries, or AsciiDoc's own blocks."""
    head = text.lstrip("\ufeff")[:20000]
    score = 0
    score += 2 * bool(re.search(r"^={1,5} \S", head, re.M))
    score += bool(re.search(r"^:[\w-]+:(?: |$)", head, re.M))
    score += bool(re.search(r"^\[(?:source|NOTE|TIP|quote|cols=|bibliography|stem)\b", head, re.M))
    score += bool(re.search(r"^(?:----|\|===|____|====|\.\.\.\.)\s*$", head, re.M))
    score += bool(re.search(r"\b(?:link|xref|image|include|stem|latexmath)::?[^\s\[]*\[", head))
    score += bool(re.search(r"<<[\w:.-]+(?:,[^<>]*)?>>", head))
    return score >= 2 and not head.lstrip().startswith(("<", "{", "---"))


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    header = read_header(_lines(text))
    chapter = _chapter_title(header, path)
    markdown = to_markdown(text, chapter=bool(chapter))
    if not _body_text(markdown):
        # An attributes file (``include::attributes.adoc[]``) or an index of includes.
        reason = "an AsciiDoc file of attributes or include:: lines only, no notes"
        return ParsedDocument(path, "asciidoc", warnings=[ImportWarning(path, None, reason)])
    document = parse_converted(markdown, path, "asciidoc", hints)
    if chapter:
        for entry in document.entries:
            entry.sections = (chapter, *entry.sections)
        document.title, document.ordered = chapter, True
    return document


def _chapter_title(header: Header, path: str) -> str:
    """ "02-lattices.adoc" opening "= Lattices and LWE": a chapter of a book whose chapters
    are numbered files. Its title names the book's section its papers are in, not a
    paper (as the title opening a one-paper note would)."""
    if not header.title or not _CHAPTER_NAME_RE.match(PurePosixPath(path).stem):
        return ""
    return " ".join(Inline(attributes={**header.attributes}).convert(header.title).split())


def _body_text(markdown: str) -> str:
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    return "\n".join(line for line in body.split("\n") if line.strip() and not line.startswith("#"))


def to_markdown(text: str, chapter: bool = False) -> str:
    """The document as Markdown; a ``chapter`` leaves its title out (it is a section)."""
    lines = _lines(text)
    yaml_front, lines = _yaml_front_matter(lines)
    header = read_header(lines)
    header.front = yaml_front
    attributes = {**header.attributes}
    inline = Inline(attributes=attributes, images_dir=attributes.get("imagesdir", "").rstrip("/"))
    body = Converter(inline).convert(lines[header.body_start :])
    title = inline.convert(header.title) if header.title else ""
    description = inline.convert(attributes.get("description", ""))
    parts = [_front_matter(header), f"# {title}\n" if title and not chapter else ""]
    parts.append(f"{description}\n" if description else "")
    parts.append("\n".join([*body, "", *inline.footnote_section()]))
    markdown = "\n".join(part for part in parts if part)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def _lines(text: str) -> list[str]:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_header(lines: list[str]) -> Header:
    """The document title, its author and revision lines and the attribute entries
    around them, up to the first blank line after the title."""
    header = Header()
    index = _skip_preamble(lines, 0, header)
    if index >= len(lines):
        return header
    title = _TITLE_RE.match(lines[index])
    underlined = (
        index + 1 < len(lines)
        and re.fullmatch(r"={2,}", lines[index + 1].strip())
        and abs(len(lines[index + 1].strip()) - len(lines[index].strip())) <= 2
    )
    if not title and not underlined:
        header.body_start = index
        return header
    header.title = title["title"] if title else lines[index].strip()
    index += 1 if title else 2
    details = 0
    while index < len(lines) and lines[index].strip():
        line = lines[index].strip()
        if match := _ATTRIBUTE_RE.match(line):
            _set(header, match["name"], match["value"] or "")
        elif _UNSET_RE.match(line) or line.startswith("//") or _DIRECTIVE_RE.match(line):
            pass  # "include::attributes.adoc[]" in the header brings attributes, not an author
        elif details == 0:
            header.attributes.setdefault("author", _authors(line))
            details = 1
        elif details == 1:
            revision = _REVISION_RE.match(line)
            if revision and revision["date"].strip():
                header.attributes.setdefault("revdate", revision["date"].strip())
            details = 2
        else:
            break  # the header ends; a paragraph starts without a blank line
        index += 1
    header.body_start = index
    return header


def is_asciidoc_path(path: str) -> bool:
    return PurePosixPath(path).suffix.lower() in _EXTENSIONS


def _skip_preamble(lines: list[str], index: int, header: Header) -> int:
    """Blank lines, comments, anchors and attribute entries before the title."""
    in_comment = False
    while index < len(lines):
        line = lines[index].strip()
        if line == "////" or in_comment:
            in_comment = (line != "////") if in_comment else True
        elif match := _ATTRIBUTE_RE.match(line):
            _set(header, match["name"], match["value"] or "")
        elif not _is_preamble_line(line):
            return index
        index += 1
    return index


def _is_preamble_line(line: str) -> bool:
    # "[[lattices]]" before the title only names it.
    return (
        not line
        or line.startswith("//")
        or bool(_UNSET_RE.match(line))
        or bool(_ANCHOR_LINE_RE.fullmatch(line))
    )


def _set(header: Header, name: str, value: str) -> None:
    header.attributes[name.casefold()] = substitute_attributes(value, header.attributes)


def _authors(line: str) -> str:
    """``Jane Doe <jane@example.org>; John Roe``: names, without their addresses."""
    names = [_EMAIL_RE.sub("", name).strip() for name in line.split(";")]
    return ", ".join(name.replace("_", " ") for name in names if name)


def _yaml_front_matter(lines: list[str]) -> tuple[dict[str, object], list[str]]:
    """Jekyll AsciiDoc pages open with YAML front matter (``---`` … ``---``), as
    Markdown posts do; it is the note's front matter, the rest is AsciiDoc."""
    if not lines or lines[0].strip() != "---":
        return {}, lines
    closing = next((i for i, line in enumerate(lines[1:200], 1) if line.strip() == "---"), 0)
    try:
        data = yaml.safe_load("\n".join(lines[1:closing])) if closing else None
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        return {}, lines
    return {str(key): value for key, value in data.items()}, lines[closing + 1 :]


def _front_matter(header: Header) -> str:
    front: dict[str, object] = {**header.front}
    for name, value in header.attributes.items():
        if not value or name in _BUILD_ATTRIBUTES or name.startswith(("pdf-", "html-", "epub-")):
            continue
        if name == "keywords":
            front["tags"] = [k.strip() for k in re.split(r"[,;]", value) if k.strip()]
        elif name == "revdate":
            front.setdefault("date", value)
        else:
            front[name] = value
    if not front:
        return ""
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n"
