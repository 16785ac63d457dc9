"""An ebook (.epub): reading notes or a literature review compiled to EPUB 2 or 3.

People compile their notes to an ebook to read them on a tablet: pandoc from Markdown
(often with ``--citeproc``), Calibre from a Word file, Sigil by hand, Apple Pages and
Google Docs on export. The book often sits in a calibre library folder,
``Author/Title (id)/Title - Author.epub`` beside calibre's ``cover.jpg`` and
``metadata.opf`` (not notes: the import reads neither kind of file).

An EPUB is a zip (OCF). ``META-INF/container.xml`` names the package document (the
.opf), whose manifest lists the book's files and whose spine gives the order they are
read in, which need not be the manifest's. The table of contents (EPUB 3's nav
document, EPUB 2's toc.ncx) names the chapters.

Each chapter of the spine becomes a note, in spine order, named by its place and its
title ("01 Introduction.md"). A chapter is the unit the writer gave a title, and the
notes reader reads a file as one note or one list: a literature review's References
chapter stays a note of its own, its entries a list the reader finds the papers in,
rather than a section at the end of one long file that reads as the book's furniture.
A file of the spine that the table of contents does not name and that opens with no
heading continues the chapter before it (calibre splits long chapters into files).

The book's furniture is left out, each with its reason (``Book.left_out``): the cover,
the title page, the table of contents, the copyright page (as EPUB 3's ``epub:type``
and landmarks, EPUB 2's guide, or the file names pandoc, calibre and Sigil give them
say), files of the spine that are no XHTML, and pages with no text.

pandoc writes a citation as ``<span class="citation" data-cites="key">`` around its
rendered text ("(Kane and Mele 2005)"), which is kept as the reader of the book sees it;
its link into the references goes, as does every link inside the book (it leads nowhere
once the book is notes). Its bibliography, ``<div id="refs">`` of ``<div id="ref-key"
class="csl-entry">``, becomes a Markdown list, one entry a line. Its section numbers
go (the notes had none) and its TeX math is written as Markdown's ``$…$`` again.

A file that is no zip, has no package document, or whose XML is damaged is refused
with a ParseError naming the file (and line); so is a book whose chapters are
encrypted (DRM) or that has no chapter of text.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames, markdown_note
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.records import ParseError

_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
# Font obfuscation (IDPF's and Adobe's): the fonts are scrambled, the text is not.
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
_PACKAGE_TYPE = "application/oebps-package+xml"
_TEXT_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml", "text/xml"})
# What a reading system would unpack: a book of notes is a few megabytes of text.
_MAX_TEXT_BYTES = 256 * 1024**2
_MAX_XML_BYTES = 16 * 1024**2  # a package document or table of contents
# The book's furniture by its EPUB 3 epub:type (body, section, landmarks) or EPUB 2
# guide type, with the reason it is no note.
_FURNITURE = {
    "cover": "the cover",
    "titlepage": "the title page",
    "title-page": "the title page",
    "halftitlepage": "the title page",
    "toc": "the table of contents",
    "loi": "the table of contents",
    "lot": "the table of contents",
    "copyright-page": "the copyright page",
    "copyright": "the copyright page",
    "colophon": "the colophon",
    "imprint": "the colophon",
}
# The names pandoc (cover.xhtml, title_page.xhtml, nav.xhtml), calibre (titlepage.xhtml),
# Sigil (Cover.xhtml, TOC.xhtml) and publishers give their furniture; trusted only for
# a short page, in case a writer named a chapter so.
_FURNITURE_NAME_RE = re.compile(
    r"^(?:(?P<cover>cover(?:page)?)|(?P<title>title[-_ ]?page|half[-_ ]?title)"
    r"|(?P<toc>toc|nav|contents|table[-_ ]?of[-_ ]?contents)|(?P<copyright>copyright(?:page)?))"
    r"(?:[-_ ]?\d+)?$",
    re.IGNORECASE,
)
_SHORT_PAGE_WORDS = 150
# A <title> that is the file's own name ("ch001.xhtml", "index_split_000") names nothing.
_FILE_TITLE_RE = re.compile(r"^[\w\-. ]*\.x?html?$|^(?:ch|index_split_|section|part)\d+$", re.I)
_WEB_LINK_RE = re.compile(r"^(?:https?|ftp|mailto|doi):", re.IGNORECASE)
_SOURCE_WHITESPACE_RE = re.compile(r"[ \t\r\n\f\v]+")  # not the no-break spaces
_EPUB_TYPE = "epub:type"
_SECTION_NUMBER_RE = re.compile(r"^(?:header|toc)-section-number$")
# MathJax's delimiters, as pandoc writes TeX math: \(…\) inline, \[…\] on its own.
_TEX_DELIMITERS_RE = re.compile(r"^\\[(\[](?P<tex>.*)\\[)\]]$", re.DOTALL)
_NOTE_KINDS = frozenset({"footnote", "endnote", "rearnote", "doc-footnote", "doc-endnote"})


@dataclass
class Chapter:
    title: str
    markdown: str
    files: list[str]  # the spine's files it was read from, in the zip


@dataclass
class Book:
    title: str
    chapters: list[Chapter] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (file, why)


@dataclass
class _Package:
    """What the package document says: the spine's files with their manifest entries."""

    path: str  # of the .opf inside the zip
    title: str
    manifest: list[_Item]
    spine: list[_Item]
    nav: _Item | None  # EPUB 3's navigation document
    ncx: _Item | None  # EPUB 2's table of contents
    guide: dict[str, str]  # file → the guide's type for it


