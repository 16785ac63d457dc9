"""Documents with one heading per paper: Notion exports, blog summaries, Obsidian notes.

A heading starts a paper's part when the heading itself links the paper
(``## [Title](url)``), when a paper line (``📜 [Full title](url)``) opens its text,
or — for documents with no such links at all — when the heading reads like a paper
title. The level where most papers sit is the *paper level*: its headings are the
boundaries, deeper headings are sub-sections of a summary, shallower ones (and years,
modules, weeks at the paper level) group the papers.
"""

from __future__ import annotations

import re
from collections import Counter

from papershelf.importers.notes.citations import (
    is_citation_remnant,
    names_non_papers,
    names_unread,
    read_citation,
    read_identified_line,
    read_title_over_authors,
    read_title_then_journal,
    says_not_read,
    title_part,
)
from papershelf.importers.notes.informal import read_logged_citation
from papershelf.importers.notes.layout import (
    Layout,
    Marker,
    Part,
    heading_marker,
    is_boilerplate_heading,
    is_dated_heading,
    is_section_label,
    is_sequence_heading,
    make_summary,
    normalised_heading,
    title_heading,
    without_numbering,
)
from papershelf.importers.notes.links import (
    PaperLink,
    add_identifier,
    add_link,
    find_links,
    is_byline,
    is_paper_url,
    is_short_tail,
    paper_from_link,
    read_paper_link,
    tail_metadata,
)
from papershelf.importers.notes.lists import lead_says_lists_unread
from papershelf.importers.notes.metadata import (
    LABEL_LINE_RE,
    apply_labelled_fields,
    identifier_of,
    read_labelled_fields,
    states_facts,
)
from papershelf.importers.notes.single import clean_title
from papershelf.importers.notes.source import Heading, Source
from papershelf.importers.notes.status import marks_unread, status_says_unread
from papershelf.importers.notes.text import (
    LIST_ITEM_RE,
    YEAR_RE,
    opens_in_lower_case,
    reads_as_a_chore,
    strip_decoration,
    visible_text,
    word_count,
)
from papershelf.importers.records import ImportWarning, PaperRecord
from papershelf.lib.identifiers import identify
from papershelf.lib.titles import is_probably_title

_PAPER_LINE_SEARCH_LINES = 6  # the paper line comes first, after at most a few metadata lines
_PROSE_WORDS = 30  # a line this long is the notes themselves: stop looking for a paper line


def read_paper_headings(
    source: Source, front_title: str, *, by_title: bool, level: int | None = None
) -> Layout | None:
    """Layout of a heading-per-paper document, or None when headings are not the papers.

    With ``by_title`` false only headings whose text links a paper count; with it true
    (the fallback) headings that read like paper titles do too. A ``level`` a person
    chose makes every heading at that level start a paper.
    """
    links = {
        heading.line: _paper_link_of(source, index) for index, heading in enumerate(source.headings)
    }
    recurring = _recurring_headings(source)
    if by_title:
        candidates = [
            h
            for i, h in enumerate(source.headings)
            if _reads_like_paper(h, recurring) and not _lists_notes(source, i)
        ]
    else:
        candidates = [h for h in source.headings if links[h.line]]
    if level is not None:
        candidates = [h for h in source.headings if h.level == level]
    if not candidates:
        return None
    # Ties go to the shallower level: "## Paper" under "# 2017" beats "### Related work".
    chosen = level  # a person's choice: every heading at it is a paper, the first one too
    counts = Counter(heading.level for heading in candidates)
    level = level or min(counts, key=lambda lv: (-counts[lv], lv))
    first = source.headings[0]
    title = None if links[first.line] or chosen else title_heading(source, front_title, level)
    layout = _layout(source, links, level, title, recurring)
    if not layout.parts and title is not None:
        # a one-paper document titled by its paper
        layout = _layout(source, links, level, None, recurring)
    _lead_labelled_papers(source, layout)
    _only_labelled_papers(layout)
    _only_linked_papers(layout)
    return layout if layout.parts else None


def _lead_labelled_papers(source: Source, layout: Layout) -> None:
    """Labelled citations outside every part — a post page's own "**Paper 1:** …" lines
    under its title, above its sub-sections — are papers too, with the text up to the
    next heading as their notes."""
    covered = [(part.start, part.end) for part in layout.parts]
    starts = sorted(h.line for h in source.headings)
    for index, line in enumerate(source.lines):
        if any(start <= index < end for start, end in covered):
            continue
        cited = _labelled_citation(line)
        if cited is None:
            continue
        end = next((start for start in starts if start > index), len(source.lines))
        summary = (
            make_summary(source.text(index + 1, end)) if source.has_text(index + 1, end) else None
        )
        layout.parts.append(Part(index, end, cited, summary, evidence=_LABELLED_EVIDENCE))
    layout.parts.sort(key=lambda part: part.start)


_MIN_LABELLED_PAPERS = 2


