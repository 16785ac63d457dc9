"""Reading paths and lists: ``- [Title](url) — note`` items under headings.

An item that opens with a paper link is an entry; the rest of its first line and
everything nested under it are its summary, and loose paragraphs after it continue
it. An item that only holds entries in a nested list ("- Week 1") is a label: a
section for the entries under it.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from papershelf.importers.notes.citations import (
    SAYS_A_BOOK_RE,
    names_non_papers,
    names_only,
    names_unread,
    read_byline,
    read_card,
    read_citation,
    read_identified_line,
    read_title_over_authors,
    says_not_read,
)
from papershelf.importers.notes.informal import read_logged_citation
from papershelf.importers.notes.layout import (
    Layout,
    Marker,
    Part,
    heading_marker,
    is_sequence_heading,
    make_summary,
    title_heading,
)
from papershelf.importers.notes.links import (
    PaperLink,
    add_link,
    find_links,
    is_paper_url,
    paper_from_link,
    read_paper_link,
    tail_metadata,
)
from papershelf.importers.notes.metadata import (
    apply_labelled_fields,
    identifier_of,
    parse_authors,
    read_labelled_fields,
)
from papershelf.importers.notes.source import Source
from papershelf.importers.notes.status import marks_read, status_says_unread
from papershelf.importers.notes.text import (
    HASHTAG,
    HASHTAG_RE,
    LIST_ITEM_RE,
    hashtag_text,
    is_blank,
    join_lines,
    strip_decoration,
    visible_text,
)
from papershelf.importers.records import PaperRecord
from papershelf.lib.identifiers import identify
from papershelf.lib.titles import is_probably_title

_MARKER_RE = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])(?:\s+\[[ xX]\])?\s*")
_NOTE_SEPARATORS = " \t—–-:|,."
_LEADING_PARENTHESIS_RE = re.compile(r"^\s*\(([^()]*)\)")
LIST_TYPES = ("bullet_list", "ordered_list")
_FOOTNOTE_RE = re.compile(r"^\s*\[\^[^\]]+\]:")
_STATUS_RE = re.compile(r"^\[[ xX~/-]\]\s+")
_MIN_LIST_SHARE = 0.5  # below this share of the text, the lists are asides in prose


def read_reading_list(source: Source, front_title: str, *, prose_headings: bool) -> Layout | None:
    """Layout of a list-style document, or None when no list item opens with a paper.

    With ``prose_headings`` (headings that read like paper titles exist), the lists
    must hold most of the text; otherwise they are "related work" asides.
    """
    layout = Layout(parts=[])
    label = ""  # the heading or bold line right above a list, which may say what it holds
    above: Part | None = None  # a paragraph's citation right above: a list under it is notes
    heading = ""  # the nearest heading above: "# Reading queue" over a list of citations
    # "This is the department's exam list …; everything else is not read by me."
    lead_unread = lead_says_lists_unread(source) or _titled_unread(source, front_title)
    nodes = source.tree.children
    put_off = False  # the line above said so: "🅿️ Parking lot — maybe later, not yet"
    for position, node in enumerate(nodes):
        cited_above, above = above, None
        unread = names_unread(label) or names_unread(heading) or _says_list_unread(label)
        unread = (unread or lead_unread or put_off) and not marks_read(heading)
        waits = put_off or _heading_says_unread(heading)  # for the paragraphs of citations
        put_off = _puts_off(source, node)
        no_papers = names_non_papers(label) or names_non_papers(heading)
        if node.type in LIST_TYPES and (no_papers or unread):
            pass  # "**Books**" (or "## Textbooks") over "- Vazirani, *Approximation …* (2001)"
        elif node.type in LIST_TYPES:
            entries = Layout(parts=[])
            read_list(source, node, (), entries)
            if cited_above is not None and not entries.parts and node.map:
                _take_notes(source, cited_above, *node.map)  # a log: citation, then notes
            else:
                layout.parts += entries.parts
                layout.markers += entries.markers
        elif node.type == "paragraph" and node.map and waits:
            pass  # "### What I meant to write about but didn't" over citations: put off
        elif node.type == "paragraph" and node.map:
            # "**[3]** Authors. "Title." Venue (2006)." — a roadmap's entries are paragraphs,
            # and a plain-text list's are its lines.
            found = _cited_lines(source, *node.map) or [
                part for part in [_cited(source, *node.map, ())] if part is not None
            ]
            following = nodes[position + 1] if position + 1 < len(nodes) else None
            if not found and _holds_notes_only(source, following):
                found = [part for part in [_logged(source, *node.map)] if part is not None]
            layout.parts += found
            above = found[-1] if len(found) == 1 else None
        label = label_of(source, node)
        heading = label if node.type == "heading" else heading
    is_course = any(is_sequence_heading(h.text) for h in source.headings)
    # Papers numbered under headings are a path to follow: the headings are its sections.
    layout.sections_only = sum(p.numbered for p in layout.parts) * 2 > len(layout.parts)
    if not layout.parts or (
        prose_headings and not is_course and _list_share(source, layout) < _MIN_LIST_SHARE
    ):
        return None
    title = title_heading(source, front_title)
    layout.markers += [
        heading_marker(heading, "title" if heading is title else "group")
        for heading in source.headings
    ]
    return layout


# A sentence of the lead that says what the lists below are: "everything else is not
# read", "none of these are read yet", "this list is not what I read".
_WHOLE_LIST_RE = re.compile(
    r"\b(?:everything(?: else)?|all of (?:these|them)|none of (?:these|them)|the rest"
    r"|this list|these are|nothing|this is the (?:reading )?queue"
    r"|^\W*(?:things|papers|stuff) (?:I|we) (?:might|may|could|want to) read)\b",
    re.IGNORECASE,
)


_IDENTIFIER_ITEM_RE = re.compile(
    r"^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?(?:doi|arxiv|pmid|pmcid)(?:\*\*)?\s*:", re.I
)


def _identifier_item(line: str) -> bool:
    return bool(_IDENTIFIER_ITEM_RE.match(line))


def _add_identifiers_of(paper: PaperRecord, other: PaperRecord) -> None:
    for name in ("arxiv_id", "doi", "url", "pdf_url"):
        if getattr(other, name) and not getattr(paper, name):
            setattr(paper, name, getattr(other, name))


def _puts_off(source: Source, node: SyntaxTreeNode) -> bool:
    """A line of its own that says what follows waits ("Parking lot — maybe later")."""
    if node.type != "paragraph" or not node.map or node.map[1] - node.map[0] != 1:
        return False
    return names_unread(visible_text(source.lines[node.map[0]]).strip())


def _heading_says_unread(heading: str) -> bool:
    return bool(heading) and (names_unread(heading) or _says_list_unread(heading))


def lead_says_lists_unread(source: Source) -> bool:
    """The note's lead, before its first list or section, says its lists are not read."""
    nodes = source.tree.children
    lead: list[str] = []
    for node in nodes:
        if node.type in LIST_TYPES or (node.type == "heading" and lead):
            break
        if node.type == "paragraph" and node.map:
            lead.append(" ".join(source.lines[node.map[0] : node.map[1]]))
    sentences = re.split(r"(?<=[.;!?])\s+", " ".join(lead))
    return any(_says_list_unread(s) and _WHOLE_LIST_RE.search(s) for s in sentences)


