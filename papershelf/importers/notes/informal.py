"""A paper as a log entry names it under its heading: a title set off, and a few facts.

Reading logs, diaries and quick notes cite the paper they are about loosely, not in a
citation style: ``Hart, Nilsson & Raphael 1968 — "A Formal Basis for …", IEEE Trans.
SSC 4(2).``, ``*Probabilistic roadmaps for …*, IEEE T-RA 12(4)``, a quoted title on a
line of its own, or ``Mur-Artal, Montiel & Tardós, T-RO 2015. ORB-SLAM: a Versatile
and Accurate Monocular SLAM System.`` Read only where such a line opens the notes on
one paper: under a heading that does not name it (``headings``, when the section cites
no other), at the head of a list of notes (``lists``), or below a nickname that titles a
page (``single``). Elsewhere the same shapes are passing mentions.
"""

from __future__ import annotations

import re

from papershelf.importers.notes.citations import is_link_word, names_only, says_not_read
from papershelf.importers.notes.text import YEAR_RE, visible_text
from papershelf.importers.records import PaperRecord
from papershelf.lib.titles import is_probably_title

# A title set off by quotes or emphasis (Markdown's *…* / _…_, Org's /…/ converted).
TITLE_SPAN_RE = re.compile(
    r"[“\"](?P<quoted>[^”\"\n]{8,300})[”\"]"
    r"|(?<![*\w])(?P<mark>[*_]{1,2})(?P<emphasised>[^*_\n]{8,300}?)(?P=mark)(?![*\w])"
)
_SURNAME = r"[A-ZÀ-Þ][\w'’]+(?:-[A-ZÀ-Þ][\w'’]+)?"
_NAMES = rf"{_SURNAME}(?:\s*(?:,|&|\band\b)\s*{_SURNAME})*(?:,?\s+et\s+al\.?)?"
# Names, then the year, a comma or a dash ("Journal of Democracy" names nobody).
_NAMES_RE = re.compile(
    rf"^(?P<names>{_NAMES})"
    r"(?=\s*$|\s*[,—–(-]|\s+\(?(?:19|20)\d{2})"
)
_SEVERAL_NAMES_RE = re.compile(r",|&|\band\b|\bet al\b")
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|&|\band\b)\s*")
# "Mur-Artal, Montiel & Tardós, T-RO 2015. ORB-SLAM: a Versatile … System."
# "Ishii & Ullmer, CHI ’97. Tangible Bits: Towards …. ACM DL": two digits name a year.
_YEAR = r"(?:(?:19|20)\d{2}|[’']\d{2})"
_NAMES_VENUE_YEAR_TITLE_RE = re.compile(
    rf"^(?P<names>{_NAMES}),\s+"
    rf"(?P<venue>[^.,]{{1,40}}?)\s+(?P<year>{_YEAR})\.\s+(?P<title>[^.]{{10,300}})"
    r"(?:\.\s+[^.]{0,30})?\.?$"
)
# "Hutchins, Hollan & Norman 1985 – Title (venue)", "Greenberg & Buxton – Title, CHI 2008."
_NAMES_YEAR_DASH_TITLE_RE = re.compile(
    rf"^(?P<names>{_NAMES}),?\s+"
    r"(?:\(?(?P<year>(?:19|20)\d{2})\)?(?:\s*\([^()]{1,30}\))?\s+)?[—–-]\s+"
    r"(?P<title>[^\[\]]{10,300})$"
)
# What follows a title on a log line: "(CHI ’06)", ", CHI 2008.", ". IEEE Xplore".
_TITLE_TAILS = (
    re.compile(r"\s*\((?P<tail>(?:[^()]|\([^()]*\))*)\)[\s(.]*$"),
    re.compile(r",\s+(?P<tail>[^,]*)$"),
    re.compile(r"\.\s+(?P<tail>[^.]*)$"),
)
# "to read next week", "read it later": an entry for later, not one read.
_TO_READ_RE = re.compile(r"\bto[- ]read\b|\bread (?:it |this )?(?:next|later)\b", re.IGNORECASE)
_DASH_RE = re.compile(r"\s+[—–-]\s+")
_LEAD_LINK_RE = re.compile(r"^\[(?P<text>[^\]]{10,300})\]\((?:https?://|<https?://)[^)]*\)")
_LINK_DEFINITION_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s")
_LIST_MARK_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_DOUBLE_BRACKET_LINK_RE = re.compile(r"\[\[([^\]]*)\]\]\((?!#)")
_LINK_RE = re.compile(
    r"\[\[?[^\]]*\]?\]\(#[^)]*\)|"  # "[[a]](#cmnt1)": a comment's or footnote's mark
    r"\[([^\]]*)\]\([^)]*\)|<?https?://\S+>?|\b10\.\d{4,9}/\S+|\b(?:doi|arxiv|pdf|url)\b:?",
    re.IGNORECASE,
)
_DASHES = " \t—–-,;:.()"
_MAX_VENUE_WORDS = 12
_MIN_TITLE_WORDS = 2


