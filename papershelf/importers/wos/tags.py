"""Web of Science's plain text records, each field's lines with the line it starts on.

A file opens ``FN Clarivate Analytics Web of Science`` (Thomson Reuters' before it),
``VR 1.0``; each record runs from ``PT J`` to ``ER``, and ``EF`` ends the file. A
field is a two-letter tag, a space and its first line; lines indented by three spaces
go on: one value each in a list (AU, AF, CR, C1), the wrapped rest of a text (TI, SO).
The structure is checked line by line, as the RIS reader does, so an unfinished
record fails naming the line it starts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NoReturn

from papershelf.importers.records import ParseError

_FIELD_RE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9])(?: (?P<value>.*))?$")
# A file's header, repeated where exports were joined with `cat`: FN, VR and the EF
# that ended the file before.
_BETWEEN_RECORDS = ("FN", "VR", "EF")


@dataclass
class WosRecord:
    line: int  # where its PT stands
    fields: dict[str, list[str]] = field(default_factory=dict)  # tag -> its lines

    def lines(self, tag: str) -> list[str]:
        return [line for line in self.fields.get(tag, []) if line]

    def text(self, tag: str, joiner: str = " ") -> str:
        return joiner.join(self.lines(tag))


def read_records(text: str, path: str) -> list[WosRecord]:
    """The records of a Web of Science file; ParseError where its structure breaks."""
    records: list[WosRecord] = []
    current: WosRecord | None = None
    last_tag = ""
    for number, line in enumerate(_lines(text), start=1):
        match = _FIELD_RE.match(line)
        if not line.strip():
            continue  # records stand apart by a blank line, or by none
        if current is None:
            current = _open_record(match, path, number)
            if current is not None:
                records.append(current)
        elif line[0].isspace():
            current.fields[last_tag].append(line.strip())
            continue
        elif match is None or match["tag"] in ("PT", "EF"):
            _raise_unfinished(current, match, path, number)
        elif match["tag"] == "ER":
            current = None
            continue
        if current is not None and match is not None:
            last_tag = match["tag"]
            current.fields.setdefault(last_tag, []).append((match["value"] or "").strip())
    if current is not None:
        raise ParseError(path, current.line, "record has no 'ER' line (file cut off?)")
    return records


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.removeprefix("\ufeff").splitlines()]


def _open_record(match: re.Match[str] | None, path: str, number: int) -> WosRecord | None:
    tag = match["tag"] if match else ""
    if tag == "PT":
        return WosRecord(line=number)
    if tag in _BETWEEN_RECORDS:
        return None
    raise ParseError(path, number, "text outside a record; records start with 'PT '")


def _raise_unfinished(
    current: WosRecord, match: re.Match[str] | None, path: str, number: int
) -> NoReturn:
    if match is not None:  # a PT or EF before this record's ER
        message = f"record has no 'ER' line before the '{match['tag']}' on line {number}"
        raise ParseError(path, current.line, message)
    message = "not a Web of Science line: expected a tag ('TI ') or an indented continuation"
    raise ParseError(path, number, message)