def _titled_unread(source: Source, front_title: str) -> bool:
    """The note is named as papers still to read ("# Reading queue", "title: To read"):
    its lists are, except under a heading that says they are done ("## Done", "## Read")."""
    title = title_heading(source, front_title)
    return names_unread(front_title) or (title is not None and names_unread(title.text))


# "Papers I haven't read yet are marked ☐", "… except the starred ones": about some items.
_SOME_ITEMS_RE = re.compile(r"\bmark(?:ed|s)?\b|\bexcept\b|\bunless\b|\bwith an?\b", re.I)


def _says_list_unread(text: str) -> bool:
    return says_not_read(text) and not _SOME_ITEMS_RE.search(text)


def label_of(source: Source, node: SyntaxTreeNode) -> str:
    """A heading's text, or a paragraph's that is one bold line; "" for anything else."""
    if node.type == "heading" and node.map:
        return next((h.text for h in source.headings if h.line == node.map[0]), "")
    if node.type == "paragraph" and node.map and node.map[1] - node.map[0] == 1:
        line = source.lines[node.map[0]].strip()
        label = re.fullmatch(r"(?:\*\*|__)?([^*_.!?]{2,40}?)(?:\*\*|__)?:?", line)
        if label and len(label[1].split()) <= _LABEL_WORDS:
            return label[1].strip().rstrip(":").rstrip()  # "**Papers:**" is "Papers"
        # "Tentative list (not read yet):", "Not read — do not cite yet.": a short line
        # that introduces the list.
        lead_in = re.fullmatch(r"([^.!?]{2,120})[:.!]", line)
        return lead_in[1].strip() if lead_in and len(lead_in[1].split()) <= _LEAD_IN_WORDS else ""
    return ""


