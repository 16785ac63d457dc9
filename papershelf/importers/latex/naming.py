"""What names the paper a deck (or one of its sections) presents.

Most surely first: a key its title or subtitle cites; a frame titled "Paper", "The
paper", "Reference"… that cites keys or gives a hand-typed reference; a title and a
subtitle that are the paper's title and its "Author et al. Year, Venue" (either way
round); a subtitle that is a whole reference; a reference with its DOI or link, or a
citation, that the first frame opens with; the key cited on more frames than any other
(on two at least); a subtitle that reads like a paper's title. A deck's title alone
is its session's name ("Journal club, 14 March"), never taken for a paper's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from papershelf.importers.notes.citations import (
    read_citation,
    read_identified_line,
    read_title_over_authors,
    read_title_over_venue,
)
from papershelf.importers.notes.links import add_identifier, add_link, find_links, is_paper_url
from papershelf.importers.notes.metadata import (
    apply_labelled_fields,
    identifier_of,
    read_labelled_fields,
)
from papershelf.importers.notes.single import clean_title
from papershelf.importers.records import PaperRecord
from papershelf.lib.titles import is_probably_title

# "Paper", "The paper", "Today's paper", "Papers", "Paper 1: …", "Reference", "Article".
_PAPER_FRAME_RE = re.compile(
    r"^(?:the |today'?s |this week'?s |our |presented )?"
    r"(?:papers?|articles?|references?|citation|study|publication)\b(?:\s*\d)?\s*(?:[:—–\-]|$)",
    re.I,
)
_LEAD_KEY_RE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*[^*\n]{1,30}\*\*:?\s*)?\[@(?P<key>[\w\-:.]*[\w\-])(?:,[^\]]*)?\]"
)
_LIST_MARK_RE = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_LABEL_RE = re.compile(r"^\s*(?:paper|reference|citation|source)\s*:\s*", re.I)
_LEAD_IN_RE = re.compile(r"^[^:]{3,80}:\s+(?=[A-Z])")
_IDENTIFIED_RE = re.compile(r"\bdoi\b|10\.\d{4,9}/|https?://|arxiv", re.I)
_SURNAME = r"(?:(?:van|von|de|der|den|du|da|di|la|le)\s+)*[A-Z][\w'’\-]+"
# "Cardinale et al. 2012, Nature 486: 59–67", "Tilman, Wedin & Knops (1996)": who and when.
# "Vaswani et al., NeurIPS 2017" too.
_AUTHOR_YEAR_RE = re.compile(
    rf"^(?P<authors>{_SURNAME}(?:(?:\s*,\s*|\s+(?:and|&)\s+){_SURNAME})*(?:\s+et\s+al\.?)?)"
    r"\s*[,.]?\s*(?:(?P<before>[A-Z][^\d()\[\],]{1,50}?)\s*,?\s+)?"
    r"[(\[]?(?P<year>(?:19|20)\d\d)[a-z]?[)\]]?"
    r"(?:\s*[,;:.–—\-]?\s*(?P<venue>[^\d\s].*?))?\s*$"
)
_AUTHORS = rf"(?P<authors>{_SURNAME}(?:(?:\s*,\s*|\s+(?:and|&)\s+){_SURNAME})*(?:\s+et\s+al\.?)?)"
# "He et al. 2016: Deep Residual Learning …", "Srivastava et al. (2014) Dropout: …".
_AUTHOR_YEAR_TITLE_RE = re.compile(
    rf"^{_AUTHORS}\s*,?\s*[(\[]?(?P<year>(?:19|20)\d\d)[a-z]?[)\]]?\s*[:.,–—\-]*\s*(?P<title>\S.+)$"
)
_IDENTIFIER_TOKEN_RE = re.compile(
    r"\barxiv:\s*\d{4}\.\d{4,5}(?:v\d+)?|\b10\.\d{4,9}/[^\s<>\]),;]+", re.I
)
_MAX_PAPERS_OF_A_DECK = 3
_MIN_FRAMES_CITING = 2
_DOMINANT_SHARE = 0.25
# A course's slides, which cite papers and present none.
_TEACHING_RE = re.compile(
    r"\b(?:lecture|course|tutorial|lesson|module|syllabus|class|exercises?|homework)\b", re.I
)


@dataclass
class Frame:
    heading: str
    level: int
    line: int  # 0-based .tex line
    body: list[str] = field(default_factory=list)  # its heading line first

    def has_text(self) -> bool:
        return bool(text_lines(self.body[1:] if self.heading else self.body))


@dataclass
class Named:
    paper: PaperRecord | None = None
    key: str = ""
    evidence: str = ""

    def names_a_paper(self) -> bool:
        return self.paper is not None or bool(self.key)


def name_paper(frames: list[Frame], title: str, subtitle: str) -> list[Named]:
    """The papers of a whole deck: one, a few on a "Papers" frame, or none."""
    keys = cited_keys(f"{title}\n{subtitle}")
    if 0 < len(keys) <= _MAX_PAPERS_OF_A_DECK:
        return [Named(key=key, evidence=f"cites {key} in its title") for key in keys]
    on_frame = _paper_frames(frames)
    if on_frame:
        return on_frame
    labelled = _titled_by_label(title, subtitle) or _titled_by_label(subtitle, title)
    if labelled is not None:
        _take_link(labelled, frames)
        return [Named(paper=labelled, evidence="its title and its subtitle's authors and year")]
    if subtitle:
        paper = read_reference([subtitle], identified_only=False)
        if paper is not None:
            return [Named(paper=paper, evidence="the reference its subtitle gives")]
    if _TEACHING_RE.search(title):
        # "Lecture 5: Policy gradients": a course's slides cite papers, and present none.
        return []
    found = _opening_or_dominant(frames)
    if found.names_a_paper():
        return [found]
    title_words, year = clean_title(subtitle)
    if _reads_as_title(title_words):
        paper = PaperRecord(title=title_words, year=year)
        _take_link(paper, frames)
        return [Named(paper=paper, evidence="the deck's subtitle")]
    return []


def name_section(frames: list[Frame]) -> Named:
    """The paper of one section of a deck: cited in its title, on its "Paper" frame,
    at its opening, or on most of its frames."""
    heading = frames[0].heading if frames else ""
    keys = cited_keys(heading)
    if len(keys) == 1:
        return Named(key=keys[0], evidence=f"its section “{heading}” cites {keys[0]}")
    on_frame = _paper_frames(frames)
    if len(on_frame) == 1:
        return on_frame[0]
    return _opening_or_dominant(frames)


def _paper_frames(frames: list[Frame]) -> list[Named]:
    """What a frame titled "Paper", "The paper", "Papers"… names: each of its paragraphs
    or items a paper, by the key it cites or the reference it gives ("Plus the follow-up:
    Tilman et al. (2001) …"). More than three is a reading list, not the talk's papers."""
    for frame in frames:
        if not _PAPER_FRAME_RE.match(frame.heading):
            continue
        where = f"the “{frame.heading}” frame"
        # "Paper: \\citetitle{vaswani2017}": the frame's title may cite it.
        keys = cited_keys(frame.heading)
        named = [Named(key=key, evidence=f"{where} cites {key}") for key in keys]
        for block in _blocks(frame.body[1:]):
            keys = cited_keys("\n".join(block))
            named += [Named(key=key, evidence=f"{where} cites {key}") for key in keys]
            paper = None if keys else read_reference(block, identified_only=False)
            if paper is not None:
                named.append(Named(paper=paper, evidence=f"the reference on {where}"))
        named = _distinct(named)
        if 0 < len(named) <= _MAX_PAPERS_OF_A_DECK:
            return named
    return []


def _blocks(body: list[str]) -> list[list[str]]:
    """A frame's paragraphs, each item of a list apart."""
    blocks: list[list[str]] = [[]]
    for line in body:
        if not line.strip() or _LIST_MARK_RE.match(line):
            blocks.append([])
        if line.strip():
            blocks[-1].append(line)
    return [block for block in blocks if block]


def _distinct(named: list[Named]) -> list[Named]:
    seen: set[str] = set()
    kept: list[Named] = []
    for one in named:
        mark = one.key or (one.paper.title.casefold() if one.paper else "")
        if mark not in seen:
            seen.add(mark)
            kept.append(one)
    return kept


def _opening_or_dominant(frames: list[Frame]) -> Named:
    opening = next((frame for frame in frames if frame.has_text()), None)
    if opening is not None:
        found = _from_opening(opening)
        if found is not None:
            return found
    dominant = _dominant_key(frames)
    if dominant:
        return Named(key=dominant, evidence=f"cites {dominant} on more frames than any other")
    return Named()


def _from_opening(frame: Frame) -> Named | None:
    """The first frame's first paragraph: a reference with its authors and its DOI or
    link, or a line that opens by citing one key (``\\fullcite{tilman1996}``)."""
    paragraph = _first_paragraph(frame.body[1:] if frame.heading else frame.body)
    if not paragraph:
        return None
    lead = _LEAD_KEY_RE.match(paragraph[0])
    if lead is not None and len(cited_keys("\n".join(paragraph))) == 1:
        return Named(key=lead["key"], evidence=f"its first frame opens by citing {lead['key']}")
    paper = read_reference(paragraph, identified_only=True)
    if paper is not None and paper.authors:
        return Named(paper=paper, evidence="the reference its first frame opens with")
    return None


def read_reference(lines: list[str], *, identified_only: bool) -> PaperRecord | None:
    """The paper hand-typed lines give, as a reference ("Tilman D, Wedin D, Knops J
    (1996) Productivity and sustainability … Nature 379:718–720. doi:…") or as labelled
    fields ("Title: …", "DOI: …"): with its identifier, or (unless ``identified_only``)
    its authors and year. None for any other text."""
    fields = read_labelled_fields(lines)
    if fields.get("title"):
        paper = PaperRecord(title=_plain(fields["title"]))
        apply_labelled_fields(paper, fields)
        for value in f"{fields.get('link', '')} {fields.get('more_links', '')}".split():
            add_identifier(paper, value.strip("<>()"))
        if identifier_of(paper) or paper.authors:
            return paper
    cleaned = [_plain(_LABEL_RE.sub("", _LIST_MARK_RE.sub("", line))).strip() for line in lines]
    cleaned = [line for line in cleaned if line]
    joined = " ".join(cleaned)
    if not cleaned or (identified_only and not _IDENTIFIED_RE.search(joined)):
        return None
    # A title over its authors' line reads surest as lines; a reference run on, joined.
    candidates = (
        *(
            (read_title_over_authors(cleaned), read_title_over_venue(cleaned))
            if len(cleaned) > 1
            else ()
        ),
        read_citation(joined),
        read_identified_line(joined),
    )
    for paper in candidates:
        if paper is None or not paper.title or not is_probably_title(paper.title):
            continue
        if identifier_of(paper) or (paper.authors and paper.year and not identified_only):
            return paper
    lead_in = _LEAD_IN_RE.match(joined)
    if lead_in is not None:
        # "Plus the long-term follow-up, briefly: Tilman, Reich … (2001) …".
        return read_reference([joined[lead_in.end() :]], identified_only=identified_only)
    return None


def split_heading(heading: str) -> PaperRecord | None:
    """A section titled "He et al. 2016: Deep Residual Learning for Image Recognition":
    the paper's title, with who wrote it when."""
    found = _AUTHOR_YEAR_TITLE_RE.match(heading.strip())
    if found is None or not is_probably_title(found["title"]) or len(found["title"].split()) < 3:
        return None
    return PaperRecord(
        title=found["title"].strip(), authors=_surnames(found["authors"]), year=int(found["year"])
    )


def _surnames(authors: str) -> list[str]:
    return re.split(r"\s*,\s*|\s+(?:and|&)\s+", re.sub(r"\s+et\s+al\.?$", "", authors))


def _titled_by_label(title: str, label: str) -> PaperRecord | None:
    """``\\title{Biodiversity loss and its impact on humanity}`` over ``\\subtitle{Cardinale
    et al. 2012, Nature 486: 59–67}``: the paper's title, and who wrote it when."""
    found = _AUTHOR_YEAR_RE.match(_plain(label).strip())
    words, _ = clean_title(title)
    if found is None or not is_probably_title(words) or len(words.split()) < 3:
        return None
    names = _surnames(found["authors"])
    venue = re.sub(r"\s+\d.*$", "", found["venue"] or found["before"] or "").strip(" ,.")
    return PaperRecord(title=words, authors=names, year=int(found["year"]), venue=venue)


def _take_link(paper: PaperRecord, frames: list[Frame]) -> None:
    """The paper's own link on the first frame with text ("Link: <https://…>"), when it
    gives one alone."""
    opening = next((frame for frame in frames if frame.has_text()), None)
    if opening is None:
        return
    text = "\n".join(opening.body)
    urls = {link.url for link in find_links(text) if is_paper_url(link.url)}
    if len(urls) == 1:
        add_link(paper, urls.pop())
    written = {match[0].rstrip(".") for match in _IDENTIFIER_TOKEN_RE.finditer(text)}
    if not urls and len(written) == 1:
        add_identifier(paper, written.pop())  # "arXiv:1706.03762" under the title


def _reads_as_title(words: str) -> bool:
    """A subtitle that is a paper's title, not who wrote it when ("Vaswani et al. 2017")."""
    if _AUTHOR_YEAR_RE.match(words) or re.search(r"\bet al\b|\b(?:19|20)\d\d\b", words):
        return False
    return is_probably_title(words) and len(words.split()) >= 4


def _dominant_key(frames: list[Frame]) -> str:
    """The key cited on more frames than any other, on two at least and on a quarter of
    the frames with text: a talk returns to its paper, a long lecture cites in passing."""
    counts = Counter(key for frame in frames for key in set(cited_keys("\n".join(frame.body))))
    ranked = counts.most_common(2)
    with_text = sum(frame.has_text() for frame in frames)
    if not ranked or ranked[0][1] < max(_MIN_FRAMES_CITING, with_text * _DOMINANT_SHARE):
        return ""
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return ""
    return ranked[0][0]


def cited_keys(text: str) -> list[str]:
    """The distinct keys ``text`` cites, in order: ``[@a; @b]`` cites both."""
    keys: list[str] = []
    for citation in re.finditer(r"\[[^\[\]]*@[^\[\]]*\]", text):
        for key in re.findall(r"-?@([\w\-:.]*[\w\-])", citation[0]):
            keys += [] if key in keys else [key]
    return keys


def _first_paragraph(body: list[str]) -> list[str]:
    paragraph: list[str] = []
    for line in body:
        if not line.strip():
            if paragraph:
                break
            continue
        paragraph.append(line)
    return paragraph


def text_lines(body: list[str]) -> list[str]:
    return [line for line in body if line.strip() and not line.startswith("#")]


def _plain(text: str) -> str:
    """A reference as typed, without the Markdown its fonts became: "*et al.*" read as
    "et al.", "<https://…>" as the address."""
    text = re.sub(r"\[([^\]]*)\]\((\S+?)\)", r"\1 \2", text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    return re.sub(r"(?<!\\)\*+", "", text)
