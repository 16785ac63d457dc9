"""Authors, venue and year as note-takers write them next to a paper."""

from __future__ import annotations

import re
from collections.abc import Iterable

from papershelf.importers.notes.text import YEAR_RE, strip_decoration, visible_text
from papershelf.importers.records import PaperRecord

LABEL_LINE_RE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?P<label>authors?|by|venue|conference|journal|published(?: in| at)?"
    r"|year|date|keywords|tags|topics?|categories|category|title|paper title|full title"
    r"|alias|aliases|link|paper link|paper|url|arxiv|pdf|doi|source|publication"
    r"|ref|reference|citation|cite as|bibliographic entry"
    # A tracker's properties (a Notion page, a Logseq block): read or not, and what it is.
    r"|status|reading status|read status|type|item type"
    # The same labels as Chinese note-takers write them.
    r"|作者|会议|期刊|发表于|论文链接|论文地址|链接|年份|标题|论文标题|标签|关键词)"
    r"\s*(?:::?|：)\s*(?P<value>.+?)\s*$",
    re.IGNORECASE,
)
_FIELD_OF_LABEL = {
    **dict.fromkeys(("title", "paper title", "full title"), "title"),
    **dict.fromkeys(("alias", "aliases"), "alias"),
    **dict.fromkeys(("link", "paper", "url", "arxiv", "pdf", "doi", "source"), "link"),
    # "**Ref**: Gibson, E. (1998). Title. *Cognition* …": the paper, cited.
    **dict.fromkeys(("ref", "reference", "citation", "cite as", "bibliographic entry"), "link"),
    **dict.fromkeys(("author", "authors", "by"), "authors"),
    **dict.fromkeys(("venue", "conference", "journal", "published", "publication"), "venue"),
    **dict.fromkeys(("year", "date"), "year"),
    **dict.fromkeys(("keywords", "tags"), "keywords"),
    **dict.fromkeys(("topic", "topics", "categories", "category"), "topics"),
    **dict.fromkeys(("status", "reading status", "read status"), "status"),
    **dict.fromkeys(("type", "item type"), "type"),
    **{"作者": "authors", "会议": "venue", "期刊": "venue", "发表于": "venue", "年份": "year"},
    **{"论文链接": "link", "论文地址": "link", "链接": "link", "标题": "title"},
    **{"论文标题": "title", "标签": "keywords", "关键词": "keywords"},
}
_TABLE_ROW_RE = re.compile(r"^\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*$")
_NOT_NAMES = frozenset({"others", "et al", "et al."})
_QUOTE_RE = re.compile(r"^\s*(?:>\s?)+")


# "Hohenberg, P., & Kohn, W.", "Freeze, R. A. & Harlan, R. L.": APA's family names and
# initials (org-ref's "%9a", an outliner's Authors column).
_INITIALLED_RE = re.compile(
    r"(?:\band\s+)?(?P<last>[^,&;]+?),\s*(?P<initials>(?:[A-Z][a-z]?\.\s*-?\s*)+)"
)


def parse_authors(text: str) -> list[str]:
    """Names as "First Last", from BibTeX "Last, First and …", APA's "Last, F. M., &
    Last, F." or "First Last, …" lists."""
    text = visible_text(text).strip().rstrip(";")
    initialled = list(_INITIALLED_RE.finditer(text))
    leftover = _INITIALLED_RE.sub("", text).strip(" ,&;and")
    if initialled and not leftover:
        return [
            " ".join(f"{m['initials'].strip()} {m['last'].strip()}".split()) for m in initialled
        ]
    by_semicolon = [name.strip() for name in text.split(";") if name.strip()]
    if len(by_semicolon) > 1 and all(name.count(",") == 1 for name in by_semicolon):
        return [_first_last(name) for name in by_semicolon]  # Zotero: "Last, First; …"
    by_and = re.split(r"\s+and\s+", text)
    if _is_bibtex_style(by_and):
        return [_first_last(name) for name in by_and if name.casefold() not in _NOT_NAMES]
    names = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*;\s*", text)
    return [
        name for name in (n.strip() for n in names) if name and name.casefold() not in _NOT_NAMES
    ]