_LABEL_WORDS = 4  # "To read", "**Books**", "Papers I skimmed": a label, not a sentence
_LEAD_IN_WORDS = 16  # "Still to get into Zotero (not in this export, haven't read them yet):"


def read_list(
    source: Source, node: SyntaxTreeNode, sections: tuple[str, ...], layout: Layout
) -> None:
    items = [(item, item.map) for item in node.children if item.map]
    parts = [
        None if _labels_no_papers(source, start) else _entry(source, start, end, sections)
        for _, (start, end) in items
    ]
    for (item, (start, _)), part in zip(items, parts, strict=True):
        previous = layout.parts[-1] if layout.parts else None
        if part is not None and previous is not None and _identifier_item(source.lines[start]):
            # "- doi: [10.1086/508162](…)" under "- **Clowe, D., …** (2006). *A Direct
            # Empirical Proof …*": the citation's identifier, on an item of its own.
            if previous.paper is not None and part.paper is not None:
                _add_identifiers_of(previous.paper, part.paper)
            continue
        if part is not None:
            part.numbered = node.type == "ordered_list"
            layout.parts.append(part)
            continue
        label = visible_text(_MARKER_RE.sub("", source.lines[start], count=1))
        before = len(layout.parts)
        if _labels_no_papers(source, start):
            layout.markers.append(Marker(start, "aside", label))  # "- ## to read", "- Books"
            continue
        for child in item.children:
            if child.type in LIST_TYPES:
                read_list(source, child, (*sections, label), layout)
        if len(layout.parts) > before:
            layout.markers.append(Marker(start, "label", label))
        elif any(parts):
            layout.markers.append(Marker(start, "aside", label))  # "- Watch the lecture"


def _labels_no_papers(source: Source, start: int) -> bool:
    """An item that labels what is nested under it as unread or as no papers: Logseq's
    "- ## to read (not started)" block over its citations, "- Books". Or one marked as
    no paper: "- 📖 Mermin, *Quantum Computer Science*, CUP 2007"."""
    written = _MARKER_RE.sub("", source.lines[start], count=1)
    label = visible_text(written).strip()
    return bool(label) and (
        names_unread(label) or names_non_papers(label) or _marked_no_paper(source, written)
    )


# A book's, a video's or a podcast's emoji before an item says what it is; so does any
# mark the document's legend explains as no paper ("🌐 = web/other").
_NOT_A_PAPER_MARKS = ("📖", "📚", "📕", "📗", "📘", "📙", "🎥", "📺", "🎬", "📹", "🎧")


def _marked_no_paper(source: Source, written: str) -> bool:
    label = written.lstrip(" *_")  # "**📖 …"; the list marker took "- [x] " already
    if label.startswith(_NOT_A_PAPER_MARKS):
        return True
    return any(
        label.startswith(mark) and names_non_papers(kind.replace("/", " "))
        for mark, kind in source.legend.items()
    )


