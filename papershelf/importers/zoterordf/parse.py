"""Read a Zotero RDF export (Export Library… or Export Collection… > Zotero RDF).

The file is ``rdf:RDF`` with one resource per item: ``bib:Article``, ``bib:Book``,
``bib:Document`` (a web page), ``bib:Report``… or ``rdf:Description`` for types
biblio has no class for (conference papers, preprints); ``z:itemType`` names the
Zotero type in every case. An item has its ``dc:title``, ``bib:authors`` (an
``rdf:Seq`` of ``foaf:Person`` with ``foaf:surname`` and ``foaf:givenName``),
``dc:date``, ``dcterms:abstract``, ``dc:subject`` tags (an automatic tag as a
``z:AutomaticTag``), ``dc:identifier``s ("DOI 10.…", "ISBN …", or the URL as a
``dcterms:URI``), and ``dcterms:isPartOf`` its journal or book — where Zotero writes a
journal article's DOI and ISSN, not on the article. Child notes are ``bib:Memo``
resources, linked by ``dcterms:isReferencedBy``, whose ``rdf:value`` is the note's
HTML (Zotero 7 notes cite papers in ``data-citation`` spans). Attachments are
``z:Attachment``s (linked by ``link:link``) with their file in ``files/``; collections
are ``z:Collection``s whose ``dcterms:hasPart`` lists their items and subcollections.

Child notes become the item's summary, collections and shared tags its topics;
reading status follows ``endnote.library``. A standalone note that cites papers is
read as the notes reader reads a Zotero note exported as HTML.
"""

from __future__ import annotations

import re

from papershelf.importers.endnote.library import (
    NOTES_BESIDE,
    add_entry_topics,
    add_tag_topics,
    is_status_note,
    library_entry,
    marks_read,
    marks_unread,
    note_says_unread,
)
from papershelf.importers.endnote.xmlnodes import parse_xml
from papershelf.importers.html.parse import parse as parse_html_note
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.html.zotero import is_zotero_note
from papershelf.importers.itemtypes import ZOTERO_NOT_PAPERS
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
)
from papershelf.importers.zoterordf.rdf import (
    BIB,
    DC,
    DCTERMS,
    FOAF,
    LINK,
    RDF,
    Graph,
    Resource,
    Z,
    members,
)
from papershelf.lib.identifiers import classify_url, parse_arxiv_id, parse_doi

FORMAT = "zotero-rdf"
EVIDENCE = "a Zotero RDF item"

_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")
ENTRY_TYPES = {
    "journalArticle": "article",
    "magazineArticle": "article",
    "newspaperArticle": "article",
    "conferencePaper": "inproceedings",
    "book": "book",
    "bookSection": "incollection",
    "encyclopediaArticle": "incollection",
    "dictionaryEntry": "incollection",
    "thesis": "phdthesis",
    "report": "techreport",
    "manuscript": "unpublished",
}
NOT_ITEMS = frozenset({"attachment", "note", "annotation"})
# Containers an item is part of that name no venue: a series, a section of a newspaper.
_NO_VENUE_TYPES = frozenset({f"{{{BIB}}}Series", f"{{{BIB}}}Part"})
_CITATION_KEY_RE = re.compile(r"^\s*Citation Key:\s*(\S+)", re.MULTILINE | re.IGNORECASE)
_ARXIV_HINT_RE = re.compile(r"arxiv", re.IGNORECASE)
# The labelled facts Zotero's HTML reader puts atop a note on one paper (html.zotero):
# here the note's paper is its parent item already.
_FACT_LINE_RE = re.compile(r"^(?:Title|Authors|Venue|Year|Link): .*$")