@dataclass
class _Item:
    href: str  # a path inside the zip
    media_type: str
    properties: frozenset[str]


def read_epub(path: Path) -> list[Member]:
    book = read_book(path)
    names = MemberNames()
    width = max(2, len(str(len(book.chapters))))
    members: list[Member] = []
    for number, chapter in enumerate(book.chapters, start=1):
        name = names.name_for(f"{number:0{width}d} {chapter.title}")
        members.append((name, chapter.markdown))
    return members


def read_book(path: Path) -> Book:
    """The book's chapters as Markdown notes, in spine order, and what was left out."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise ParseError(path.name, None, "not a readable EPUB: it is no zip archive") from None
    with archive:
        reader = _Reader(archive, path.name)
        package = reader.package()
        reader.refuse_encrypted(package)
        book = Book(package.title)
        nav = reader.xhtml(package.nav.href) if package.nav else None
        titles = reader.toc_titles(package, nav)
        landmarks = _landmarks(package, nav)
        for item in package.spine:
            _add_spine_item(reader, book, item, titles, landmarks | package.guide)
        in_spine = {item.href for item in package.spine}
        book.left_out += [
            (item.href, _resource_kind(item))
            for item in package.manifest
            if item.href not in in_spine
        ]
    if not book.chapters:
        why = "; ".join(sorted({reason for _, reason in book.left_out})) or "its spine is empty"
        raise ParseError(path.name, None, f"a book with no chapter of text ({why})")
    return book


def _resource_kind(item: _Item) -> str:
    """Why a file of the manifest outside the spine is no chapter."""
    kind = item.media_type
    if "nav" in item.properties or kind == "application/x-dtbncx+xml":
        return "the table of contents"
    if kind.startswith("image/"):
        return "an image"
    if kind == "text/css":
        return "a style sheet"
    if kind.startswith(("font/", "application/font", "application/x-font")) or "opentype" in kind:
        return "a font"
    if kind in _TEXT_TYPES:
        return "a page outside the spine, which the book never shows in reading order"
    return f"not a text document of the book ({kind or 'of no stated type'})"


def _add_spine_item(
    reader: _Reader, book: Book, item: _Item, titles: dict[str, str], types: dict[str, str]
) -> None:
    if item.media_type not in _TEXT_TYPES:
        book.left_out.append((item.href, f"not a text document of the book ({item.media_type})"))
        return
    if "nav" in item.properties:
        book.left_out.append((item.href, "the table of contents"))
        return
    soup = reader.xhtml(item.href)
    if soup is None:
        book.left_out.append((item.href, "named by the spine but missing from the book"))
        return
    body = soup.body or soup
    if reason := _furniture(item.href, body, types.get(item.href, "")):
        book.left_out.append((item.href, reason))
        return
    _drop_pictures(body)
    if not body.get_text(" ", strip=True):
        book.left_out.append((item.href, "a page with no text (a picture or a blank page)"))
        return
    numbers = _drop_section_numbers(body)
    heading = _first_heading(body)
    if item.href not in titles and heading is None and book.chapters:
        # A file of a chapter split in two (calibre's index_split_001.html): its text
        # continues the chapter before it.
        previous = book.chapters[-1]
        previous.markdown = f"{previous.markdown.rstrip()}\n\n{_body_markdown(body)}"
        previous.files.append(item.href)
        return
    listed = _without_number(titles.get(item.href, ""), numbers)
    title = listed or heading or _page_title(soup) or book.title or "Untitled"
    markdown = _body_markdown(body)
    # A chapter that opens with its own heading keeps it; one without gets its title.
    note = markdown if markdown.lstrip().startswith("#") else markdown_note(title, markdown, [])
    book.chapters.append(Chapter(title, note, [item.href]))


class _Reader:
    """The zip's files by name, read with the checks every EPUB needs."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive = archive
        self.name = name
        self.files = {info.filename: info for info in archive.infolist() if not info.is_dir()}
        # Windows tools write names in another case than the manifest's hrefs.
        self.folded = {filename.casefold(): filename for filename in self.files}
        self.text_read = 0

    def read(self, inner: str, limit: int = _MAX_TEXT_BYTES) -> bytes | None:
        filename = inner if inner in self.files else self.folded.get(inner.casefold())
        if filename is None:
            return None
        info = self.files[filename]
        self.text_read += info.file_size
        if info.file_size > limit or self.text_read > _MAX_TEXT_BYTES:
            raise ParseError(f"{self.name}/{filename}", None, "too large to be a book's text")
        try:
            return self.archive.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
            raise ParseError(
                f"{self.name}/{filename}", None, f"damaged in the zip: {error}"
            ) from None

    def xml(self, inner: str) -> ET.Element | None:
        data = self.read(inner, _MAX_XML_BYTES)
        return None if data is None else parse_xml(data, f"{self.name}/{inner}")

    def xhtml(self, inner: str) -> BeautifulSoup | None:
        data = self.read(inner)
        # html.parser reads XHTML as a browser would, named entities and all, and never
        # expands an entity a file declares.
        return None if data is None else BeautifulSoup(data, "html.parser")

    def package(self) -> _Package:
        opf_path = self._package_path()
        root = self.xml(opf_path)
        if root is None:
            raise ParseError(self.name, None, f"its package document {opf_path} is missing")
        if _local(root.tag) != "package":
            raise ParseError(
                f"{self.name}/{opf_path}",
                1,
                f"not an EPUB package: it opens with <{_local(root.tag)}>",
            )
        folder = posixpath.dirname(opf_path)
        manifest = {
            item.get("id", ""): _Item(
                _resolve(folder, item.get("href", "")),
                (item.get("media-type") or "").strip().casefold(),
                frozenset((item.get("properties") or "").split()),
            )
            for item in _children(root, "manifest", "item")
        }
        spine_element = next(iter(_children(root, "spine")), None)
        spine = [
            manifest[ref.get("idref", "")]
            for ref in _children(root, "spine", "itemref")
            if ref.get("idref", "") in manifest
        ]
        ncx_id = spine_element.get("toc", "") if spine_element is not None else ""
        ncx = manifest.get(ncx_id) or next(
            (i for i in manifest.values() if i.media_type == "application/x-dtbncx+xml"), None
        )
        nav = next((i for i in manifest.values() if "nav" in i.properties), None)
        guide = {
            _resolve(folder, ref.get("href", "")): (ref.get("type") or "").casefold()
            for ref in _children(root, "guide", "reference")
        }
        items = list(manifest.values())
        return _Package(opf_path, _book_title(root), items, spine, nav, ncx, guide)

    def _package_path(self) -> str:
        root = self.xml(_CONTAINER)
        if root is None:
            # Not to the letter of the standard, but some exporters leave it out: a book
            # with one package document is read from it.
            opfs = [name for name in self.files if name.casefold().endswith(".opf")]
            if len(opfs) == 1:
                return opfs[0]
            raise ParseError(self.name, None, f"not an EPUB: it has no {_CONTAINER}")
        for rootfile in root.iter():
            if _local(rootfile.tag) != "rootfile":
                continue
            media_type = (rootfile.get("media-type") or _PACKAGE_TYPE).casefold()
            if media_type == _PACKAGE_TYPE and (full_path := rootfile.get("full-path")):
                return _resolve("", full_path)
        raise ParseError(f"{self.name}/{_CONTAINER}", None, "it names no package document (.opf)")

    def toc_titles(self, package: _Package, nav: BeautifulSoup | None) -> dict[str, str]:
        """Each file's title in the table of contents: the first entry that points at it."""
        titles: dict[str, str] = {}
        if package.nav is not None and nav is not None:
            folder = posixpath.dirname(package.nav.href)
            for toc in _navs(nav, "toc")[:1]:
                for link in toc.find_all("a", href=True):
                    target = _resolve(folder, str(link["href"]))
                    titles.setdefault(target, " ".join(link.get_text(" ").split()))
        if not titles and package.ncx is not None:
            titles = self._ncx_titles(package.ncx.href)
        return {target: title for target, title in titles.items() if title}

    def _ncx_titles(self, href: str) -> dict[str, str]:
        try:
            root = self.xml(href)
        except ParseError:
            return {}  # a damaged table of contents: the chapters' own headings name them
        titles: dict[str, str] = {}
        folder = posixpath.dirname(href)
        for point in [] if root is None else root.iter():
            if _local(point.tag) != "navPoint":
                continue
            label = next((e for e in point if _local(e.tag) == "navLabel"), None)
            content = next((e for e in point if _local(e.tag) == "content"), None)
            if label is None or content is None:
                continue
            text = " ".join("".join(label.itertext()).split())
            titles.setdefault(_resolve(folder, content.get("src", "")), text)
        return titles

    def refuse_encrypted(self, package: _Package) -> None:
        """A book bought with DRM (Adobe ADEPT, Apple FairPlay, …) lists its encrypted
        chapters in META-INF/encryption.xml; its text is no text until a reader with the
        key opens it. Fonts obfuscated by the IDPF's or Adobe's scheme are no DRM."""
        try:
            root = self.xml(_ENCRYPTION)
        except ParseError:
            root = None  # unreadable: the chapters themselves will tell
        encrypted = set()
        for data in [] if root is None else root.iter():
            if _local(data.tag) != "EncryptedData":
                continue
            method = next((e for e in data.iter() if _local(e.tag) == "EncryptionMethod"), None)
            algorithm = method.get("Algorithm", "") if method is not None else ""
            reference = next((e for e in data.iter() if _local(e.tag) == "CipherReference"), None)
            if algorithm not in _FONT_OBFUSCATION and reference is not None:
                encrypted.add(_resolve("", reference.get("URI", "")))
        if any(item.href in encrypted for item in package.spine):
            raise ParseError(
                self.name, None, "its chapters are encrypted (a book with DRM), not notes to read"
            )


