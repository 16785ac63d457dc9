"""The evidence a post gives in running text, as the labelled lines the notes reader reads.

People name the paper they post about by a link ("New preprint with @bob 🎉
https://arxiv.org/abs/…"), by its title in quotes ('"Percolation on sparse networks"
by Karrer et al.'), by a citation ("Watts & Strogatz (1998). Collective dynamics…") or
only by its authors and year ("Barabási & Albert 1999 — growth + preferential
attachment"). In running text the notes reader cannot tell the title from the words
around it, nor the paper's own link from one given in passing: ``Title:``,
``Authors:``, ``Year:``, ``Link:`` and ``DOI:`` lines above the post say which they are.
Only a quote that reads like a title, in a post that is about a paper (it links one or
says "paper", "preprint", "et al."), is taken: quoted words are as often a claim or a
phrase being discussed ("the so-called 'small world'")."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.links import is_paper_url
from papershelf.importers.notes.text import YEAR_RE
from papershelf.importers.records import PaperRecord
from papershelf.lib.identifiers import classify_url, parse_doi, publisher_doi
from papershelf.lib.titles import is_probably_title, normalise_title, title_words

_QUOTED_RE = re.compile(r"“(?P<curly>[^”\n]{10,300})”|\"(?P<straight>[^\"\n]{10,300})\"")
_URL_RE = re.compile(r"https?://[^\s<>\"]+")
_URL_END = ".,;:!?)]'’”"
_PAPER_WORDS_RE = re.compile(
    r"\b(?:paper|preprint|article|study|publication|published|et al\b|out (?:now|today) in)",
    re.IGNORECASE,
)
_LABELLED_RE = re.compile(r"^\s*(?:title|link|url|doi)\s*:", re.IGNORECASE | re.MULTILINE)
_MAX_TITLE_WORDS = 30
# A surname: "Barabási", "Pastor-Satorras", "van Eck"; not "NetSci" or "GitHub".
_SURNAME = (
    r"(?:(?:van|von|de|der|da|di|du|le|la)\s+)*(?:Mc|Mac|O')?[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?"
)
_AUTHOR_YEAR_RE = re.compile(
    rf"(?<![\w@#])(?P<authors>{_SURNAME}(?:(?:,\s*|\s*&\s*|\s+and\s+){_SURNAME})*)"
    r"(?:\s+et\s+al\.?)?,?\s+(?:\((?:[A-Z][\w.]*\s+)?)?(?P<year>(?:19|20)\d{2})\b(?![-/]\d)"
)
# Capitalised words before a year that are no author: "In 2020", "March 2021".
_NOT_AUTHORS = frozenset(
    {"in", "since", "by", "from", "until", "for", "of", "the", "this", "summer", "spring"}
    | {"autumn", "fall", "winter", "january", "february", "march", "april", "may", "june"}
    | {"july", "august", "september", "october", "november", "december", "day", "week"}
)
_NAME_SPLIT_RE = re.compile(r",\s*|\s*&\s*|\s+and\s+")
_UNCLOSED_TAIL_RE = re.compile(r"\s*\([^()]*$")
_SENTENCE_START_RE = re.compile(r"(?<=[.!?…—–])\s+(?=[A-Z])")
_MIN_SHORT_TITLE_WORDS = 2
# What goes before a citation in a post: "1/", "(2/5)", "🧵", "Classic:", "New paper!".
_LEAD_RE = re.compile(
    r"^(?:\W*\(?\d+\s*/\s*\d*\)?\s*|[^\w\s(\[\"“]+\s*)*"
    r"(?:[A-Z][\w ]{0,20}[:!]\s+(?=[A-Z]))?"
)


def paper_links(text: str) -> list[str]:
    """The links to papers (arXiv, DOI, a journal's article page) in ``text``, in order."""
    links = (url.rstrip(_URL_END) for url in _URL_RE.findall(text))
    return list(dict.fromkeys(url for url in links if is_paper_url(url)))


def named_papers(post: str) -> set[str]:
    """What names a paper in ``post``: its paper links, or else the title it quotes or
    cites. Two posts naming none in common are about different papers."""
    links = paper_links(post)
    if links:
        return set(links)
    title = _cited_title(post) if _PAPER_WORDS_RE.search(post) or YEAR_RE.search(post) else ""
    return {normalise_title(title)} if title else set()


def labelled_note(text: str) -> str:
    """``text`` with labelled lines above it: the title it quotes or cites before or beside
    the first paper it links, that link, and the DOI the link's address holds."""
    if _LABELLED_RE.search(text):
        return text.strip() + "\n"  # the person labelled it already
    links = paper_links(text)
    lead = _up_to_first_link(text, links[0]) if links else text
    header = _cited(lead) if links or _PAPER_WORDS_RE.search(lead) else []
    if not header and (title := quoted_title(lead, linked=bool(links))):
        header = [f"Title: {title}"]
    if links:
        header += _author_year(_post_with(lead, links[0]), header)
        header += [f"Link: {links[0]}"]
        doi = _doi_in_address(links[0])
        header += [f"DOI: {doi}"] if doi else []
    return "\n".join(header) + ("\n\n" if header else "") + text.strip() + "\n"


def _doi_in_address(url: str) -> str:
    """ "journals.aps.org/pre/abstract/10.1103/PhysRevE.69.026113": a publisher's page
    named by the DOI, in a shape the notes reader may not know."""
    if classify_url(url).kind in ("arxiv", "doi", "openreview"):
        return ""
    return publisher_doi(url) or parse_doi(urlsplit(url).path) or ""


def _cited_title(post: str) -> str:
    cited = _cited(post)
    return cited[0].removeprefix("Title: ") if cited else quoted_title(post)


def quoted_title(text: str, *, linked: bool = False) -> str:
    """The first quoted span of ``text`` that reads like a paper's title, or "". Beside
    the paper's link a short one will do ("Temporal networks"): the link names the
    paper, the quote only says what it is called."""
    for match in _QUOTED_RE.finditer(text):
        quoted = (match["curly"] or match["straight"]).strip().rstrip(".,;")
        if len(quoted.split()) > _MAX_TITLE_WORDS or "://" in quoted:
            continue
        if is_probably_title(quoted) or (linked and _names_something(quoted)):
            return quoted
    return ""


def _names_something(quoted: str) -> bool:
    """ "Temporal networks", not "wow" or "lol, no": words enough, starting a name."""
    return len(title_words(quoted)) >= _MIN_SHORT_TITLE_WORDS and quoted[0].isupper()


def _cited(text: str) -> list[str]:
    """Labelled lines for the first citation a line of ``text`` gives: "Watts & Strogatz
    (1998). Collective dynamics of 'small-world' networks. Nature"."""
    for line in text.splitlines():
        paper = _citation_in(_LEAD_RE.sub("", line))
        if paper is None:
            continue
        # "… complex networks (SIAM" of "(SIAM Review 2003)": the venue cut off.
        lines = [f"Title: {_UNCLOSED_TAIL_RE.sub('', paper.title)}"]
        # "Traag, Waltman & van Eck" may come back as "Waltman Traag": names reordered
        # from how the post gives them are a guess, left out.
        if paper.authors and all(author in line for author in paper.authors):
            lines += [f"Authors: {', '.join(paper.authors)}"]
        lines += [f"Year: {paper.year}"] if paper.year else []
        return lines
    return []


def _citation_in(line: str) -> PaperRecord | None:
    """The citation ``line`` gives, maybe after a sentence leading to it: "…and its fix.
    Traag, Waltman & van Eck (2019) From Louvain to Leiden: guaranteeing …"."""
    for start in (0, *(match.end() for match in _SENTENCE_START_RE.finditer(line))):
        paper = read_citation(line[start:])
        if paper is not None and is_probably_title(paper.title):
            return paper
    return None


def _author_year(post: str, header: list[str]) -> list[str]:
    """ "Barabási & Albert 1999", "Blondel et al. (2008)", "Pastor-Satorras & Vespignani
    (PRL 2001)": how a post linking a paper names it when it gives no title; the first
    such mention, as the facts the header does not state yet."""
    mention = next(
        (
            found
            for found in _AUTHOR_YEAR_RE.finditer(post)
            if not _NOT_AUTHORS
            & {name.casefold() for name in _NAME_SPLIT_RE.split(found["authors"])}
        ),
        None,
    )
    if mention is None:
        return []
    names = [name for name in _NAME_SPLIT_RE.split(mention["authors"]) if name]
    lines = []
    if not any(line.startswith("Authors:") for line in header):
        lines.append(f"Authors: {', '.join(names)}")
    if not any(line.startswith("Year:") for line in header):
        lines.append(f"Year: {mention['year']}")
    return lines


def _post_with(text: str, link: str) -> str:
    return next((post for post in text.split("\n\n") if link in post), text)


def _up_to_first_link(text: str, link: str) -> str:
    """The posts of ``text`` up to the one giving ``link``: where its title is quoted."""
    posts = text.split("\n\n")
    for number, post in enumerate(posts):
        if link in post:
            return "\n\n".join(posts[: number + 1])
    return text
