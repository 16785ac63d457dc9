"""MEDLINE's tagged lines grouped into records, each field with the line it starts on.

PubMed writes one field a line: a tag of up to four letters padded to four, ``- ``
and the value (``TI  - …``, ``PMID- …``); a value too long for the line goes on in
lines indented by six spaces. A blank line ends a record; each record opens with its
``PMID``. Libraries that read this format (``nbib``, Biopython's ``Medline``) forgive
a stray line and drop the line numbers, so we read it ourselves: a broken file fails
naming the line to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from papershelf.importers.records import ParseError

# The dash stands in the fifth column whatever the tag's length: "TI  - ", "PMID- ".
_FIELD_RE = re.compile(r"^(?=.{4}-)(?P<tag>[A-Z][A-Z0-9]{1,3}) *-(?: (?P<value>.*))?$")
_FIRST_TAG = "PMID"


@dataclass
class MedlineRecord:
    line: int  # where its PMID stands
    fields: list[tuple[str, str]] = field(default_factory=list)  # (tag, value), in order

    def values(self, tag: str) -> list[str]:
        return [value for name, value in self.fields if name == tag and value]

    def first(self, *tags: str) -> str:
        return next((values[0] for tag in tags if (values := self.values(tag))), "")


def read_records(text: str, path: str) -> list[MedlineRecord]:
    """The records of a MEDLINE file; ParseError at the first line that is none of its."""
    records: list[MedlineRecord] = []
    current: MedlineRecord | None = None
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            current = None  # a blank line ends the record
        elif line[0].isspace():
            _continue_field(current, line, path, number)
        elif match := _FIELD_RE.match(line):
            current = _add_field(records, current, match, path, number)
        else:
            message = "not a MEDLINE line: expected a tag ('TI  - ') or an indented continuation"
            raise ParseError(path, number, message)
    return records


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.removeprefix("\ufeff").splitlines()]


def _continue_field(current: MedlineRecord | None, line: str, path: str, number: int) -> None:
    if current is None:
        raise ParseError(path, number, "an indented line outside a record")
    tag, value = current.fields[-1]
    current.fields[-1] = (tag, f"{value} {line.strip()}".strip())


def _add_field(
    records: list[MedlineRecord],
    current: MedlineRecord | None,
    match: re.Match[str],
    path: str,
    number: int,
) -> MedlineRecord:
    tag, value = match["tag"], (match["value"] or "").strip()
    if current is None:
        if tag != _FIRST_TAG:
            # Usually a blank line inside a record, which cut it in two.
            raise ParseError(path, number, f"a record must start with 'PMID- ', not '{tag}'")
        current = MedlineRecord(line=number)
        records.append(current)
    current.fields.append((tag, value))
    return current
