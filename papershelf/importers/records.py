"""The records every parser produces and every importer consumes.

Parsers are pure: they read text and return these dataclasses, never touching the
database, so they are fast to test and a new format only has to fill them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ParseError(Exception):
    """Input we cannot read; names the file and line so the user can fix it."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass
class ImportWarning:
    """Something a user should look at, but that did not stop the import."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class PaperRecord:
    """What a source says about one paper. Every field is optional but the title.

    Identifiers are already normalised (``lib.identifiers``): arXiv ids without
    version in ``arxiv_id`` (the version, when known, in ``arxiv_version``),
    DOIs lower-cased without a resolver prefix.
    """

    title: str
    authors: list[str] = field(default_factory=list)  # "First Last", in order
    year: int | None = None
    venue: str = ""
    abstract: str = ""
    arxiv_id: str = ""
    arxiv_version: int | None = None
    doi: str = ""
    openreview_id: str = ""
    bibtex_key: str = ""
    dblp_key: str = ""
    entry_type: str = ""  # BibTeX type: article, inproceedings, misc…
    pdf_url: str = ""
    code_url: str = ""
    project_url: str = ""
    url: str = ""  # the link the source gave, when it is none of the above
    organisations: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class SummaryRecord:
    """A note on a paper: Markdown exactly as the source had it (math, code, images)."""

    markdown: str
    heading: str = ""  # the source's own short name for the paper ("Attention")
    images: list[str] = field(default_factory=list)  # relative image paths it refers to
    visibility: str = ""  # as the note states it (an export's "summary_visibility")


@dataclass
class Entry:
    """One paper's part of a source document, in document order."""

    paper: PaperRecord | None  # None when the part names no paper we can identify
    summary: SummaryRecord | None = None
    line: int | None = None  # 1-based line where the part begins
    sections: tuple[str, ...] = ()  # enclosing headings: ("2017",) or ("Module 1", "Lesson 2")
    evidence: str = ""  # what says this part is a paper: "arXiv link under the heading", …
    # The citation key the part names its paper by ("@lee2012" under its heading): the
    # paper is that key's entry when a bibliography of the import has it.
    cites: str = ""
    # Another file of the import the part points at, as written ("Fitts-1954_98411.html"):
    # an index row linking the note that holds the paper.
    note_link: str = ""


@dataclass
class ParseHints:
    """A person's corrections to what the importer found in one file (from the preview),
    and what the file's container knows of it."""

    not_papers: frozenset[int] = frozenset()  # 1-based lines of entries that name no paper
    titles: dict[int, str] = field(default_factory=dict)  # entry line -> its paper's title
    split_level: int | None = None  # each heading at this level starts a paper
    separator: str = ""  # the line written between posts of a page saved as text
    readme: bool = False  # a repository's README (a saved repository page renders one)


@dataclass
class TopicRecord:
    name: str
    description: str = ""
    slug: str = ""


@dataclass
class ParsedDocument:
    """Everything one parser found in one file."""

    path: str
    format: str  # registry name of the parser: "bibtex", "notes", …
    title: str = ""  # the document's own title (front matter, first heading)
    entries: list[Entry] = field(default_factory=list)
    topics: list[TopicRecord] = field(default_factory=list)
    entry_topics: dict[int, list[str]] = field(default_factory=dict)  # entry index -> topic names
    # Notes written under a section rather than on a paper (a lesson's text): by the
    # section's path, with the 1-based line where they start.
    section_notes: dict[tuple[str, ...], tuple[int, str]] = field(default_factory=dict)
    ordered: bool = False  # True when the document's order is meaningful (a reading list)
    declared_topics: list[str] = field(default_factory=list)  # stated, not mere tags
    # A topics page's members: topic name -> the notes it lists (paths without ".md").
    topic_notes: dict[str, list[str]] = field(default_factory=dict)
    # A bibliography's items that are no paper, by citation key: what each is ("a web page").
    not_papers: dict[str, str] = field(default_factory=dict)
    warnings: list[ImportWarning] = field(default_factory=list)
