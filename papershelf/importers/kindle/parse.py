"""A Kindle ``My Clippings.txt`` becomes one Markdown note per document highlighted.

The Kindle appends every highlight, note and bookmark to one file, each as::

    Title (Author)
    - Your Highlight on page 3 | Location 40-42 | Added on Monday, 3 June 2024 10:11:12

    the highlighted text
    ==========

The second line's words are in the reader's language ("Ihre Markierung auf Seite 3 |
Position 40-42 | Hinzugefügt am …", "您在第 3 页（位置 #40-42）的标注 | 添加于 …"), so a
clipping is found by its shape: a ``- `` line of ``|``-separated parts after the title,
a blank line, the text. Its kind comes from the words when we know them, else from the
shape: a bookmark has no text, a note marks one location, a highlight a range.

Clippings are grouped by document into one note each: ``# Title``, the highlights as
quotes with their page and location in small print, the reader's notes as text under
the highlight they were written at. The title of a PDF is often its file name
(``2106.09685v2``, ``Attention is all you need - Vaswani et al``); an arXiv id there is
the paper's, and a trailing ``- Authors et al`` names its authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml

from papershelf.importers.notes.parse import parse as parse_notes
from papershelf.importers.records import ImportWarning, ParsedDocument, ParseHints

FORMAT = "kindle"
SEPARATOR_RE = re.compile(r"^={10}[ \t\r]*$", re.M)
_META_RE = re.compile(r"^\s*-\s*\S.*[|｜]")
_RANGE_RE = re.compile(r"(\d[\d,.]*)\s*[-–]\s*(\d[\d,.]*)")
_NUMBER_RE = re.compile(r"\d[\d,.]*")
# The words for each kind in the languages Kindles write (lower case).
_BOOKMARK_WORDS = ("bookmark", "lesezeichen", "marcador", "signet", "segnalibro", "ブックマーク",
                   "书签", "書籤", "закладка", "bladwijzer")  # fmt: skip
_NOTE_WORDS = ("note", "notiz", "nota", "メモ", "笔记", "筆記", "заметка", "notitie")
_HIGHLIGHT_WORDS = ("highlight", "markierung", "subrayado", "surlignement", "evidenziazione",
                    "destaque", "ハイライト", "标注", "標註", "выделение", "markering")  # fmt: skip
_PAGE_WORDS = ("page", "seite", "página", "pagina", "ページ", "页", "頁", "страниц", "pag")
_LOCATION_WORDS = ("location", "loc", "position", "posición", "posição", "posizione",
                   "emplacement", "位置", "позиц", "locatie")  # fmt: skip
_ARXIV_NAME_RE = re.compile(
    r"^(?:arxiv[ _:-]*)?(?P<id>\d{4}\.\d{4,5})(?:v(?P<version>\d+))?\b", re.I
)
_AUTHORS_TAIL_RE = re.compile(
    r"^(?P<title>.+?)\s+[-–—_]\s+(?P<authors>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?"
    r"(?:\s+et\.?\s+al\.?|(?:\s*(?:,|and|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)+)"
    r"(?:\s*[,(]?\s*(?P<year>(?:19|20)\d{2})\)?)?)\s*$"
)
_FILE_SUFFIX_RE = re.compile(r"\.(?:pdf|epub|mobi|azw3?|docx?|txt|tex|dvi|ps)$", re.I)
_WORD_PROCESSOR_RE = re.compile(r"^Microsoft (?:Word|PowerPoint) - |^untitled\b", re.I)
# "rosenbaum_rubin_1983": a file named after its authors and year.
_AUTHORS_YEAR_NAME_RE = re.compile(
    r"^(?P<names>[A-Za-z]+(?:[_-](?:[A-Za-z]+)){0,2})[_-](?P<year>(?:19|20)\d{2})[a-z]?$"
)
_IDENTIFIER_RE = re.compile(
    r"\b(?:doi|DOI)\s*:?\s*(?P<doi>10\.\d{4,9}/[^\s,;]+[^\s,;.)])"
    r"|https?://(?:dx\.)?doi\.org/(?P<doi_url>10\.\d{4,9}/[^\s,;]+[^\s,;.)])"
    r"|\barxiv\s*:?\s*(?P<arxiv>\d{4}\.\d{4,5}(?:v\d+)?)\b"
    r"|arxiv\.org/(?:abs|pdf)/(?P<arxiv_url>\d{4}\.\d{4,5}(?:v\d+)?)",
    re.I,
)
_LIMIT_MESSAGE_RE = re.compile(r"^\s*<[^<>\n]+>\s*$")
_AUTHOR_PART_RE = re.compile(r"\s*\([^()]*\)\s*$")
# A line that Markdown would read as a heading, a rule or front matter, not as text.
_BLOCK_START_RE = re.compile(r"^(\s*)(#|[-=*_]{3,}\s*$)")
_UNKNOWN_AUTHORS = frozenset({"unknown", "unknown author", "anonymous", "", "n/a"})


@dataclass
class Clipping:
    kind: str  # "highlight", "note" or "bookmark"
    text: str
    page: str = ""
    location: str = ""
    line: int = 0  # 1-based line of the clipping's title in the file

    @property
    def start(self) -> int | None:
        found = _NUMBER_RE.search(self.location)
        return int(re.sub(r"\D", "", found[0])) if found else None

    @property
    def end(self) -> int | None:
        found = _RANGE_RE.search(self.location)
        return int(re.sub(r"\D", "", found[2])) if found else self.start


@dataclass
class Document:
    heading: str  # the title line as the Kindle wrote it
    clippings: list[Clipping] = field(default_factory=list)


def looks_like_clippings(text: str) -> bool:
    """Entries between ``==========`` lines, each a title and a ``- … | …`` line."""
    head = text.lstrip("\ufeff")[:20000]
    entries = [e for e in SEPARATOR_RE.split(head) if e.strip()]
    if not entries or not SEPARATOR_RE.search(head):
        return False
    shaped = sum(1 for entry in entries[:20] if _read_entry(entry, 0) is not None)
    return shaped >= max(1, (min(len(entries), 20) + 1) // 2)


def read_clippings(text: str) -> list[Document]:
    """The documents in the file's order, each with its clippings in the file's order."""
    documents: dict[str, Document] = {}
    line = 1
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")  # the Kindle writes CRLF
    for entry in SEPARATOR_RE.split(text):
        found = _read_entry(entry, line + _leading_blank_lines(entry))
        line += entry.count("\n")
        if found is None:
            continue
        heading, clipping = found
        if _LIMIT_MESSAGE_RE.match(clipping.text):
            continue  # "<You have reached the clipping limit for this item>": no text read
        # One document, whatever the author part says ("(Pearl)", "(Pearl, Judea)").
        key = " ".join(_AUTHOR_PART_RE.sub("", heading).split()).casefold() or heading
        documents.setdefault(key, Document(heading)).clippings.append(clipping)
    return list(documents.values())


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    # ``hints`` name entries by line; the importer applies them to the whole file.
    document = ParsedDocument(path=path, format=FORMAT)
    markdown_path = str(PurePosixPath(path).with_suffix(".md")) if path else "clippings.md"
    for source in read_clippings(text):
        if reason := _not_a_paper(source):
            line = source.clippings[0].line
            document.warnings.append(ImportWarning(path, line, f"“{source.heading}”: {reason}"))
            continue
        markdown = document_markdown(source)
        found = parse_notes(markdown, markdown_path)
        lines = markdown.split("\n")
        heading = next((n for n, line in enumerate(lines, 1) if line.startswith("# ")), 0)
        # The heading we wrote over the clippings is no introduction the reader left out.
        found.warnings = [w for w in found.warnings if f"paper (line {heading})" not in w.message]
        _append(document, found, source.clippings[0].line, path)
    if not document.entries:
        reason = "names no paper (no clipping with a document title and text)"
        document.warnings.append(ImportWarning(path, None, reason))
    return document


def document_markdown(source: Document) -> str:
    """One document's clippings as a note: front matter, ``# Title``, quotes and notes."""
    title, facts = read_title_line(source.heading)
    if is_file_name(source.heading) and (named := _title_from_highlights(source.clippings)):
        title = named
        facts = {**facts, "title": named}
    for key, value in _labelled_identifiers(source.clippings).items():
        facts.setdefault(key, value)
    front = "---\n" + yaml.safe_dump(facts, allow_unicode=True, sort_keys=False) + "---\n\n"
    body = "\n\n".join(_body(source.clippings))
    return (front if facts else "") + f"# {title}\n\n{body}\n"