def _only_labelled_papers(layout: Layout) -> None:
    """Where posts label their papers ("**Paper:** …"), a heading over none names none: a
    post about something else, a sidebar's list, a sub-section ("Where they differ")."""
    labelled = sum(1 for part in layout.parts if part.evidence == _LABELLED_EVIDENCE)
    if labelled < _MIN_LABELLED_PAPERS:
        return
    for part in layout.parts:
        unstated = part.paper is not None and not identifier_of(part.paper)
        if part.evidence == _TITLE_HEADING_EVIDENCE or (
            unstated and part.evidence == LISTED_CITATION_EVIDENCE
        ):
            part.paper, part.evidence = None, ""


def _only_linked_papers(layout: Layout) -> None:
    """Where most papers' sections open with their citation or link ("## Paper 1 — the
    'reconciling' paper" over "Belkin, Hsu, … PNAS 2019. doi:…"), a section whose heading
    merely reads like a title names none: "## Other stuff worth knowing about"."""
    stated = (_LINK_EVIDENCE, LISTED_CITATION_EVIDENCE, _LABELLED_EVIDENCE)
    linked = sum(1 for part in layout.parts if part.evidence in stated)
    titled = [part for part in layout.parts if part.evidence == _TITLE_HEADING_EVIDENCE]
    if linked < _MIN_LABELLED_PAPERS or linked <= len(titled):
        return
    for part in titled:
        if part.paper is not None and not states_facts(part.paper):
            part.paper, part.evidence = None, ""


def _recurring_headings(source: Source) -> frozenset[str]:
    """Headings written more than once ("Summary" in every post) label sections."""
    counts = Counter(normalised_heading(heading.text) for heading in source.headings)
    return frozenset(text for text, count in counts.items() if count > 1)


def _reads_like_paper(heading: Heading, recurring: frozenset[str]) -> bool:
    return (
        is_probably_title(heading.text)
        and not is_boilerplate_heading(heading.text)
        and not is_section_label(heading.text, recurring)
    )


# "- [[202102041530]] Gibson 1998 – DLT", "- [Raft](raft.md)": an item pointing at a note.
_NOTE_ITEM_RE = re.compile(
    r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[\[[^\]]+\]\]|\[[^\]]+\]\((?!https?:)[^)]*\))"
)


def _lists_notes(source: Source, index: int) -> bool:
    """A heading over nothing but links to other notes groups them (a map of content, a
    structure note): it is a section of the collection, not a paper."""
    end = _next_heading_line(source, index, 7)
    lines = [source.lines[i] for i in source.content_lines(source.headings[index].end, end)]
    return bool(lines) and all(_NOTE_ITEM_RE.match(line) for line in lines if line.strip())


# A course's unit: a topic taught, whatever one paper its notes cite. (A reading group's
# "Session 4" or "Week 3" is often the one paper read then.)
_COURSE_UNIT_RE = re.compile(r"^\W*(?:lecture|lesson|module|class)\s*\d{1,3}\b", re.IGNORECASE)


