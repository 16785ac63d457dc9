"""A file that is the notes on one paper: an Obsidian or Logseq note, a post, a Hugo page.

The paper is named only by evidence, strongest first:

- front matter: ``title``, ``link``/``url``/``arxiv``/``doi``/``pdf``, ``authors``,
  ``year``, ``venue``;
- labelled fields near the top, as lines, list items or Logseq properties
  (``* **Title**: …``, ``Authors: …``, ``link:: …``);
- the heading that opens the file (``# Title (Year)``), with authors on the next line;
- the file name, as a last resort and marked as a guess.

The paper's own link is the labelled one (front matter, ``Link:``, ``[Link to the
paper](…)``, a link in the opening heading) — never a paper the notes merely cite.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from papershelf.importers.itemtypes import TRACKER_NOT_PAPERS, not_a_paper
from papershelf.importers.notes.citations import (
    NOT_A_PAPER_LABEL_RE,
    SAYS_A_BOOK_RE,
    SEVERAL_CITED_RE,
    add_identifiers,
    identifiers_in,
    is_citation_remnant,
    names_non_papers,
    names_only,
    names_put_off,
    names_unread,
    read_card,
    read_citation,
    read_identified_line,
    read_title_block,
    read_title_over_authors,
    read_title_over_venue,
    read_title_then_journal,
    read_untitled_reference,
    says_not_read,
)
from papershelf.importers.notes.frontmatter import FrontMatter, is_typed_paper, object_names
from papershelf.importers.notes.informal import TITLE_SPAN_RE, read_logged_citation, span_text
from papershelf.importers.notes.layout import (
    Layout,
    Part,
    is_boilerplate_heading,
    is_section_label,
    is_sequence_heading,
    make_summary,
    without_numbering,
)
from papershelf.importers.notes.links import (
    add_identifier,
    add_link,
    find_links,
    is_not_paper_url,
    is_paper_url,
    paper_from_link,
    read_sole_link,
)
from papershelf.importers.notes.metadata import identifier_of, parse_authors, read_labelled_fields
from papershelf.importers.notes.source import Heading, Source
from papershelf.importers.notes.status import (
    READ,
    marks_read,
    marks_unread,
    status_key,
    status_says_unread,
)
from papershelf.importers.notes.text import (
    HASHTAG,
    HASHTAG_RE,
    MARKDOWN_LINK_RE,
    YEAR_RE,
    hashtag_text,
    opens_in_lower_case,
    reads_as_a_chore,
    strip_decoration,
    visible_text,
    word_count,
)
from papershelf.importers.records import ImportWarning, PaperRecord
from papershelf.lib.identifiers import identify
from papershelf.lib.titles import folded, is_probably_title

_PAPER_TITLE_KEYS = ("paper_title", "paper-title", "papertitle", "full_title", "original_title")
_LINK_KEYS: tuple[str, ...] = ("link", "url", "paper", "paper_url", "paper_link", "arxiv")
_LINK_KEYS += ("arxiv_url", "pdf", "doi", "source", "href", "openreview", "paperurl")
_LINK_KEYS += ("original_url",)  # a clipper's (Omnivore's) page address
_AUTHOR_KEYS = ("authors", "paper_authors", "paper-authors")
_VENUE_KEYS = ("venue", "conference", "journal", "booktitle", "published", "publication")
# Hugo Academic (Wowchemy) describes a publication's page with these.
_PUBLICATION_KEYS = ("publication", "publication_types", "doi")
# "authors: [admin]": a site's own user ids (Hugo Academic profiles), not a paper's authors.
_USER_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")
# Headings that open a note without naming its paper: a template's first line.
_GENERIC_OPENINGS = frozenset(
    {"paper", "summary", "notes", "note", "paper notes", "paper summary", "abstract", "tldr"}
    | {"tl;dr", "overview", "metadata", "info", "details", "reference", "citation", "review"}
    | {"properties", "bibliography", "bibliographic info", "paper info", "paper details"}
    # As Chinese note-takers head a paper's facts: basic information, paper information.
    | {"基本信息", "论文信息", "文献信息", "元数据", "信息", "摘要", "论文"}
)
# "Paper summary: X", "[Review] X", "Notes on X": what a post's title says about itself.
_TITLE_PREFIX_RE = re.compile(
    r"^\s*(?:【[^】]{1,12}】\s*"  # "【论文笔记】Faster R-CNN", "【论文阅读】…"
    r"|\[(?:paper\s*)?(?:review|summary|notes?|reading)\]\s*[:\-–—]?\s*"
    r"|(?:paper\s+)?(?:summary|review|notes?|reading\s+notes?)\s*(?:of|on|for|[:\-–—|])\s*)",
    re.IGNORECASE,
)
_CITEKEY_RE = re.compile(r"^\[?@[\w:.\-]+\]?\s*[—–\-:]?\s*")
_MAX_CITATION_CHARS = 2000
_SITE_SUFFIX_RE = re.compile(r"\s+\|\s+[^|]{2,40}$")
_READ_MARK_RE = re.compile(
    r"\s*(?:[✔✓✅☑]\s*(?:read|done)?|[(\[](?:read|done)[)\]]|—\s*read)\s*$", re.I
)
# A Zettelkasten note's id, the minute it was made (YYYYMMDDHHMM), opens its title.
_ZETTEL_ID_RE = re.compile(r"^\s*(?:19|20)\d{2}(?:0[1-9]|1[0-2])[0-3]\d{5}(?:\d{2})?\s+")
# "(2017)" or "(Yang et al., NeurIPS 2019)" after a title: its year, not its words.
_TRAILING_YEAR_RE = re.compile(
    r"\s*[(\[（][^()\[\]（）]*?((?:19|20)\d{2})[^()\[\]（）]*[)\]）]\s*$"
)
_TRAILING_BY_RE = re.compile(
    # Not "RG schedule — Fall 2023": a term is no author.
    r"\s+[—–]\s+(?!(?:Fall|Spring|Summer|Winter|Autumn|Term|Semester|Session)\b)[A-Z][\w'’\-]+(?:\s*(?:&|and)\s*[A-Z][\w'’\-]+|\s+et\s+al\.?)?,?\s+"
    r"\(?(?P<year>(?:19|20)\d{2})[a-z]?\)?\s*$"
)
# "2017-06-12-attention.md", "2024-02-28 · ColBERT.md": a dated post or meeting page.
_DATE_PREFIX_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:-|\s*[·—–|:]\s*|\s+-\s+)")
_POST_FOLDERS = ("_posts", "posts", "post", "papers", "notes", "blog")
_TOP_LINES = 15  # labelled fields and the paper's link stand near the top of a note
# The words of a link that points at the note's own paper rather than a cited one.
_OWN_LINK_TEXT_RE = re.compile(
    r"^(?:link to (?:the )?paper|(?:the |original )?paper(?: link)?|arxiv|pdf|link|abs|pdf link"
    r"|openreview|doi|read (?:the )?paper|full paper|paper here|here)$",
    re.IGNORECASE,
)
_BOX_SEARCH_LINES = 40
_BOX_OPEN_RE = re.compile(
    r"^\s*(?:(?::{3,}|`{3,})\s*\{?(?:note|info|tip|admonition|abstract|seealso|important)?\}?"
    # Docusaurus 3 titles a box in brackets: ":::info[Paper 1]".
    r"\s*\[?\s*(?:paper|the paper|reference|citation|source)\b"
    # MkDocs: '!!! abstract "Paper"' over an indented body.
    r"|(?P<indented>(?:!!!|\?\?\?\+?)\s*[\w-]+\s+[\"']"
    r"(?:the )?(?:paper|reference|citation|source)\b)"
    r"|(?P<quote>>\s*\[!(?:paper|cite|citation|reference)\]))",
    re.IGNORECASE,
)
BOX_CLOSE_RE = re.compile(r"^\s*(?::{3,}|`{3,})\s*$")
_FULL_TITLE_RE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?full (?:paper )?title(?:\*\*|__)?\s*:\s*(?P<title>.+)$",
    re.IGNORECASE,
)
_CJK_RE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]+")
_TRAILING_NICKNAME_RE = re.compile(r"\s*\(\s*[\w\-.]+(?:\s[\w\-.]+)?\s*\)\s*$")
_LEADING_NICKNAME_RE = re.compile(r"^[\w\-.]+\s+[—–]\s+(?P<title>\S.*)$")
# "Card & Krueger (1994) Minimum Wages …", "Arkhangelsky et al. (2021) Synthetic …",
# "Borusyak, Jaravel & Spiess — Revisiting …": who (and when) before a note's title.
_NAME = r"(?:(?:de|van|von|da|di|le)\s)?[A-ZÀ-Þ][\w'’\-]+"
_CITED_BY_PREFIX_RE = re.compile(
    rf"^{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*(?:\s+et\s+al\.?)?"
    r"(?:\s*\((?P<year>(?:19|20)\d{2})[a-z]?\)\s+|\s+[—–]\s+)(?P<title>[A-Z\"“].{8,})$"
)
_NAMED_COMMA_RE = re.compile(
    rf"^{_NAME}(?:\s*(?:&|\band\b)\s*{_NAME})*(?:\s+et\s+al\.?)?"
    r"(?:\s+(?P<year>(?:19|20)\d{2}))?,\s+(?P<title>[A-Z\"“].{8,})$"
)
_PART_SUFFIX_RE = re.compile(r"\s*(?:[—–-]\s*|\(\s*)part\s+(?:\d+|one|two|three|i{1,3})\)?$", re.I)
_BRACKET_TAG_RE = re.compile(r"^\[[^\]]{1,20}\]\s+(?=\S)")
_LIST_MARK_RE = re.compile(r"^(?:[-*+]|\d+[.)]|\(?[a-h]\)|\(\d{1,3}\))\s+")  # "(a) Anders S, …"
_NAMESPACE_RE = re.compile(r"^[\w\- ]{1,40}/(?=\S)")  # Logseq "papers/Title"
_BOLD_LINE_RE = re.compile(r"^\s*\*\*([^*]{8,300})\*\*(?:\s*[(,.—–-].*)?\s*$")
_NAME_RE = re.compile(r"^[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}$")


_CARD_TITLE_RE = re.compile(r"(?:\*\*|__)(.{8,300}?)(?:\*\*|__)")
_BRACKET_ID_RE = re.compile(r"^\s*\\?\[[^\]]{4,40}\\?\]\s*")  # arXiv's "[2006.11477] Title"


@dataclass
class NoteEvidence:
    """What names the paper of a one-paper note, and how sure that is."""

    paper: PaperRecord | None
    body_start: int
    strong: bool  # labelled facts: the file is one paper's notes, whatever else it holds
    guessed: bool = False  # titled after the file name only
    post: bool = False  # a blog post's place: one paper unless it clearly covers several
    because: str = ""  # the evidence, as the preview shows it
    tags: list[str] = field(default_factory=list)  # "Tags: …", "topic:: [[…]]" fields
    sure: bool = True  # stated by the note, not inferred from a link somewhere in it
    stated: bool = True  # a labelled title, identifier, authors or citation, not a heading
    cited: bool = False  # the one citation of the note's lead names it


def clipped_from_a_paper(front: FrontMatter) -> bool:
    """A web clipper's note whose source is a paper's page (Joplin's "source:", Obsidian
    Web Clipper's): the journal's own labels on it ("Software", an article type) are no
    word of the person's on what the note is."""
    source = front.text("source", "source_url", "clipped_from")
    return bool(source) and (identify(source) is not None or is_paper_url(source))


def read_note_evidence(source: Source, front: FrontMatter) -> NoteEvidence:
    """The paper a file names as a whole, with ``strong`` when labelled facts say so."""
    opening = _opening_heading(source)
    top = _top_lines(source, opening)
    fields = read_labelled_fields(source.lines[i] for i in top)
    blog_header = _is_blog_header([source.lines[i] for i in top])
    if blog_header:
        # Pelican's "Title: / Date: / Slug: / Authors:" block: the post's title and writer.
        fields = {k: v for k, v in fields.items() if k not in ("title", "authors", "year")}
    paper = PaperRecord(title="")
    labelled: list[str] = []  # titles someone labelled as such, best first
    boxed = _paper_box(source)
    if boxed is not None:
        # ":::note Paper" or "```{admonition} Paper": the box is the paper itself.
        labelled.append(boxed.title)
        _fill_from(paper, boxed)
    # A post's title is written for its readers ("Reading notes: Worms (Miguel & Kremer
    # 2004)"); the paper its first lines cite, or its "Paper:" line, names it better.
    # So is a note's title that names its paper by who and when ("Konopka & Benzer 1971 —
    # clock mutants"): a nickname, which the citation in its first lines outranks.
    post = _is_post(source.path) or bool(_NICKNAMED_RE.match(front.title))
    if opening is not None and _heads_the_file(source, opening):
        # "Worms – Miguel & Kremer 2004": a short name, then who and when.
        text = strip_decoration(opening.text)
        post = post or bool(_NICKNAMED_RE.match(text) or _TRAILING_BY_RE.search(text))
    post_title = ""
    if _take_front_matter(paper, front):
        # "title: GFS" beside "paper_title: The Google File System": the latter names it.
        labelled += [
            front.text(*_PAPER_TITLE_KEYS),
            _paper_field_title(front),
            "" if post else front.title,
        ]
        post_title = front.title if post else ""
    # Under one of several same-level headings, the fields are that section's.
    own_fields = opening is None or _heads_the_file(source, opening) or _is_generic(opening)
    # "**Paper:** Böhme, … — *Title*, CCS 2016" over "## The model": the file's own fields
    own_fields = own_fields or _fields_above(source, top, opening)
    if own_fields:
        _take_fields(paper, fields)
        # An alias is what the person calls the paper ("Schultz 1997, reward prediction
        # error paper"): a candidate after the heading, not a labelled title.
        labelled.append(fields.get("title", ""))
        cited = read_citation(fields.get("link", ""))  # "**Paper:** Authors. *Title*. …"
        if cited is not None:
            labelled.append(cited.title)
            _fill_from(paper, cited)
        else:
            labelled.append(_linked_title(fields.get("link", "")))  # "Paper: [Title](…) by …"
    labelled.insert(0, _full_title(source))  # "Full title: …" anywhere names it best
    labelled.append(_zotero_parent(source, front))
    named_in_post = post and not any(labelled)  # by its title alone: the lead may cite it
    labelled.append(post_title)
    stated_title = boxed or fields.get("title") or front.text(*_PAPER_TITLE_KEYS)
    lead = None if stated_title else _nicknamed_lead(source, opening, front.title)
    if lead is not None:
        _fill_from(paper, lead)
    elif (
        blog_header
        or named_in_post
        or (not any(labelled) and (not identifier_of(paper) or opening is None))
    ):
        # A post titled for readers ("Whisper: 680k hours of weak labels") names its
        # paper in its first lines: a link card, or the paper cited on a line of its own.
        # So does a note without a heading whose "arXiv: 1807.06209" line gave no title.
        lead = _lead_citation(source, opening)
        known = identifier_of(paper)
        if lead is not None and known and identifier_of(lead) not in ("", known):
            lead = None  # the lead cites another paper than the note's own identifier
        if lead is not None:
            _fill_from(paper, lead)
    if opening is not None:
        _take_heading_link(paper, opening)
    labelled_not = is_labelled_not_a_paper(source) and not clipped_from_a_paper(front)
    if _is_about_a_post(paper, fields, front) or labelled_not:
        return NoteEvidence(None, source.start, False)
    stated = bool(any(labelled) or identifier_of(paper) or paper.authors or lead)
    if not identifier_of(paper):
        _take_own_link(paper, source, opening, source.start)
    # A labelled title or identifier, in the front matter or the first lines: one paper.
    # Authors beside the paper's own PDF or page, stated by the note, name a paper too.
    linked = bool(paper.pdf_url or paper.url)
    strong = bool(any(labelled) or identifier_of(paper) or (paper.authors and linked))
    heading_title, year = _heading_title(opening) if opening is not None else ("", None)
    cited_heading = (
        read_citation(strip_decoration(opening.text)) if opening and heading_title else None
    )
    if cited_heading is not None and cited_heading.authors:
        # 'Corey, Bakshi, Shibata - "Highly enantioselective …"' as the first line: a
        # citation opens the file, its title in quotes.
        heading_title = cited_heading.title
        _fill_from(paper, cited_heading)
    body_start = source.start
    if heading_title:
        _take_author_line(paper, source, opening)  # type: ignore[arg-type]
        shorter = _title_words(heading_title)
        if _title_words(paper.title)[: len(shorter)] == shorter and paper.title != heading_title:
            heading_title = paper.title  # the citation below gives the title in full
        # "# Title (2017)" over its authors opens the notes on that paper.
        # A year counts only for the heading of the whole file: "# Worms – Miguel &
        # Kremer 2004" over "# Design", "# Results" is the first of several sections.
        opens_note = bool((year and _heads_the_file(source, opening)) or paper.authors)  # type: ignore[arg-type]
        # An empty heading over others that opens on a verb is a to-do, not a title; so is
        # one that asks for an errand ("Buy oat milk") and states no paper's facts.
        to_do = opens_in_lower_case(heading_title) and not source.has_text(
            opening.end,  # type: ignore[union-attr]
            _lead_end(source, opening),
        )
        to_do = to_do or (reads_as_a_chore(heading_title) and not strong)
        to_do = to_do or (names_unread(heading_title) and not strong)  # "# reading queue"
        if opens_note or strong or (is_probably_title(heading_title) and not to_do):
            body_start = opening.end  # type: ignore[union-attr]
            paper.year = paper.year or year
            strong = strong or opens_note
        else:
            heading_title = ""
    bold = _bold_title(source, top)
    described = _description_title(front)
    alias = fields.get("alias", "") if own_fields else ""
    # "# Romer 1990 Endogenous Technological Change" over "Title: Endogenous …": the
    # heading is the nickname of the labelled title, however short that title is.
    # So is "# Lorenz 1963" over "**Deterministic Nonperiodic Flow**".
    nicknamed = (any(labelled) or bool(bold)) and bool(_NICKNAMED_RE.match(heading_title))
    heading_candidate = "" if nicknamed else heading_title
    candidates = [*labelled, heading_candidate, bold, *_aliases(front), alias, described]
    if not _names_a_collection(front.title):
        candidates.append(front.title)
    paper.title, stated_year = _best_title(candidates, allow_short=strong)
    nickname = paper.title in (alias, *_aliases(front))
    paper.title = _fuller_title(paper.title, source, body_start, nickname=nickname)
    paper.title = _without_author_prefix(paper.title, paper.authors)
    # "Lipp, …, Canella, Gruss — IEEE S&P 2021" read as titled "Gruss — IEEE": a name
    # and a venue, no title (a short real one, "The significance of clutch-size", stays).
    remnant = lead is not None and bool(_NAME_DASH_VENUE_RE.match(lead.title))
    if lead is not None and remnant and is_probably_title(paper.title) and lead.authors:
        # "# PLATYPUS: Software-based …" over "Lipp, …, Gruss — IEEE S&P 2021": the
        # heading is the title, the line under it who and when (its "title" is none).
        paper.authors = paper.authors or lead.authors
        paper.year, strong = paper.year or lead.year, True
    elif lead is not None and lead.title and not is_citation_remnant(lead.title):
        # the lead's paper, whatever the post is called ("HCF 2002 — FLB / FLN" gives
        # the year its citation left out)
        paper.title, stated_year, strong = lead.title, _nickname_year(source, opening), True
    paper.year = paper.year or stated_year
    guessed = False
    if not paper.title and (identifier_of(paper) or paper.authors):
        # The file name names the paper only when the note states facts of one; a file
        # name alone ("118204113.the-staggered-did-mess") is no evidence of a paper.
        stem = _DATE_PREFIX_RE.sub("", PurePath(source.path).stem).split("___")[-1]
        stem = " ".join(stem.replace("_", " ").replace("-", " ").split())
        if is_probably_title(stem):
            paper.title, guessed = stem, True
    if not paper.title and not identifier_of(paper):
        return NoteEvidence(None, body_start, False)
    because = _because(paper, labelled, heading_title, guessed, lead is not None)
    tags = _field_tags(fields) if own_fields else []
    evidence = NoteEvidence(paper, body_start, strong, guessed, _is_post(source.path), because)
    evidence.tags = tags
    # Sure of one paper only when the note states it; a lone "[arXiv](…)" further down
    # may be one of several papers a post covers, under headings of their own.
    evidence.sure = stated or bool(year or paper.authors)
    evidence.stated = stated
    evidence.cited = lead is not None
    return evidence


def _zotero_parent(source: Source, front: FrontMatter) -> str:
    """Better Notes for Zotero writes a note's item as "parent:" beside its own keys
    ("$itemKey"); elsewhere (Just the Docs) "parent:" names a page of the site. The item
    may be a book, a video or a package, which the note then says at its top ("R
    package, CRAN version 2.2-4", "Video recording (≈ 1h20)", "What If ch. 7–8")."""
    if "$itemkey" not in front.data:
        return ""
    opening = _opening_heading(source)
    start = opening.end if opening is not None else source.start
    first = next((source.lines[i] for i in source.content_lines(start, len(source.lines))), "")
    said = f"{opening.text if opening is not None else ''} {first}"
    if SAYS_A_BOOK_RE.search(said) or _SAYS_ITS_KIND_RE.match(strip_decoration(first)):
        return ""
    return front.text("parent")


# "R package, CRAN …", "Video recording …", "Blog post on …", "Hernán & Robins' book —".
_SAYS_ITS_KIND_RE = re.compile(
    r"^\W*(?:an?\s+)?(?:(?:R|Python|Stata|Julia)\s+)?(?:package|library|software|video"
    r"|recording|blog\s+post|book|textbook|podcast|webinar)\b"
    r"|^[^.]{0,60}\b\w+['’]s?\s+(?:book|textbook)\b",
    re.IGNORECASE,
)


def _paper_field_title(front: FrontMatter) -> str:
    """A "paper:" field that names the paper rather than linking it (Hugo's ``[params]
    paper = "Learning to Walk in Minutes …"``)."""
    named = front.text("paper")
    if not named or find_links(named) or "://" in named or identify(named):
        return ""
    return named if is_probably_title(named) else ""


def _because(
    paper: PaperRecord, labelled: list[str], heading: str, guessed: bool, cited: bool
) -> str:
    found = []
    if cited:
        found.append("the paper cited at the top of the note")
    elif any(labelled):
        found.append("a labelled title (front matter or a Title field)")
    elif guessed:
        found.append("the file name (a guess)")
    elif heading and paper.title == heading:
        found.append("the heading that opens the note")
    else:
        found.append("the note's title")
    if identifier_of(paper):
        found.append("its own paper link or identifier")
    if paper.authors:
        found.append("its authors")
    return ", ".join(found)


def _linked_title(value: str) -> str:
    """The text of the paper link a "Paper:" or "Link:" field gives, when it is a title."""
    links = find_links(value)
    for link in links:
        text = link.text.strip(" *_")
        if is_paper_url(link.url) and len(text.split()) >= 2 and not identify(text):
            return "" if _OWN_LINK_TEXT_RE.match(text) else text
    text = strip_decoration(visible_text(value)).strip()
    if SEVERAL_CITED_RE.search(text):
        return ""  # "Stringer et al. 2019 Science; Steinmetz et al. 2019 Nature": two papers
    # "The hippocampus as a predictive map (Stachenfeld, Botvinick & Gershman)": by whom
    named = _TRAILING_NAMES_RE.search(text)
    if named and names_only(named["names"]):
        text = text[: named.start()].strip()
    # "| **Paper** | ZooKeeper: Wait-free Coordination … |": the paper named by its title;
    # a labelled one may be short ("Paper: A ConvNet for the 2020s", "Segment Anything").
    titled = is_probably_title(text) or bool(_SHORT_TITLE_RE.match(text))
    return text if not links and not identify(text) and titled else ""


_TRAILING_NAMES_RE = re.compile(r"\s*\((?P<names>[^()]{3,80})\)\s*$")
# Two to ten words, capitalised, no sentence's end: a short title as a label gives it.
_SHORT_TITLE_RE = re.compile(r"^[A-Z0-9][^\s.!?]*(?:\s+[^\s]+){1,9}$(?<![.!?:])")


def _nicknamed_lead(source: Source, opening: Heading | None, title: str) -> PaperRecord | None:
    """ "matminer (Ward 2018)", "SchNet: continuous-filter convolutions": a page titled
    by the paper's nickname over a "Citation" section (or a lead) citing it in full —
    "Matminer: An open source toolkit …", by Ward et al. The citation names the paper."""
    nickname = _TITLE_NICKNAME_RE.match(title)
    bare = _TITLE_PREFIX_RE.sub("", title).strip()  # "【论文笔记】Faster R-CNN": the nickname alone
    if nickname is None and (is_probably_title(bare) or len(bare.split()) > _NICKNAME_WORDS):
        return None
    first = next((h for h in source.headings if h.line >= source.start), None)
    labelled = first is not None and (
        _CITATION_LABEL_RE.match(strip_decoration(first.text)) or _is_generic(first)
    )
    lead = _lead_citation(source, first if labelled else opening, section=bool(labelled))
    if lead is None or not lead.title or not (lead.authors and (lead.year or identifier_of(lead))):
        return None
    who = ((nickname["who"] if nickname else "") or "").casefold()
    by_them = bool(who) and any(who.split()[0] in name.casefold() for name in lead.authors)
    named = folded(lead.title).startswith(folded(nickname["nick"] if nickname else bare))
    return lead if by_them or named else None


_NICKNAME_WORDS = 3
_NAME_DASH_VENUE_RE = re.compile(r"^[A-Z][\w'’-]+\s+[—–-]\s+[A-Z&]{2,}\b")


# The nickname, then who and when or a gloss: "NequIP (Batzner et al. 2022)".
_TITLE_NICKNAME_RE = re.compile(
    r"^(?P<nick>[\w\-.+]+(?:\s[\w\-.+]+)?)\s*(?:\((?P<who>[^()]*\b(?:19|20)\d{2})\)\s*$|:\s+\S)"
)
_CITATION_LABEL_RE = re.compile(
    r"^(?:citation|reference|bibliographic (?:info|details|data)|the paper|paper)\s*:?$", re.I
)


def _lead_citation(
    source: Source, opening: Heading | None, *, section: bool = False
) -> PaperRecord | None:
    """The one paper the lead of a note cites, above its first section: a link card
    (``[**[2006.11477] wav2vec 2.0: …** *abstract…* arxiv.org](https://arxiv.org/…)``)
    or a paragraph that is a citation and nothing else. Two papers there: neither.
    With ``section``, ``opening`` is a "Citation" section's heading, wherever it stands."""
    if opening is not None and not section and not _heads_the_file(source, opening):
        return None  # the first of several sections ("2024-03-23 — Toolformer")
    start = opening.end if opening is not None else source.start
    end = min(_lead_end(source, opening), start + _BOX_SEARCH_LINES)
    # A box's fences (":::" and "::: info Citation") are no words of its citation.
    paragraphs = [
        kept
        for lines in _paragraphs(source, start, end)
        if (
            kept := [
                ln for ln in lines if not _BOX_OPEN_RE.match(ln) and not BOX_CLOSE_RE.match(ln)
            ]
        )
    ]
    if paragraphs and len(paragraphs[0]) > 1 and not _is_field_block(paragraphs[0]):
        paragraphs[:1] = _split_lead(paragraphs[0])
    for card, read in enumerate(_LEAD_READERS):
        if read is _bare_identifier_line and opening is None:
            continue  # an identifier alone names the paper only under a heading naming it
        found: dict[str, PaperRecord] = {}
        for lines in paragraphs:
            if card and _LIST_MARK_RE.match(lines[0]):
                continue  # "* Authors. [Title](…)": a reading list's entry, even alone
            if _is_field_block(lines):
                continue
            if sum(map(len, lines)) > _MAX_CITATION_CHARS:
                continue  # the notes themselves, not a reference: spare the readers a scan
            paper = read(lines)
            # A link card vouches for its title; a line of text must read like one, or
            # name the paper by its identifier alone (the heading gives the title).
            # A short title counts beside its authors and year or identifier.
            stated = bool(paper and paper.authors and (paper.year or identifier_of(paper)))
            stated = stated or read is _sole_paper_link  # it checked its own title
            if paper is not None and (
                not card or is_probably_title(paper.title) or not paper.title or stated
            ):
                found.setdefault(paper.title.casefold() or identifier_of(paper), paper)
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None


_BLOG_HEADER_LINE_RE = re.compile(r"^(?P<key>[A-Z][a-z]+):\s+\S")
_BLOG_HEADER_KEYS = frozenset({"Slug", "Category", "Status", "Modified", "Save_as", "Template"})


def _is_blog_header(lines: list[str]) -> bool:
    """ "Title: Paper notes: …" / "Date: 2021-03-14" / "Category: …" / "Slug: …": a static
    site's metadata block, whose title is written for the blog's readers."""
    keys = {m["key"] for line in lines if (m := _BLOG_HEADER_LINE_RE.match(line.strip()))}
    return "Title" in keys and "Date" in keys and bool(keys & _BLOG_HEADER_KEYS)


def _split_lead(lines: list[str]) -> list[list[str]]:
    """A plain-text note runs its lines together ("Mayor & Queloz 1995 — A Jupiter-mass
    companion … (Nature 378, 355)" / "P = 4.23 d, …"): its first one to three lines may
    cite the paper on their own, and the rest are the notes. A citation that wraps over
    the whole paragraph is read whole, as before."""
    if read_citation(" ".join(lines)):
        return [lines]
    for count in (1, 2, 3):
        head = lines[:count]
        if read_citation(" ".join(head)) or (count > 1 and read_title_over_authors(head)):
            return [part for part in (head, lines[count:]) if part]
    return [lines]


def _titled_identifier(lines: list[str]) -> PaperRecord | None:
    """ "Causal diagrams for epidemiologic research. Epidemiology 1999;10:37–48. DOI …":
    a paragraph that opens with a title and gives the paper's identifier."""
    # "[@linzen2016assessing] — Assessing the Ability …": a Pandoc citekey names it first.
    text = _CITEKEY_RE.sub("", visible_text(" ".join(lines)).lstrip("*_ "), count=1)
    paper = read_identified_line(text)
    if paper is None or not paper.title or not text.startswith(paper.title):
        return None
    # The title stands apart ("…research. Epidemiology 1999", "… evolution — PNAS"),
    # not the start of a sentence ("Background if you have not seen attention before:").
    after = text[len(paper.title) :].lstrip(" ")[:1]
    return paper if after in (".", "?", "!", "—", "–", ",", "(") else None


def _lead_end(source: Source, opening: Heading | None, *, past_generic: bool = False) -> int:
    """Where the first section after the note's title begins (Medium repeats the post's
    title as a smaller heading under the big one: that is no section; with
    ``past_generic``, neither is "## Metadata")."""
    start = opening.end if opening is not None else source.start
    same = strip_decoration(opening.text).casefold() if opening is not None else None
    return next(
        (
            h.line
            for h in source.headings
            if h.line >= start
            and strip_decoration(h.text).casefold() != same
            and not (past_generic and _is_generic(h))
        ),
        len(source.lines),
    )


RULED_EVIDENCE = "a citation opening its part of the note, parts set apart by rules"


def read_ruled_papers(source: Source) -> Layout | None:
    """A note on two papers or more, a rule ("-----") between them, each part opening
    with its paper's citation (a plain-text notes file that grew a second paper). A rule
    inside one paper's notes is followed by notes, not by a citation: no split there."""
    rules = [node.map[0] for node in source.tree.children if node.type == "hr" and node.map]
    if not rules:
        return None
    starts = [source.start, *(rule + 1 for rule in rules)]
    ends = [*rules, len(source.lines)]
    parts = []
    for start, end in zip(starts, ends, strict=True):
        paragraphs = _paragraphs(source, start, end)
        if not paragraphs:
            continue  # two rules in a row
        paper = _opening_citation(paragraphs[0])
        if paper is None:
            return None
        parts.append(
            Part(start, end, paper, make_summary(source.text(start, end)), evidence=RULED_EVIDENCE)
        )
    return Layout(parts=parts) if len(parts) >= 2 else None


def _opening_citation(lines: list[str]) -> PaperRecord | None:
    """The paper a part's first paragraph cites, when it states who or which."""
    head = _split_lead(lines)[0]
    for read in (read_title_block, read_title_over_authors, read_title_over_venue):
        paper = read(head)
        if paper is not None:
            break
    else:
        paper = read_citation(" ".join(head))
    stated = paper is not None and (identifier_of(paper) or (paper.authors and paper.year))
    return paper if stated else None


def _paragraphs(source: Source, start: int, end: int) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for index in range(max(start, source.start), end):
        line = source.lines[index]
        if index in source.hidden or not line.strip() or line.lstrip().startswith("|"):
            paragraphs.append([])  # a table's rows are no paragraph of the lead
        elif _LIST_MARK_RE.match(line.strip()):
            paragraphs.append([line.strip()])  # each list item stands for itself
        else:  # a citation quoted as a block is read without its quote marks
            paragraphs[-1].append(_QUOTE_MARK_RE.sub("", line.strip()))
    return [lines for lines in paragraphs if lines]


_QUOTE_MARK_RE = re.compile(r"^(?:>\s?)+")


def _link_card(paragraph: str) -> PaperRecord | None:
    """A rich link to a paper's page whose bold text is the page's title."""
    for link in MARKDOWN_LINK_RE.finditer(paragraph):
        url = link["url"].strip("<>")
        bold = _CARD_TITLE_RE.search(link["text"]) if is_paper_url(url) else None
        if bold is not None and not link["image"]:
            title = strip_decoration(_BRACKET_ID_RE.sub("", bold[1]).strip())
            paper = PaperRecord(title=title)
            add_link(paper, url)
            return paper
    return None


def _bare_identifier_line(lines: list[str]) -> PaperRecord | None:
    """A line of facts only (authors, venue, identifier, links): no words of its own that
    could be another paper's title or a sentence that mentions one in passing."""
    paper = read_identified_line(lines[0]) if len(lines) == 1 else None
    return paper if paper is not None and not paper.title else None


# "[PDF] arxiv.org", "nature.com": a search page's button to the paper, not its title.
_BUTTON_TEXT_RE = re.compile(
    r"^\s*\[?(?:PDF|HTML|DOC|pdf|html)\]|\b[\w-]+\.(?:org|com|net|io|edu|pub)\b"
)


def _sole_paper_link(lines: list[str]) -> PaperRecord | None:
    """ "[RT-1: Robotics Transformer for …](https://arxiv.org/abs/2212.06817)" alone in its
    paragraph, as a chat's link preview or a note's first line gives the paper."""
    link = read_sole_link(" ".join(lines))
    if link is None or not is_paper_url(link.url) or _BUTTON_TEXT_RE.search(link.title):
        return None  # "[[PDF] arxiv.org](…)": a button to the paper, not its title
    # A page's own title for the link ("Toy Models of Superposition") may be short.
    paper = paper_from_link(link.title, link.url, [])
    if not (
        is_probably_title(link.title) or (identifier_of(paper) and len(link.title.split()) >= 2)
    ):
        return None
    return paper


# Surest first: a link card, a citation, a title over its links, a title by its
# identifier, then a line that gives the identifier alone ("Barron et al., CVPR 2022 ·
# arxiv 2111.12077") under a heading that names the paper.
_LEAD_READERS: tuple[Callable[[list[str]], PaperRecord | None], ...] = (
    lambda lines: _link_card(" ".join(lines)),
    _sole_paper_link,
    read_title_over_authors,
    read_title_over_venue,
    read_title_block,
    lambda lines: read_citation(" ".join(lines)),
    lambda lines: read_untitled_reference(" ".join(lines)),
    read_card,
    _titled_identifier,
    _bare_identifier_line,
    read_title_then_journal,
    lambda lines: _cited_after_a_sentence(" ".join(lines)),
)


def _fields_above(source: Source, top: list[int], opening: Heading | None) -> bool:
    """Labelled lines standing above the first heading: the file's own fields."""
    if opening is None:
        return False
    return any(read_labelled_fields([source.lines[i]]) for i in top if i < opening.line)


def _cited_after_a_sentence(text: str) -> PaperRecord | None:
    """ "Everybody's access point got patched, so here's what the fuss was about. Mathy
    Vanhoef and Frank Piessens, [Key Reinstallation Attacks: …](…), to appear at CCS 2017.":
    a post's opening sentence, then the paper cited with who, a linked title and where."""
    end = _SENTENCE_THEN_NAME_RE.search(text)
    if end is None:
        return None
    rest = text[end.end() :]
    cited = read_citation(rest)
    if cited is None or not find_links(rest) or not cited.authors:
        return None
    return cited if cited.year or identifier_of(cited) else None


# A sentence's end, then a capitalised name: where a post's citation may begin.
_SENTENCE_THEN_NAME_RE = re.compile(r"(?<=[a-z][.!?])\s+(?=[A-Z][a-z]+\s+[A-Z])")


def opens_paper_box(line: str) -> bool:
    """A box labelled as the paper (":::note Paper", '!!! abstract "Paper"', "> [!paper]")."""
    return bool(_BOX_OPEN_RE.match(line))


def _paper_box(source: Source) -> PaperRecord | None:
    """The citation inside a box labelled as the paper, near the top of a note: a
    Docusaurus ``:::note Paper``, a MyST ``{admonition} Paper``, an Obsidian
    ``> [!paper]`` callout."""
    lines = source.lines[source.start : source.start + _BOX_SEARCH_LINES]
    for index, line in enumerate(lines):
        opening = _BOX_OPEN_RE.match(line)
        if opening is None:
            continue
        body: list[str] = []
        for inner in lines[index + 1 :]:
            if BOX_CLOSE_RE.match(inner) or (opening["quote"] and not inner.startswith(">")):
                break
            if opening["indented"] and inner.strip() and not inner[:1].isspace():
                break
            if not inner.lstrip().startswith(":"):  # ":class: note", a directive option
                body.append(inner.lstrip("> ").strip())
        body = [part for part in body if part]
        titled = line[opening.end() :].strip().strip("-—:\"'").strip()  # "> [!paper] Title"
        if body and is_probably_title(titled):
            # The box's title is the paper's; its body cites who and where.
            quoted = "“" + titled.strip('“”"') + "”. " + " ".join(body)
            return read_title_over_authors([titled, *body[:2]]) or read_citation(quoted)
        return read_citation(" ".join(body)) or _box_facts(" ".join(body))
    return _paper_section(source)


def _box_facts(text: str) -> PaperRecord | None:
    """A citation box this reader cannot take apart ("John C. Reynolds. *Types, …* In
    Information Processing 83, … 1983."): still who wrote it and when, under the heading
    that names the paper."""
    years = YEAR_RE.findall(text)
    names = text.split(". ", 1)[0] if ". " in text else ""
    authors = [names.strip()] if names and names_only(names) else []
    return PaperRecord(title="", authors=authors, year=int(years[-1])) if years else None


# "## The paper" over its citation: a section that sets the paper apart, as a box does.
_PAPER_SECTIONS = frozenset({"paper", "the paper", "reference", "citation", "the article"})


def _paper_section(source: Source) -> PaperRecord | None:
    for heading in source.headings:
        if strip_decoration(heading.text).casefold().strip(" :") not in _PAPER_SECTIONS:
            continue
        lines = source.content_lines(heading.end, len(source.lines))
        first = next(lines, None)
        if first is not None and _LIST_MARK_RE.match(source.lines[first]):
            return _reference_as_list(source, first)
        if first is None or source.lines[first].lstrip().startswith(("-", "*", "#", "|")):
            return None
        paragraph = [source.lines[first]]
        for index in range(first + 1, len(source.lines)):
            if not source.lines[index].strip() or source.lines[index].startswith("#"):
                break
            paragraph.append(source.lines[index])
        return read_citation(" ".join(line.strip() for line in paragraph))
    return None


def _reference_as_list(source: Source, first: int) -> PaperRecord | None:
    """A "Reference" section written as a short list, one part of the citation an item:
    "- **Title**" / "- Authors" (wrapped) / "- *Journal* 13, 2453 (2022) — doi: …"."""
    items: list[str] = []
    for index in range(first, min(len(source.lines), first + _BOX_SEARCH_LINES)):
        line = source.lines[index]
        if not line.strip() or line.startswith("#"):
            break
        if _LIST_MARK_RE.match(line):
            items.append(_LIST_MARK_RE.sub("", line, count=1).strip())
        elif items:
            items[-1] += " " + line.strip()  # the item wraps
    if not 2 <= len(items) <= _MAX_REFERENCE_ITEMS:
        return None  # one item is a citation read elsewhere; many, a list of papers
    labelled = sum(bool(_ITEM_LABEL_RE.match(item)) for item in items)
    if len(read_labelled_fields(items)) >= 2 or labelled >= 2:
        # "* **Title**: …" / "* **Authors**: …" / "* **Venue / year**: ICML 2021": labelled
        # fields, read as such
        return None
    facts = [strip_decoration(item).strip() for item in items]
    cited = read_title_over_authors(facts[:3]) or read_citation(". ".join(facts))
    if cited is not None:
        add_identifiers(cited, " ".join(items))
    return cited


_MAX_REFERENCE_ITEMS = 5
_ITEM_LABEL_RE = re.compile(r"^(?:\*\*|__)[^*_:]{1,30}(?::(?:\*\*|__)|(?:\*\*|__)\s*:)")


def _fill_from(paper: PaperRecord, cited: PaperRecord) -> None:
    for name in ("arxiv_id", "doi", "openreview_id", "pdf_url", "url", "venue"):
        if getattr(cited, name) and not getattr(paper, name):
            setattr(paper, name, getattr(cited, name))
    paper.authors = paper.authors or cited.authors
    paper.year = paper.year or cited.year


def _full_title(source: Source) -> str:
    """ "* Full title: "Set Transformer: A Framework …"" in a post titled by a nickname."""
    for index in source.content_lines(source.start, len(source.lines)):
        match = _FULL_TITLE_RE.match(source.lines[index])
        if match:
            return match["title"].strip().strip('"“”*_ ').rstrip(".").strip('"“”')
    return ""


def _field_tags(fields: dict[str, str]) -> list[str]:
    names = [fields.get("keywords", ""), fields.get("topics", "")]
    tags = [visible_text(t).strip(" #") for n in names for t in re.split(r"\s*[,;]\s*", n)]
    return [tag for tag in dict.fromkeys(tags) if tag]


_FILE_NAME_RE = re.compile(r"^[\w.\-]*\d[\w.\-]*$")


# "9th ed", "2nd ed.", "(3rd edition)", "Second Edition": a book's edition, no paper's.
_EDITION_RE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|revised)"
    r"(?:\s+(?:anniversary|international|global|expanded|student))?\s+ed(?:\.|ition\b|\b)",
    re.IGNORECASE,
)