def is_file_name(heading: str) -> bool:
    """A PDF's title that is its file name or a word processor's, not the paper's."""
    title = re.sub(r"\s*\([^()]*\)$", "", heading.strip())
    if (
        _ARXIV_NAME_RE.match(title)
        or _WORD_PROCESSOR_RE.match(title)
        or _FILE_SUFFIX_RE.search(title)
    ):
        return True
    return " " not in title and bool(re.search(r"[_\d]", title))


def read_title_line(heading: str) -> tuple[str, dict[str, object]]:
    """The title and the facts the Kindle's ``Title (Author)`` line gives."""
    facts: dict[str, object] = {}
    title = heading.strip()
    author = ""
    if match := re.match(r"^(?P<title>.*\S)\s*\((?P<author>[^()]*(?:\([^()]*\)[^()]*)*)\)$", title):
        title, author = match["title"], match["author"].strip()
    title = _FILE_SUFFIX_RE.sub("", title).strip()
    # "(yoav)": a word processor's user name, not an author.
    is_user_name = re.fullmatch(r"[a-z0-9._-]+", author) is not None
    if author.casefold() not in _UNKNOWN_AUTHORS and not is_user_name:
        facts["authors"] = _authors(author)
    if arxiv := _ARXIV_NAME_RE.match(title):
        facts["arxiv"] = arxiv["id"] + (f"v{arxiv['version']}" if arxiv["version"] else "")
        rest = title[arxiv.end() :].strip(" -_–—.")
        title = rest.replace("_", " ") if rest else title
    elif named := _AUTHORS_YEAR_NAME_RE.match(title):
        names = re.split(r"[_-]", named["names"])
        facts.setdefault("authors", " and ".join(name.capitalize() for name in names))
        facts["year"] = int(named["year"])
        title = title.replace("_", " ")
    elif "_" in title and " " not in title:
        title = title.replace("_", " ")  # a file name: "attention_is_all_you_need"
    if tail := _AUTHORS_TAIL_RE.match(title):
        title = tail["title"].strip()
        facts.setdefault("authors", tail["authors"].split("(")[0].strip(" ,"))
        if tail["year"]:
            facts["year"] = int(tail["year"])
    if not (arxiv and title == heading.strip()):
        facts = {"title": title, **facts}  # a labelled title: the evidence of a paper
    return title, facts