def _landmarks(package: _Package, nav: BeautifulSoup | None) -> dict[str, str]:
    """Each file's type in EPUB 3's landmarks ("cover", "titlepage", "bodymatter")."""
    if package.nav is None or nav is None:
        return {}
    folder = posixpath.dirname(package.nav.href)
    types: dict[str, str] = {}
    for landmarks in _navs(nav, "landmarks"):
        for link in landmarks.find_all("a", href=True):
            kind = str(link.get(_EPUB_TYPE, "")).casefold()
            types.setdefault(_resolve(folder, str(link["href"])), kind)
    return types


def parse_xml(data: bytes, name: str) -> ET.Element:
    """An XML file of the book, refused when it declares entities (no EPUB tool does)."""
    if b"<!ENTITY" in data:
        raise ParseError(name, None, "it declares XML entities, which no EPUB file needs")
    try:
        return ET.fromstring(data)  # noqa: S314 - entity declarations refused above
    except ET.ParseError as error:
        line = error.position[0] if error.position else None
        raise ParseError(name, line, f"not readable XML ({error.msg})") from None


def _local(tag: str | object) -> str:
    """A tag without its namespace: EPUB 2 tools write the OPF with and without one."""
    return str(tag).rsplit("}", 1)[-1]


def _children(root: ET.Element, section: str, name: str = "") -> list[ET.Element]:
    """``<manifest><item>``, ``<spine><itemref>``: the package's lists, any namespace."""
    found = []
    for element in root:
        if _local(element.tag) != section:
            continue
        if not name:
            found.append(element)
        else:
            found.extend(child for child in element if _local(child.tag) == name)
    return found


