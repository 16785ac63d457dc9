"""Read RefWorks' tagged format: one record a block of ``TAG value`` lines.

Legacy RefWorks and ProQuest's RefWorks export the same format: each record opens with
``RT Journal Article`` (its type), then two-letter tags and a space — ``A1`` authors
("Last, First" or "Last,First"), ``T1`` title, ``JF`` journal, ``YR`` year, ``VO``,
``IS``, ``SP``/``OP`` pages, ``K1`` keywords, ``AB`` abstract, ``NO`` notes (where the
person writes, and where some databases leave the DOI), ``DO`` DOI, ``UL``/``LK`` links
— a blank line between records. A value may run on over lines that carry no tag of
the format's legend (a legacy export opens with that legend). Records are read as RIS
records are (``ris.parse``): types that are no papers (web pages, software) are left
out with a warning, books and reports kept as a bibliography keeps them.
"""

from __future__ import annotations

import re

from papershelf.importers.records import ParsedDocument, ParseError
from papershelf.importers.ris.parse import entry_from_ris

FORMAT = "refworks"

# The legend's tags (a legacy export prints it on top): any other "XX " opening a line
# is the text of the field before ("MY NOTES: …" inside a note).
_TAGS = frozenset(
    {"RT", "SR", "ID", "A1", "A2", "A3", "A4", "A5", "A6", "T1", "T2", "T3", "JF", "JO", "YR"}
    | {"FD", "VO", "IS", "SP", "OP", "K1", "AB", "NO", "ED", "PB", "PP", "CY", "SN", "AV"}
    | {"AD", "AN", "LA", "CL", "SF", "OT", "LK", "DO", "CN", "DB", "DS", "IP", "RD", "ST"}
    | {"UL", "WT", "WP", "WV", "WL", "CR", "OL", "NT"}
    | {f"U{n}" for n in range(1, 16)}
)
_LINE_RE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]{1,2}) (?P<value>.*)$")
# RefWorks' reference types as RIS's: what ``ris.parse`` knows to keep or leave out.
_TYPES = {
    "journal article": "JOUR", "abstract": "JOUR", "journal, electronic": "EJOUR",
    "magazine article": "MGZN", "newspaper article": "NEWS", "book, whole": "BOOK",
    "book, edited": "BOOK", "book, section": "CHAP", "monograph": "BOOK",
    "conference proceedings": "CONF", "dissertation/thesis": "THES",
    "dissertation/thesis, unpublished": "THES", "report": "RPRT", "web page": "ELEC",
    "computer program": "COMP", "video/ dvd": "VIDEO", "video/dvd": "VIDEO",
    "sound recording": "SOUND", "map": "MAP", "artwork": "ART", "patent": "PAT",
    "unpublished material": "UNPB", "generic": "GEN", "grant": "GRANT",
    "online discussion forum": "BLOG", "case/court decisions": "CASE",
    "laws/statutes": "STAT", "bills/resolutions": "BILL", "hearing": "HEAR",
}  # fmt: skip
# RefWorks' tags as the keys rispy gives RIS's, which ``ris.parse`` reads.
_KEYS = {
    "A1": "authors", "T1": "title", "JF": "secondary_title", "JO": "alternate_title1",
    "T2": "secondary_title", "YR": "year", "FD": "date", "VO": "volume", "IS": "number",
    "SP": "start_page", "OP": "end_page", "K1": "keywords", "AB": "abstract",
    "NO": "notes", "PB": "publisher", "DO": "doi", "UL": "urls", "LK": "urls", "ID": "id",
}  # fmt: skip
_LISTS = frozenset({"authors", "keywords", "urls", "notes"})


def looks_like_refworks(text: str) -> bool:
    head = text.lstrip("\ufeff")[:20_000]
    if head.casefold().startswith("refworks export tagged format"):
        return True
    return bool(re.search(r"^RT \S.*\n(?:[A-Z][A-Z0-9] .*\n){2,}", head, re.MULTILINE))


def parse(text: str, path: str) -> ParsedDocument:
    records = _records(text)
    if not records:
        raise ParseError(path, None, "no records (each opens with an 'RT' line)")
    document = ParsedDocument(path=path, format=FORMAT)
    for line, fields in records:
        document.entries.append(entry_from_ris(_as_ris(fields), line, path, document.warnings))
    return document


def _records(text: str) -> list[tuple[int, list[tuple[str, str]]]]:
    """Each record's first line and its (tag, value) pairs, continuation lines joined."""
    records: list[tuple[int, list[tuple[str, str]]]] = []
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.rstrip()
        match = _LINE_RE.match(line)
        tag = match["tag"] if match and match["tag"] in _TAGS else ""
        if tag == "RT":
            records.append((number, [("RT", match["value"].strip())]))  # type: ignore[index]
        elif not records:
            continue  # the legacy export's header and legend
        elif tag:
            records[-1][1].append((tag, match["value"].strip()))  # type: ignore[index]
        elif line.strip():
            last_tag, value = records[-1][1][-1]
            records[-1][1][-1] = (last_tag, f"{value}\n{line.strip()}")
    return records


def _as_ris(fields: list[tuple[str, str]]) -> dict[str, object]:
    ris: dict[str, object] = {}
    for tag, value in fields:
        if tag == "RT":
            ris["type_of_reference"] = _TYPES.get(value.casefold(), "GEN")
            continue
        key = _KEYS.get(tag)
        if key is None or not value or (tag == "ID" and value.isdigit()):
            continue  # RefWorks numbers its records: no key a note would cite
        if key in _LISTS:
            ris.setdefault(key, [])
            ris[key].append(value)  # type: ignore[attr-defined]
        else:
            ris.setdefault(key, " ".join(value.split()))
    if "doi" not in ris:
        # "doi:10.1001/jama.288.16.1987" in the notes, where a database's import left it.
        stated = next((m for note in ris.get("notes") or [] if (m := _DOI_RE.search(note))), None)  # type: ignore[attr-defined]
        if stated:
            ris["doi"] = stated[0].rstrip(".,;")
    return ris


_DOI_RE = re.compile(r"\b10\.\d{4,9}/\S+")