def parse(text: str, path: str) -> ParsedDocument:
    root = parse_xml(text, path, namespaces=True)
    if root.tag != f"{{{RDF}}}RDF":
        raise ParseError(path, root.line, "not an RDF document (no rdf:RDF)")
    graph = Graph(root)
    items = [
        r for r in graph.resources.values() if _item_type(r) and _item_type(r) not in NOT_ITEMS
    ]
    if not items:
        raise ParseError(path, root.line, "no Zotero items (no z:itemType) in this RDF")
    document = ParsedDocument(path=path, format=FORMAT)
    notes = [_child_notes(graph, item) for item in items]
    with_notes = any(notes) or text.lstrip("\ufeff").startswith(NOTES_BESIDE)
    tags_at: dict[int, list[str]] = {}
    index_of: dict[str, int] = {}
    for item, note in zip(items, notes, strict=True):
        entry = _entry(graph, item, note, with_notes, path, document.warnings)
        if entry.paper is not None:
            index_of[item.id] = len(document.entries)
            tags_at[len(document.entries)] = _manual_tags(item)
        document.entries.append(entry)
    add_tag_topics(document, tags_at)
    _add_collection_topics(document, graph, index_of)
    _add_standalone_notes(document, graph, path)
    return document


def _item_type(resource: Resource) -> str:
    return resource.literal(f"{{{Z}}}itemType")


def _entry(
    graph: Graph,
    item: Resource,
    note: str,
    with_notes: bool,
    path: str,
    warnings: list[ImportWarning],
) -> Entry:
    line = item.line
    kind = ZOTERO_NOT_PAPERS.get(_item_type(item))
    if kind:
        warnings.append(ImportWarning(path, line, f"item is {kind}, not a paper: skipped"))
        return Entry(paper=None, line=line)
    paper = _paper(graph, item)
    unread = with_notes and not note and _unread(graph, item)
    return library_entry(
        paper,
        note,
        unread=unread,
        place=(path, line),
        warnings=warnings,
        evidence=EVIDENCE,
        noun="item",
    )


def _paper(graph: Graph, item: Resource) -> PaperRecord:
    extra = "\n".join(item.literals(f"{{{DC}}}description"))
    key = item.literal(f"{{{Z}}}citationKey") or _first_group(_CITATION_KEY_RE, extra)
    paper = PaperRecord(
        title=item.literal(f"{{{DC}}}title"),
        authors=_authors(graph, item),
        year=_year(item),
        venue=_venue(graph, item),
        abstract=item.literal(f"{{{DCTERMS}}}abstract"),
        bibtex_key=key,
        entry_type=ENTRY_TYPES.get(_item_type(item), "misc"),
        keywords=list(dict.fromkeys([*_manual_tags(item), *_automatic_tags(graph, item)])),
    )
    _fill_identifiers(paper, graph, item, extra)
    return paper


def _authors(graph: Graph, item: Resource) -> list[str]:
    names = []
    for seq_id in item.refs(f"{{{BIB}}}authors"):
        seq = graph.get(seq_id)
        for person_id in members(seq) if seq is not None else []:
            person = graph.get(person_id)
            name = _person_name(person) if person is not None else ""
            if name:
                names.append(name)
    return names


def _person_name(person: Resource) -> str:
    # Zotero 2 wrote foaf:givenname, later versions foaf:givenName; a group author
    # ("World Health Organization") has a surname alone.
    given = person.literal(f"{{{FOAF}}}givenName") or person.literal(f"{{{FOAF}}}givenname")
    return " ".join(part for part in (given, person.literal(f"{{{FOAF}}}surname")) if part)


def _year(item: Resource) -> int | None:
    for predicate in (f"{{{DC}}}date", f"{{{DCTERMS}}}issued"):
        match = _YEAR_RE.search(item.literal(predicate))
        if match:
            return int(match.group(1))
    return None


def _containers(graph: Graph, item: Resource) -> list[Resource]:
    """What the item is part of, through a section to its journal or book."""
    found: list[Resource] = []
    queue = list(item.refs(f"{{{DCTERMS}}}isPartOf"))
    while queue and len(found) < 5:
        resource = graph.get(queue.pop(0))
        if resource is None or resource in found:
            continue
        found.append(resource)
        if set(resource.types) & _NO_VENUE_TYPES:
            queue += resource.refs(f"{{{DCTERMS}}}isPartOf")
    return found