def _cited(source: Source, start: int, end: int, sections: tuple[str, ...]) -> Part | None:
    """A paragraph or list item whose first paragraph is a citation: a paper, no notes."""
    lines = source.lines[start:end]
    if _FOOTNOTE_RE.match(lines[0]):
        return None  # a footnote cites what the note mentions; the note is not about it
    # Up to a blank line, or a nested item: "- Rules vs discretion" over its papers.
    paragraph = lines[
        : next((i for i, ln in enumerate(lines) if _ends_paragraph(ln, i)), len(lines))
    ]
    if not paragraph:
        return None  # the part opens with a blank line: no citation leads it
    item = LIST_ITEM_RE.match(source.lines[start]) is not None
    # An outliner's bullet ends with its tags; a paragraph's "#read #ml" may end a label.
    tags = _trailing_tags(paragraph[0]) if item else []
    if item:
        paragraph = [_TRAILING_TAGS_RE.sub("", paragraph[0]), *paragraph[1:]]
    cited = " ".join(line.strip() for line in paragraph)
    # A title on its line, who and where on the next, then notes ("Survey, but it's the
    # map of the field …"): the first two lines name the paper, the rest is prose whose
    # quoted phrases are no titles.
    over = None
    if len(paragraph) > 2 and not item:
        # three lines: title, authors, where and when ("CVPR 2020, arXiv:1911.05722")
        whole = read_title_over_authors(paragraph) if len(paragraph) == 3 else None
        named = whole is not None and any(" " in name for name in whole.authors)
        stated = whole is not None and bool(whole.year or identifier_of(whole))
        over = (whole if named and stated else None) or read_title_over_authors(paragraph[:2])
    paper = over or read_citation(cited)
    evidence = "a title over its authors" if over else "a citation (authors, title, year)"
    columns = _note_paragraph(lines, len(paragraph)) if item else []
    # Past the labelled lines that open it ("Authors: …", "Priority: Required"): prose.
    labels = next((i for i, line in enumerate(columns) if not _COLUMN_RE.match(line)), len(columns))
    prose = columns[labels:]
    note = prose[0] if prose and not labels else ""
    if paper is None and note:
        # An outliner's bullet with its note under it: "Hattie & Timperley 2007 — The Power
        # of Feedback", then "Review of Educational Research 77(1) https://doi.org/…".
        # A nickname row ("**HHL**") over its citation: the note alone names the paper.
        nicknamed = len(visible_text(cited).split()) <= 3 and read_citation(note)
        paper = nicknamed or read_citation(f"{cited.rstrip('. ')}. {note}")
    if paper is None and not paragraph[0].lstrip().startswith("|"):  # a table's rows: none
        paper = read_card([line.strip() for line in paragraph])
        evidence = "a title over its authors and paper links"
    fields = read_labelled_fields(columns)
    # A nickname row's note opens with the title ("Shimer (2005) — the puzzle" over "The
    # Cyclical Behavior of …"): the notes a status is weighed against come after it.
    titled = bool(prose) and is_probably_title(prose[0].strip('"“” '))
    nickname = _NICKNAME_ROW_RE.match(_MARKER_RE.sub("", cited, count=1))
    remarks = prose[1:] if titled and nickname else prose
    if status_says_unread(fields.get("status", ""), " ".join(remarks)):
        return None  # "Status: To read" in an outliner's columns, or a list item's fields
    if _SAYS_NOT_A_PAPER_RE.search(f"{cited} {note}"):
        return None  # "Preskill's lecture notes (not a paper, but the clearest …)"
    if paper is None and item:
        paper = _fielded_item(cited, prose, fields)
        evidence = "an outline row with its columns (authors, year, venue)"
    if paper is None:
        return None
    if not identifier_of(paper) and _SAYS_ITS_MEDIUM_RE.search(cited):
        return None  # "The *Essence of linear algebra* video series by 3Blue1Brown (<…>)"
    if columns and _BOOK_ROW_RE.search(f"{fields.get('venue', '')} {fields.get('type', '')}"):
        return None  # "Venue: Princeton UP (book)": a row of the list that is a book
    if note:
        _take_identifiers(paper, note)  # the note under the bullet opens with its link
    rest = join_lines(lines[len(paragraph) :])
    summary = make_summary(rest) if rest and item else None
    # A citation set as a paragraph of its own ("**1. Shor — "Title"** (1997) — [arXiv](…)")
    # heads the paragraphs after it, up to the next entry: the take on that paper.
    part = Part(
        start, end, paper, summary, sections, takes_following_text=not item, evidence=evidence
    )
    part.tags = tags
    return part


