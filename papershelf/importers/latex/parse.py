"""A LaTeX file becomes Markdown, then a notes document like any other.

People keep reading notes, lecture notes, thesis chapters and journal-club decks in
LaTeX, citing keys of the project's ``refs.bib`` (``\\bibliography{refs}``,
``\\addbibresource{refs.bib}``). The file is converted without TeX (``document``), its
citations as Pandoc's ``[@key]``, and read as Typst notes are (``notes.citing``): a
section that names its paper by a key (``\\section{\\citetitle{lee2012}}``) records the
key for the import to pair with the bibliography; lecture notes, whose first section
names no paper, name none; a thesis chapter's many citations in prose are its
references, not its papers. A Beamer deck is the notes on the one paper it presents
(``deck``). A file of settings (a ``preamble.tex``) or ``\\input`` lines names none.
"""

from __future__ import annotations

import re

from papershelf.importers.latex.deck import FORMAT, read_deck
from papershelf.importers.latex.document import read_tex
from papershelf.importers.latex.naming import split_heading
from papershelf.importers.notes.citing import read_citing_notes
from papershelf.importers.notes.metadata import identifier_of, states_facts
from papershelf.importers.records import Entry, ImportWarning, ParsedDocument, ParseHints

__all__ = ["FORMAT", "looks_like_latex", "parse"]


def looks_like_latex(text: str) -> bool:
    """Any text in a ``.tex`` file is LaTeX, unless it is a saved page or data."""
    return not text.lstrip("\ufeff").lstrip().startswith(("<", "{\\rtf", "[{", '{"'))


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    document = read_tex(text, path)
    if not _has_notes(document.markdown):
        # preamble.tex, macros.tex, a main.tex of \input lines: machinery, or a spine.
        reason = "a LaTeX file of settings, macros or \\input lines only, no notes"
        warning = ImportWarning(path, None, reason)
        return ParsedDocument(path, FORMAT, title=document.title, warnings=[warning])
    if document.deck and not (hints and hints.split_level):
        return read_deck(document, path)
    titled = bool(document.title)
    parsed = read_citing_notes(
        document.markdown, path, FORMAT, hints, document.origins, below_title=titled
    )
    if _titled_as_a_document(parsed):
        reason = f"names no paper: “{document.title}” titles a document, not a paper's notes"
        return ParsedDocument(
            path, FORMAT, title=document.title, warnings=[ImportWarning(path, None, reason)]
        )
    for entry in parsed.entries:
        _split_author_year_title(entry)
        _unname_bare_heading(entry)
    if parsed.entries and not any(e.paper or e.cites for e in parsed.entries):
        reason = (
            "names no paper: its sections (a chapter, a report, lecture notes) state no "
            "paper's authors, year, identifier or citation key"
        )
        return ParsedDocument(
            path, FORMAT, title=document.title, warnings=[ImportWarning(path, None, reason)]
        )
    if document.chapter:
        for entry in parsed.entries:
            entry.sections = (document.chapter, *entry.sections)
        parsed.title, parsed.ordered = document.chapter, True
    return parsed


# "Plant Ecology JC – schedule", "Lecture notes in convex optimisation", "Reading group
# handout": what a LaTeX document's own title calls it, when it is not a paper's notes.
_DOCUMENT_WORDS_RE = re.compile(
    r"\b(?:schedule|syllabus|agenda|minutes|lecture|lectures|course|handout|homework|"
    r"assignment|exercises?|problem sets?|seminar|journal club|JC|reading group|lab meeting|"
    r"thesis|dissertation|report|proposal|template|slides|tutorial|cheat ?sheet|notes)\b",
    re.I,
)


def _titled_as_a_document(parsed: ParsedDocument) -> bool:
    """One part named only by the document's title, which names a kind of document."""
    if len(parsed.entries) != 1:
        return False
    entry = parsed.entries[0]
    paper = entry.paper
    if paper is None or entry.cites or identifier_of(paper) or paper.authors or paper.year:
        return False
    by_title = entry.evidence.startswith(("the heading that opens the note", "the note's title"))
    return by_title and bool(_DOCUMENT_WORDS_RE.search(paper.title))


def _split_author_year_title(entry: Entry) -> None:
    """A part named by a heading "He et al. 2016: Deep Residual Learning …" only: the
    paper's title is the words after the authors and the year."""
    paper = entry.paper
    if paper is None or identifier_of(paper) or paper.authors or entry.cites:
        return
    found = split_heading(paper.title)
    if found is not None:
        paper.title, paper.authors, paper.year = found.title, found.authors, found.year


def _unname_bare_heading(entry: Entry) -> None:
    """ "\\section{System F: The Advent of Polymorphism}": a LaTeX document's sections are
    its structure; a heading that only reads like a title, over notes that state no
    paper's facts, names none (its notes stay the section's)."""
    paper = entry.paper
    if paper is None or entry.cites or states_facts(paper) or paper.url or paper.pdf_url:
        return
    if entry.evidence == "a heading that reads like a paper title":
        entry.paper, entry.evidence = None, ""


def _has_notes(markdown: str) -> bool:
    return any(
        line.strip() and not re.match(r"#{1,6} |\*[^*].*\*$", line) for line in markdown.split("\n")
    )
