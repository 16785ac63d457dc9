"""Read BibTeX and BibLaTeX files into paper records.

bibtexparser 2 does the splitting (and resolves ``@string`` macros); we decode LaTeX
only in prose fields, because URLs and DOIs are verbatim in BibTeX and a LaTeX
decoder would eat a ``%`` in them as a comment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock
from bibtexparser.model import Entry as BibEntry

from papershelf.importers.bibtex.jabref import apply_reading
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
)
from papershelf.lib.identifiers import Link, classify_url, parse_arxiv_id, parse_doi
from papershelf.lib.latex import decode_latex

FORMAT = "bibtex"

_LATEX_SIGNS = ("\\", "$", "~", "--", "``")
_UNESCAPED_COMMENT_OR_ALIGN_RE = re.compile(r"(?<!\\)([%&])")
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")  # "2017a" is 2017
_DANGLING_AND_RE = re.compile(r"^\s*and\s+|\s+and\s*$")
# BibTeX name splitting treats "~" as a space, which would cut Ca\~{n}ete in two.
# Braces go only in pairs: I{\~n}igo must keep its closing brace, or the rest of the
# author list falls inside an unclosed group and becomes one name.
_TILDE_ACCENT_RE = re.compile(r"\\~(?:\{([A-Za-z])\}|([A-Za-z]))")
_KEYWORD_SEPARATOR_RE = re.compile(r"[,;]")
_ARXIV_JOURNAL_RE = re.compile(r"^\s*arxiv\b", re.IGNORECASE)
_DBLP_KEY_PREFIX = "DBLP:"
_DBLP_RECORD_URL_RE = re.compile(r"dblp\.org/rec/(?:bibtex/)?(?P<key>[^\s]+?)(?:\.bib|\.html)?$")
_ARXIV_EPRINT_TYPES = frozenset({"arxiv", ""})  # eprint without a type is arXiv in practice
_CORR = "corr"  # DBLP's name for arXiv as a journal
_CORR_VOLUME_PREFIX = "abs/"  # volume = {abs/1607.06450}
# "XXXI. On the influence of carbonic acid …": the article's number in its journal's
# volume (the Philosophical Magazine's), which Google Scholar keeps in front of the title.
_ARTICLE_NUMBER_RE = re.compile(r"^[IVXLC]{3,8}\.\s+(?=[A-Z])")
_VENUE_FIELDS = ("booktitle", "journaltitle", "journal", "eventtitle", "school", "institution")
_URL_FIELDS = ("url", "pdf", "code")  # hold one URL each, verbatim
_PROSE_LINK_FIELDS = ("howpublished", "note")  # may mention a URL or "arXiv:…" in passing
_URL_RE = re.compile(r"https?://[^\s{}\\]+")
_CONCATENATION_PART_RE = re.compile(
    r'\s*(?:"(?P<quoted>[^"]*)"|\{(?P<braced>(?:[^{}]|\{[^{}]*\})*)\}|(?P<macro>[^\s#"{}]+))'
    r"\s*(?:#|$)"
)
_CONTAINER_TYPES = frozenset({"proceedings", "mvproceedings", "book", "mvbook", "collection"})
_INHERITED_FIELDS = ("booktitle", "year", "date", "publisher")  # what @crossref passes down


def parse(text: str, path: str) -> ParsedDocument:
    """Parse a .bib file; broken syntax raises ParseError naming the entry's line."""
    library = bibtexparser.parse_string(text)  # type: ignore[attr-defined]  # public, not in __all__
    document = ParsedDocument(path=path, format=FORMAT)
    bib_entries = _entries_or_raise(library, path, document.warnings)
    if not bib_entries:
        raise ParseError(path, None, "no entries")
    macros = {key.lower(): str(string.value) for key, string in library.strings_dict.items()}
    fielded = [(entry, _fields(entry, macros)) for entry in bib_entries]
    fields_by_key: dict[str, dict[str, str]] = {}
    for entry, fields in fielded:
        fields_by_key.setdefault(entry.key, fields)
    referenced = {fields["crossref"] for _, fields in fielded if fields.get("crossref")}
    kept_fields: list[dict[str, str]] = []
    for entry, fields in fielded:
        if entry.key in referenced and entry.entry_type.lower() in _CONTAINER_TYPES:
            continue  # a @proceedings that papers cross-reference is their venue, not a paper
        fields = _inherit_from_crossref(fields, fields_by_key)
        document.entries.append(_entry_from_fields(entry, fields, path, document.warnings))
        kept_fields.append(fields)
    apply_reading(document, kept_fields)
    return document