def names_an_edition(title: str) -> bool:
    return bool(_EDITION_RE.search(title))


def is_labelled_not_a_paper(source: Source) -> bool:
    """The note's own heading says it is about a book, a video, a dataset…"""
    opening = _opening_heading(source)
    return opening is not None and bool(
        NOT_A_PAPER_LABEL_RE.match(opening.text)
        or names_non_papers(opening.text)
        or _OWN_WRITING_RE.search(opening.text)
        or _lead_says_not_a_paper(source, opening)
        or bool(_COURSE_MATERIAL_RE.search(opening.text))
        or bool(_MINUTES_RE.match(strip_decoration(opening.text)))
    )


# "Meeting w/ Sam, 8 March 2023", "Lab meeting — 3 May", "Supervisor meeting notes": the
# minutes of a meeting, whatever papers they mention. (Not a journal club's session,
# whose notes are on the paper presented: _MEETING_RE only keeps its date from a title.)
_MINUTES_RE = re.compile(
    r"^(?:(?:lab|group|team|weekly|supervisor|supervision|advisor|committee|1:1|one-on-one)\s+)"
    r"?meeting(?:s)?(?:\s+(?:w/|with\b|notes\b|minutes\b|log\b)|\s*[,:—–\-]|\s+\d|\s*$)",
    re.IGNORECASE,
)