def _not_a_paper(source: Document) -> str:
    """Why a document's clippings are not notes on a paper, or ""."""
    read = [c for c in source.clippings if c.kind != "bookmark"]
    if not read:
        return "only bookmarks, nothing highlighted or noted"
    # The Kindle gives a PDF's clippings pages; a Kindle book's (or an article sent to
    # the Kindle) locations alone. Papers are read as PDFs: a book needs an identifier.
    if not all(c.location and not c.page for c in read) or _labelled_identifiers(read):
        return ""
    title = _AUTHOR_PART_RE.sub("", source.heading)
    if _ARXIV_NAME_RE.match(title) or _AUTHORS_TAIL_RE.match(title):
        return ""  # "2106.09685v2" or "Title - Vaswani et al": a paper, converted
    return "a Kindle book or article (located by location, not page), not a paper"


def _title_from_highlights(clippings: list[Clipping]) -> str:
    """The paper's title, highlighted on its first page: the first highlight there that
    reads like a title (a few words, a capital, no sentence's full stop)."""
    first_page = [c for c in clippings if c.kind == "highlight" and c.page in ("1", "i", "")]
    for clipping in first_page[:3]:
        text = " ".join(clipping.text.split())
        words = text.split()
        titled = 3 <= len(words) <= 30 and text[0].isupper() and not text.endswith((".", ",", ";"))
        if titled and not re.match(r"^(?:doi|arxiv|citation|abstract)\b", text, re.I):
            return text
    return ""


