"""BibTeX: stable keys, LaTeX-escaped text, arXiv eprints and DOIs.

Importing the file again finds every paper by its identifiers or title and changes
none of its facts; it records the key used here as the paper's BibTeX key, so the
next export writes the same file.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

from pylatexenc.latexencode import UnicodeToLatexEncoder

from papershelf.papers.models import Paper

_STOP_WORDS = frozenset({"a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "is"})
_KEY_SAFE_RE = re.compile(r"[^a-z0-9]")

Advance = Callable[[int], None]  # told how many more papers are written (a progress bar)


def nobody_watching(amount: int) -> None:
    pass


def counted(papers: list[Paper], advance: Advance) -> Iterator[Paper]:
    """The papers in order, each reported once the caller has written it."""
    for paper in papers:
        yield paper
        advance(1)


@lru_cache(maxsize=1)
def _encoder() -> UnicodeToLatexEncoder:
    # Every special character escaped, accents as {\"o}: BibTeX sorts and prints them right.
    return UnicodeToLatexEncoder(
        non_ascii_only=False,
        replacement_latex_protection="braces-all",
        unknown_char_policy="keep",
    )


def latex_escape(text: str) -> str:
    return str(_encoder().unicode_to_latex(text))


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _KEY_SAFE_RE.sub("", folded.casefold())


def base_key(paper: Paper) -> str:
    """``vaswani2017attention``: first author's family name, year, first real title word."""
    authors = paper.ordered_authors()
    family = _ascii_word(authors[0].name.split()[-1]) if authors else "anon"
    words = [_ascii_word(word) for word in paper.title.split()]
    first = next((w for w in words if w and w not in _STOP_WORDS), "paper")
    return f"{family or 'anon'}{paper.year or ''}{first}"


def citation_keys(papers: list[Paper]) -> dict[int, str]:
    """A key per paper: its own BibTeX key when it has one, else a readable one.

    Two papers that would share a key are told apart by a letter in the order they
    were added, so the same shelf always gets the same keys.
    """
    keys = {paper.pk: paper.bibtex_key or base_key(paper) for paper in papers}
    counts = Counter(keys.values())
    seen: Counter[str] = Counter()
    for paper in sorted(papers, key=lambda p: p.pk):
        key = keys[paper.pk]
        if counts[key] > 1 and not paper.bibtex_key:
            keys[paper.pk] = f"{key}{chr(ord('a') + seen[key])}"
            seen[key] += 1
    return keys


def entry_type(paper: Paper) -> str:
    return "inproceedings" if paper.venue is not None else "misc"


def _fields(paper: Paper) -> list[tuple[str, str]]:
    fields = [("title", "{" + latex_escape(paper.title) + "}")]
    authors = [latex_escape(author.name) for author in paper.ordered_authors()]
    if authors:
        fields.append(("author", " and ".join(authors)))
    if paper.year:
        fields.append(("year", str(paper.year)))
    if paper.venue is not None:
        fields.append(("booktitle", latex_escape(paper.venue.name)))
    if paper.arxiv_id:
        version = f"v{paper.arxiv_version}" if paper.arxiv_version else ""
        fields += [("eprint", paper.arxiv_id + version), ("archivePrefix", "arXiv")]
    if paper.doi:
        fields.append(("doi", paper.doi))
    url = paper.url or paper.pdf_url or paper.project_url
    if url:
        fields.append(("url", url))
    if paper.abstract:
        fields.append(("abstract", latex_escape(paper.abstract)))
    return fields


def render_entry(paper: Paper, key: str) -> str:
    lines = [f"@{entry_type(paper)}{{{key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in _fields(paper)]
    return "\n".join([*lines, "}"]) + "\n"


def render_bibtex(papers: list[Paper], advance: Advance = nobody_watching) -> str:
    keys = citation_keys(papers)
    return "\n".join(render_entry(paper, keys[paper.pk]) for paper in counted(papers, advance))
