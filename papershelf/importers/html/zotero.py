"""Zotero notes ("Export Note…" as HTML): citations carry their paper's CSL data.

A Zotero 7 note shows a citation as ``(Vaswani et al., 2017)`` in a
``<span class="citation" data-citation="…">`` whose URL-encoded JSON names the cited
items; their CSL-JSON ``itemData`` is in the span or, by item URI, in the note's
``<div data-citation-items="…">``. We keep the visible text and write each cited
paper once, after the paragraph that first cites it, as a citation line the notes
reader knows: ``Ashish Vaswani, Noam Shazeer. *Attention Is All You Need*. NeurIPS
2017. [arXiv](https://arxiv.org/abs/1706.03762)``.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote

from papershelf.lib.identifiers import arxiv_abs_url, parse_arxiv_id, parse_doi

_CITATION_SPAN_RE = re.compile(r"<span\b[^>]*\bdata-citation=\"(?P<data>[^\"]*)\"[^>]*>", re.I)
_CITATION_ITEMS_RE = re.compile(r"\bdata-citation-items=\"(?P<data>[^\"]*)\"", re.I)
_ANNOTATION_RE = re.compile(r"\bdata-annotation=\"(?P<data>[^\"]*)\"", re.I)
_SPAN_TAG_RE = re.compile(r"<(/?)span\b[^>]*>", re.I)
_MARK = "PSZOTEROCITE{}X"
_MARK_RE = re.compile(r"PSZOTEROCITE(\d+)X")
_LINE_PREFIX_RE = re.compile(r"^(\s*(?:[*+-]|\d+\.)\s+|\s*(?:>\s?)+)")


def is_zotero_note(html: str) -> bool:
    return "data-citation" in html


def annotated_item(html: str) -> dict[str, Any] | None:
    """The item whose PDF the note's highlights come from: what the note is about.

    Zotero's "Add Note from Annotations" writes each highlight as a span whose
    ``data-annotation`` names its parent item; the citations after the highlights are
    that item too, and any other item cited in the comments is merely mentioned.
    """
    counts: dict[str, int] = {}
    for match in _ANNOTATION_RE.finditer(html):
        annotation = _json(match["data"])
        cited = annotation.get("citationItem") if isinstance(annotation, dict) else None
        for uri in (cited or {}).get("uris") or [] if isinstance(cited, dict) else []:
            counts[str(uri)] = counts.get(str(uri), 0) + 1
    if not counts:
        return None
    uri = max(counts, key=lambda key: counts[key])
    return next(
        (s.get("itemData") for s in _stored_items(html) if uri in (s.get("uris") or [])), None
    )


def mark_citations(
    html: str, subject: dict[str, Any] | None = None
) -> tuple[str, list[dict[str, Any]]]:
    """Put a marker after each citation span; the CSL items the markers stand for.

    The ``subject`` (the annotated item) gets no marker: its facts head the note.
    """
    stored = _stored_items(html)
    cited: list[dict[str, Any]] = []
    seen: set[str] = {citation_line(subject).casefold()} if subject else set()
    pieces: list[str] = []
    position = 0
    for match in _CITATION_SPAN_RE.finditer(html):
        if match.start() < position:
            continue  # a span nested in a citation already handled
        end = _span_end(html, match.end())
        pieces.append(html[position:end])
        position = end
        for item in _cited_items(match["data"], stored):
            line = citation_line(item)
            key = line.casefold()
            if line and key not in seen:
                seen.add(key)
                pieces.append(_MARK.format(len(cited)))
                cited.append(item)
    pieces.append(html[position:])
    return "".join(pieces), cited


def place_citations(
    markdown: str, items: list[dict[str, Any]], subject: dict[str, Any] | None = None
) -> str:
    """Each marked line loses its markers and is followed by a list of its citations,
    which the notes reader takes as a reading list's entries.

    A note on one paper (its annotations, or the only paper it cites) is the notes on
    that paper: its facts go at the top, as the labelled lines the notes reader takes a
    single note's paper from, and the papers it mentions are left as text.
    """
    if subject is None and len(items) == 1:
        subject, items = items[0], []
    if subject is not None:
        return _with_facts_on_top(_MARK_RE.sub("", markdown), subject)
    lines = [citation_line(item) for item in items]
    out: list[str] = []
    pending: list[str] = []  # the citations of the paragraph being copied
    indent = ""
    for line in [*markdown.split("\n"), ""]:
        if not line.strip() and pending:
            out += [indent.rstrip(), *pending]
            pending = []
        numbers = [int(n) for n in _MARK_RE.findall(line)]
        if numbers and not pending:
            indent = _continuation(line)
        pending += [f"{indent}- {lines[number]}" for number in numbers]
        out.append(_MARK_RE.sub("", line).rstrip() if numbers else line)
    return "\n".join(out)


def _continuation(line: str) -> str:
    """What a line of the same block starts with: a quote's ``>``, a list item's indent."""
    prefix = _LINE_PREFIX_RE.match(line)
    if prefix is None:
        return ""
    return prefix[1] if ">" in prefix[1] else " " * len(prefix[1])


def citation_line(item: dict[str, Any]) -> str:
    """``Authors. *Title*. Venue Year. [arXiv](…)``, from one CSL-JSON item."""
    title = " ".join(str(item.get("title") or "").split())
    if not title:
        return ""
    authors, venue = _authors(item), _venue(item)
    year = _year(item.get("issued"))
    link = _link(item)
    parts = [f"{authors}." if authors else "", f"*{title.rstrip('.')}*."]
    parts.append(" ".join(filter(None, [venue, year])) + "." if venue or year else "")
    parts.append(link)
    return " ".join(part for part in parts if part)


def _with_facts_on_top(markdown: str, item: dict[str, Any]) -> str:
    link = _link(item)
    facts = {
        "Title": " ".join(str(item.get("title") or "").split()),
        "Authors": _authors(item),
        "Venue": _venue(item),
        "Year": _year(item.get("issued")),
        "Link": link[link.find("(") + 1 : -1] if link else "",
    }
    block = "\n".join(f"{label}: {value}  " for label, value in facts.items() if value)
    head, newline, rest = markdown.partition("\n")
    if head.startswith("# "):  # under the note's own heading
        return f"{head}\n\n{block}\n{newline}{rest}"
    return f"{block}\n\n{markdown}"


def _authors(item: dict[str, Any]) -> str:
    return ", ".join(filter(None, (_name(person) for person in item.get("author") or [])))


def _venue(item: dict[str, Any]) -> str:
    venue = str(item.get("container-title") or item.get("event-title") or "").strip()
    return re.sub(r"^(?:19|20)\d{2}\s+", "", venue)  # "2016 IEEE Conference on …"


def _stored_items(html: str) -> list[dict[str, Any]]:
    match = _CITATION_ITEMS_RE.search(html)
    items = _json(match["data"]) if match else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _cited_items(data: str, stored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    citation = _json(data)
    if not isinstance(citation, dict):
        return []
    found = []
    for cited in citation.get("citationItems") or []:
        if not isinstance(cited, dict):
            continue
        item_data = cited.get("itemData")
        if not isinstance(item_data, dict):
            uris = set(cited.get("uris") or [])
            item_data = next(
                (s.get("itemData") for s in stored if uris & set(s.get("uris") or [])), None
            )
        if isinstance(item_data, dict):
            found.append(item_data)
    return found


def _json(data: str) -> Any:
    try:
        return json.loads(unquote(data.replace("&quot;", '"').replace("&amp;", "&")))
    except ValueError:
        return None


def _span_end(html: str, start: int) -> int:
    """Where the span opened just before ``start`` closes, nested spans and all."""
    depth = 1
    for tag in _SPAN_TAG_RE.finditer(html, start):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return tag.end()
    return len(html)


def _name(person: Any) -> str:
    if not isinstance(person, dict):
        return ""
    if person.get("literal"):
        return str(person["literal"]).strip()
    return " ".join(str(person.get(key) or "").strip() for key in ("given", "family")).strip()


def _year(issued: Any) -> str:
    if not isinstance(issued, dict):
        return ""
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        return str(parts[0][0])
    found = re.search(r"\b(?:19|20)\d{2}\b", str(issued.get("raw") or issued.get("literal") or ""))
    return found[0] if found else ""


def _link(item: dict[str, Any]) -> str:
    """The arXiv page when the item is on arXiv (Zotero keeps the id in URL, number or
    note), else its DOI, else its URL."""
    places = [item.get(key) for key in ("URL", "number", "note", "DOI", "archive_location")]
    for place in places:
        arxiv = parse_arxiv_id(str(place)) if place else None
        if arxiv and ("arxiv" in str(place).lower() or place is item.get("number")):
            return f"[arXiv]({arxiv_abs_url(*arxiv)})"
    doi = parse_doi(str(item.get("DOI") or ""))
    if doi:
        return f"[doi](https://doi.org/{doi})"
    url = str(item.get("URL") or "").strip()
    return f"[link]({url})" if url.startswith(("http://", "https://")) else ""
