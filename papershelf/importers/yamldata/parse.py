"""A site's data file of papers: Jekyll's ``_data/reading.yml``, Hugo's ``data/papers.yaml``.

Academic and reading-group sites keep their lists as YAML records that a template
renders: each record a paper's title beside its facts (authors, venue, year, arxiv, doi,
url), its ``notes`` and ``tags``; records grouped under a named group ("term: Spring
2024" over its ``sessions``), a record of several papers holding them in ``papers:``.
A record's ``status`` or ``kind`` says when it is no paper read: a session still
``upcoming`` or ``cancelled``, a ``book`` or a ``talk``. Groups are reading-list sections.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from papershelf.importers.notes.metadata import parse_authors
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
    SummaryRecord,
)
from papershelf.importers.yamltext import load_yaml
from papershelf.lib.identifiers import parse_arxiv_id, parse_doi

FORMAT = "yaml-data"
_FACTS = ("authors", "author", "venue", "journal", "booktitle", "year", "arxiv", "doi", "url")
_GROUP_NAMES = ("term", "name", "section", "category", "topic", "group", "title", "heading")
_NOT_READ = frozenset(
    {"upcoming", "planned", "scheduled", "cancelled", "canceled", "postponed", "tbd", "to read",
     "toread", "to-read", "skipped", "proposed", "suggested", "maybe-later", "maybe later",
     "maybe", "wishlist"}
)  # fmt: skip
_NOT_PAPERS = frozenset(
    {"book", "chapter", "talk", "tutorial", "video", "lecture", "course", "software",
     "dataset", "workshop", "seminar", "podcast", "blog", "blog post", "repo", "repository",
     "code", "library", "tool", "website", "web page", "docs"}
)  # fmt: skip
_PLACEHOLDER_RE = re.compile(r"\bX{4}\b|^paper title here$|\{\{", re.IGNORECASE)
_MIN_RECORDS = 2


def looks_like_paper_data(text: str) -> bool:
    if "title" not in text[:20000]:
        return False
    try:
        data = _load(text, "")
    except ParseError:
        return False
    return len(list(_records(data, ()))) >= _MIN_RECORDS


def _load(text: str, path: str) -> Any:
    """YAML (JSON is YAML), or TOML: Hugo's data/readings.toml, "[[paper]]" tables."""
    if _TOML_TABLE_RE.search(text[:20000]):
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ParseError(path, None, f"not readable TOML: {error}") from None
    return load_yaml(text, path, floats_as_written=True)


_TOML_TABLE_RE = re.compile(r"^\[\[[\w.\-]+\]\]\s*$", re.MULTILINE)


def parse(text: str, path: str) -> ParsedDocument:
    data = _load(text, path)
    document = ParsedDocument(path=path, format=FORMAT, ordered=True)
    lines, line = text.split("\n"), 0
    for record, sections, inherited in _records(data, ()):
        line = _line_of(lines, str(record["title"]), line)
        _add(document, record, sections, inherited, path, line or None)
    return document


def _records(data: Any, sections: tuple[str, ...], inherited: dict[str, Any] | None = None) -> Any:
    """Each paper record with the groups it sits in and what its parent record says of
    it (a double session's date and status)."""
    if isinstance(data, list):
        for item in data:
            yield from _records(item, sections, inherited)
        return
    if not isinstance(data, dict):
        return
    if _is_record(data):
        yield data, sections, inherited or {}
        return
    label = next((str(data[k]) for k in _GROUP_NAMES if isinstance(data.get(k), str)), "")
    if isinstance(data.get("papers"), list):  # a session of several papers
        yield from _records(data["papers"], sections, {**(inherited or {}), **data})
        return
    for key, child in data.items():
        if not isinstance(child, list | dict):
            continue
        # Hugo's "[[book]]" tables beside its "[[paper]]" ones: what they hold is books.
        kind = {"kind": "book"} if str(key).casefold() in ("book", "books") else {}
        under = {**(inherited or {}), **kind} if kind else inherited
        yield from _records(child, (*sections, label) if label else sections, under)


def _is_record(data: dict[str, Any]) -> bool:
    # A web address alone is a menu's entry ("title: People, url: /people/"), not a paper.
    facts = [name for name in _FACTS if data.get(name) and name != "url"]
    return isinstance(data.get("title"), str) and bool(facts)


def _add(
    document: ParsedDocument,
    record: dict[str, Any],
    sections: tuple[str, ...],
    inherited: dict[str, Any],
    path: str,
    line: int | None,
) -> None:
    title = " ".join(str(record["title"]).split())
    status = str(record.get("status", inherited.get("status", ""))).strip().casefold()
    kind = str(record.get("kind", record.get("type", inherited.get("kind", ""))))
    kind = kind.strip().casefold()
    reason = (
        f"its status is “{status}”"
        if status in _NOT_READ
        else f"it is a {kind}"
        if kind in _NOT_PAPERS
        else "a placeholder"
        if _PLACEHOLDER_RE.search(title)
        else ""
    )
    if reason:
        document.warnings.append(ImportWarning(path, line, f"did not import “{title}”: {reason}"))
        return
    notes = str(record.get("notes") or record.get("note") or record.get("summary") or "").strip()
    document.entries.append(
        Entry(
            paper=_paper(record, title),
            summary=SummaryRecord(notes) if notes else None,
            line=line,
            sections=sections,
            evidence="a record of a site's data file: its title beside the paper's facts",
        )
    )
    tags = record.get("tags") or record.get("keywords") or []
    if isinstance(tags, str):
        tags = re.split(r"\s*,\s*", tags)
    if names := [str(tag).strip() for tag in tags if str(tag).strip()]:
        document.entry_topics[len(document.entries) - 1] = names


def _paper(record: dict[str, Any], title: str) -> PaperRecord:
    authors = record.get("authors", record.get("author", ""))
    listed = isinstance(authors, list)
    names = [str(name) for name in authors] if listed else parse_authors(str(authors))
    year = re.search(r"\b(1[89]\d{2}|20\d{2})\b", str(record.get("year", "")))
    venue = record.get("venue") or record.get("journal") or record.get("booktitle") or ""
    arxiv = parse_arxiv_id(str(record.get("arxiv") or ""))
    url = str(record.get("url") or "")
    return PaperRecord(
        title=title,
        authors=[name for name in names if name.casefold() not in ("et al", "et al.")],
        year=int(year[1]) if year else None,
        venue=re.sub(r"\s*\b(1[89]\d{2}|20\d{2})\b", "", str(venue)).strip(),
        arxiv_id=arxiv[0] if arxiv else "",
        doi=parse_doi(str(record.get("doi") or "")) or "",
        url=url,
    )


def _line_of(lines: list[str], title: str, after: int) -> int:
    """The (1-based) line after ``after`` where a record's title is written, or ``after``."""
    words = " ".join(title.split())[:40]
    for number in range(after, len(lines)):
        if "title" in lines[number] and words in " ".join(lines[number].split()):
            return number + 1
    return after