def _paper_link_of(source: Source, index: int) -> PaperLink | None:
    heading = source.headings[index]
    # A heading that is a whole citation names its paper; what it links or the lines
    # under it may identify that paper better ("He et al. 2016: Deep Residual …" over
    # the reference with its DOI).
    # Not the first heading: that one titles the note, and the note's own evidence
    # (a placeholder "not read yet", its facts) decides whether it names a paper.
    cited_heading = _cited_heading(heading) if index else None
    in_heading = read_paper_link(heading.inline) or _identified_heading(heading)
    # "Lesson 2" over a paper link is a path step, not the paper; a dated log entry is one.
    step = is_sequence_heading(heading.text) and not is_dated_heading(heading.text)
    if in_heading is not None:
        better = cited_heading is not None and bool(identifier_of(cited_heading.cited))
        return cited_heading if better else in_heading
    if step and _COURSE_UNIT_RE.match(heading.text):
        return None  # "## Lecture 7 — Shor's algorithm": a lecture's notes, its readings in it
    if step:
        # "### 1. Hornbæk 2006" over the one paper it cites, then notes on it: that paper.
        return _sole_citation(source, index)
    end = _next_heading_line(source, index, 7)
    fielded = _labelled_paper(source, heading, end)
    if fielded is not None:
        return PaperLink(fielded.title, "", cited=fielded)  # "Title: …" / "Authors: …" under it
    # "Read the Staudinger ligation paper" says what was done: its paper is named below.
    heading_reads_like_title = is_probably_title(
        without_numbering(heading.text)
    ) and not _LOG_VERB_RE.match(heading.text)
    if is_boilerplate_heading(heading.text):
        return None  # "### Links" over a list of links labels them; it is no paper
    if is_section_label(heading.text):
        # "## Review" opening on a whole citation with its DOI names that review.
        return _identified_citation(source, heading, end)
    if (opening := _opening_citation(source, heading, end)) is not None:
        return opening
    logged: PaperRecord | None = None  # a log entry's loose citation, its links may follow
    for count, line in enumerate(source.content_lines(heading.end, end)):
        text = source.lines[line]
        cited = read_citation(text) if count == 0 and not _is_list_item(text) else None
        if cited is not None:
            # '"Toolformer: …", Schick et al., 2023 — https://…' opening a log entry.
            return _heading_names_it(cited)
        table = text.lstrip().startswith("|")
        if logged is None and not heading_reads_like_title and not table:
            # "### Read A* paper" over 'Hart, Nilsson & Raphael 1968 — "A Formal …"'.
            logged = read_logged_citation(text)
        found = None if table else read_paper_link(text)
        if logged is not None and not table:
            for each in find_links(text):  # "Waldspurger & Weihl, OSDI 1994. [ACM](…)"
                if is_paper_url(each.url):
                    add_link(logged, each.url)
        first = count == 0 or logged is not None  # a log entry's identifier follows it
        identified = read_identified_line(text) if first and not _is_list_item(text) else None
        if logged is not None and not _cites_one(source, heading.end, end):
            return None  # "# PTA detour" over two papers cited in turn: no one paper's
        if logged is not None and (identifier_of(logged) or identified is not None):
            return PaperLink(logged.title, "", cited=_with_identifier(logged, identified))
        if logged is None and found is not None and is_short_tail(found.after):
            if (
                _is_list_item(text)
                and not (_labels_an_identifier(text) and heading_reads_like_title)
                and not _names_its_heading(source, index, line)
            ):
                return None
            named = identified is not None and identified.title
            if _cites_another(text, heading):
                return None  # '**1. Ho — "DDPM"** — [arXiv](…)' under a post's title
            if found.titled_by_text or heading_reads_like_title or not named:
                return found
        if identified is not None:
            # "Hessel et al., AAAI 2018 — 1710.02298" under "## Rainbow": its identifier.
            return PaperLink(identified.title, "", cited=identified)
        if count + 1 >= _PAPER_LINE_SEARCH_LINES or word_count(text) > _PROSE_WORDS:
            break
    return PaperLink(logged.title, "", cited=logged) if logged is not None else cited_heading


# "[@aki1967scaling]", "cite:&aki1967scaling" (Org): a key line, the citation under it.
_KEY_LINE_RE = re.compile(r"^\s*\[@[\w:.\-]+\](?:\s*$|\s*[—–:-]+\s*)")


_QUOTED_LINE_RE = re.compile(r"^\s*>\s?")


def _opening_citation(source: Source, heading: Heading, end: int) -> PaperLink | None:
    """The paper a section's first paragraph cites, when the reference wraps over
    several lines or follows a citation key: "Aki, K. (1967), Scaling law of seismic
    spectrum, J. Geophys. Res., 72(4)," / "1217-1231, doi:…"; under a heading that
    names it by its authors ("Smets & Wouters 2007"), the title and journal alone."""
    keyed = False
    paragraph: list[str] = []
    previous = -1
    for index in source.content_lines(heading.end, end):
        # A reference set as a quote ("> **Title**  " / "> Authors" / "> NeurIPS 2015").
        text = _QUOTED_LINE_RE.sub("", source.lines[index])
        if paragraph and index != previous + 1:
            break  # a blank line ends the paragraph
        if not paragraph and not keyed and (key := _KEY_LINE_RE.match(text)):
            keyed = True
            text = text[key.end() :]  # "[@ruina1983slip] -- Slip instability …"
            if not text.strip():
                continue
        paragraph.append(text.strip())
        previous = index
        if len(paragraph) == 4:
            break
    if not paragraph or not (keyed or len(paragraph) > 1):
        return None
    if _is_list_item(paragraph[0]) or any(line.startswith("|") for line in paragraph):
        return None  # a list's or a table's rows: each stands for itself
    joined = " ".join(paragraph)
    if _LOG_VERB_RE.match(joined) or says_not_read(joined):
        return None  # 'Read "Paxos Made Simple" first …; I have not read that one': prose
    cited = read_citation(joined)
    stated = cited is not None and ((cited.authors and cited.year) or identifier_of(cited))
    # A short title counts beside its authors and year ("The creep of polycrystalline ice").
    if cited is not None and stated and len(cited.title.split()) >= 2:
        return PaperLink(cited.title, "", cited=cited)
    # The names and year are the heading's, or the key's beside it.
    named = keyed or _nicknamed_by_authors(heading.text) or bool(YEAR_RE.search(heading.text))
    titled = read_title_then_journal(paragraph) if named else None
    return PaperLink(titled.title, "", cited=titled) if titled is not None else None


def _cites_another(line: str, heading: Heading) -> bool:
    """Whether a line is a whole citation of a paper other than the heading's: its link
    is that paper's, not the heading's."""
    cited = read_citation(line)
    return (
        cited is not None
        and is_probably_title(cited.title)
        and normalised_heading(cited.title) != normalised_heading(heading.text)
    )


