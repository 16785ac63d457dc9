"""Parse a notes document — Markdown or saved text about many papers — into entries.

The document's own structure says where each paper's part begins and ends. The
readers are tried from the most to the least specific evidence:

1. a summary-site listing: a metadata block printed twice under each title;
2. headings that a paper line (``📜 [Title](url)``) or a heading link identifies;
3. a bookmark table with one paper link per entry row;
4. list items that open with a paper link (a reading path);
5. headings that merely read like paper titles (a blog without links);
6. failing all of those, the whole file as the notes on one paper (an Obsidian note).

A part keeps its Markdown byte for byte (a table cell's ``\\|`` is unescaped) as the
paper's summary. A part that names no paper we can identify ("VQ VAE 2" with no
title line) keeps its summary with ``paper=None`` and a warning, so the importer
never merges on a short name. Text outside every part is reported as a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import PurePath

from papershelf.importers.notes.background import shortcode_citations
from papershelf.importers.notes.blocks import (
    admonitions_unindented,
    citation_lists_as_lines,
    components_as_fields,
    edged_tables,
    hexo_quotes_as_citations,
    inline_fields_as_front_matter,
    paper_boxes_as_sections,
    tab_tables_as_markdown,
    without_block_markup,
)
from papershelf.importers.notes.covered import read_covered_papers, read_front_matter_papers
from papershelf.importers.notes.excalidraw import is_excalidraw_drawing, read_drawing
from papershelf.importers.notes.footnotes import footnotes_as_entries, looks_like_footnoted_text
from papershelf.importers.notes.frontmatter import FrontMatter, read_front_matter
from papershelf.importers.notes.gdocs import from_google_docs, looks_like_google_docs
from papershelf.importers.notes.headed_tables import read_headed_tables
from papershelf.importers.notes.headings import read_paper_headings
from papershelf.importers.notes.keyed import drop_sections_of_keyed_prose, name_by_citation_key
from papershelf.importers.notes.koreader import (
    koreader_markdown_as_notes,
    looks_like_koreader_markdown,
)
from papershelf.importers.notes.layout import (
    FORMAT,
    Layout,
    assemble,
    is_sequence_heading,
    title_heading,
)
from papershelf.importers.notes.lists import read_reading_list
from papershelf.importers.notes.lostpunctuation import restore_lost_punctuation
from papershelf.importers.notes.metadata import identifier_of, states_facts
from papershelf.importers.notes.pdfhighlights import (
    looks_like_pdf_highlights,
    pdf_highlights_as_notes,
)
from papershelf.importers.notes.plaintext import read_text_posts
from papershelf.importers.notes.series import read_later_part
from papershelf.importers.notes.shortcites import (
    numbered_citations_as_headings,
    titles_under_nicknames,
    titles_under_short_cites,
)
from papershelf.importers.notes.shortscience import read_listing_page
from papershelf.importers.notes.single import (
    NoteEvidence,
    clipped_from_a_paper,
    is_labelled_not_a_paper,
    marked_not_read,
    names_an_edition,
    note_layout,
    read_note_evidence,
    read_ruled_papers,
)
from papershelf.importers.notes.skim import looks_like_skim_notes, skim_as_markdown
from papershelf.importers.notes.slides import deck_as_notes, is_slide_deck
from papershelf.importers.notes.source import Heading, Source, read_source, split_lines
from papershelf.importers.notes.tables import read_bookmark_tables
from papershelf.importers.notes.text import (
    HASHTAG,
    HASHTAG_RE,
    LIST_ITEM_RE,
    hashtag_text,
    strip_decoration,
)
from papershelf.importers.records import (
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
    ParseHints,
)
from papershelf.lib.titles import is_probably_title

__all__ = ["FORMAT", "parse"]

_LONE_CARRIAGE_RETURN_RE = re.compile(r"\r(?!\n)")
_HEADING_ATTRIBUTES_RE = re.compile(r"^(#{1,6}\s.*?\S)\s*\{[#.][^{}]*\}\s*$")
# "#Title" and "##2.1 Section": headings written without the space CommonMark wants.
# "#tag" alone, "#1", or a line of several "#tags" stay as they are.
_LOOSE_HEADING_RE = re.compile(r"^(#{1,6})(?=[A-Z0-9][^#\n]*\s\S)(?![0-9]+\s*$)")


# "#lit #wordorder #efficiency": a line of inline tags (The Archive, Bear, Obsidian);
# "- #[[Paper]] #[[looking time]]": an outline's first bullet of them (RemNote, Logseq).
_HASHTAG_LINE_RE = re.compile(rf"^\s*(?:[-*+]\s+)?{HASHTAG}(?:\s+{HASHTAG})*\s*$")


def _hashtags(source: Source) -> list[str]:
    return [
        hashtag_text(tag)
        for index in range(source.start, len(source.lines))
        if index not in source.hidden and _HASHTAG_LINE_RE.match(source.lines[index])
        for tag in HASHTAG_RE.findall(source.lines[index])
    ]


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    """Split ``text`` into one entry per paper.

    A document that names no paper comes back with no entries and a warning that says
    why; the importer reports it as skipped. ``hints`` are a person's corrections from
    the preview: the heading level or the separator line where papers start.
    """
    hints = hints or ParseHints()
    if not text.strip():
        raise ParseError(path, None, "the document is empty")
    # A byte-order mark is encoding, not text; it would hide a first "# Heading".
    text = _LONE_CARRIAGE_RETURN_RE.sub("\n", text.removeprefix("\ufeff"))
    lines = restore_lost_punctuation(split_lines(text))
    lines = [shortcode_citations(line) for line in lines]  # "{% cite knuth1984 %}"
    images_left_out = 0
    if looks_like_google_docs(lines):
        lines, images_left_out = from_google_docs(lines)
    if is_excalidraw_drawing(text, path):
        return read_drawing(lines, path)  # a drawing's text boxes, each a card
    document = _split(lines, path, hints)
    name_by_citation_key(document, read_front_matter(lines, path), lines)
    drop_sections_of_keyed_prose(document, lines)
    if images_left_out:
        document.warnings.append(ImportWarning(path, None, _EMBEDDED_IMAGES % images_left_out))
    return document


def _split(lines: list[str], path: str, hints: ParseHints) -> ParsedDocument:
    skim = looks_like_skim_notes(lines)
    if skim:
        lines = skim_as_markdown(lines, path)  # a PDF's notes exported from Skim
    elif looks_like_pdf_highlights(lines):
        lines = pdf_highlights_as_notes(lines)  # a Logseq PDF's highlights page
    elif looks_like_koreader_markdown(lines):
        lines = koreader_markdown_as_notes(lines)  # an e-reader's highlights of a PDF
    elif looks_like_footnoted_text(lines):
        lines = footnotes_as_entries(lines)  # a review citing its papers in footnotes
    elif path.lower().endswith((".txt", ".text")):
        lines = [_COMMENT_LINE_RE.sub(r"\\\1", line) for line in lines]  # "# note to self"
    # MyST "(vae)=" targets: the line stays, blank, so line numbers still count true
    lines = [_LABEL_TARGET_RE.sub("\n", line) for line in lines]
    # Pandoc's and Quarto's "## Data and methods {#sec-methods}": an anchor, no words.
    lines = [_HEADING_ATTRIBUTES_RE.sub(r"\1\n", line) for line in lines]
    lines = paper_boxes_as_sections(lines)  # '!!! abstract "Paper 1"', then "Paper 2"
    lines = admonitions_unindented(lines)  # '!!! quote ""' over an indented citation
    lines = hexo_quotes_as_citations(lines)  # "{% blockquote Who, Where URL Title %}"
    lines = inline_fields_as_front_matter(lines)  # Dataview's "Authors:: …" over "# Title"
    lines = edged_tables(lines)  # "Year | Paper" over "--- | ---": no outer pipes
    lines = tab_tables_as_markdown(lines)  # rows pasted from a web page, tab-separated
    lines = without_block_markup(lines)  # ":::info", "{%hackmd … %}", "[TOC]"
    lines = components_as_fields(lines)  # MDX's "<PaperCard title=… authors=… />"
    lines = citation_lists_as_lines(lines)  # "- Title" / "- Authors" / "- Venue 2020"
    lines = titles_under_short_cites(lines)  # "# Rundlöf et al. 2015 Nature 521: 77-80"
    lines = titles_under_nicknames(lines)  # "# Liu 2013" over "#### Efficient planar …"
    lines = numbered_citations_as_headings(lines)  # "**(1)** Stranks SD, … doi:…"
    lines = _promote_plain_headings(_fix_loose_headings(lines))
    front = read_front_matter(lines, path)
    # A deck's title slide names the paper presented; the citations on later slides
    # (related work, references) never outweigh it.
    deck = is_slide_deck(front)
    if deck:
        lines = deck_as_notes(lines, front.end)
    source = read_source(lines, path, front.end)
    if not source.has_text(front.end, len(lines)):
        return _front_matter_only(source, front, path)
    plain = path.lower().endswith((".txt", ".text")) and not skim
    if hints.separator or (plain and read_listing_page(source) is None):
        posts = read_text_posts(lines, path, hints.separator)  # Markdown is gone
        if posts is not None:
            return posts
    if hints.split_level:
        forced = read_paper_headings(source, front.title, by_title=True, level=hints.split_level)
        if forced is not None:
            return assemble(source, forced, front)
    if is_labelled_not_a_paper(source) and not clipped_from_a_paper(front):
        return _no_paper(path, front, _LABELLED_NOT_A_PAPER)
    if _is_theme_sample(front):
        return _no_paper(path, front, "names no paper: a theme's sample post")
    if kind := _tagged_kind(front):
        return _no_paper(path, front, f"names no paper: tagged “{kind}”")
    if reason := marked_not_read(source, front):
        return _no_paper(path, front, f"names no paper read: {reason}")
    described = read_front_matter_papers(source, front)
    if described is not None:
        return assemble(source, described, front)  # "papers:" with title, authors, DOI
    ruled = None if deck else read_ruled_papers(source)
    if ruled is not None:
        return assemble(source, ruled, front)  # "-----" between two papers' notes
    evidence = read_note_evidence(source, front)
    clipped = front.text("source", "source_url", "clipped_from")
    if "://" in clipped and not clipped_from_a_paper(front) and not _names_facts(evidence):
        # Joplin's or a web clipper's copy of a page that is no paper's: "rnaseq: Usage"
        # from nf-co.re, a tutorial — named by the page's own title, stating no paper.
        return _no_paper(path, front, f"names no paper: a page clipped from {clipped}")
    opening_line = next(
        (source.lines[i] for i in source.content_lines(source.start, len(lines))), ""
    )
    book = evidence.paper is not None and names_an_edition(evidence.paper.title)
    # "# Designing Data-Intensive Applications, Ch. 3: Storage and Retrieval (2017)": a
    # chapter of a book, named by no identifier of a paper.
    chapter = evidence.paper is not None and not identifier_of(evidence.paper)
    book = book or (chapter and bool(_BOOK_CHAPTER_RE.search(evidence.paper.title)))  # type: ignore[union-attr]
    if book or names_an_edition(opening_line):
        # "Janeway's Immunobiology, 9th ed", "Vallis (2017), … Fluid Dynamics, 2nd ed.":
        # notes on a textbook's chapters.
        return _no_paper(path, front, "names no paper: notes on a book")
    if _is_index_page(path) or hints.readme:
        # A README that lists papers ("Awesome …", a roadmap) is their list, whatever
        # identifier its title or its "cite this list" block carries.
        found = [
            layout
            for layout in (
                _read_layout(source, front.title),
                read_reading_list(source, front.title, prose_headings=False),
            )
            if layout is not None
        ]
        listed = max(found, key=lambda layout: len(layout.parts), default=None)
        if listed is not None and _states_its_papers(listed):
            return assemble(source, listed, front)
    index = _is_index_page(path) or hints.readme or _is_site_page(front)
    names_itself = index and not _names_facts(evidence)
    if names_itself:
        # A README's heading names the repository, a site's page ("teaching", a
        # project) itself: neither is a paper unless it states one's facts.
        evidence.strong = False
    front.topics = list(dict.fromkeys([*front.topics, *evidence.tags, *_hashtags(source)]))
    covered = read_covered_papers(source, front.title)  # a bundle's index.md is a post too
    if covered is not None:
        return assemble(source, covered, front)  # "**Papers covered**" over their citations
    named = evidence.paper is not None and (evidence.paper.authors or identifier_of(evidence.paper))
    later_part = None if names_itself or named else read_later_part(source, front.title)
    if later_part is not None:
        return assemble(source, later_part, front)  # "Part 2" linking "[Part 1](…)"
    layout = note_layout(source, evidence, front) if evidence.strong else None
    if layout is not None and not evidence.sure:
        several = _read_layout(source, front.title)  # a post on two papers, one heading each
        # …or a lecture titled for its students whose "## Readings" cite its paper
        readings = several is not None and _under_papers_heading(source, several)
        layout = several if several is not None and (len(several.parts) > 1 or readings) else layout
    elif layout is not None and (not evidence.stated or evidence.guessed) and not deck:
        # "## Drop-seq and inDrop (Cell, 2015)" over "### Macosko et al. 2015" and
        # "### Klein et al. 2015", each with its DOI: the sections name the papers. So
        # does a list of whole citations in a note titled only by its file name.
        several = _read_layout(source, front.title)
        layout = several if several is not None and _identified(several) > 1 else layout
    elif layout is not None and evidence.cited and evidence.paper is not None:
        several = _read_layout(source, front.title)
        logged = several is not None and _logs_papers(source, several, evidence.paper)
        layout = several if several is not None and logged else layout
    elif layout is not None and not states_facts(evidence.paper):
        # A post titled for its readers ("Reading group: MoCo, SimCLR and BYOL") whose
        # sections cite their papers with identifiers names those, not its title.
        several = _read_layout(source, front.title)
        cited = several if several is not None and _identified(several) > 1 else None
        layout = cited or _papers_section(source, front.title, several) or layout
    listed = None
    if layout is None:
        # A site's own page ("Final Project": "## Some projects from last year") is no
        # list of papers by headings that merely read like titles.
        layout = listed = _read_layout(source, front.title, headings_as_titles=not names_itself)
        if layout is not None and evidence.post and len(layout.parts) < 2:
            layout = None  # a post citing one paper is still the notes on its own
    if layout is None and not names_itself:
        papers = _papers_section(source, front.title, listed)
        layout = papers or note_layout(source, evidence, front)
    if layout is None:
        return _no_paper(path, front, _NO_PAPER)
    return assemble(source, layout, front)


# "tags: talk", "type: book": the front matter says what the note is about.
_NOT_PAPER_TAGS = frozenset(
    {"talk", "talks", "book", "books", "video", "videos", "podcast", "lecture", "course"}
    | {"webinar", "seminar", "meeting", "person", "people", "software", "tool"}
    # A month's "Link dump" of posts, zines and talks found on the way, not read papers.
    | {"links", "link dump", "link-dump", "linkdump"}
)


def _no_paper(path: str, front: FrontMatter, reason: str) -> ParsedDocument:
    """The document of a file that names no paper, saying why."""
    document = ParsedDocument(path=path, format=FORMAT, title=front.title)
    document.warnings.append(ImportWarning(path, None, reason))
    return document


def _tagged_kind(front: FrontMatter) -> str:
    values = [front.data.get(key) for key in ("type", "tags", "kind", "category")]
    tags = [str(v).strip("# ").casefold() for value in values for v in _as_list(value)]
    if any(tag in ("paper", "papers", "article", "literature") for tag in tags):
        return ""
    return next((tag for tag in tags if tag in _NOT_PAPER_TAGS), "")


def _as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else [] if value is None else [value]


_MIN_LISTED_PAPERS = 3


def _states_its_papers(layout: Layout) -> bool:
    """Most of a README's entries identify their papers (an arXiv id, a DOI): a README
    listing the collection's own notes ("[Oct 9](2024-10-09.md) — Kraft et al. 2015") is
    their table of contents instead."""
    stated = sum(1 for part in layout.parts if part.paper and identifier_of(part.paper))
    return stated >= _MIN_LISTED_PAPERS and 2 * stated >= len(layout.parts)


_EMBEDDED_IMAGES = (
    "left out %d images embedded in the file as data (a Google Docs export): download "
    "the document as .docx or as a web page (.html, zipped) to import them"
)
# "Module 2: Policy Gradients", "Lesson 5 — Trust regions" on lines of their own.
_PLAIN_SEQUENCE_RE = re.compile(
    r"^(?P<kind>module|week|lesson|lecture|unit|chapter|part|session|day)\s+\d{1,3}\b"
    r"[^\n]{0,120}$",
    re.IGNORECASE,
)
# In a text file, "# FLP: re-read the argument before the quals, …" is a note to self.
_COMMENT_LINE_RE = re.compile(r"^(#+)(?=\s+(?:\S+\s+){8,}|\s+.*[;,.]\s*$|\s*\^)")
_LABEL_TARGET_RE = re.compile(r"^\(\S{1,80}\)=\s*$")
# "=== Consensus & coordination ===": a section of a plain-text list.
_RULED_HEADING_RE = re.compile(r"^(?:={2,}|-{3,})\s*(?P<text>[^=\-].{0,80}?)\s*(?:={2,}|-{3,})$")
_SETEXT_RE = re.compile(r"^\s{0,3}(?:={3,}|-{3,})\s*$")
_PLAIN_NUMBERED_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})+)\s+[A-Z][^\n.]{0,80}$")
_BOLD_LINE_RE = re.compile(r"^\*\*[^*\n]{2,60}\*\*$")


def _promote_plain_headings(lines: list[str]) -> list[str]:
    """Headings written as plain lines become Markdown headings.

    A course's "Module 2: …" and "Lesson 5 …" lines (the first kind seen is the outer
    level), a roadmap's "2.2 Optimization" (its depth is its number's) and a lone bold
    line among headings ("**Sequence models**", a sibling of the heading before it).
    Only lines standing alone between blank lines, outside code fences.
    """
    kinds: list[str] = []
    written: dict[str, int] = {}  # the level of each kind the writer made a heading of
    level = 0  # of the last heading seen
    fixed: list[str] = []
    fence = ""
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    underlined = False
    for index, line in enumerate(lines):
        text = line.strip()
        marker = text[:3]
        if marker in ("```", "~~~") and (not fence or marker == fence):
            fence = "" if fence else marker
        if underlined:
            underlined = False
            continue  # the "=====" under a line made a heading here
        # "Module 1: Convex sets" over "=====", or opening the file over its summary line
        ruled = index + 1 < len(lines) and bool(_SETEXT_RE.match(lines[index + 1]))
        alone = _blank_or_edge(lines, index - 1) and (
            _blank_or_edge(lines, index + 1) or ruled or index == first
        )
        # "**Lesson 10 — Gradient descent** (Wed Nov 1)": a course's lesson in bold
        bare = re.sub(r"^\*\*([^*]+)\*\*", r"\1", text)
        promoted = None
        if fence or not alone or not text:
            pass
        elif heading := re.match(r"^(#{1,6})\s", text):
            level = len(heading[1])
            if match := _PLAIN_SEQUENCE_RE.match(text[level:].strip()):
                written.setdefault(match["kind"].casefold(), level)  # "## Lecture 6 — QFT"
        elif (match := _PLAIN_SEQUENCE_RE.match(bare)) and not text.endswith("."):
            text, underlined = bare, ruled
            kind = match["kind"].casefold()
            kinds += [] if kind in kinds else [kind]
            # "**Lecture 7 — Shor**" among "## Lecture 6 — …": a sibling of those
            promoted = written.get(kind, kinds.index(kind) + 1)
        elif match := _PLAIN_NUMBERED_RE.match(text):
            promoted = match["number"].count(".") + 1
        elif match := _RULED_HEADING_RE.match(text):
            fixed.append(f"## {match['text']}\n")
            level = 2
            continue
        elif _BOLD_LINE_RE.match(text) and level and _entries_follow(lines, index):
            promoted = level
        if promoted:
            level = promoted
            fixed.append(f"{'#' * promoted} {text.strip('*').strip()}\n")
        else:
            fixed.append(line)
    return fixed


# "**[4]** Authors…" or "- [Title](…)": the entries of a list of papers.
_ENTRY_START_RE = re.compile(r"^\s*(?:\*\*)?\[\d{1,3}\]|^\s*(?:[-*+]|\d+[.)])\s+.*\]\(")


def _entries_follow(lines: list[str], index: int) -> bool:
    """A bold line is a section heading only over a list of papers, not in a summary."""
    following = next((line for line in lines[index + 1 :] if line.strip()), "")
    return bool(_ENTRY_START_RE.match(following))


def _blank_or_edge(lines: list[str], index: int) -> bool:
    return index < 0 or index >= len(lines) or not lines[index].strip()


_PAPERS_HEADING_RE = re.compile(
    r"^(?:the\s+)?(?:papers?|readings?|reading list|required reading|key papers?)$", re.IGNORECASE
)


def _papers_section(source: Source, front_title: str, listed: Layout | None) -> Layout | None:
    """A page titled for its readers ("REINFORCE and the likelihood-ratio trick", a
    path's stage) whose "## Papers" section cites its papers: those, not the title.
    ``listed`` is what ``_read_layout`` already found in the page."""
    # "| 📄 | Williams (1992), *Simple …* | 🟡 |": its table, one row as good as many
    several = (
        read_headed_tables(source, front_title, min_rows=1)
        or listed
        # a lecture's headings read like titles ("Kernels and support vector machines"),
        # so its lists were not read as a reading list's: its "## Readings" are one
        or read_reading_list(source, front_title, prose_headings=False)
    )
    return several if several is not None and _under_papers_heading(source, several) else None


def _under_papers_heading(source: Source, layout: Layout) -> bool:
    """Every paper the layout states (by identifier, or authors and year) sits in a
    section headed "Papers" or "Readings", and there is one at least."""
    stated = [p for p in layout.parts if p.paper is not None and states_facts(p.paper)]

    def heading_over(line: int) -> str:
        above = [h for h in source.headings if h.line <= line]
        return strip_decoration(above[-1].text).strip(" :") if above else ""

    return bool(stated) and all(_PAPERS_HEADING_RE.match(heading_over(p.start)) for p in stated)


def _logs_papers(source: Source, layout: Layout, first: PaperRecord) -> bool:
    """Whether the note is a reading log — citations as paragraphs, each over notes of its
    own — whose first entry merely opens it as a one-paper note's citation would. A list
    of references under the notes is no log: its citations are items, with no notes."""
    logged = [
        part.paper
        for part in layout.parts
        if part.paper is not None
        and part.summary is not None
        and (identifier_of(part.paper) or (part.paper.authors and part.paper.year))
        and not LIST_ITEM_RE.match(source.lines[part.start])
    ]
    return len(logged) > 1 and logged[0].title.casefold() == first.title.casefold()


def _identified(layout: Layout) -> int:
    """Parts whose paper is stated, by an identifier or as a citation (authors, year)."""
    return sum(
        bool(identifier_of(part.paper) or (part.paper.authors and part.paper.year))
        for part in layout.parts
        if part.paper is not None
    )


def _names_facts(evidence: NoteEvidence) -> bool:
    paper = evidence.paper
    return paper is not None and bool(
        paper.arxiv_id or paper.doi or paper.openreview_id or paper.authors
    )


# Jekyll and Hugo layouts of a site's own pages (al-folio's about, teaching, projects),
# not of its posts.
_SITE_PAGE_LAYOUTS = frozenset({"page", "about", "cv", "archive", "projects", "profiles"})


def _is_site_page(front: FrontMatter) -> bool:
    layout = front.text("layout").casefold().strip()
    return layout in _SITE_PAGE_LAYOUTS or bool(front.text("permalink") and front.text("nav"))


def _is_theme_sample(front: FrontMatter) -> bool:
    """A theme's sample post left in the site (al-folio's "sample-posts" category), or a
    starter's first post ("Hello World" in Hexo and gatsby-starter-blog, "Welcome to
    Jekyll!"), whatever it lists (the starter's three Harry Potter books)."""
    labels = f"{front.text('categories')} {front.text('category')} {front.text('tags')}"
    sample = "sample-posts" in labels.casefold().replace("_", "-").replace(" ", "-")
    return sample or bool(_STARTER_POST_RE.match(front.title.strip()))