def _book_title(root: ET.Element) -> str:
    for element in root.iter():
        if _local(element.tag) == "title" and (
            text := " ".join("".join(element.itertext()).split())
        ):
            return text
    return ""


def _resolve(folder: str, href: str) -> str:
    """An href (relative, URL-encoded, maybe with a #fragment) as a path in the zip."""
    path = unquote(urlsplit(href.strip()).path)
    joined = posixpath.normpath(posixpath.join(folder, path)) if path else folder
    return joined.lstrip("/") if joined != "." else ""


def _navs(nav: BeautifulSoup, kind: str) -> list[Tag]:
    return [
        element
        for element in nav.find_all("nav")
        if kind in str(element.get(_EPUB_TYPE, "")).casefold().split()
    ]


def _furniture(href: str, body: Tag, declared: str) -> str:
    """Why a page is the book's furniture, or "" when it is a chapter."""
    for kind in [declared, *_declared_types(body)]:
        if reason := _FURNITURE.get(kind):
            return reason
    stem = posixpath.splitext(posixpath.basename(href))[0]
    named = _FURNITURE_NAME_RE.match(stem)
    if named and len(body.get_text(" ").split()) <= _SHORT_PAGE_WORDS:
        kind = next(group for group, value in named.groupdict().items() if value)
        return {
            "cover": "the cover",
            "title": "the title page",
            "toc": "the table of contents",
            "copyright": "the copyright page",
        }[kind]
    return ""