# "GEOL 540 -- week 3 slides", "Lecture 4 slides (CS 229)": a course's own material.
_COURSE_MATERIAL_RE = re.compile(
    r"^(?=.*\b(?:slides?|lecture|week|wk|class|handout)\b)"
    r"(?:[A-Z]{2,5}\s?\d{3}[A-Z]?\b|.*\b(?:lecture|week|wk)\s?\d{1,2}\b.*\bslides?\b"
    r"|.*\bslides?\b.*\b(?:lecture|week|wk)\s?\d{1,2}\b)",
    re.IGNORECASE,
)


# "textbook chapters (5th ed.) -- Solow, Ramsey. Not a paper but counts for the prelim"
_SAYS_NOT_A_PAPER_RE = re.compile(
    r"\bnot\s+a\s+paper\b(?!\s+(?:I|we|that|which|to|for|about|on|in)\b)|^\W*textbook\b",
    re.IGNORECASE,
)


# "Hi Ana,", "Dear Prof. Okafor,": a letter or an e-mail drafted in the notes app.
_SALUTATION_RE = re.compile(
    r"^(?i:hi|hello|hey|dear)\s+(?i:prof\.?\s+|dr\.?\s+)?[A-Z][\w\-]*\s*[,!]"
)


def _lead_says_not_a_paper(source: Source, opening: Heading) -> bool:
    """The first lines under the note's heading say what it is: a textbook, no paper, or a
    letter to someone. (A course's notes name its textbook there too, over its lectures.)"""
    lines = [source.lines[i] for i in source.content_lines(opening.end, _lead_end(source, opening))]
    if lines and _SALUTATION_RE.match(lines[0].strip()):
        return True
    if lines and _SAYS_ITS_KIND_RE.match(strip_decoration(lines[0])):
        return True  # "R package, CRAN version 2.2-4", "Video recording (≈ 1h20)"
    lectures = sum(is_sequence_heading(h.text) for h in source.headings if h.level > opening.level)
    return lectures < 2 and any(_SAYS_NOT_A_PAPER_RE.search(line) for line in lines[:3])