def _entries_or_raise(library: Library, path: str, warnings: list[ImportWarning]) -> list[BibEntry]:
    entries = list(library.entries)
    for failed in library.failed_blocks:
        line = _one_based(failed.start_line)
        recovered = failed.ignore_error_block
        if isinstance(failed, DuplicateBlockKeyBlock | DuplicateFieldKeyBlock) and isinstance(
            recovered, BibEntry
        ):
            # Duplicates are sloppy but readable: keep the entry, tell the user.
            warnings.append(ImportWarning(path, line, str(failed.error).split(". Note")[0]))
            entries.append(recovered)
            continue
        raise ParseError(
            path, line, f"cannot read {_block_start(failed.raw)}: {_reason(failed.error)}"
        )
    entries.sort(key=lambda entry: entry.start_line or 0)
    return entries


def _one_based(start_line: int | None) -> int | None:
    return None if start_line is None else start_line + 1


def _block_start(raw: str | None) -> str:
    first_line = (raw or "").strip().splitlines()[0:1]
    return f"entry '{first_line[0].rstrip(',')}'" if first_line else "entry"


def _reason(error: Exception) -> str:
    reason = getattr(error, "abort_reason", None) or str(error)  # the splitter's own words
    return " ".join(str(reason).split()) or type(error).__name__


def _fields(entry: BibEntry, macros: dict[str, str]) -> dict[str, str]:
    # Field names are case-insensitive in BibTeX ("Title" and "title").
    fields = {key.lower(): str(field.value) for key, field in entry.fields_dict.items()}
    enclosings = entry.parser_metadata.get("removed_enclosing") or {}
    for key in entry.fields_dict:
        # bibtexparser resolves a lone macro but leaves `pre # "ICML"` as written.
        if enclosings.get(key) == "no-enclosing" and "#" in fields[key.lower()]:
            fields[key.lower()] = _concatenate(fields[key.lower()], macros)
    return fields


def _concatenate(value: str, macros: dict[str, str]) -> str:
    parts: list[str] = []
    position = 0
    while position < len(value):
        match = _CONCATENATION_PART_RE.match(value, position)
        if match is None:
            return value  # not a concatenation after all: keep the text as written
        if match["macro"] is not None:
            parts.append(macros.get(match["macro"].lower(), match["macro"]))
        else:
            parts.append(match["quoted"] if match["quoted"] is not None else match["braced"])
        position = match.end()
    return "".join(parts)


def _inherit_from_crossref(
    fields: dict[str, str], fields_by_key: dict[str, dict[str, str]]
) -> dict[str, str]:
    parent = fields_by_key.get(fields["crossref"]) if fields.get("crossref") else None
    if parent is None:
        return fields
    inherited = {"booktitle": parent.get("booktitle") or parent.get("title", ""), **parent}
    return {
        **{name: inherited[name] for name in _INHERITED_FIELDS if inherited.get(name)},
        **fields,
    }


def _entry_from_fields(
    bib_entry: BibEntry, fields: dict[str, str], path: str, warnings: list[ImportWarning]
) -> Entry:
    line = _one_based(bib_entry.start_line)
    decode = _FieldDecoder()
    record = _record_from_fields(bib_entry.key, bib_entry.entry_type.lower(), fields, decode)
    if decode.undecodable:
        names = ", ".join(decode.undecodable)
        message = f"entry '{bib_entry.key}': could not decode the LaTeX in {names}; kept as written"
        warnings.append(ImportWarning(path, line, message))
    if not record.title and not _has_identifier(record):
        warnings.append(ImportWarning(path, line, f"entry '{bib_entry.key}' has no title"))
        return Entry(paper=None, line=line)
    return Entry(paper=record, line=line)