_STARTER_POST_RE = re.compile(
    r"^(?:hello,?\s+world!?|welcome\s+to\s+(?:jekyll|hugo|hexo|gatsby|docusaurus|astro)\b.*)$",
    re.IGNORECASE,
)


def _is_index_page(path: str) -> bool:
    return PurePath(path).stem.casefold() in ("readme", "index", "_index", "home")


def _fix_loose_headings(lines: list[str]) -> list[str]:
    """ "#Title" → "# Title", outside code fences, where "#comment" is code."""
    fixed: list[str] = []
    fence = ""
    for line in lines:
        marker = line.lstrip()[:3]
        if marker in ("```", "~~~") and (not fence or marker == fence):
            fence = "" if fence else marker
        fixed.append(line if fence else _LOOSE_HEADING_RE.sub(r"\1 ", line))
    return fixed


# "<a book's title>, Ch. 3: …", "… — Chapter 20": a chapter named after its book (not a
# thesis's own "Chapter 1: Urban heat islands").
# "Designing Data-Intensive Applications, Ch. 3", "*The Scientific Image*, ch. 2"
_BOOK_CHAPTER_RE = re.compile(r"[\w*_)\"”’](?:[,:;]|\s[—–-])\s*ch(?:apter|\.)\s*\d", re.IGNORECASE)
_LABELLED_NOT_A_PAPER = (
    "names no paper: its heading says it is something else (a book, a video, a tool, "
    "the minutes of a meeting, the person’s own writing)"
)
_NO_PAPER = (
    "found no papers: no title, identifier or link names one (expected front matter or a "
    "“Title:” line, a heading per paper with a title or link line, a table or list with "
    "one paper link or citation per entry, or a summary-site listing)"
)