# "LSA 2024 abstract draft", "Draft of my chapter 2": the person's own writing, whose
# "Title:" is theirs, not a paper they read.
_OWN_WRITING_RE = re.compile(
    r"\b(?:abstract|paper|manuscript|talk|poster|proposal|grant|chapter|thesis|review)\s+"
    r"(?:draft|outline)\b|\bdraft\s+(?:of\s+)?(?:my|our)\b"
    r"|\bmy\s+(?:abstract|draft|manuscript|submission)\b"
    r"|\breferee\s+report\b|\breview(?:er)?\s+report\b"  # a report on a manuscript
    # "Protocol (v1.2, 5 Feb 2024) -- …": a versioned document of one's own.
    r"|\b(?:protocol|draft|outline|proposal|plan)\s*\(?v\d+(?:\.\d+)*\b"
    # "cog sci reading group — how I keep track", "My workflow": notes on one's own method.
    r"|\bhow\s+I\s+(?:keep|track|take|organi[sz]e|use|file|manage)\b"
    r"|\bmy\s+(?:workflow|set-?up|system)\b",
    re.IGNORECASE,
)


def _own_status(fields: dict[str, str], front: FrontMatter | None) -> str:
    found = fields.get("status", "")
    if found or front is None:
        return found
    status = front.text("status", "reading_status", "read_status")
    # Omnivore's "state: INBOX" is saved, not read (ARCHIVED or COMPLETED once read); an
    # inbox elsewhere ("#inbox" in a Zettelkasten) is notes waiting to be filed.
    omnivore_inbox = front.text("state").casefold() == "inbox" and "omnivore_url" in front.data
    return status or ("unread" if omnivore_inbox else "")