# "Doyle 1978 — Guaranteed Margins for LQG Regulators #lqg #robust": an outliner's tags.
_TRAILING_TAGS_RE = re.compile(rf"(?:\s+{HASHTAG})+\s*$")


def _trailing_tags(line: str) -> list[str]:
    found = _TRAILING_TAGS_RE.search(line)
    return [hashtag_text(tag) for tag in HASHTAG_RE.findall(found[0])] if found else []


def _ends_paragraph(line: str, index: int) -> bool:
    return is_blank(line) or (index > 0 and LIST_ITEM_RE.match(line) is not None)


def _note_paragraph(lines: list[str], after: int) -> list[str]:
    """The lines of the paragraph set under an item's first one (its note), stripped."""
    start = next((i for i in range(after, len(lines)) if lines[i].strip()), len(lines))
    if start == len(lines) or not lines[start][:1].isspace() or LIST_ITEM_RE.match(lines[start]):
        return []
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return [line.strip() for line in lines[start:end]]


_FACT_FIELDS = ("authors", "year", "venue", "link")
# "Hall (1978) — consumption is a random walk": who and when, then what it says.
_NICKNAME_ROW_RE = re.compile(
    r"^[A-Z][\w'’\-]+(?:\s*(?:&|and|,)\s*[A-Z][\w'’\-]+)*(?:\s+et\s+al\.?)?,?\s*"
    r"\(?(?:1[89]|20)\d{2}\)?\s*[—–:-]"
)
# The row says so itself: "(not a paper, but …)", "a thesis, not a paper". Not "not a paper
# I would assign", which judges one.
_SAYS_NOT_A_PAPER_RE = re.compile(
    r"\bnot an? (?:real |research |actual |proper )?paper\b(?=\s*(?:[,.;:)—–-]|but\b|$))",
    re.IGNORECASE,
)
# An item that says what it is: a video series, a playlist, a blog post, a podcast.
_SAYS_ITS_MEDIUM_RE = re.compile(
    r"\b(?:video|lecture|youtube)\s+(?:series|playlist|course)\b|\bplaylist\b"
    r"|\bblog\s+post\b|\bpodcast\s+episode\b",
    re.IGNORECASE,
)
_BOOK_ROW_RE = re.compile(r"\bch(?:apters?|s?\.)\s*\d|\(book\)|\btextbook\b|^book$", re.I)
_COLUMN_RE = re.compile(r"^(?:\*\*)?[A-Z][\w /&-]{0,30}(?:\*\*)?:(?:\*\*)?\s+\S")


def _fielded_item(text: str, note: list[str], fields: dict[str, str]) -> PaperRecord | None:
    """A row titled by the item, its facts in labelled lines under it ("Authors: Solow,
    R. M." / "Year: 1956", an outliner's columns); a row titled by a nickname ("MRW —
    augmented Solow") gives the title its ``note`` (the lines past the labels) opens with."""
    if sum(1 for name in _FACT_FIELDS if fields.get(name)) < 2:
        return None
    title = strip_decoration(visible_text(_MARKER_RE.sub("", text, count=1)))
    if not is_probably_title(title) or _NICKNAME_ROW_RE.match(title):
        title = strip_decoration(note[0]).strip('"“”') if note else ""
        if not is_probably_title(title):
            return None
    if _BOOK_ROW_RE.search(title):
        return None  # "Introduction to Modern Economic Growth, ch. 2–3": a book's chapters
    paper = PaperRecord(title=title)
    apply_labelled_fields(paper, fields)
    for value in (fields.get("link", ""), *note):
        _take_identifiers(paper, value, title)
    return paper