def _record_from_fields(
    key: str, entry_type: str, fields: dict[str, str], decode: _FieldDecoder
) -> PaperRecord:
    record = PaperRecord(
        title=_ARTICLE_NUMBER_RE.sub("", decode(fields.get("title", ""), "title")),
        authors=bibtex_authors(fields.get("author", ""), decode),
        year=_year(fields.get("year", "") or fields.get("date", "")),
        venue=_venue(fields, decode),
        abstract=decode(fields.get("abstract", ""), "abstract"),
        bibtex_key=key,
        entry_type=entry_type,
        keywords=_keywords(fields.get("keywords", ""), decode),
        note=decode(fields.get("note", ""), "note"),
    )
    if key.startswith(_DBLP_KEY_PREFIX):
        record.dblp_key = key.removeprefix(_DBLP_KEY_PREFIX)
    _fill_identifiers(record, fields)
    return record


def _fill_identifiers(record: PaperRecord, fields: dict[str, str]) -> None:
    arxiv = (
        _arxiv_from_eprint(fields)
        or parse_arxiv_id(_unbraced(fields.get("arxiv", "")))
        or _arxiv_from_journal(fields)
    )
    if arxiv:
        record.arxiv_id, record.arxiv_version = arxiv
    _apply_doi(record, fields.get("doi", ""))
    for name in _URL_FIELDS:
        if fields.get(name, "").strip():
            _apply_link(record, classify_url(fields[name]), field_name=name)
    for name in _PROSE_LINK_FIELDS:
        _apply_prose_links(record, fields.get(name, ""), field_name=name)
    if not record.dblp_key:
        match = _DBLP_RECORD_URL_RE.search(fields.get("biburl", ""))
        record.dblp_key = match["key"] if match else ""


def _apply_prose_links(record: PaperRecord, text: str, field_name: str) -> None:
    for url in _URL_RE.findall(text):
        _apply_link(record, classify_url(url), field_name=field_name)
    text = _unbraced(text)
    arxiv = parse_arxiv_id(text) if "arxiv" in text.lower() else None
    if arxiv and not record.arxiv_id:
        record.arxiv_id, record.arxiv_version = arxiv


def _arxiv_from_eprint(fields: dict[str, str]) -> tuple[str, int | None] | None:
    eprint_type = _unbraced(fields.get("archiveprefix") or fields.get("eprinttype") or "")
    if eprint_type.strip().lower() not in _ARXIV_EPRINT_TYPES:  # "ar{X}iv" is arXiv too
        return None
    return parse_arxiv_id(_unbraced(fields.get("eprint", "")))


def _arxiv_from_journal(fields: dict[str, str]) -> tuple[str, int | None] | None:
    """The id where exporters that treat arXiv as a journal put it.

    Google Scholar writes "arXiv preprint arXiv:…", Zotero "arXiv:… [cs]" (and the id
    again as the report number), hand-kept files "Ar{X}iv:…"; Semantic Scholar's
    {ArXiv} and DBLP's {CoRR} give the id as the volume, "abs/…".
    """
    journal = _unbraced(fields.get("journal") or fields.get("journaltitle") or "").strip()
    found = None
    if _ARXIV_JOURNAL_RE.match(journal) or journal.lower() == _CORR:
        volume = _unbraced(fields.get("volume", "")).strip()
        found = parse_arxiv_id(journal) or parse_arxiv_id(volume.removeprefix(_CORR_VOLUME_PREFIX))
    number = _unbraced(fields.get("number", ""))
    return found or (parse_arxiv_id(number) if _ARXIV_JOURNAL_RE.match(number) else None)


def _unbraced(value: str) -> str:
    # Braces protect capitals from BibTeX styles ("Ar{X}iv"); they mean nothing in an id.
    return value.replace("{", "").replace("}", "")