def marked_read(source: Source, front: FrontMatter | None) -> bool:
    """Whether the note's own Status says it was read ("Status: read", "done")."""
    opening = _opening_heading(source)
    own = opening is None or _heads_the_file(source, opening) or _is_generic(opening)
    fields = (
        read_labelled_fields(source.lines[i] for i in _top_lines(source, opening)) if own else {}
    )
    return status_key(_own_status(fields, front)) in READ


# Dataview's inline field: "Authors:: [[David Card]]", "**Year**:: 1994", "- Status:: read".
INLINE_FIELD_RE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<key>[A-Za-z][\w ./-]{0,30}?)(?:\*\*|__)?::"
    r"\s*(?P<value>.*?)\s*$"
)
# A row's place on a path: "Stage: 2", "Section: Stage 1: VAEs", "Order: 8".
_PATH_FIELDS = (
    "stage", "step", "module", "week", "unit", "lesson", "phase", "sequence", "section", "order",
)  # fmt: skip
_PATH_FIELD_RE = re.compile(
    rf"^\s*(?:[-*]\s+)?(?:\*\*)?(?:{'|'.join(_PATH_FIELDS)})(?:\*\*)?\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)


def _places_on_a_path(line: str) -> bool:
    """ "Stage: 2", "Section: Stage 1: VAEs" — not "Section: Backlog (maybe)", a tracker's
    lane of papers put off."""
    field = _PATH_FIELD_RE.match(line)
    return field is not None and _is_a_place(field["value"])


def _is_a_place(value: str) -> bool:
    return bool(value.strip()) and not names_unread(value.strip())


_SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_ADDS_RE = re.compile(r"^(?:plus|also|and|bonus)\b", re.IGNORECASE)


def marked_not_read(source: Source, front: FrontMatter) -> str:
    """Why a tracker's page (Notion, Obsidian, Logseq) is no paper the person read: its
    own Status says it is still to be read, or its Type that it is a book, a tool…"""
    opening = _opening_heading(source)
    own = opening is None or _heads_the_file(source, opening) or _is_generic(opening)
    top = _top_lines(source, opening) if own else []
    fields = read_labelled_fields(source.lines[i] for i in top)
    kind = fields.get("type") or front.text("type", "item_type", "itemtype", "item-type")
    if library_kind := not_a_paper(kind):
        # A literature-note template's "itemType: videoRecording" (Zotero's own types).
        return f"its type is “{visible_text(kind)}”: {library_kind}, not a paper"
    own_kind = kind.casefold().strip() in _OBJECT_TYPES
    if kind and (own_kind or names_non_papers(kind) or NOT_A_PAPER_LABEL_RE.match(kind + ":")):
        return f"its type is “{visible_text(kind)}”, not a paper"
    if done := front.text("completed?"):
        # Joplin writes "completed?" for a to-do only: "Read the Scrublet paper" (not
        # yet), "Book seminar room for lab retreat" (done) — tasks, not notes on papers.
        return "it is a to-do " + ("done" if done.casefold() in ("yes", "true") else "not done yet")
    status = _own_status(fields, front)
    # A page with a place on a path ("Stage: 1 · VAEs") is part of the plan, read or not.
    on_a_path = any(_places_on_a_path(source.lines[i]) for i in top) or any(
        _is_a_place(front.text(name)) for name in _PATH_FIELDS
    )
    if status and not on_a_path and status_says_unread(status, _prose(source)):
        return f"its status is “{visible_text(status)}”: not read"
    # A static site's "summary: Papers I haven't read yet" says what the page holds.
    about = front.text("summary", "description", "subtitle", "excerpt")
    # Not what it adds: "Toolformer …; RAG …. Plus a pile of links I haven't read yet."
    # covers two papers read.
    sentences = _SENTENCE_BREAK_RE.split(about)
    if any(says_not_read(s) for s in sentences if not _ADDS_RE.match(s)):
        return f"its summary says so (“{visible_text(about)}”): not read"
    # A line of tags alone ("#toread" as a Roam page's first block) marks the page.
    tags = [
        hashtag_text(tag)
        for i in top
        if _TAGS_LINE_RE.match(source.lines[i])
        for tag in HASHTAG_RE.findall(source.lines[i])
    ]
    if any(marks_unread(tag) for tag in tags):
        return "it is tagged to read: not read"
    # "- #[[Book]]" as a RemNote or Roam page's first block says what the page is about;
    # so does "tags: [book]" in front matter.
    # "lit/book": a nested tag says what kind by its last part.
    kinds = [t for t in [*tags, *front.topics] if t.casefold().rsplit("/", 1)[-1] in _KIND_TAGS]
    if kinds:
        return f"it is tagged “{kinds[0]}”, not a paper"
    # "# The to-read pile (winter edition)": a page that says it lists papers put off.
    title = (opening.text if opening is not None and own else "") or front.title
    if title and names_put_off(strip_decoration(title)):
        return f"its title (“{visible_text(title)}”) says it lists papers not read"
    # "tags: psyling-rg, index" on a HackMD book's or a vault's contents page.
    if contents := [tag for tag in front.topics if tag.casefold() in _CONTENTS_TAGS]:
        return f"it is tagged “{contents[0]}”: a contents page, not a paper"
    # So does a "Tags: toread" field (a note app's tags) over no notes of its own, or a
    # remark on when to read it ("to read before LSA"); notes on the paper say it was.
    tags = [tag.strip(" #") for tag in re.split(r"[,;]", fields.get("keywords", ""))]
    tags += front.topics  # Denote's "#+filetags: :bib:toread:", a vault's "tags: [toread]"
    marked = any(marks_unread(tag) for tag in tags) and not any(marks_read(t) for t in tags)
    if marked and status_says_unread("to read", _prose(source)):
        return "it is tagged to read: not read"
    return ""


# Object types of typed note apps (Anytype, Capacities, Tana, Notion databases) that are
# no paper: a person, a set of objects, a saved web page, a task.
_OBJECT_TYPES = frozenset(
    {"human", "person", "people", "contact", "author", "collection", "set", "bookmark"}
    | {"web page", "webpage", "task", "project", "meeting", "organization", "organisation"}
    | {"template", "daily note", "journal", "query", "tag"}
    # Capacities' and Tana's kinds of objects that hold no paper.
    | {"weblink", "web link", "link", "definition", "concept", "term", "image"}
    | TRACKER_NOT_PAPERS  # a reading tracker's Type column
)
_TAGS_LINE_RE = re.compile(rf"^\s*(?:[-*+]\s+)?(?:{HASHTAG}\s*)+$")
# A tag that says which kind of thing the page is about, when it is no paper. Not
# "#code" or "#dataset": a paper's notes tag what it offers with those.
_KIND_TAGS = frozenset({"book", "books", "textbook", "course", "lecture", "podcast", "video"})
_CONTENTS_TAGS = frozenset({"index", "moc", "toc", "contents", "dashboard", "overview"})


def _prose(source: Source) -> str:
    # A labelled field is no notes, however long: "Title: <a 20-word title>".
    return " ".join(
        line
        for line in source.lines[source.start :]
        if line.strip() and not _is_field_line(line) and not read_labelled_fields([line])
    )


_LEAD_LINES = 3
_BULLET_RE = re.compile(r"^\s*[-*+]\s+")
_SPAN_OPENERS = frozenset('*_"“')


def _fuller_title(title: str, source: Source, start: int, *, nickname: bool = False) -> str:
    """The full title a note's first lines give for the short one it is named by: a page
    "Invisible Inequality" whose first line cites *Invisible Inequality: Social Class and
    Childrearing in Black Families and White Families*."""
    words = _title_words(title)
    if not words:
        return title
    lead = [
        source.lines[index]
        for index in source.content_lines(start, len(source.lines))
        # Past "Status: Read", "Year: 2002"; "*Dropout: A Simple Way …*" is no field.
        if not _is_field_line(source.lines[index])
        or source.lines[index].lstrip()[:1] in _SPAN_OPENERS
    ]
    for line in lead[:_LEAD_LINES]:
        # An emphasised or quoted span: where the first lines give the full title.
        for match in TITLE_SPAN_RE.finditer(line):
            span = span_text(match)
            longer = _title_words(span)
            if len(longer) > len(words) and longer[: len(words)] == words:
                return span
    if nickname or not is_probably_title(title):
        # "Dropout paper" over "*Dropout: A Simple Way to Prevent …*, JMLR 15."; an alias
        # ("Schultz 1997, reward prediction error paper") over its paper's citation.
        lines = [_BULLET_RE.sub("", line) for line in lead[:_LEAD_LINES]]  # Logseq's blocks
        cited = next(filter(None, map(read_logged_citation, lines)), None)
        return cited.title if cited is not None else title
    return title


def _title_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _is_about_a_post(paper: PaperRecord, fields: dict[str, str], front: FrontMatter) -> bool:
    """A note's own link goes to a blog post or a video and nothing identifies a paper:
    Readwise's "Articles" hold blog posts beside papers, with the same fields."""
    if identifier_of(paper):
        return False
    own = [link.url for link in find_links(fields.get("link", ""))]
    own += [str(front.data.get(key)) for key in _LINK_KEYS if front.data.get(key)]
    return bool(own) and all(is_not_paper_url(url) for url in own)


def _best_title(candidates: list[str], *, allow_short: bool) -> tuple[str, int | None]:
    """The first candidate that reads like a paper title (a short one only when labelled),
    with the year written after it ("(Yang et al., NeurIPS 2019)")."""
    cleaned = [clean_title(c) for c in candidates if c and c.strip()]
    cleaned = [(_NAMESPACE_RE.sub("", title), year) for title, year in cleaned if title]
    # "w4509", "2401.01234v2.pdf": a file's name where a title should be says nothing.
    cleaned = [(title, year) for title, year in cleaned if not _FILE_NAME_RE.match(title)]
    for title, year in cleaned:
        if is_probably_title(title):
            return title, year
    return cleaned[0] if cleaned and allow_short else ("", None)


def _description_title(front: FrontMatter) -> str:
    """Dendron's ``desc`` or a ``description`` that is a title rather than a sentence."""
    text = front.text("desc", "description", "subtitle", "full_title", "fulltitle")
    if not text or text.rstrip().endswith(".") or len(text.split()) > 30:
        return ""
    # "He, Gkioxari, Dollár, Girshick", "Zhuang Liu, …, Saining Xie (FAIR / UC Berkeley)",
    # "blog post, Lilian Weng, May 2021": who wrote it, or what it is — no title.
    who = re.split(r"\s+[—–-]\s+|\s*\(", text, maxsplit=1)[0].rstrip(" ,")
    who = who.removesuffix(", et al").removesuffix(" et al")
    return "" if names_only(who) or _SAYS_ITS_KIND_RE.match(text) else text


def _aliases(front: FrontMatter) -> list[str]:
    value = front.data.get("aliases", front.data.get("alias"))
    values = value if isinstance(value, list) else [value]
    return [str(v) for v in values if v]


def _is_generic(heading: Heading) -> bool:
    # "## 0. 论文信息": numbered as the note's first section
    return (
        strip_decoration(without_numbering(heading.text)).casefold().rstrip(":")
        in _GENERIC_OPENINGS
    )


def _bold_title(source: Source, top: list[int]) -> str:
    """ "**Title** (Authors, 2021)." opening a note: the title in bold on its own line."""
    for index in top[:3]:
        match = _BOLD_LINE_RE.match(source.lines[index])
        if match and not names_only(visible_text(match[1])):
            return match[1]  # not "**Whitfield Diffie, Martin E. Hellman** — IEEE …"
    return ""


def read_single_note(source: Source, front: FrontMatter) -> Layout | None:
    evidence = read_note_evidence(source, front)
    return note_layout(source, evidence)


def note_layout(
    source: Source, evidence: NoteEvidence, front: FrontMatter | None = None
) -> Layout | None:
    if evidence.paper is None:
        return None
    body = source.text(evidence.body_start, len(source.lines))
    # "Status: read" wins over a short note's "haven't read that reply" about another.
    if _placeholder_unread(body) and not marked_read(source, front):
        return None
    summary = make_summary(body, heading=evidence.paper.title)
    if summary is not None and front is not None:
        summary.visibility = front.text("summary_visibility", "visibility").casefold()
    layout = Layout(
        parts=[
            Part(
                evidence.body_start,
                len(source.lines),
                evidence.paper,
                summary,
                evidence=evidence.because,
            )
        ],
        ordered=False,
    )
    if evidence.guessed:
        message = f"named the paper “{evidence.paper.title}” after the file: nothing in it says"
        layout.warnings.append(ImportWarning(source.path, 1, message))
    return layout


# A placeholder's whole text: "*Not read yet – placeholder so we don't forget.*"
def _is_field_block(lines: list[str]) -> bool:
    """Dataview's "Authors:: …" / "Year:: …", a Notion page's "Authors: …" / "Builds on:
    Other paper (…md)", a syllabus's "TA: …" / "Lectures: …": fields, read as such (or
    logistics), never a citation."""
    return sum(1 for line in lines if _is_field_line(line)) >= 2


_PLACEHOLDER_WORDS = 40
_NOT_PROSE_RE = re.compile(r"^\s*(?:\||#|[-*+]\s+\*\*[^*]+\*\*\s*:|[-*+]?\s*\w[\w ]{0,20}::?\s)")


def _is_field_line(line: str) -> bool:
    """A heading, table row or "Label: value" line; "Late interaction: keep per-token
    embeddings, …" is a sentence of notes all the same."""
    return bool(_NOT_PROSE_RE.match(line)) and len(line.split()) <= _FIELD_LINE_WORDS


_FIELD_LINE_WORDS = 15


def _placeholder_unread(body: str) -> bool:
    """A note kept to remember a paper, whose few words say it was not read yet: the
    collection's notes are on papers read, and this one names none of them."""
    prose = " ".join(line for line in body.splitlines() if not _is_field_line(line))
    # "cf. Zwicky 1933 (not read, only the story)" is about Zwicky, not this paper.
    aside = re.sub(r"\([^()]*\)", "", prose)
    return len(prose.split()) <= _PLACEHOLDER_WORDS and says_not_read(aside)


def _heads_the_file(source: Source, opening: Heading) -> bool:
    return all(h.level > opening.level for h in source.headings if h is not opening)


def _top_lines(source: Source, opening: Heading | None) -> list[int]:
    """Lines above the first section of the notes, where a note states its paper's facts."""
    # "## Metadata" under the title still holds the paper's facts; so does a repeat of it.
    end = _lead_end(source, opening, past_generic=True)
    return list(source.content_lines(source.start, end))[:_TOP_LINES]


def _opening_heading(source: Source) -> Heading | None:
    """The first heading, when only labelled fields or nothing stand before it."""
    if not source.headings:
        return None
    first = source.headings[0]
    before = [source.lines[i] for i in source.content_lines(source.start, first.line)]
    if len(read_labelled_fields(before)) < len(before):
        return None  # prose comes first: the heading names a section, not the note
    return first


_LIST_PAGE_TITLES = frozenset(
    {"reading queue", "to read", "to-read", "backlog", "reading list", "reading log", "papers"}
    | {"bookmarks", "publications", "inbox", "queue", "papers to read", "paper queue"}
)


_MEETING_RE = re.compile(
    r"^\W*(?:lab|group|team|weekly|monthly|advisor|supervisor|committee|project|1:1)\s+"
    r"(?:meeting|minutes|check-in|catch-up)\b"
    r"|^\W*(?:meeting|minutes)\s*[-—–:·,]?\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec)[a-z]*\b|$)"
    r"|\bmeeting (?:notes|minutes)\b"
    # "JC 2024-01-18", "Journal club — 3 March", "Session 4 (2024-02-01)": a meeting by date.
    # "JC session 7 -- 8 April 2021" too.
    r"|^\W*(?:(?:jc|journal club|reading group)\s+)?(?:jc|journal club|reading group|session"
    r"|meeting)\s*(?:#?\d+\s*)?[-—–:·,(]*\s*"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}\b)",
    re.IGNORECASE,
)