def _take_identifiers(paper: PaperRecord, line: str, title: str = "") -> None:
    """The DOI and arXiv id a line gives ("doi:10.1126/…"), when the paper has none."""
    stated = read_identified_line(line) or (
        read_identified_line(f"{title} {line}") if title else None
    )
    if stated is not None:
        paper.doi = paper.doi or stated.doi
        paper.arxiv_id = paper.arxiv_id or stated.arxiv_id


def _logged(source: Source, start: int, end: int) -> Part | None:
    """A reading log's entry: a paragraph citing its paper loosely ("Hutchins, Hollan &
    Norman 1985 – [Direct Manipulation Interfaces](…)"), its notes in the list below."""
    text = " ".join(line.strip() for line in source.lines[start:end])
    paper = read_logged_citation(text)
    if paper is None or names_non_papers(text) or names_unread(visible_text(text)):
        return None  # "**Not papers, but to do**" over its tasks
    if not (paper.year or paper.authors or paper.venue or find_links(text)):
        return None  # a bold line alone over a list labels it; a citation states facts
    for link in find_links(" ".join(source.lines[start:end])):
        if is_paper_url(link.url):
            add_link(paper, link.url)
    return Part(start, end, paper, None, evidence="a log entry citing its paper")


def _holds_notes_only(source: Source, node: SyntaxTreeNode | None) -> bool:
    """A bullet list none of whose items is an entry: notes on what is above it."""
    if node is None or node.type != "bullet_list":
        return False
    entries = Layout(parts=[])
    read_list(source, node, (), entries)
    return not entries.parts


def _take_notes(source: Source, part: Part, start: int, end: int) -> None:
    part.end = end
    part.summary = make_summary(join_lines(source.lines[start:end]))


def _cited_lines(source: Source, start: int, end: int) -> list[Part]:
    """One citation a line (an indented line continues the one above), or [] when the
    lines of this paragraph are not, each, a citation."""
    groups: list[list[int]] = []
    for index in range(start, end):
        line = source.lines[index]
        if line.lstrip().startswith(("\\#", "#")):
            groups.append([])  # a note to self between entries belongs to none of them
        elif (
            groups
            and groups[-1]
            and (
                (line[:1].isspace() and not _aligned_with(line, source.lines[groups[-1][0]]))
                or not _starts_citation(line)
                or source.lines[groups[-1][-1]].rstrip().endswith(_UNFINISHED)
            )
        ):
            groups[-1].append(index)
        else:
            groups.append([index])
    groups = [group for group in groups if group]
    if len(groups) < 2:
        return []
    parts = []
    for group in groups:
        paper = read_citation(" ".join(source.lines[i].strip() for i in group))
        if paper is not None:
            evidence = "a citation (authors, title, year)"
            parts.append(Part(group[0], group[-1] + 1, paper, None, evidence=evidence))
    # Most lines cite a paper, or half of them and two at least (a club's schedule: two
    # papers, "Kitaev 2003 again", "??? — Ana to pick").
    return parts if len(parts) * 2 > len(groups) or len(parts) * 2 == len(groups) > 3 else []


def _aligned_with(line: str, first: str) -> bool:
    """ " [2] L. Fu …" under " [1] Y. Cao, …" and its wrapped lines: a new entry, indented
    as the first one was, not further as its continuations are."""
    indent = len(line) - len(line.lstrip())
    return indent <= len(first) - len(first.lstrip()) and _starts_citation(line)


# A line ending so continues on the next: "De Luna et al., *Science* 2019 –" / "“Title”".
_UNFINISHED = ("–", "—", "-", ",", ":", ";", "(")


def _starts_citation(line: str) -> bool:
    """A new entry opens with a status box, a number or a capitalised name."""
    stripped = _STATUS_RE.sub("", line.strip())
    if _LETTERED_RE.match(stripped):
        return True  # "(a) Anders S, Huber W. …", "b) Love MI, …"
    return bool(stripped[:1]) and (stripped[:1].isupper() or stripped[:1] in '[*"“')


_LETTERED_RE = re.compile(r"^(?:\(?[a-h]\)|\(\d{1,3}\))\s+\S")


