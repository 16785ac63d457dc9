"""What a Citavi reference says about its paper, and whether it is one.

``<ReferenceType>`` names the kind of work. Articles, contributions to an edited
volume or proceedings, theses, grey literature (where Citavi files preprints and
reports) are papers; books, edited volumes and proceedings as a whole, web pages,
lectures, the person's own manuscripts, laws and the like are not, and are skipped
with the reason said, as the other reference-manager readers do.
"""

from __future__ import annotations

import re

from papershelf.importers.citavi.knowledge import rich_text
from papershelf.importers.citavi.project import (
    Project,
    id_of,
    line_value,
    location_address,
    value,
)
from papershelf.importers.endnote.xmlnodes import Element
from papershelf.importers.notes.links import add_identifier
from papershelf.importers.records import PaperRecord
from papershelf.lib.identifiers import parse_arxiv_id

_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")
PAPER_TYPES = {
    "JournalArticle": "article",
    "NewspaperArticle": "article",
    "Contribution": "incollection",
    "Thesis": "phdthesis",
    "UnpublishedWork": "techreport",  # grey literature: reports, preprints
    "Preprint": "unpublished",
    "Unknown": "misc",
}
NOT_PAPERS = {
    "Book": "a book",
    "BookEdited": "an edited book",
    "CollectedWorks": "a book",
    "AudioBook": "a book",
    "SpecialIssue": "a journal issue",
    "ConferenceProceedings": "a proceedings volume",
    "LegalCommentary": "a legal commentary",
    "ContributionInLegalCommentary": "a legal commentary",
    "InternetDocument": "a web page",
    "Lecture": "a lecture",
    "Manuscript": "an unpublished manuscript",
    "ArchiveMaterial": "archive material",
    "File": "a file",
    "AudioOrVideoDocument": "a recording",
    "Movie": "a film",
    "Broadcast": "a broadcast",
    "RadioPlay": "a radio play",
    "MusicTrack": "music",
    "MusicAlbum": "music",
    "ComputerProgram": "software",
    "CourtDecision": "a court decision",
    "StatuteOrRegulation": "a statute",
    "InterviewMaterial": "interview material",
    "Map": "a map",
    "NewsAgencyReport": "a news agency report",
    "PressRelease": "a press release",
    "Patent": "a patent",
    "PersonalCommunication": "a personal communication",
    "Standard": "a standard",
}
_URL_PREFIXES = ("http://", "https://")
_ARXIV_DOI = "10.48550/"


def reference_type(reference: Element) -> str:
    return line_value(reference, "ReferenceType") or "JournalArticle"


def title_of(reference: Element) -> str:
    """Citavi keeps the subtitle apart; a paper's title is both, as the work prints it."""
    title, subtitle = line_value(reference, "Title"), line_value(reference, "Subtitle")
    if not subtitle:
        return title
    return f"{title} {subtitle}" if title.endswith((":", "?", "!", ".")) else f"{title}: {subtitle}"


def paper_of(project: Project, reference: Element, path: str) -> PaperRecord:
    own = id_of(reference)
    parent = project.parent_of(reference)
    paper = PaperRecord(
        title=title_of(reference),
        authors=_people(project, "ReferenceAuthors", own),
        organisations=_people(project, "ReferenceOrganizations", own),
        year=_year(reference),
        abstract=rich_text(reference, "Abstract", path),
        entry_type=_entry_type(reference, parent),
        bibtex_key=line_value(reference, "BibTeXKey", "CitationKey"),
        keywords=tags_of(project, reference),
    )
    paper.venue = _venue(project, reference, parent, paper)
    _fill_identifiers(project, paper, reference)
    return paper


def tags_of(project: Project, reference: Element) -> list[str]:
    """Its keywords, then its groups (Citavi's other tags), each once."""
    own = id_of(reference)
    names = [*project.names("ReferenceKeywords", own), *project.names("ReferenceGroups", own)]
    return list(dict.fromkeys(" ".join(name.split()) for name in names))


def _people(project: Project, table: str, own: str) -> list[str]:
    people = (project.by_id.get(person) for person in project.linked(table, own))
    names = (_full_name(person) for person in people if person is not None)
    return [name for name in names if name]


def _full_name(person: Element) -> str:
    parts = ("FirstName", "MiddleName", "Prefix", "LastName", "Suffix")
    return " ".join(part for name in parts if (part := line_value(person, name)))


def _year(reference: Element) -> int | None:
    for name in ("Year", "Date", "DateForSorting"):
        match = _YEAR_RE.search(value(reference, name))
        if match:
            return int(match[1])
    return None


def _entry_type(reference: Element, parent: Element | None) -> str:
    kind = reference_type(reference)
    if kind == "Contribution" and parent is not None:
        in_proceedings = reference_type(parent) == "ConferenceProceedings"
        return "inproceedings" if in_proceedings else "incollection"
    return PAPER_TYPES.get(kind, "misc")


def _venue(project: Project, reference: Element, parent: Element | None, paper: PaperRecord) -> str:
    periodical = project.by_id.get(value(reference, "PeriodicalID"))
    if periodical is not None and (name := line_value(periodical, "Name")):
        return name
    if parent is not None:
        return title_of(parent)
    if reference_type(reference) == "Thesis":  # the university
        publishers = project.names("ReferencePublishers", id_of(reference))
        return next(iter(paper.organisations or publishers), "")
    return ""


def _fill_identifiers(project: Project, paper: PaperRecord, reference: Element) -> None:
    stated = [value(reference, "Doi", "DOI"), line_value(reference, "OnlineAddress")]
    for location in project.locations.get(id_of(reference), []):
        address = location_address(location)
        if (
            address.startswith(_URL_PREFIXES)
            or value(location, "MirrorsReferencePropertyId") == "Doi"
        ):
            stated.append(address)
    number = line_value(reference, "Number")  # a preprint's "arXiv:2101.01234"
    if "arxiv" in number.casefold():
        stated.append(number)
    for text in stated:
        add_identifier(paper, text)
    if not paper.arxiv_id:
        arxiv = (parse_arxiv_id(text) for text in stated if "arxiv" in text.casefold())
        if found := next(filter(None, arxiv), None):
            paper.arxiv_id, paper.arxiv_version = found
    if paper.arxiv_id and paper.doi.startswith(_ARXIV_DOI):
        paper.doi = ""  # the arXiv DOI stands for the arXiv id, as in the other readers
    pubmed = line_value(reference, "PubMedID")
    if pubmed.isdigit() and not paper.url:
        paper.url = f"https://pubmed.ncbi.nlm.nih.gov/{pubmed}/"