def _venue(graph: Graph, item: Resource) -> str:
    for container in _containers(graph, item):
        title = container.literal(f"{{{DC}}}title")
        if title and not set(container.types) & _NO_VENUE_TYPES:
            return title
    for conference_id in item.refs(f"{{{BIB}}}presentedAt"):
        conference = graph.get(conference_id)
        if conference is not None and conference.literal(f"{{{DC}}}title"):
            return conference.literal(f"{{{DC}}}title")
    publisher = _publisher(graph, item)
    if _item_type(item) == "thesis":
        return publisher  # the university
    # Zotero files a preprint under its repository ("arXiv") and no journal.
    return "arXiv" if publisher.lower() == "arxiv" else ""


def _publisher(graph: Graph, item: Resource) -> str:
    for organisation_id in item.refs(f"{{{DC}}}publisher"):
        organisation = graph.get(organisation_id)
        if organisation is not None and organisation.literal(f"{{{FOAF}}}name"):
            return organisation.literal(f"{{{FOAF}}}name")
    return ""


def _fill_identifiers(paper: PaperRecord, graph: Graph, item: Resource, extra: str) -> None:
    own = item.literals(f"{{{DC}}}identifier")
    # A journal article's DOI is on its journal; a journal two items share (by its
    # ISSN) may hold both their DOIs, and then names neither.
    held = [
        [text for text in c.literals(f"{{{DC}}}identifier") if _is_doi_identifier(text)]
        for c in _containers(graph, item)
    ]
    container_dois = next((dois for dois in held if dois), [])
    own_dois = [text for text in own if _is_doi_identifier(text)]
    dois = own_dois or (container_dois if len(container_dois) == 1 else [])
    paper.doi = next((doi for text in dois if (doi := parse_doi(text))), "")
    urls = [_uri(graph, id) for id in item.refs(f"{{{DC}}}identifier")]
    # The URL first: it carries the version ("arxiv.org/abs/2101.00001v3").
    take_arxiv_id(
        paper, [*urls, item.literal(f"{{{Z}}}archiveID"), item.literal(f"{{{Z}}}number"), extra]
    )
    if not paper.doi and "doi" in extra.lower():
        paper.doi = parse_doi(extra) or ""  # "DOI: 10.…" in Extra, for types with no DOI
    for url in urls:
        apply_url(paper, url)
    for url in _attachment_urls(graph, item):
        link = classify_url(url)
        if link.kind == "pdf":
            paper.pdf_url = paper.pdf_url or link.value


def take_arxiv_id(paper: PaperRecord, hints: list[str]) -> None:
    """The arXiv id a Zotero item states: arXiv's own DOI (10.48550/…, then no DOI of a
    publisher's), else the first of ``hints`` — its URL, ``archiveID``, number or Extra —
    that names arXiv."""
    if paper.doi.startswith("10.48550/"):
        hints = [paper.doi, *hints]
        paper.doi = ""
    for hint in hints:
        arxiv = parse_arxiv_id(hint) if hint and _ARXIV_HINT_RE.search(hint) else None
        if arxiv and not paper.arxiv_id:
            paper.arxiv_id, paper.arxiv_version = arxiv


def _is_doi_identifier(text: str) -> bool:
    return text.strip().upper().startswith("DOI") or text.strip().startswith("10.")


def _uri(graph: Graph, id: str) -> str:
    term = graph.get(id)
    return term.literal(f"{{{RDF}}}value") if term is not None else ""


def apply_url(paper: PaperRecord, url: str) -> None:
    if not url.startswith(("http://", "https://")):
        return
    link = classify_url(url)
    if link.kind == "arxiv":
        return  # read above, with its version
    if link.kind == "doi":
        paper.doi = paper.doi or link.value
    elif link.kind == "openreview":
        paper.openreview_id = paper.openreview_id or link.value
    elif link.kind == "code":
        paper.code_url = paper.code_url or link.value
    elif link.kind == "pdf":
        paper.pdf_url = paper.pdf_url or link.value
    else:
        paper.url = paper.url or link.value


def _attachment_urls(graph: Graph, item: Resource) -> list[str]:
    urls = []
    for attachment_id in item.refs(f"{{{LINK}}}link"):
        attachment = graph.get(attachment_id)
        for id in attachment.refs(f"{{{DC}}}identifier") if attachment is not None else []:
            url = _uri(graph, id)
            if url.startswith(("http://", "https://")):
                urls.append(url)
    return urls