def _cites_one(source: Source, start: int, end: int) -> bool:
    """Whether the lines of a section (past list items) cite one paper at most."""
    titles = set()
    for index in source.content_lines(start, end):
        line = source.lines[index]
        cited = None if _is_list_item(line) else read_logged_citation(line)
        if cited is not None and is_probably_title(cited.title):
            titles.add(normalised_heading(cited.title))
    return len(titles) <= 1


def _with_identifier(paper: PaperRecord, identified: PaperRecord | None) -> PaperRecord:
    if identified is not None and not identifier_of(paper):
        paper.arxiv_id, paper.doi = identified.arxiv_id, identified.doi
        paper.openreview_id = identified.openreview_id
    return paper


_IDENTIFIER_LABELS = frozenset({"doi", "arxiv", "paper", "paper link", "pdf", "url", "link"})


def _labels_an_identifier(text: str) -> bool:
    """ "- **DOI**: https://doi.org/…" under a heading: a fact of the heading's paper,
    not an item of a list of papers (nobody labels each item of a list "DOI")."""
    match = LABEL_LINE_RE.match(text.replace("**", "").replace("__", ""))
    return match is not None and " ".join(match["label"].casefold().split()) in _IDENTIFIER_LABELS


def _sole_citation(source: Source, index: int) -> PaperLink | None:
    heading = source.headings[index]
    lines = list(source.content_lines(heading.end, _next_heading_line(source, index, 7)))
    if not lines or _is_list_item(source.lines[lines[0]]):
        return None
    cited = read_citation(source.lines[lines[0]])
    if cited is None or not (identifier_of(cited) or (cited.authors and cited.year)):
        return None
    others = (read_citation(source.lines[i]) or read_paper_link(source.lines[i]) for i in lines[1:])
    return None if any(others) else _heading_names_it(cited)


def _labelled_paper(source: Source, heading: Heading, end: int) -> PaperRecord | None:
    """The paper a section's opening fields describe ("Title: Toolformer: …", "Authors:
    …", "Arxiv: 2302.04761" — an MDX ``<PaperCard …/>`` as read), under its nickname."""
    first: list[int] = []
    for index in source.content_lines(heading.end, end):
        if first and index != first[-1] + 1:
            break  # the fields are one block
        first.append(index)
    fields = read_labelled_fields(source.lines[i] for i in first[:_PAPER_LINE_SEARCH_LINES])
    title = visible_text(fields.get("title", "")).strip()
    if not is_probably_title(title) or "authors" not in fields:
        return None
    paper = PaperRecord(title=title)
    apply_labelled_fields(paper, fields)
    link = fields.get("link", "").strip()
    add_identifier(paper, link)
    if link and not identifier_of(paper) and not any(is_paper_url(e.url) for e in find_links(link)):
        return None  # Readwise's "## Metadata" of a blog post: "URL: https://…/blog/…"
    return paper


def _heading_names_it(cited: PaperRecord) -> PaperLink:
    """The paper a section opens by citing; its title, unless the citation's "title" is
    its byline ("_Jason Wei, …, Denny Zhou — NeurIPS 2022_ · [arXiv]"): the heading's."""
    if is_byline(cited.title):
        cited.title = ""
    return PaperLink(cited.title, "", cited=cited)


def _identified_citation(source: Source, heading: Heading, end: int) -> PaperLink | None:
    first = next(iter(source.content_lines(heading.end, end)), None)
    if first is None or _is_list_item(source.lines[first]):
        return None
    cited = read_citation(source.lines[first])
    identified = cited is not None and (cited.doi or cited.arxiv_id)
    return PaperLink(cited.title, "", cited=cited) if identified and cited else None


def _cited_heading(heading: Heading) -> PaperLink | None:
    """ "** TODO Freyaldenhoven, Hansen & Shapiro (2019) "Pre-event Trends in the Panel
    Event-Study Design", AER 109(9)": a heading that is a whole citation."""
    cited = read_citation(heading.text)
    if cited is None or not (cited.authors and cited.year):
        return None
    return PaperLink(cited.title, "", cited=cited)


def _identified_heading(heading: Heading) -> PaperLink | None:
    """ "### DDPG = "Continuous control with …" (Lillicrap et al.) — 1509.02971"."""
    identified = read_identified_line(heading.inline)
    return PaperLink(identified.title, "", cited=identified) if identified else None


def _names_its_heading(source: Source, index: int, item_line: int) -> bool:
    """Whether a linked list item names its heading's paper rather than being one of a list.

    It does when it is the only linked item and notes outside the list follow it; a
    category holding one linked item ("## Optimisation / - [Adam](…)") is a list.
    """
    heading = source.headings[index]
    end = _next_heading_line(source, index, heading.level)
    lines = list(source.content_lines(heading.end, end))
    linked = sum(
        1
        for i in lines
        if _is_list_item(source.lines[i])
        and (read_paper_link(source.lines[i]) or read_citation(source.lines[i]))
    )
    notes_after = any(
        i > item_line and not source.lines[i][0].isspace() and not _is_list_item(source.lines[i])
        for i in lines
    )
    return linked == 1 and notes_after