def _labelled_identifiers(clippings: list[Clipping]) -> dict[str, str]:
    """The one DOI or arXiv id the clippings give with its label ("doi 10.…", "arXiv
    1510.04342"): on a PDF's first page or typed in a note, the paper's own. Several
    different ones are papers it cites, and none is taken."""
    found: dict[str, set[str]] = {"doi": set(), "arxiv": set()}
    for clipping in clippings:
        for match in _IDENTIFIER_RE.finditer(clipping.text):
            if doi := match["doi"] or match["doi_url"]:
                found["doi"].add(doi.rstrip(".").casefold())
            elif arxiv := match["arxiv"] or match["arxiv_url"]:
                found["arxiv"].add(arxiv)
    if len(found["doi"]) + len(found["arxiv"]) != 1:
        return {}
    return {key: next(iter(values)) for key, values in found.items() if values}


def _authors(author: str) -> str:
    """``Vaswani, Ashish; Shazeer, Noam`` (a Kindle book's "Last, First") or ``A, B and C``
    (a PDF's) as names, one list."""
    names: list[str] = []
    for part in re.split(r";|\s+&\s+|\s+and\s+", author):
        last, comma, first = part.partition(",")
        if comma and len(last.split()) == 1 and 1 <= len(first.split()) <= 3 and "," not in first:
            names.append(f"{first.strip()} {last.strip()}")  # "Pearl, Judea"
        else:
            names += [name.strip() for name in part.split(",") if name.strip()]
    return ", ".join(names)


def _read_entry(entry: str, line: int) -> tuple[str, Clipping] | None:
    lines = entry.strip("\n").split("\n")
    while lines and not lines[0].strip():
        lines = lines[1:]
    if len(lines) < 2 or not _META_RE.match(lines[1]):
        return None
    heading = lines[0].strip().lstrip("\ufeff")
    text = "\n".join(lines[2:]).strip()
    clipping = _meta(lines[1], text, line)
    return (heading, clipping) if heading else None


def _meta(meta: str, text: str, line: int) -> Clipping:
    parts = [p.strip() for p in re.split(r"[|｜]", meta.strip().lstrip("-").strip())]
    # The last part is when it was added; the others say where, and the first what.
    where = parts[:-1] if len(parts) > 1 else parts
    # "您在第 12 页（位置 #180-182）的标注": page and location may share one part.
    where = [piece for part in where for piece in _split_at_location(part)]
    page = next((_number_after(p) for p in where if _has(p, _PAGE_WORDS)), "")
    location = next((_location(p) for p in where if _has(p, _LOCATION_WORDS)), "")
    if not page and not location:
        # Words we do not know: the last range (or number) before the date is where.
        ranges = [f"{m[1]}–{m[2]}" for p in where for m in _RANGE_RE.finditer(p)]
        numbers = [m[0] for p in where for m in _NUMBER_RE.finditer(p)]
        location = ranges[-1] if ranges else (numbers[-1] if numbers else "")
    # "3ページ|位置No. 40-42の ハイライト |…": the kind may be named after the place.
    kind = _kind(" ".join(parts[:-1] if len(parts) > 1 else parts), text, location)
    return Clipping(kind, text, page, location, line)


