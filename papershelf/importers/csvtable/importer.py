"""Spreadsheets saved as CSV or TSV, read as tables of papers."""

from __future__ import annotations

from papershelf.importers.csvtable.parse import looks_like_csv, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="csv",
    description="a spreadsheet of papers saved as CSV or TSV (a Title column, one row a paper)",
    extensions=(".csv", ".tsv"),
    parse=parse,
    sniff=looks_like_csv,
    parse_with_hints=parse,
)
