"""Guarded XML for the reference-manager exports: elements with the line each starts on.

Shared by the EndNote XML and Zotero RDF readers. defusedxml is not installed, so the
guard is the one the other XML readers here use, made strict: neither exporter ever
writes a DTD, so a document that declares one is refused before a byte is parsed (no
entity can expand, nothing external is fetched), and expat's handlers refuse any
declaration that slips past. ElementTree keeps no line numbers; expat does, and an
entry's line is how the report and the preview's corrections name it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

from papershelf.importers.records import ParseError

# The declaration, after any processing instruction put before it (library.NOTES_BESIDE).
_DECLARATION_RE = re.compile(r"^(\s*(?:<\?(?!xml\b)[^>]*\?>\s*)*)<\?xml\b[^>]*\?>")
_DTD_RE = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_SEPARATOR = "\x1f"  # between a namespace and a local name, as expat reports them


class _Refused(Exception):
    """A DTD or entity declaration met while parsing."""


@dataclass
class Element:
    tag: str  # "{namespace}local" when read with namespaces, else the name as written
    attrs: dict[str, str]
    line: int
    content: list[Element | str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The local name: "record", "title", "Article"."""
        return self.tag.rsplit("}", 1)[-1]

    @property
    def children(self) -> list[Element]:
        return [part for part in self.content if isinstance(part, Element)]

    def child(self, name: str) -> Element | None:
        return next((c for c in self.children if c.name == name), None)

    def all(self, name: str) -> list[Element]:
        return [c for c in self.children if c.name == name]

    def find(self, *names: str) -> Element | None:
        """The first element down a path of local names: ``find("titles", "title")``."""
        found: Element | None = self
        for name in names:
            found = found.child(name) if found is not None else None
        return found

    def iter(self, name: str) -> Iterator[Element]:
        for part in self.children:
            if part.name == name:
                yield part
            yield from part.iter(name)

    def text(self) -> str:
        """All the text inside, in order. Whitespace between child elements is the
        exporter's indentation, not text: EndNote splits a title into runs
        (``<style>Prospe</style><style>ct theory</style>``) that join as written."""
        has_children = any(isinstance(part, Element) for part in self.content)
        pieces = []
        for part in self.content:
            if isinstance(part, Element):
                pieces.append(part.text())
            elif not (has_children and not part.strip()):
                pieces.append(part)
        return "".join(pieces)


def parse_xml(text: str, path: str, namespaces: bool = False) -> Element:
    """The document's root element; ParseError (with its line) for what is no XML."""
    body = text.removeprefix("\ufeff")
    # The text is decoded already: a declaration naming another encoding would mislead
    # expat, so it goes (its line stays, blank, so that lines still count true).
    body = _DECLARATION_RE.sub(lambda m: m[1] + "\n" * m[0].count("\n", len(m[1])), body, 1)
    dtd = _DTD_RE.search(body)
    if dtd:
        line = body.count("\n", 0, dtd.start()) + 1
        raise ParseError(path, line, "declares a DTD, which exports never do: refused")
    builder = _Builder(namespaces)
    parser = expat.ParserCreate(namespace_separator=_SEPARATOR if namespaces else None)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.StartElementHandler = lambda name, attrs: builder.start(name, attrs, parser)
    parser.EndElementHandler = lambda name: builder.end()
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(body, True)
    except expat.ExpatError as error:
        message = expat.ErrorString(error.code) or "not well-formed"
        raise ParseError(path, error.lineno, f"not readable XML: {message}") from None
    except _Refused:
        line = parser.CurrentLineNumber
        raise ParseError(path, line, "declares a DTD, which exports never do: refused") from None
    if builder.root is None:
        raise ParseError(path, None, "no XML element in the file")
    return builder.root


def _refuse(*_: object) -> None:
    raise _Refused


class _Builder:
    def __init__(self, namespaces: bool) -> None:
        self.namespaces = namespaces
        self.root: Element | None = None
        self.stack: list[Element] = []

    def start(self, name: str, attrs: dict[str, str], parser: expat.XMLParserType) -> None:
        element = Element(
            self._qualified(name),
            {self._qualified(key): value for key, value in attrs.items()},
            parser.CurrentLineNumber,
        )
        if self.stack:
            self.stack[-1].content.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def end(self) -> None:
        self.stack.pop()

    def data(self, text: str) -> None:
        if not self.stack:
            return
        content = self.stack[-1].content
        if content and isinstance(content[-1], str):
            content[-1] += text  # expat hands text over in pieces
        else:
            content.append(text)

    def _qualified(self, name: str) -> str:
        if self.namespaces and _SEPARATOR in name:
            namespace, local = name.split(_SEPARATOR, 1)
            return f"{{{namespace}}}{local}"
        return name