def _is_list_item(text: str) -> bool:
    return bool(LIST_ITEM_RE.match(text))


def _next_heading_line(source: Source, index: int, level: int) -> int:
    """Line of the next heading at ``level`` or shallower after heading ``index``."""
    following = (h.line for h in source.headings[index + 1 :] if h.level <= level)
    return next(following, len(source.lines))


def _layout(
    source: Source,
    links: dict[int, PaperLink | None],
    level: int,
    title: Heading | None,
    recurring: frozenset[str],
) -> Layout:
    """Parts and markers, heading by heading. Papers sit mostly at ``level``; a heading
    with its own paper line at another level is a paper too ("## DQN" beside "## Policy
    gradients" over "### PPO"), and a heading over papers groups them."""
    layout = Layout(parts=[])
    by_links = any(links.values())  # papers named by their own lines, not by headings alone
    # "Things I might read." opening the page: its headings, like its lists, are maybes.
    maybes = lead_says_lists_unread(source)
    inside_until = -1  # the end of the paper part being read: its headings are its own
    for index, heading in enumerate(source.headings):
        if heading.line < inside_until:
            continue
        if names_non_papers(heading.text) and heading.level < level:
            # "* Not papers" over videos and a book chapter: nothing under it is a paper.
            layout.markers.append(heading_marker(heading, "skip"))
            inside_until = _next_heading_line(source, index, heading.level)
            continue
        link = links[heading.line]
        holds = _holds_papers(source, index, links)
        if heading is title:
            layout.markers.append(heading_marker(heading, "title"))
        elif link is not None and not holds and heading.level != level:
            inside_until = _next_heading_line(source, index, heading.level)
            if heading.level < level:
                layout.markers.append(heading_marker(heading, "close"))
            _place_heading(
                source, layout, heading, inside_until, link, heading.level, by_links, maybes
            )
        elif holds and link is None:
            _group_until_its_end(source, layout, index)
        elif heading.level <= level:
            end = _next_heading_line(source, index, level)
            if link is None and _continues_previous_part(layout, heading, recurring):
                _extend_part(source, layout.parts[-1], end)
            else:
                _place_heading(source, layout, heading, end, link, level, by_links, maybes)
            inside_until = end if layout.parts and layout.parts[-1].start == heading.line else -1
    return layout


def _group_until_its_end(source: Source, layout: Layout, index: int) -> None:
    """A heading over papers of its own: they are its section, and what follows it at
    its level is not."""
    heading = source.headings[index]
    layout.markers.append(heading_marker(heading, "group"))
    end = _next_heading_line(source, index, heading.level)
    if end < len(source.lines):
        layout.markers.append(Marker(end, "close", heading.text, heading.level, end))


def _holds_papers(source: Source, index: int, links: dict[int, PaperLink | None]) -> bool:
    end = _next_heading_line(source, index, source.headings[index].level)
    return any(links[h.line] for h in source.headings[index + 1 :] if h.line < end)


def _continues_previous_part(layout: Layout, heading: Heading, recurring: frozenset[str]) -> bool:
    """ "## Results" right after a paper's part is more of its notes, never a paper."""
    return (
        bool(layout.parts)
        and layout.parts[-1].end == heading.line
        and is_section_label(heading.text, recurring)
        and not is_boilerplate_heading(heading.text)
    )


_TITLE_HEADING_EVIDENCE = "a heading that reads like a paper title"
_LINK_EVIDENCE = "a paper link under its heading"
LISTED_CITATION_EVIDENCE = "a citation in a list under a heading"
_LABELLED_EVIDENCE = "a citation labelled as the paper (“Paper:”) under its heading"
# "**Paper:** Card, David …", "**Paper 2:** Sun, Liyang …", "The paper: …".
_PAPER_LABEL_RE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:the )?paper(?:\s+\d{1,2})?\s*:?(?:\*\*|__)?\s*:?\s+"
    r"(?P<citation>\S.{20,})$",
    re.IGNORECASE,
)


def _labelled_citation(line: str) -> PaperRecord | None:
    """The paper a line labels as the post's own ("**Paper 2:** Sun, Liyang …"), if any."""
    match = _PAPER_LABEL_RE.match(line)
    cited = read_citation(match["citation"]) if match else None
    return cited if cited is not None and cited.authors and not says_not_read(line) else None


def _labelled_citations(source: Source, start: int, end: int) -> list[PaperRecord]:
    """The citations a section labels as its papers, on lines of their own."""
    return [cited for line in source.lines[start:end] if (cited := _labelled_citation(line))]


_ITEM_LINE_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")