def _kind(first: str, text: str, location: str) -> str:
    words = first.casefold()
    if not text or _has(words, _BOOKMARK_WORDS):
        return "bookmark"
    if _has(words, _HIGHLIGHT_WORDS):
        return "highlight"
    if _has(words, _NOTE_WORDS):
        return "note"
    # Words we do not know: a note is written at one location, a highlight spans some.
    return "highlight" if _RANGE_RE.search(location) or not location else "note"


def _has(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.casefold()
    return any(word in lowered for word in words)


def _split_at_location(part: str) -> list[str]:
    lowered = part.casefold()
    at = min((i for word in _LOCATION_WORDS if (i := lowered.find(word)) > 0), default=-1)
    if at > 0 and _has(part[:at], _PAGE_WORDS):
        return [part[:at], part[at:]]
    return [part]


def _number_after(part: str) -> str:
    found = _RANGE_RE.search(part) or _NUMBER_RE.search(part)
    if found is None:
        # "page ix": a roman numeral after the word.
        roman = re.search(r"\b([ivxlc]+)\b\s*$", part, re.I)
        return roman[1] if roman else ""
    return found[0] if found.re is _NUMBER_RE else f"{found[1]}–{found[2]}"


def _location(part: str) -> str:
    found = _RANGE_RE.search(part)
    if found:
        return f"{found[1]}–{found[2]}"
    number = _NUMBER_RE.search(part)
    return number[0] if number else ""


def _body(clippings: list[Clipping]) -> list[str]:
    """Highlights as quotes, each followed by the notes written where it ends."""
    highlights = [c for c in clippings if c.kind == "highlight"]
    notes = [c for c in clippings if c.kind == "note"]
    placed: dict[int, list[Clipping]] = {}
    loose: set[int] = set()
    for note in notes:
        target = _highlight_for(note, highlights)
        if target is None:
            loose.add(id(note))
        else:
            placed.setdefault(id(target), []).append(note)
    blocks: list[str] = []
    for clipping in clippings:
        if clipping.kind == "highlight":
            blocks.append(_quote(clipping))
            blocks += [_note(note) for note in placed.get(id(clipping), [])]
        elif id(clipping) in loose:
            blocks.append(_note(clipping))
    return blocks


def _highlight_for(note: Clipping, highlights: list[Clipping]) -> Clipping | None:
    """The highlight a note was written at: the Kindle anchors it at the highlight's
    last location (or, in a PDF without locations, on its page)."""
    for highlight in highlights:
        start, end = highlight.start, highlight.end
        if note.start is not None and start is not None and end is not None:
            if start <= note.start <= end:
                return highlight
        elif (
            not note.location
            and not highlight.location
            and note.page
            and note.page == highlight.page
        ):
            return highlight
    return None


def _quote(clipping: Clipping) -> str:
    lines = [f"> {line}".rstrip() for line in _as_text(clipping.text).split("\n")]
    where = _where(clipping)
    return "\n".join(lines + ([">", f"> <small>{where}</small>"] if where else []))


def _note(clipping: Clipping) -> str:
    return _as_text(clipping.text)


def _as_text(text: str) -> str:
    """The reader's words as text: "# 2 ideas" typed on the Kindle is no heading."""
    return "\n".join(_BLOCK_START_RE.sub(r"\1\\\2", line) for line in text.split("\n"))


def _where(clipping: Clipping) -> str:
    parts = [f"p. {clipping.page}" if clipping.page else ""]
    parts.append(f"loc. {clipping.location}" if clipping.location else "")
    return " · ".join(part for part in parts if part)


def _leading_blank_lines(entry: str) -> int:
    return len(entry) - len(entry.lstrip("\n"))


def _append(document: ParsedDocument, found: ParsedDocument, line: int, path: str) -> None:
    """One title's papers, at the line of its first clipping."""
    first = len(document.entries)
    for entry in found.entries:
        entry.line = line
        document.entries.append(entry)
    for index, names in found.entry_topics.items():
        document.entry_topics[first + index] = names
    document.topics += [t for t in found.topics if t not in document.topics]
    for warning in found.warnings:
        warning.path, warning.line = path, line
        document.warnings.append(warning)