def _declared_types(body: Tag) -> list[str]:
    """The epub:type of the body and of the element(s) that wrap its content."""
    types = str(body.get(_EPUB_TYPE, "")).casefold().split()
    for child in body.find_all(True, recursive=False):
        types += str(child.get(_EPUB_TYPE, "")).casefold().split()
        types += ["titlepage"] if "titlepage" in _classes(child) else []
    return types


def _drop_pictures(body: Tag) -> None:
    for picture in body.find_all(["img", "svg", "image", "figure"]):
        if picture.name != "figure" or not picture.find("figcaption"):
            picture.decompose()


def _first_heading(body: Tag) -> str | None:
    heading = body.find(re.compile(r"^h[1-6]$"))
    if isinstance(heading, Tag) and (text := " ".join(heading.get_text(" ").split())):
        return text
    return None


def _page_title(soup: BeautifulSoup) -> str:
    title = " ".join(soup.title.get_text(" ").split()) if soup.title else ""
    return "" if _FILE_TITLE_RE.match(title) else title


def _drop_section_numbers(body: Tag) -> list[str]:
    """pandoc's --number-sections numbers ("1.2" before a heading) are the book's, not
    the writer's: the notes had "## TKNN", as the reader of the Markdown expects it."""
    numbers = []
    for number in body.find_all("span", class_=_SECTION_NUMBER_RE):
        numbers.append(" ".join(number.get_text(" ").split()))
        number.decompose()
    return numbers


def _without_number(label: str, numbers: list[str]) -> str:
    """A table of contents entry without the section number pandoc put before it."""
    for number in numbers[:1]:
        if number and label.startswith(f"{number} "):
            return label[len(number) :].strip()
    return label


def _body_markdown(body: Tag) -> str:
    """A chapter's XHTML as Markdown, with the book's own machinery taken out."""
    _collapse_source_whitespace(body)
    _mark_footnotes(body)
    _unlink_inside_links(body)
    _list_bibliography(body)
    formulas = _hold_math(body)
    markdown = to_markdown(str(body))
    for index, formula in enumerate(formulas):
        markdown = markdown.replace(_math_mark(index), formula)
    return markdown


def _hold_math(body: Tag) -> list[str]:
    """Each formula as Markdown's "$…$" ("$$…$$" on a line of its own), put back after
    the conversion, which would escape its TeX ("\\mathbb{Z}\\_2"). pandoc writes TeX in
    <span class="math inline">\\(…\\)</span> (display: \\[…\\]), or MathML whose TeX
    annotation is the formula as written."""
    formulas: list[str] = []
    for element in body.find_all(_is_math):
        formula = _tex(element)
        if not formula:
            element.decompose()
            continue
        element.replace_with(_math_mark(len(formulas)))
        formulas.append(formula)
    return formulas


def _is_math(element: Tag) -> bool:
    if element.name == "math":
        return not element.find_parent("math")
    classes = _classes(element)
    return element.name == "span" and "math" in classes and not element.find_parent("math")


def _tex(element: Tag) -> str:
    display = element.name == "math" and element.get("display") == "block"
    display = display or "display" in _classes(element)
    annotation = element.find("annotation", encoding="application/x-tex")
    text = (annotation or element).get_text()
    delimited = _TEX_DELIMITERS_RE.match(text.strip())
    formula = " ".join((delimited["tex"] if delimited else text).split())
    if not formula:
        return ""
    return f"\n\n$${formula}$$\n\n" if display else f"${formula}$"