def _entry(source: Source, start: int, end: int, sections: tuple[str, ...]) -> Part | None:
    part = _entry_as_written(source, start, end, sections)
    if part is not None and part.paper is not None:
        _title_from_note(part.paper, _note_paragraph(source.lines[start:end], 1))
    return part


def _title_from_note(paper: PaperRecord, note: list[str]) -> None:
    """A nickname row gives the full title under it: "VQE paper (Peruzzo et al., …)" over
    "title: A variational eigenvalue solver …", "[barren plateaus](…)" over "Barren
    plateaus in quantum neural network training landscapes — Nat. Commun. 9, 4812"."""
    stated = read_labelled_fields(note[:3]).get("title", "")
    if stated and is_probably_title(visible_text(stated)):
        paper.title = visible_text(stated).strip()
        return
    first = visible_text(note[0]) if note else ""
    nickname = paper.title.casefold()
    if len(paper.title.split()) <= 3 and first.casefold().startswith(nickname + " "):
        title = re.split(r"\s+[—–]\s+|\.\s", first, maxsplit=1)[0].strip(" .")
        if is_probably_title(title):
            paper.title = title


def _entry_as_written(
    source: Source, start: int, end: int, sections: tuple[str, ...]
) -> Part | None:
    first = source.lines[start]
    under = " ".join(_note_paragraph(source.lines[start:end], 1)[:1])
    if _SAYS_NOT_A_PAPER_RE.search(f"{first} {under}"):
        return None  # "[Preskill Ph219 lecture notes](…) (not a paper, but …)"
    if not _opens_with_link(first):
        cited = _cited(source, start, end, sections)
        if cited is not None:
            return cited
    link = read_paper_link(first)
    if link is None or not link.title:
        # "Authors. [Title](…). Venue 2013." or an APA reference; a bare URL names no paper.
        return _cited(source, start, end, sections) or _identified(source, start, end, sections)
    if SAYS_A_BOOK_RE.search(visible_text(first)) and not identify(link.url):
        return None  # "Cunningham, *The Mixtape*, **Chapter 6** — <https://mixtape…>"
    if _SAYS_ITS_MEDIUM_RE.search(first) and not identify(link.url):
        return None  # "The *Essence of linear algebra* video series by 3Blue1Brown (<…>)"
    if _FILE_NAME_RE.match(link.title.strip()) and not identify(link.url):
        return None  # "[Greenland1999_causal_diagrams.pdf](…)": a file, its paper unnamed
    marker = _MARKER_RE.match(first)
    indent = marker.end() if marker else 0
    paper = paper_from_link(_title_before_link(link, first), link.url, link.other_urls)
    whole = read_citation(link.title)
    if whole is not None and whole.authors and (whole.year or identifier_of(whole)):
        # "[Robins, Hernán & Brumback (2000) Marginal structural models …](…)": the link's
        # text is the whole citation
        paper.title, paper.authors = whole.title, whole.authors
        paper.year, paper.venue = whole.year or paper.year, whole.venue or paper.venue
    note = link.after.lstrip(_NOTE_SEPARATORS)
    stated = _LEADING_PARENTHESIS_RE.match(note)
    if stated:
        paper.venue, paper.year = tail_metadata(stated[1])
        if paper.venue or paper.year:
            note = note[stated.end() :].lstrip(_NOTE_SEPARATORS)
    _take_byline(paper, link, stated[1] if stated else link.after)
    rest = [_dedent(line, indent) for line in source.lines[start + 1 : end]]
    summary = make_summary(join_lines([note.rstrip("\r\n") + "\n", *rest]))
    return Part(
        start,
        end,
        paper,
        summary,
        sections,
        takes_following_text=True,
        evidence="a list item that opens with a paper link",
    )


# A link to a file by its name: "Rothman_2008_ch3.pdf", "lab6_ipw_starter.R".
_FILE_NAME_RE = re.compile(
    r"^[\w.\-]+\.(?:pdf|r|py|csv|docx?|pptx?|xlsx?|zip|html?|txt|ipynb|rmd|qmd)$", re.IGNORECASE
)