def _apply_doi(record: PaperRecord, text: str) -> None:
    arxiv = parse_arxiv_id(text) if "10.48550" in text else None
    if arxiv:
        # The DOI arXiv mints is the arXiv id in disguise; the paper's real DOI,
        # if any, is the publisher's, so keep the field free for that.
        if not record.arxiv_id:
            record.arxiv_id, record.arxiv_version = arxiv
        return
    record.doi = record.doi or parse_doi(text) or ""


def _apply_link(record: PaperRecord, link: Link, field_name: str) -> None:
    if link.kind == "arxiv" and not record.arxiv_id:
        record.arxiv_id, record.arxiv_version = link.value, link.version
    elif link.kind == "doi":
        _apply_doi(record, link.value)
    elif link.kind == "openreview":
        record.openreview_id = record.openreview_id or link.value
    elif link.kind == "code" or field_name == "code":
        record.code_url = record.code_url or link.value
    elif link.kind == "pdf" or field_name == "pdf":
        record.pdf_url = record.pdf_url or link.value
    elif field_name in {"url", "howpublished"}:
        record.url = record.url or link.value


def _has_identifier(record: PaperRecord) -> bool:
    return bool(record.arxiv_id or record.doi or record.openreview_id)


def bibtex_authors(value: str, decode: Callable[[str, str], str]) -> list[str]:
    """A BibTeX author field ("Last, First and First Last and others") as display names,
    each decoded by ``decode(text, "author")``; also what Papis's ``author:`` holds."""
    if not value.strip():
        return []
    value = _TILDE_ACCENT_RE.sub(_compose_tilde, value)
    value = _DANGLING_AND_RE.sub("", value)  # "Doe, J. and" from a hand-cut author list
    names = split_multiple_persons_names(value)
    authors = [_display_name(name, decode) for name in names if name.strip().lower() != "others"]
    return [author for author in authors if author]


def _compose_tilde(match: re.Match[str]) -> str:
    letter = match.group(1) or match.group(2)
    return unicodedata.normalize("NFC", letter + "\N{COMBINING TILDE}")


def _display_name(name: str, decode: Callable[[str, str], str]) -> str:
    if _is_braced_whole(name):
        return decode(name, "author")  # "{World Health Organization}" is one name
    parts = parse_single_name_into_parts(name, strict=False)
    words = [*parts.first, *parts.von, *parts.last, *parts.jr]
    return decode(" ".join(words), "author")


def _is_braced_whole(name: str) -> bool:
    name = name.strip()
    if not (name.startswith("{") and name.endswith("}")):
        return False
    depth = 0
    for index, char in enumerate(name):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and index < len(name) - 1:
            return False  # "{A} and {B}"-style: the first brace closed early
    return True


def _year(value: str) -> int | None:
    match = _YEAR_RE.search(value)
    return int(match.group(1)) if match else None


def _venue(fields: dict[str, str], decode: _FieldDecoder) -> str:
    for name in _VENUE_FIELDS:
        venue = decode(fields.get(name, ""), name)
        if venue:
            return "arXiv" if _ARXIV_JOURNAL_RE.match(venue) else venue
    return ""


def _keywords(value: str, decode: _FieldDecoder) -> list[str]:
    keywords = (decode(keyword, "keywords") for keyword in _KEYWORD_SEPARATOR_RE.split(value))
    return list(dict.fromkeys(keyword for keyword in keywords if keyword))


class _FieldDecoder:
    """Decodes one entry's prose fields, remembering those the decoder could not read."""

    def __init__(self) -> None:
        self.undecodable: list[str] = []

    def __call__(self, value: str, field_name: str) -> str:
        """LaTeX to readable text, braces gone, whitespace collapsed."""
        if any(sign in value for sign in _LATEX_SIGNS):
            # A bare % or & in a .bib is a typo for \% or \&; LaTeX would drop or hide text.
            decoded = decode_latex(_UNESCAPED_COMMENT_OR_ALIGN_RE.sub(r"\\\1", value))
            if decoded.error and field_name not in self.undecodable:
                self.undecodable.append(field_name)
            value = value if decoded.error else decoded.text
        return " ".join(value.replace("{", "").replace("}", "").split())