def _links_other_notes(source: Source, start: int, end: int) -> bool:
    """Whether a section is a list whose items mostly open with a link to another note."""
    items = [line for line in source.lines[start:end] if _ITEM_LINE_RE.match(line)]
    prose = [ln for ln in source.lines[start:end] if ln.strip() and not _ITEM_LINE_RE.match(ln)]
    linked = sum(1 for line in items if _NOTE_ITEM_RE.match(line))
    return linked >= 2 and linked * 2 > len(items) and len(prose) <= len(items)


_MOSTLY_CODE_SHARE = 0.6


def _mostly_code(source: Source, start: int, end: int) -> bool:
    """Whether a section is mostly code blocks, a line or two of prose around them."""
    code = sum(
        node.map[1] - node.map[0]
        for node in source.tree.children
        if node.type in ("fence", "code_block") and node.map and start <= node.map[0] < end
    )
    text = sum(1 for line in source.lines[start:end] if line.strip())
    return code > 0 and code >= _MOSTLY_CODE_SHARE * text


def _extend_part(source: Source, part: Part, end: int) -> None:
    opening = next(h for h in source.headings if h.line == part.start)
    part.end = end
    heading = part.summary.heading if part.summary else opening.text
    part.summary = make_summary(source.text(opening.end, end), heading)


def _place_heading(
    source: Source,
    layout: Layout,
    heading: Heading,
    end: int,
    link: PaperLink | None,
    level: int,
    by_links: bool,
    maybes: bool,
) -> None:
    """``maybes``: the page's lead says what it holds is not read yet."""
    has_text = source.has_text(heading.end, end)
    put_off = maybes or names_unread(heading.text) or names_non_papers(heading.text)
    if _marked_to_read(source, heading, end) or says_not_read(heading.text) or put_off:
        # "** TODO Octo + OpenVLA papers :toread:", "GMTKN55 (2017) -- should read": an
        # entry for later, no paper read.
        layout.markers.append(heading_marker(heading, "skip"))
        return
    if link is None:
        # (a lead saying its lists are not read yet — "None of these have notes yet" —
        # put every heading off above)
        listed = _listed_papers(source, heading) if _may_list_papers(heading) else []
        if not listed and is_boilerplate_heading(heading.text):
            layout.markers.append(heading_marker(heading, "skip"))
            return
        if listed:
            _group_until_its_end(source, layout, source.headings.index(heading))
            layout.parts += listed
            return
        if heading.level < level or is_sequence_heading(heading.text):
            layout.markers.append(heading_marker(heading, "group"))
            return
        if not has_text and (
            by_links
            or not is_probably_title(heading.text)
            or opens_in_lower_case(heading.text)
            or reads_as_a_chore(heading.text)
        ):
            # Empty: nothing is lost. Where papers have their own lines, an empty heading
            # is a to-do ("Book room 4.12"), not a paper; so is "email Ruiz re: exam".
            layout.markers.append(heading_marker(heading, "skip"))
            return
    elif heading.level < level:
        layout.markers.append(heading_marker(heading, "group"))
        return
    elif contenders := _cited_paragraphs(source, heading.end, end):
        # "## The contenders" over two papers' citations, each a paragraph with its link
        _group_until_its_end(source, layout, source.headings.index(heading))
        layout.parts += contenders
        return
    labelled = _labelled_citations(source, heading.end, end)
    if labelled and (link is None or not is_paper_url(link.url)):
        # A post titled for its readers ("Card & Krueger (1994) at thirty") whose text says
        # "**Paper:** Card, David and Alan B. Krueger (1994). “Minimum Wages …”", or
        # "Paper 1:" and "Paper 2:": the labelled citations name the papers.
        summary = make_summary(source.text(heading.end, end), heading.text)
        for cited in labelled:
            layout.parts.append(
                Part(heading.line, end, cited, summary, evidence=_LABELLED_EVIDENCE)
            )
        return
    if link is None and _links_other_notes(source, heading.end, end):
        # A map of content: "## 3. Staggered timing" over "- [[Goodman-Bacon 2021 …]]".
        layout.markers.append(heading_marker(heading, "group"))
        return
    # "## Get stuff from the Materials Project" over a Python snippet: a how-to's step.
    snippet = link is None and _mostly_code(source, heading.end, end)
    paper = None if snippet else _paper_for(source, heading, end, link)
    if paper is None:
        layout.warnings.append(
            ImportWarning(
                source.path,
                heading.line + 1,
                f"“{heading.text}” names no paper (no title or link line): "
                "kept its summary without a paper",
            )
        )
    summary = make_summary(source.text(heading.end, end), heading.text)
    evidence = (
        _LINK_EVIDENCE if link is not None else _TITLE_HEADING_EVIDENCE if paper is not None else ""
    )
    layout.parts.append(Part(heading.line, end, paper, summary, evidence=evidence))