def _heading_title(heading: Heading) -> tuple[str, int | None]:
    text = heading.text
    if _is_generic(heading) or is_boilerplate_heading(text) or is_section_label(text):
        return "", None
    if strip_decoration(text).casefold().strip(" :") in _LIST_PAGE_TITLES:
        return "", None  # "# Reading queue" heads a list of papers, not one
    if _MEETING_RE.search(text):
        return "", None  # "# Lab meeting 8 Nov 2023", "Supervisor meeting — 7 March"
    if is_sequence_heading(text):
        return "", None  # "Lecture 1: Why graphs?" opens a lecture, not a paper
    return clean_title(heading.text)


def clean_title(text: str) -> tuple[str, int | None]:
    """ "Paper summary: Title (2017)" → ("Title", 2017)."""
    text = _latin_title(unicodedata.normalize("NFKC", visible_text(text)))
    text = _ZETTEL_ID_RE.sub("", text, count=1)  # "202102041530 Gibson 1998 – DLT"
    text = _SITE_SUFFIX_RE.sub("", text, count=1)  # a web clip's "Title | Nature Biotechnology"
    text = _READ_MARK_RE.sub("", text)  # "Neumark & Wascher (2000) ✔ read"
    prefixed = _TITLE_PREFIX_RE.match(text) is not None
    text = _TITLE_PREFIX_RE.sub("", text, count=1).strip()
    text = _BRACKET_TAG_RE.sub("", text, count=1)  # "[Paper] wav2vec 2.0: …"
    text = _PART_SUFFIX_RE.sub("", text)  # "Separation Logic — part 2": a post of a series
    trailing = _TRAILING_YEAR_RE.search(text)
    year = int(trailing[1]) if trailing else None
    if trailing:
        text = text[: trailing.start()].strip()
    by = _TRAILING_BY_RE.search(text)  # "Theorems for free! — Wadler 1989"
    if by:
        year, text = year or int(by["year"]), text[: by.start()].strip()
    text = _TRAILING_NICKNAME_RE.sub("", text)  # "Segment Anything (SAM)"
    nickname = _LEADING_NICKNAME_RE.match(text)  # "ConvNeXt — A ConvNet for the 2020s"
    if nickname and len(nickname["title"].split()) >= 3:
        text = nickname["title"]
    # "Reading notes: Landin, The Next 700 …": after the label, who wrote it, then its title.
    named = _NAMED_COMMA_RE.match(text) if prefixed else None
    if named and (len(named["title"].split()) >= 3 or (named["year"] and " " in named["title"])):
        text, year = named["title"], year or (int(named["year"]) if named["year"] else None)
    cited = _CITED_BY_PREFIX_RE.match(text)  # "Card & Krueger (1994) Minimum Wages and …"
    # After who and when, "Synthetic Difference-in-Differences" is a title, short as it is.
    if cited and (is_probably_title(cited["title"]) or (cited["year"] and " " in cited["title"])):
        text = cited["title"]
        year = year or (int(cited["year"]) if cited["year"] else None)
    return strip_decoration(text).strip('"“”'), year