def _math_mark(index: int) -> str:
    """A stand-in no converter touches: private-use characters around a number."""
    return f"\ue000{index}\ue001"


def _collapse_source_whitespace(body: Tag) -> None:
    """The line breaks XHTML source is wrapped with are spaces, as a reader shows them,
    so that a reference is not cut into lines."""
    for text in list(body.find_all(string=True)):
        if isinstance(text, Comment):
            text.extract()
        elif isinstance(text, NavigableString) and not text.find_parent(["pre", "textarea"]):
            collapsed = _SOURCE_WHITESPACE_RE.sub(" ", str(text))
            if collapsed != text:
                text.replace_with(collapsed)


def _unlink_inside_links(body: Tag) -> None:
    """A link to another page of the book (a citation's link to its reference, a
    footnote's back-link, a cross-reference) keeps its text; the web links stay."""
    for link in body.find_all("a"):
        role = str(link.get("role", "")) + " " + " ".join(_classes(link))
        if "backlink" in role or "footnote-back" in role:
            link.decompose()  # the "↩︎" after a footnote
        elif not _WEB_LINK_RE.match(str(link.get("href", "")).strip()):
            link.unwrap()


def _mark_footnotes(body: Tag) -> None:
    """pandoc's and EPUB 3's footnotes as Markdown's: "[^1]" where the note is called,
    "[^1]: …" below, so that a note's words stay with the sentence they belong to."""
    notes = [element for element in body.find_all(_is_footnote) if element.get("id")]
    numbers = {str(note["id"]): str(index) for index, note in enumerate(notes, start=1)}
    for call in body.find_all("a", href=True):
        target = str(call["href"]).rpartition("#")[2]
        if target in numbers and _is_note_call(call):
            call.replace_with(f"[^{numbers[target]}]")
    for note in notes:
        paragraph = body.new_tag("p")
        paragraph.append(f"[^{numbers[str(note['id'])]}]: ")
        for child in list(note.children):
            paragraph.append(child.extract())
        for inner in paragraph.find_all(["p", "div"]):
            inner.unwrap()
        note.replace_with(paragraph)
    for section in body.find_all(class_=re.compile(r"\bfootnotes\b")):
        for rule in section.find_all("hr"):
            rule.decompose()
        for holder in section.find_all(["ol", "ul"]):
            holder.unwrap()


def _is_note_call(link: Tag) -> bool:
    marks = " ".join([str(link.get(_EPUB_TYPE, "")), str(link.get("role", "")), *_classes(link)])
    return "noteref" in marks or "footnote-ref" in marks or link.find("sup") is not None


def _is_footnote(element: Tag) -> bool:
    """A note (EPUB 3's epub:type, ARIA's role), or an item of pandoc's list of notes."""
    kinds = set(f"{element.get(_EPUB_TYPE, '')} {element.get('role', '')}".split())
    if kinds & _NOTE_KINDS:
        return True
    return element.name == "li" and bool(element.find_parent(class_=re.compile(r"\bfootnotes\b")))


def _list_bibliography(body: Tag) -> None:
    """pandoc's (citeproc's) bibliography, <div class="csl-entry"> after another, as a
    list of one entry a line, as people write a reference list in Markdown."""
    for refs in body.find_all(_is_bibliography):
        entries = refs.find_all(_is_bibliography_entry)
        if not entries:
            continue  # an EPUB 3 bibliography written as a list already
        listing = body.new_tag("ul")
        for entry in entries:
            item = body.new_tag("li")
            for part in entry.find_all(["div", "p"]):
                part.name = "span"  # citeproc's numbered styles: "[1]", then the entry
                part.append(" ")
            for child in list(entry.children):
                item.append(child.extract())
            listing.append(item)
        refs.replace_with(listing)


def _is_bibliography(element: Tag) -> bool:
    classes = _classes(element)
    return (
        element.get("id") == "refs"
        or "csl-bib-body" in classes
        or "doc-bibliography" in str(element.get("role", ""))
    )


def _is_bibliography_entry(element: Tag) -> bool:
    return (
        "csl-entry" in _classes(element)
        or "doc-biblioentry" in str(element.get("role", ""))
        or str(element.get("id", "")).startswith("ref-")
    )


def _classes(element: Tag) -> list[str]:
    return [str(name) for name in element.get("class") or []]