def _is_bibtex_style(names: list[str]) -> bool:
    named = [name for name in names if name.casefold() not in _NOT_NAMES]
    if not named or not all(name.count(",") == 1 for name in named):
        return False
    if any("&" in name for name in named):
        return False  # "Mankiw, Romer & Weil": three plain names, not "Last, First"
    # "Ioffe, Sergey" is one BibTeX name; "Kaiming He, Xiangyu Zhang" is two plain ones.
    return len(named) > 1 or len(named[0].split(",")[0].split()) == 1


def _first_last(name: str) -> str:
    last, _, first = name.partition(",")
    return f"{first.strip()} {last.strip()}".strip()


def read_labelled_fields(lines: Iterable[str]) -> dict[str, str]:
    """``Authors: …``, ``Venue: …``, ``Year: …`` lines near the top of a paper's notes."""
    fields: dict[str, str] = {}
    given = list(lines)
    for index, line in enumerate(given):
        line = _TABLE_ROW_RE.sub(r"\1: \2", line)  # "| Authors | … |" in a metadata table
        line = _QUOTE_RE.sub("", line)  # "> **Paper:** …" set off as a quote
        match = LABEL_LINE_RE.match(line.replace("**", "").replace("__", ""))
        if match:
            label = " ".join(match["label"].casefold().split())
            field = _FIELD_OF_LABEL.get(label) or _FIELD_OF_LABEL[label.split()[0]]
            value = _wrapped_value(match["value"], given[index + 1 :])
            if field == "link" and "link" in fields:
                # "**Paper:** Title" then "**DOI:** 10.1056/…": the later ones identify it.
                fields["more_links"] = f"{fields.get('more_links', '')} {value}"
            fields.setdefault(field, value)
    return fields


_MAX_WRAPPED_LINES = 3


def _wrapped_value(value: str, following: list[str]) -> str:
    """A value whose italic title an editor wrapped onto the next lines ("**Paper:** …
    *Computing Nonvacuous Generalization Bounds for" / "Deep (Stochastic) … Data.* UAI
    2017."), whole: its lines until the emphasis closes."""
    for line in following[:_MAX_WRAPPED_LINES]:
        if value.count("*") % 2 == 0 or not line.strip() or LABEL_LINE_RE.match(line):
            break
        value = f"{value} {line.strip()}"
    return value


def apply_labelled_fields(paper: PaperRecord, fields: dict[str, str]) -> None:
    if "authors" in fields and not paper.authors:
        paper.authors = parse_authors(fields["authors"])
    if "venue" in fields and not paper.venue:
        paper.venue = strip_decoration(YEAR_RE.sub("", visible_text(fields["venue"])).strip())
    year = YEAR_RE.search(fields.get("year", "") or fields.get("venue", ""))
    if year and paper.year is None:
        paper.year = int(year[1])
    if "keywords" in fields and not paper.keywords:
        paper.keywords = [k for k in re.split(r"\s*[,;]\s*", fields["keywords"].strip()) if k]


def identifier_of(paper: PaperRecord | None) -> str:
    """The paper's arXiv id, DOI or OpenReview id, the first it has; "" for none."""
    return (paper.arxiv_id or paper.doi or paper.openreview_id) if paper else ""


def states_facts(paper: PaperRecord | None) -> bool:
    """An identifier, authors, a venue or a year: what a note on a paper states."""
    if paper is None:
        return False
    return bool(identifier_of(paper) or paper.authors or paper.venue or paper.year)


FACTFUL_SHARE = 0.75  # how many of a collection's notes state facts before we expect them
MIN_NOTES_FOR_FACTS = 4


def expects_facts(notes: int, stating: int) -> bool:
    """Whether so many of a collection's notes (a folder's files, a board's cards, a
    chat's messages) state their paper's facts that one stating none is no paper."""
    return notes >= MIN_NOTES_FOR_FACTS and stating >= FACTFUL_SHARE * notes