def _latin_title(text: str) -> str:
    """ "LLaVA 视觉指令微调 Visual Instruction Tuning" → "Visual Instruction Tuning": in a
    heading written in two languages, the paper's own (Latin-script) title."""
    if not _CJK_RE.search(text):
        return text
    segments = [s.strip(" :;,.-–—|/") for s in _CJK_RE.split(text)]
    segments = [s for s in segments if re.search(r"[A-Za-z]", s)]
    titled = [s for s in segments if is_probably_title(s)]
    return titled[0] if titled else max(segments, key=lambda s: len(s.split()), default="")


def _same_title(first: str, second: str) -> bool:
    return bool(first) and first.casefold() == second.casefold()


def _names_a_collection(title: str) -> bool:
    words = title.casefold()
    return any(w in words for w in ("papers", "bookmark", "reading list", "publications"))


# "Konopka & Benzer 1971 — clock mutants", "Kirby, Cornish & Smith 2008 — iterated
# learning", "Trudgill 1972 Norwich — covert prestige", "SSJ 1974 turn-taking": who and
# when, then a keyword or two. A paper's own title seldom opens with a name and a year.
# A reading group's session number may come first: "wk5: Gludovatz 2014 — toughness".
_NICK_NAME = r"[A-Z][\w'’\-]+"
_NICKNAMED_RE = re.compile(
    r"^(?:(?i:wk|week|session|meeting|jc|s)\s*\d{1,3}\s*[:.—–-]\s*)?"
    # "RG 2023-10-18 · Canetti — …": a session's date before the nickname.
    r"(?:(?i:rg|jc|session|meeting)\s+\d{4}-\d{2}-\d{2}\s*[·:—–-]\s*)?"
    rf"{_NICK_NAME}(?:(?:,\s*|\s*,?\s*(?:&|\band\b)\s*|\s){_NICK_NAME}){{0,3}}"
    r"(?:\s+et\s+al\.?)?,?\s*"
    r"(?:\(?(?:19|20)\d{2}[a-z]?\)?|['’]\d{2}|(?=[—–]\s))(?:$|\s*[—–:-]\s+\S|\s+[\w'’\-/()]+(?:\s+[\w'’\-/()]+){0,3}"
    r"(?:\s*[—–:-]\s+\S.*)?$)"
)


def _nickname_year(source: Source, opening: Heading | None) -> int | None:
    if opening is None or not _heads_the_file(source, opening):
        return None
    text = strip_decoration(opening.text)
    year = YEAR_RE.search(text) if _NICKNAMED_RE.match(text) else None
    return int(year[1]) if year else None


def _is_post(path: str) -> bool:
    parts = [part.casefold() for part in PurePath(path).parts[:-1]]
    return any(part in _POST_FOLDERS for part in parts) or bool(
        _DATE_PREFIX_RE.match(PurePath(path).name)
    )


def _take_front_matter(paper: PaperRecord, front: FrontMatter) -> bool:
    """Facts from front matter that speaks of a paper; whether it does."""
    if not is_typed_paper(front.data) and not any(
        key in front.data for key in (*_LINK_KEYS, *_AUTHOR_KEYS, *_PAPER_TITLE_KEYS, "year")
    ):
        return False  # a page's front matter (layout, permalink) says nothing about a paper
    year = clean_title(front.title)[1] if front.title else None
    for key in _LINK_KEYS:
        add_identifier(paper, front.text(key))
    authors = "" if _names_site_users(front) else front.text(*_AUTHOR_KEYS)
    named = parse_authors(authors) if authors else []
    paper.authors = [name for name in named if not _USER_ID_RE.match(name)]
    if not paper.authors and is_typed_paper(front.data):
        paper.authors = object_names(front.data.get("author"))  # Anytype's person objects
    stated = YEAR_RE.search(front.text("year"))
    if stated is None and any(key in front.data for key in _PUBLICATION_KEYS):
        stated = YEAR_RE.search(front.text("date"))  # a publication page's date is its own
    paper.year = int(stated[1]) if stated else year
    paper.venue = YEAR_RE.sub("", front.text(*_VENUE_KEYS, "venues")).strip(" ,")
    return True


def _names_site_users(front: FrontMatter) -> bool:
    """ "authors: [ines, tomas]": a blog's own profile ids (Docusaurus, Hugo Academic)."""
    value = next((front.data[key] for key in _AUTHOR_KEYS if key in front.data), None)
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return bool(items) and all(isinstance(i, str) and _USER_ID_RE.match(i.strip()) for i in items)