# "## Overview" over the papers a note covers lists them; "## References" lists what
# the papers cite, and a to-read list what nobody has read yet.
_OVER_ITS_PAPERS = frozenset({"overview", "introduction", "intro", "about", "contents"})


def _may_list_papers(heading: Heading) -> bool:
    if not is_boilerplate_heading(heading.text):
        return True
    return strip_decoration(heading.text).casefold().rstrip(".:") in _OVER_ITS_PAPERS


def _listed_papers(source: Source, heading: Heading) -> list[Part]:
    """ "## Prioritized replay + dueling" over a list citing two papers: both, each an
    entry of the heading's section. Fewer than two cited items is a list of notes."""
    end = next((h.line for h in source.headings if h.line > heading.line), len(source.lines))
    items: list[list[int]] = []
    for line in source.content_lines(heading.end, end):
        text = source.lines[line]
        if _is_list_item(text) and not text[:1].isspace():
            items.append([line])
        elif items and text[:1].isspace():
            items[-1].append(line)
        elif items:
            break  # the list ended: what follows is notes on the papers above
    parts = []
    for item in items:
        text = " ".join(source.lines[i].strip() for i in item)
        paper = read_citation(text) or read_identified_line(text)
        if paper is not None and paper.title:
            evidence = LISTED_CITATION_EVIDENCE
            parts.append(Part(item[0], item[-1] + 1, paper, None, evidence=evidence))
    return parts if len(parts) >= 2 else _cited_paragraphs(source, heading.end, end)


_MAX_CITATION_LINES = 3
_LABEL_WORDS = 3


def _cited_paragraphs(source: Source, start: int, end: int) -> list[Part]:
    """ "## The contenders" over "**DeepFM: A Factorization-Machine …**" / "Huifeng Guo, …
    IJCAI 2017. arXiv:1703.04247", then the same for DCN: short paragraphs that each cite
    a paper by its title, authors and year or identifier, two at least."""
    paragraphs: list[list[int]] = [[]]
    for line in range(start, end):
        if source.lines[line].strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    parts = []
    for lines in (p for p in paragraphs if p):
        texts = [source.lines[i] for i in lines]
        if len(lines) == 1 and _BOLD_TITLE_LINE_RE.match(texts[0]):
            continue  # "**① MoCo**": a label over the citation
        if len(lines) > _MAX_CITATION_LINES or _is_list_item(texts[0]):
            break  # the notes begin
        paper = read_citation(" ".join(t.strip() for t in texts)) or read_title_over_authors(texts)
        if paper is None or not paper.authors or not (paper.year or identifier_of(paper)):
            break
        label, dash, rest = paper.title.partition(" — ")
        if dash and len(label.split()) <= _LABEL_WORDS and is_probably_title(rest):
            paper.title = rest  # "Left corner — DeepFM: …": the post's label, then the title
        parts.append(Part(lines[0], lines[-1] + 1, paper, None, evidence=LISTED_CITATION_EVIDENCE))
    return parts if len(parts) >= 2 else []


def _titled_part(name: str) -> str:
    """ "Shafer & Vovk (2008) — A Tutorial on Conformal Prediction": the title, without
    the names and year a heading cites it by (either side of the dash)."""
    parts = _DASH_RE.split(name)
    if len(parts) != 2:
        return name
    for cited, title in (parts, parts[::-1]):
        if _AUTHORS_AND_YEAR_RE.search(cited) and not is_probably_title(cited):
            return title if len(title.split()) >= 2 else name
    return name