def _read_layout(
    source: Source, front_title: str, *, headings_as_titles: bool = True
) -> Layout | None:
    listing = read_listing_page(source)
    if listing is not None:
        return listing
    tables = read_headed_tables(source, front_title)
    by_links = read_paper_headings(source, front_title, by_title=False)
    if by_links is not None:
        # A list of linked papers under headings that happen to link one paper each.
        in_lists = read_reading_list(source, front_title, prose_headings=True)
        named = sum(part.paper is not None for part in by_links.parts)
        chosen = in_lists if in_lists and len(in_lists.parts) > named else by_links
        return _with_rows(source, chosen, tables, tables=True)
    title = title_heading(source, front_title)
    prose_headings = any(
        is_probably_title(heading.text) and not is_sequence_heading(heading.text)
        for heading in source.headings
        if heading is not title
    )
    listed = (
        read_bookmark_tables(source, front_title)
        or read_reading_list(source, front_title, prose_headings=prose_headings)
        or (prose_headings and _cited_under_headings(source, front_title))
        or (
            _several(source, read_paper_headings(source, front_title, by_title=True))
            if headings_as_titles
            else None
        )
    )
    return _with_rows(source, tables, listed) if tables is not None else listed


def _heading_above(source: Source, line: int) -> Heading | None:
    return max((h for h in source.headings if h.line < line), key=lambda h: h.line, default=None)