def read_logged_citation(text: str) -> PaperRecord | None:
    """The paper a log entry's opening line names, or None for any other line."""
    # A link keeps its words, unless they are only its address; "[[pdf]](…)" is "[pdf](…)".
    text = _DOUBLE_BRACKET_LINK_RE.sub(r"[\1](", text)
    line = _LINK_RE.sub(lambda m: _link_words(m[1] or ""), text).strip()
    if _LIST_MARK_RE.match(text) or _LINK_DEFINITION_RE.match(text) or not line:
        return None  # a list item is notes; '[shor-1994]: ../x.md "Shor …"' a link's target
    if says_not_read(line) or _TO_READ_RE.search(line):
        return None
    dashed = _NAMES_YEAR_DASH_TITLE_RE.match(visible_text(line))
    title = _without_tail(_DASH_RE.split(dashed["title"])[0]) if dashed else ""
    if title[:1].islower() and ". " in title:
        title = title.split(". ", 1)[1]  # "the ART paper. The aligned rank transform …"
    year = YEAR_RE.search(line)
    # Names and a year vouch for a short title: "Dourish 2006 – Implications for design".
    titled = is_probably_title(title) or (
        len(title.split()) >= _MIN_TITLE_WORDS and title[:1].isupper()
    )
    if dashed and year and not TITLE_SPAN_RE.search(title) and titled:
        # "[Chi et al. 2023 (RSS)](arXiv) — Diffusion Policy: Visuomotor Policy …"
        return PaperRecord(title=title, authors=_names(dashed["names"]), year=int(year[1]))
    lead = _LEAD_LINK_RE.match(text.strip())
    if lead and is_probably_title(lead["text"]):
        return PaperRecord(title=lead["text"].strip())  # "[A New Approach to …](doi) (J…)"
    match = _NAMES_VENUE_YEAR_TITLE_RE.match(visible_text(line))
    if match and is_probably_title(match["title"]):
        return PaperRecord(
            title=match["title"].strip(),
            authors=_names(match["names"]),
            year=_full_year(match["year"]),
            venue=match["venue"].strip(),
        )
    # Not "**Whitfield Diffie, Martin E. Hellman** — IEEE …": names in bold are no title.
    spans = [
        m
        for m in TITLE_SPAN_RE.finditer(line)
        if is_probably_title(span_text(m)) and not names_only(span_text(m))
    ]
    if len(spans) != 1:
        return None
    span = spans[0]
    before, after = line[: span.start()].strip(_DASHES), line[span.end() :].strip(_DASHES)
    venue = line[span.end() :].strip(_DASHES.replace(")", ""))
    year = YEAR_RE.search(f"{before} {after}")
    named = _NAMES_RE.match(before)
    if named and not (year or _SEVERAL_NAMES_RE.search(named["names"])):
        named = None  # 'Supervisor: "…"': one capitalised word and no year name nobody
    if before and not named and not (_reads_as_facts(before) and re.search(r"\d", before)):
        # "I think the *attention mechanism* is …", 'Supervisor: "you can't do …"': a
        # sentence, not a citation; a venue before the title gives its volume or year.
        return None
    venue_like = bool(after) and _reads_as_facts(after)
    if after and not venue_like:
        return None
    if not (year or named or venue_like or not before):
        return None
    paper = PaperRecord(title=span_text(span))
    paper.year = int(year[1]) if year else None
    if named:
        paper.authors = _names(named["names"])
    if after and not named and venue_like:
        paper.venue = YEAR_RE.sub("", venue).strip(_DASHES.replace(")", ""))
    return paper


def _reads_as_facts(text: str) -> bool:
    """ "IEEE T-RA 12(4)", "Science 287", "NeurIPS 2020": a venue, volume and year, in
    few words mostly capitalised or numbers; not the rest of a sentence."""
    words = [w for w in re.split(r"[\s,;]+", YEAR_RE.sub("", text)) if w.strip(_DASHES)]
    facts = [w for w in words if w[0].isupper() or w[0].isdigit() or w[0] in "(["]
    return len(words) <= _MAX_VENUE_WORDS and 2 * len(facts) >= len(words)


def _link_words(text: str) -> str:
    """A link's own words where they say something: not "pdf", "ACM DL" or its address."""
    return "" if "://" in text or is_link_word(text) else text


def _full_year(text: str) -> int:
    """ "1998", or "’97" as the 1900s or 2000s it most likely means."""
    digits = int(text.lstrip("’'"))
    return digits if digits > 99 else (2000 + digits if digits < 50 else 1900 + digits)


def _without_tail(title: str) -> str:
    """A title without the venue, year or link words a log writes after it."""
    title = title.strip(" .")
    while True:
        tails = [m for m in (t.search(title) for t in _TITLE_TAILS) if m is not None]
        tail = next((m for m in tails if _reads_as_facts(m["tail"])), None)
        shorter = title[: tail.start()].strip(" .,") if tail is not None else ""
        if len(shorter.split()) < _MIN_TITLE_WORDS:
            return title
        title = shorter


def _names(text: str) -> list[str]:
    """Surnames as a log writes them: "Hart, Nilsson & Raphael", "Tobin et al."."""
    text = re.sub(r",?\s+et\s+al\.?$", "", text)
    return [name for name in _NAME_SPLIT_RE.split(text) if name]


def span_text(match: re.Match[str]) -> str:
    """The words a TITLE_SPAN_RE match sets off."""
    return (match["quoted"] or match["emphasised"] or "").strip(" .,;:")