_DASH_RE = re.compile(r"\s+[—–-]{1,2}\s+")
# Who and when a heading cites a paper by: "Shafer & Vovk (2008)", "Lei et al.".
_AUTHORS_AND_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b|\bet\s+al\b|[A-Z][\w'’]+\s*(?:&|,|\band\b)")


# "Stranks et al. — diffusion lengths > 1 µm", "Kojima 2009 — where it started",
# "Attanasio et al. – Mongolia": who and when, then the person's nickname for the paper.
_SURNAME = r"[A-ZÀ-Þ][\w'’]+(?:-[A-ZÀ-Þ][\w'’]+)?"
_CITED_BY_AUTHORS_RE = re.compile(
    rf"^{_SURNAME}(?P<who>\s+et\s+al\.?|\s*(?:&|\band\b)\s*{_SURNAME})?,?\s*"
    r"(?P<year>\(?(?:19|20)\d{2}[a-z]?\)?)?\s*(?:[—–:-]\s*|$)"
)
_TITLE_WORDS = 4  # a nickname is shorter; a title after the names is longer


def _nicknamed_by_authors(heading: str) -> bool:
    """Whether a heading names its paper by who wrote it and a nickname, not its title."""
    cited = _CITED_BY_AUTHORS_RE.match(heading.strip())
    if cited is None or not (cited["who"] or cited["year"]):
        return False
    rest = heading.strip()[cited.end() :]
    return not rest or word_count(rest) < _TITLE_WORDS or not rest[0].isupper()


def _paper_for(
    source: Source, heading: Heading, end: int, link: PaperLink | None
) -> PaperRecord | None:
    name = without_numbering(heading.text)
    logged_title = bool(_LOG_VERB_RE.match(heading.text))
    cited = read_citation(name) or read_logged_citation(name)
    if cited is not None and cited.authors and is_probably_title(cited.title):
        name = cited.title  # "## 1. Bartlett, Long, Lugosi & Tsigler — *Benign overfitting …*"
    cleaned, stated_year = clean_title(name)
    name = _titled_part(cleaned or name)
    if link is not None and link.cited is not None:
        paper = link.cited
        if is_citation_remnant(paper.title) or (cited and not is_probably_title(paper.title)):
            paper.title = ""  # "Nature 477, 457–461" under "# Antibiotic resistance is ancient"
        paper.title = paper.title or title_part(name) or name  # the heading names it
    elif link is not None and (link.title or name):
        # "Ho, Jain, Abbeel · NeurIPS 2020 · [arXiv](…)" under a titled heading: authors,
        # not the title, stand before the link.
        # "### Shafer & Vovk (2008) — A Tutorial on …" over "JMLR 9:371–421. [arxiv](…)":
        # the heading is the better title when the words before the link are none.
        # "Read Kalman 1960 for the group" names what was done, not the paper.
        named = (is_probably_title(name) and not logged_title) or not is_probably_title(link.title)
        # "doi:[10.1073/pnas.1907378117](…)" under "## Bartlett et al. — *Benign …*": an
        # identifier as the link's text is no title.
        bare_id = len(link.title.split()) <= 2 and identify(link.title) is not None
        remnant = is_citation_remnant(link.title) or bare_id
        named = named or remnant
        title = name if named and (remnant or not link.titled_by_text) else link.title
        paper = paper_from_link(title or name, link.url, link.other_urls)
        paper.venue, paper.year = tail_metadata(link.after)
    elif is_probably_title(name) and not _nicknamed_by_authors(cleaned or heading.text):
        paper = PaperRecord(title=name)
    else:
        return None  # a short name ("VQ VAE 2") is not a title we may merge on
    paper.year = paper.year or stated_year or (cited.year if cited else None)
    if cited and not paper.authors and paper.title == cited.title:
        paper.authors = cited.authors  # the heading's citation says who wrote it
    first_lines = list(source.content_lines(heading.end, end))[:_PAPER_LINE_SEARCH_LINES]
    bold = _BOLD_TITLE_LINE_RE.match(source.lines[first_lines[0]]) if first_lines else None
    if bold and link is None and _CITED_NAME_RE.search(name) and is_probably_title(bold[1]):
        # "## Tobin et al., IROS 2017" over "**Domain Randomization for …**": who and
        # where head the section, the bold line under it is the paper's title.
        paper.title = bold[1].strip()
    if not is_probably_title(paper.title) or logged_title:
        # "## Read ANYmal paper" with its DOI, then the title on a line of its own; a
        # title taken from a whole log line ("Tobin et al. 2017, IROS — *Domain …*").
        _take_logged_title(paper, [paper.title, *(source.lines[i] for i in first_lines)])
    apply_labelled_fields(paper, read_labelled_fields(source.lines[i] for i in first_lines))
    return paper


_BOLD_TITLE_LINE_RE = re.compile(r"^\s*\*\*([^*]{8,300})\*\*\s*$")
# "Tobin et al., IROS 2017", "Peng et al. 2018": a heading naming a paper by who and when.
_CITED_NAME_RE = re.compile(r"\bet al\b|\b(?:19|20)\d{2}\b")


def _marked_to_read(source: Source, heading: Heading, end: int) -> bool:
    """A section whose own tags or status say it is still to be read."""
    first = list(source.content_lines(heading.end, end))[:_PAPER_LINE_SEARCH_LINES]
    fields = read_labelled_fields(source.lines[i] for i in first)
    tags = re.split(r"[,;\s]+", f"{fields.get('keywords', '')} {fields.get('topics', '')}")
    notes = " ".join(
        source.lines[i]
        for i in source.content_lines(heading.end, end)
        if not LABEL_LINE_RE.match(source.lines[i])  # "Status: to read" is no note
    )
    return any(marks_unread(tag) for tag in tags if tag) or status_says_unread(
        fields.get("status", ""), notes
    )


# A reading log's entry says what was done with the paper before naming it.
_LOG_VERB_RE = re.compile(r"^(?:read|re-?read|finished|reading notes?:)\s+(?=\S)", re.IGNORECASE)


def _take_logged_title(paper: PaperRecord, lines: list[str]) -> None:
    for line in lines:
        cited = read_logged_citation(line)
        if cited is not None:
            paper.title = cited.title
            paper.authors = paper.authors or cited.authors
            paper.year = paper.year or cited.year
            paper.venue = paper.venue or cited.venue
            return