def _manual_tags(item: Resource) -> list[str]:
    return [tag for text in item.literals(f"{{{DC}}}subject") if (tag := " ".join(text.split()))]


def _automatic_tags(graph: Graph, item: Resource) -> list[str]:
    """Tags a site or a database gave the item (``z:AutomaticTag``): keywords, no topics.
    A call number (``dcterms:LCC``) is a subject too, and no tag at all."""
    tags = []
    for id in item.refs(f"{{{DC}}}subject"):
        tag = graph.get(id)
        if tag is not None and f"{{{Z}}}AutomaticTag" in tag.types:
            tags.append(tag.literal(f"{{{RDF}}}value"))
    return [tag for tag in tags if tag]


def _child_notes(graph: Graph, item: Resource) -> str:
    """The item's notes as Markdown, one after another; "" when it has none."""
    return child_notes_markdown(_note_htmls(graph, item))


def child_notes_markdown(htmls: list[str]) -> str:
    """Zotero child notes (HTML) as one Markdown summary: status notes ("to read") and
    the facts Zotero's note template repeats from the parent left out."""
    notes = []
    for html in htmls:
        markdown = _without_facts(to_markdown(html)).strip()
        if markdown and not is_status_note(markdown) and not note_says_unread(markdown):
            notes.append(markdown)
    return "\n\n---\n\n".join(notes)


def _note_htmls(graph: Graph, item: Resource) -> list[str]:
    htmls = []
    for id in item.refs(f"{{{DCTERMS}}}isReferencedBy"):
        memo = graph.get(id)
        if memo is not None:
            htmls += [html for html in memo.literals(f"{{{RDF}}}value") if html.strip()]
    return htmls


def _without_facts(markdown: str) -> str:
    """A note citing one paper gets that paper's facts on top from html.zotero; on a
    child note they repeat its parent's (or name a paper merely mentioned)."""
    lines = markdown.split("\n")
    start = 2 if lines and lines[0].startswith("# ") else 0
    end = start
    while end < len(lines) and _FACT_LINE_RE.match(lines[end].rstrip()):
        end += 1
    if end == start:
        return markdown
    return "\n".join([*lines[:start], *lines[end:]])


def _unread(graph: Graph, item: Resource) -> bool:
    """Tagged to read (by hand), or a child note that says just that."""
    tags = _manual_tags(item)
    if any(marks_read(tag) for tag in tags):
        return False
    if any(marks_unread(tag) for tag in tags):
        return True
    return any(note_says_unread(to_markdown(html)) for html in _note_htmls(graph, item))


def _add_collection_topics(
    document: ParsedDocument, graph: Graph, index_of: dict[str, int]
) -> None:
    """Each item's collections are its topics — but not one holding every item of a
    library of three or more: that is the collection exported, not a topic in it."""
    papers = len(index_of)
    for resource in graph.resources.values():
        if f"{{{Z}}}Collection" not in resource.types:
            continue
        name = resource.literal(f"{{{DC}}}title")
        indexes = [index_of[id] for id in resource.refs(f"{{{DCTERMS}}}hasPart") if id in index_of]
        if not name or not indexes or (papers >= 3 and len(set(indexes)) == papers):
            continue
        for index in indexes:
            add_entry_topics(document, index, [name])


def _add_standalone_notes(document: ParsedDocument, graph: Graph, path: str) -> None:
    """A note of its own (no item's child) that cites papers is read as the notes
    reader reads the same note exported as HTML; its papers join the export's."""
    children = {
        id for r in graph.resources.values() for id in r.refs(f"{{{DCTERMS}}}isReferencedBy")
    }
    for memo in graph.resources.values():
        if f"{{{BIB}}}Memo" not in memo.types or memo.id in children:
            continue
        html = "\n".join(memo.literals(f"{{{RDF}}}value"))
        if not is_zotero_note(html):
            continue  # a note citing nothing names no paper we could find
        for entry in parse_html_note(html, path).entries:
            if entry.paper is not None:
                entry.line = memo.line
                document.entries.append(entry)


def _first_group(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group(1) if match else ""