def _take_byline(paper: PaperRecord, link: PaperLink, after: str) -> None:
    """Who wrote the paper a link titles, and when: in the link's text ("[Feynman —
    Simulating physics with computers](…)") or after it ("[Surface codes: …](…) — Fowler,
    Mariantoni, Martinis, Cleland, PRA 86, 032324 (2012)", "(McClean et al. 2018)")."""
    if not link.titled_by_text:
        return
    named = _NAMED_LINK_RE.match(link.title)
    if named and len(named["title"].split()) >= 3:
        paper.title, paper.authors = named["title"], parse_authors(named["names"])
        paper.year = paper.year or (int(named["year"]) if named["year"] else None)
        return
    if not re.match(r"\s*(?:[—–-]\s|,|\(|$)", link.after) and after is link.after:
        return  # "[Title](…) is where it started": a sentence, not a byline
    byline = read_byline(after.split("\n")[0])
    if byline is not None and not paper.authors:
        paper.authors = byline[0]
        paper.venue = paper.venue or byline[1]
        paper.year = paper.year or byline[2]


# "Feynman — Simulating …", "Shor 1995 — Scheme for …": names (and a year), a dash, a title.
_SURNAME = r"(?:[A-Z][a-z'’\-]+|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+)"
_NAMED_LINK_RE = re.compile(
    rf"^(?P<names>{_SURNAME}(?:(?:,\s*|\s*&\s*|\s+and\s+){_SURNAME})*(?:\s+et\s+al\.?)?)"
    r",?\s*(?:\(?(?P<year>(?:1[89]|20)\d{2})\)?)?\s+[—–-]\s+(?P<title>\S.*)$"
)


def _identified(source: Source, start: int, end: int, sections: tuple[str, ...]) -> Part | None:
    """ "for legged specifically: Lee et al., Learning quadrupedal locomotion …, Science
    Robotics 2020 https://doi.org/…": an item giving a paper's identifier and its title."""
    paper = read_identified_line(source.lines[start])
    note = next(iter(_note_paragraph(source.lines[start:end], 1)), "")
    if (paper is None or not paper.title) and note:
        # "Recht — A Tour of Reinforcement Learning …" over "[arXiv 1806.09460](…) · …"
        first = _TRAILING_TAGS_RE.sub("", source.lines[start]).rstrip(". ")
        paper = read_identified_line(f"{first}. {note}")
    if paper is None or not paper.title:
        return None
    rest = join_lines(source.lines[start + 1 : end])
    summary = make_summary(rest) if rest.strip() else None
    evidence = "a list item with a paper's identifier and title"
    return Part(start, end, paper, summary, sections, evidence=evidence)


def _title_before_link(link: PaperLink, line: str) -> str:
    """ "Tobin et al. 2017, Domain randomization for … https://arxiv.org/…": the words
    before a bare link hold the title among names, years and venues."""
    if link.titled_by_text:
        return link.title
    identified = read_identified_line(line)
    if identified is not None and identified.title:
        return identified.title
    # "Towards Monosemanticity: … (Bricken et al., Anthropic 2023) https://…": who and when.
    cited = _TRAILING_CITATION_RE.search(link.title)
    if cited and (re.search(r"\b(?:19|20)\d{2}\b|\bet al\b", cited[1]) or names_only(cited[1])):
        return link.title[: cited.start()].strip()
    return link.title


_TRAILING_CITATION_RE = re.compile(r"\s*\(([^()]+)\)\s*$")


def _opens_with_link(line: str) -> bool:
    rest = _MARKER_RE.sub("", line, count=1).lstrip("*_ ")
    return rest.startswith(("[", "<http", "http"))


def _dedent(line: str, indent: int) -> str:
    if is_blank(line):
        return line
    spaces = len(line) - len(line.lstrip(" "))
    return line[min(spaces, indent) :]


def _list_share(source: Source, layout: Layout) -> float:
    listed = sum(len(list(source.content_lines(p.start, p.end))) for p in layout.parts)
    total = len(list(source.content_lines(source.start, len(source.lines)))) - len(source.headings)
    return listed / max(total, 1)