def _cited_under_headings(source: Source, front_title: str) -> Layout | None:
    """Headings that read like titles ("Minimum wages, bunching approach") over whole
    citations ("Main: Cengiz, Doruk, … (2019). “The Effect of …” QJE"): a reading
    group's sessions, each naming its papers, not papers named by their headings."""
    listed = read_reading_list(source, front_title, prose_headings=False)
    if listed is None:
        return None
    stated = [p for p in listed.parts if p.paper is not None and states_facts(p.paper)]
    if len(stated) < _MIN_CITED or 2 * len(stated) < len(listed.parts):
        return None
    # Most sessions cite theirs: a post's sidebar ("On my nightstand") citing two books
    # under a page of prose headings is no schedule.
    over = {
        max((h for h in source.headings if h.line < p.start), key=lambda h: h.line, default=None)
        for p in stated
    }
    sessions = [h for h in over if h is not None]
    level = Counter(h.level for h in sessions).most_common(1)[0][0] if sessions else 0
    peers = sum(1 for h in source.headings if h.level == level)
    return listed if len(sessions) >= _MIN_CITED and 2 * len(sessions) >= peers else None


_MIN_CITED = 3


def _with_rows(
    source: Source, layout: Layout | None, other: Layout | None, *, tables: bool = False
) -> Layout | None:
    """A layout's papers and, in their places, those another reading found beside them:
    an "awesome" list gives some sections as bullets and others as tables. Only papers
    stated by an identifier or as a citation join; a table's rows are the table
    reader's to take or leave ("Speech and Language Processing, ch. 9" is a book)."""
    if layout is None or other is None:
        return layout
    taken = [(part.start, part.end) for part in layout.parts]
    rows = [
        p
        for p in other.parts
        if not any(s < p.end and p.start < e for s, e in taken)
        and (tables or source.lines[p.start].count("|") < 2)
        and p.paper is not None
        and states_facts(p.paper)  # not "Hanikel et al. review (postponed)", a plan's row
    ]
    if not rows:
        return layout
    seen = {(marker.line, marker.role) for marker in layout.markers}
    markers = [*layout.markers, *(m for m in other.markers if (m.line, m.role) not in seen)]
    parts = sorted([*layout.parts, *rows], key=lambda part: part.start)
    return replace(layout, parts=parts, markers=markers)


def _front_matter_only(source: Source, front: FrontMatter, path: str) -> ParsedDocument:
    """A page that is all front matter: a publication's page (Hugo Academic) describes
    its paper there, with authors, venue and links; any other such page is no note."""
    evidence = read_note_evidence(source, front)
    if evidence.strong and evidence.paper is not None and evidence.paper.authors:
        layout = note_layout(source, evidence, front)
        if layout is not None:
            return assemble(source, layout, front)
    return _no_paper(path, front, _FRONT_MATTER_ONLY)


_FRONT_MATTER_ONLY = "names no paper: the document has front matter but no notes"


def _several(source: Source, layout: Layout | None) -> Layout | None:
    """Headings that merely read like titles make papers only when there are several,
    and most headings at their level read so: one such heading is a note's title, and
    two among "Probability", "Optimization", … ("Practice questions from older
    students") are sections of notes on something else."""
    papers = [p for p in layout.parts if p.paper is not None] if layout else []
    if len(papers) < 2:
        return None
    levels = {h.line: h.level for h in source.headings}
    level = Counter(levels.get(p.start, 0) for p in papers).most_common(1)[0][0]
    peers = sum(1 for h in source.headings if h.level == level)
    return layout if 2 * len(papers) >= peers else None