def _take_fields(paper: PaperRecord, fields: dict[str, str]) -> None:
    links = f"{fields.get('link', '')} {fields.get('more_links', '')}"
    # "DOI: [10.1098/rspa.1927.0118](https://doi.org/…)": the link's text and address apart.
    spread = MARKDOWN_LINK_RE.sub(lambda m: f" {m['text']} {m['url']} ", links)
    for link in re.split(r"\s+", spread):
        add_identifier(paper, link)
    for url in (found.url for found in find_links(links)):
        add_identifier(paper, url)
    if fields.get("authors") and not paper.authors:
        paper.authors = parse_authors(fields["authors"])
    year = YEAR_RE.search(fields.get("year", "") or fields.get("venue", ""))
    if year and paper.year is None:
        paper.year = int(year[1])
    if fields.get("venue") and not paper.venue:
        paper.venue = strip_decoration(YEAR_RE.sub("", visible_text(fields["venue"])).strip())


_AUTHOR_PREFIX_RE = re.compile(r"^(?P<who>[^\-–—:]{2,60}?)\s+[-–—:]\s+(?P<rest>.{8,})$")


def is_nickname(text: str) -> bool:
    """ "Lorenz 1963", "Liu, Johnston, Snaith 2013 - vapour deposition": who and when (and
    a word or two), the name a person gives a paper's note."""
    return bool(_NICKNAMED_RE.match(strip_decoration(text)))


def _without_author_prefix(title: str, authors: list[str]) -> str:
    """ "Rosenthal - Two concepts of consciousness" over a line naming David M. Rosenthal:
    the page is named by who wrote the paper and its title."""
    prefix = _AUTHOR_PREFIX_RE.match(title)
    if prefix is None or not authors or len(prefix["rest"].split()) < 2:
        return title
    families = {name.split()[-1].casefold() for name in authors if name.split()}
    named = re.split(r"\s*(?:,|&|\band\b|\s)\s*", prefix["who"].casefold())
    return prefix["rest"].strip() if named and named[0] in families else title


def _take_heading_link(paper: PaperRecord, heading: Heading) -> None:
    for link in find_links(heading.inline):
        if is_paper_url(link.url):
            add_link(paper, link.url)


def _take_author_line(paper: PaperRecord, source: Source, heading: Heading) -> None:
    """ "# Title (2017)" then "Ashish Vaswani, Noam Shazeer, …" on the next line of text."""
    if paper.authors:
        return
    following = next(source.content_lines(heading.end, len(source.lines)), None)
    if following is None or following in source.hidden:
        return
    text = visible_text(source.lines[following]).strip()
    if who := _WHO_WHEN_LINE_RE.match(text):
        # "Calvo 1983, JME", "Solow (1956), QJE 70(1)": who, when and where, no title.
        named = re.sub(r"\s+et\s+al\.?$", "", who["who"])
        paper.authors = [n for n in re.split(r"\s*(?:,|&|\band\b)\s*", named) if n]
        paper.year = paper.year or int(who["year"])
        paper.venue = paper.venue or (who["venue"] or who["proceedings"] or "").strip(" .*_")
        return
    if where := _WHO_WHERE_WHEN_RE.match(text):
        # "David M. Rosenthal, Philosophical Studies 49(3): 329–359 (1986)."
        paper.authors = parse_authors(where["who"])
        paper.year = paper.year or int(where["year"])
        paper.venue = paper.venue or where["venue"].strip()
        return
    names = parse_authors(text) if text and not text.endswith((".", "?", ":")) else []
    if names and word_count(text) <= 60 and all(_NAME_RE.match(name) for name in names):
        paper.authors = names
        return
    _take_citation_below(paper, source, heading)


_CITATION_LINES = 12  # how far under the heading its paper's citation may stand


def _take_citation_below(paper: PaperRecord, source: Source, heading: Heading) -> None:
    """ "# Reading notes: Plotkin & Pretnar, Handlers of Algebraic Effects" then, under
    "## Bib", "* Gordon Plotkin and Matija Pretnar. Handlers of Algebraic Effects. ESOP
    2009": the heading's paper cited in full below it gives its authors and year."""
    title = _title_words(clean_title(heading.text)[0])
    lines = list(source.content_lines(heading.end, len(source.lines)))[:_CITATION_LINES]
    for line in lines:
        text = _LIST_MARK_RE.sub("", visible_text(source.lines[line]).strip())
        cited = read_citation(text) if len(text) <= _MAX_CITATION_CHARS else None
        full = _title_words(cited.title) if cited is not None and cited.authors else []
        # "Separation Logic" over "…. Separation Logic: A Logic for Shared Mutable …"
        # One word ("Attention (week 1)") is a nickname, not the start of a title.
        whole = full == title or (len(title) >= 2 and full[: len(title)] == title)
        if title and whole and cited is not None:
            paper.title = cited.title if len(full) > len(title) else paper.title
            paper.authors, paper.year = cited.authors, paper.year or cited.year
            paper.venue = paper.venue or cited.venue
            return


# "David M. Rosenthal, Philosophical Studies 49(3): 329–359 (1986).": who, the journal
# with its volume and pages, the year last.
_WHO_WHERE_WHEN_RE = re.compile(
    r"^(?P<who>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}"
    r"(?:\s*(?:,|&|\band\b)\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}){0,5}?)"
    r",\s+(?P<venue>[A-Z][A-Za-z.&' ]{2,80}?)\s+\d{1,4}(?:\s*\(\d+\))?\s*[:,]\s*[\w\-–]+"
    r"\s*\((?P<year>(?:19|20)\d{2})\)\.?$"
)
# Not a month ("May 2013") nor a magazine's or a blog's name ("Quanta Magazine").
_NOT_A_NAME = (
    r"(?!(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Magazine|News|Times|Blog"
    r"|Press|Post|Journal|Review)\b)"
)
# A name as written on a who-and-when line: "Calvo", "John Hale", "J. Hale".
_WHO = rf"{_NOT_A_NAME}[A-Z][\w'’\-]*\.?(?:\s+{_NOT_A_NAME}[A-Z][\w'’\-]*\.?){{0,3}}"
_WHO_WHEN_LINE_RE = re.compile(
    rf"^(?P<who>{_WHO}(?:\s+et\s+al\.?|(?:\s*(?:,|&|\band\b)\s*{_WHO}){{1,3}})?)"
    # Where, if anything: a journal's name or initials, its volume ("QJE 70(1)"), no more;
    # or the proceedings it is "in" ("John Hale (2001), in Proceedings of the Second …").
    r"\s*,?\s*\(?(?P<year>(?:19|20)\d{2})[a-z]?\)?"
    r"(?:\s*[,.;—–-]\s*(?:in\s+(?=[A-Z]))?(?P<venue>[A-Za-z][\w.&'’()\- ]{0,50}?)"
    r"|\s*,\s*in\s+[*_]?(?P<proceedings>[A-Z][^\n]{0,200}?))?\.?\s*$"
)


def _bare(url: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip().casefold()).rstrip("/")


def _shows_its_url(text: str, url: str) -> bool:
    """ "[doi.org/10.1073/pnas.0408049101](https://doi.org/…)": a link that shows its
    own address (an editor's pasted link) is the bare URL, as the paper's own."""
    shown = _bare(text)
    return len(shown) > 8 and _bare(url).startswith(shown)


def _take_own_link(paper: PaperRecord, source: Source, opening: Heading | None, start: int) -> None:
    """The link a note gives for its own paper: ``[Link to the paper](…)`` or a lone URL.

    Anywhere in the file when it is the only such link; a lone URL only near the top
    of a file that one heading opens.
    """
    own: list[str] = []
    lone = ""
    for count, index in enumerate(source.content_lines(start, len(source.lines))):
        if index in source.hidden:
            continue
        line = source.lines[index]
        for link in find_links(line):
            if not is_paper_url(link.url):
                continue
            if _OWN_LINK_TEXT_RE.match(link.text.strip(" :*_")) or _shows_its_url(
                link.text, link.url
            ):
                cited = read_citation(line)
                if cited is not None and is_probably_title(cited.title):
                    continue  # '**1. Ho — "DDPM"** — [arXiv](…)': that citation's link
                if _LIST_MARK_RE.match(line.lstrip()) and _CITES_OTHERS_RE.search(line):
                    continue  # "- Latent diffusion, Rombach et al. 2022: [url](url)": theirs
                own.append(link.url)
            elif (
                not link.text
                and _LIST_MARK_RE.sub("", line.strip()).strip("<>") == link.url
                and count < _TOP_LINES
            ):
                lone = lone or link.url
    if len(set(own)) == 1:
        add_link(paper, own[0])
    elif lone and (opening is None or _heads_the_file(source, opening)):
        add_link(paper, lone)
    elif not own and (opening is None or _heads_the_file(source, opening)):
        _take_lead_identifier(paper, source, start)


_CITES_OTHERS_RE = re.compile(r"\bet al\.?,?\s*\(?(?:19|20)\d{2}\b")


def _take_lead_identifier(paper: PaperRecord, source: Source, start: int) -> None:
    """ "Citri & Malenka 2008, … doi:10.1038/sj.npp.1301559" as the note's first short
    paragraph: the one identifier written there is its paper's."""
    lines = list(source.content_lines(start, len(source.lines)))[:_TOP_LINES]
    paragraph: list[str] = []
    for index in lines:
        line = source.lines[index]
        if not line.strip():
            if paragraph:
                break
            continue
        quote = line.lstrip().startswith(">")
        if line.lstrip().startswith("#") or (quote and paragraph) or _LIST_MARK_RE.match(line):
            break  # a section, a quote or a list (notes, a diary's bullets): past the lead
        if not paragraph and (quote or read_labelled_fields([line])):
            continue  # "Title: …" or a quoted title line over the lead
        paragraph.append(line)
    text = " ".join(paragraph)
    found = identifiers_in(text)
    if len(found) == 1 and len(text.split()) <= _LEAD_IDENTIFIER_WORDS:
        kind, value = found.pop()
        setattr(paper, "doi" if kind == "doi" else "arxiv_id", value)


_LEAD_IDENTIFIER_WORDS = 40
