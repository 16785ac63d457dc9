"""The RDF/XML that Zotero writes, read into resources and their properties.

Zotero's serializer writes each resource once, as a node element (``<bib:Article
rdf:about="…">``, ``<rdf:Description>`` for types biblio has no class for), with
property elements under it whose value is text, a reference (``rdf:resource``,
``rdf:nodeID``) or another node written inline (a journal under ``dcterms:isPartOf``,
the ``rdf:Seq`` of authors). That subset of RDF/XML, ``rdf:parseType="Resource"``
included, is all we read; no RDF library is installed, and none is needed for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from papershelf.importers.endnote.xmlnodes import Element

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
BIB = "http://purl.org/net/biblio#"
FOAF = "http://xmlns.com/foaf/0.1/"
Z = "http://www.zotero.org/namespaces/export#"
LINK = "http://purl.org/rss/1.0/modules/link/"


@dataclass(frozen=True)
class Ref:
    """A property's value that is another resource."""

    id: str


Value = str | Ref


@dataclass
class Resource:
    id: str
    line: int
    types: list[str] = field(default_factory=list)  # "{ns}Article"
    properties: list[tuple[str, Value]] = field(default_factory=list)

    def values(self, predicate: str) -> list[Value]:
        return [value for name, value in self.properties if name == predicate]

    def literals(self, predicate: str) -> list[str]:
        return [value for value in self.values(predicate) if isinstance(value, str)]

    def refs(self, predicate: str) -> list[str]:
        return [value.id for value in self.values(predicate) if isinstance(value, Ref)]

    def literal(self, predicate: str) -> str:
        return next((" ".join(v.split()) for v in self.literals(predicate) if v.strip()), "")


class Graph:
    """Resources by id, in the order the file first names them."""

    def __init__(self, root: Element) -> None:
        self.resources: dict[str, Resource] = {}
        self._blank = count(1)
        for node in root.children:
            self._node(node)

    def get(self, id: str) -> Resource | None:
        return self.resources.get(id)

    def _node(self, node: Element) -> str:
        attrs = node.attrs
        if f"{{{RDF}}}about" in attrs:
            id = attrs[f"{{{RDF}}}about"]
        elif f"{{{RDF}}}ID" in attrs:
            id = "#" + attrs[f"{{{RDF}}}ID"]
        elif f"{{{RDF}}}nodeID" in attrs:
            id = "_:" + attrs[f"{{{RDF}}}nodeID"]
        else:
            id = f"_:blank{next(self._blank)}"
        resource = self.resources.setdefault(id, Resource(id, node.line))
        if node.tag != f"{{{RDF}}}Description":
            resource.types.append(node.tag)
        self._properties(resource, node)
        return id

    def _properties(self, resource: Resource, node: Element) -> None:
        for prop in node.children:
            value = self._value(prop)
            if prop.tag == f"{{{RDF}}}type" and isinstance(value, Ref):
                resource.types.append(_qualified(value.id))
            else:
                resource.properties.append((prop.tag, value))

    def _value(self, prop: Element) -> Value:
        attrs = prop.attrs
        if f"{{{RDF}}}resource" in attrs:
            return Ref(attrs[f"{{{RDF}}}resource"])
        if f"{{{RDF}}}nodeID" in attrs:
            return Ref("_:" + attrs[f"{{{RDF}}}nodeID"])
        if attrs.get(f"{{{RDF}}}parseType") == "Resource":
            blank = Resource(f"_:blank{next(self._blank)}", prop.line)
            self.resources[blank.id] = blank
            self._properties(blank, prop)
            return Ref(blank.id)
        inline = prop.children
        if inline:
            return Ref(self._node(inline[0]))
        return prop.text()


def _qualified(uri: str) -> str:
    """ "http://purl.org/net/biblio#Memo" → "{http://purl.org/net/biblio#}Memo"."""
    for namespace in (BIB, Z, FOAF, DCTERMS, RDF):
        if uri.startswith(namespace):
            return f"{{{namespace}}}{uri[len(namespace) :]}"
    return uri


def members(resource: Resource) -> list[str]:
    """The members of an ``rdf:Seq``/``rdf:Bag``, in order (``rdf:li`` or ``rdf:_1``…)."""
    found: list[tuple[int, str]] = []
    for position, (name, value) in enumerate(resource.properties):
        local = name.removeprefix(f"{{{RDF}}}")
        if not isinstance(value, Ref) or local == name:
            continue
        if local == "li":
            found.append((position, value.id))
        elif local.startswith("_") and local[1:].isdigit():
            found.append((int(local[1:]) - 10**6, value.id))  # numbered before listed
    return [id for _, id in sorted(found)]
