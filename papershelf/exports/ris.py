"""RIS, for EndNote, Zotero and Mendeley (written by rispy)."""

from __future__ import annotations

import re
from typing import Any

import rispy

from papershelf.exports.bibtex import Advance, citation_keys, counted, nobody_watching
from papershelf.lib.identifiers import arxiv_abs_url
from papershelf.papers.models import Paper

_RECORD_NUMBER_RE = re.compile(r"^\d+\.\n", re.MULTILINE)


def _surname_first(full: str) -> str:
    parts = full.rsplit(" ", 1)
    return full if len(parts) == 1 else f"{parts[1]}, {parts[0]}"


def _urls(paper: Paper) -> list[str]:
    urls = []
    if paper.arxiv_id:
        urls.append(arxiv_abs_url(paper.arxiv_id, paper.arxiv_version))
    if paper.openreview_id:
        urls.append(f"https://openreview.net/forum?id={paper.openreview_id}")
    return urls + [url for url in (paper.url, paper.pdf_url, paper.code_url) if url]


def ris_record(paper: Paper, key: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "type_of_reference": "CPAPER" if paper.venue is not None else "GEN",
        "id": key,
        "title": paper.title,
        "authors": [_surname_first(author.name) for author in paper.ordered_authors()],
    }
    if paper.year:
        record["year"] = str(paper.year)
    if paper.venue is not None:
        record["secondary_title"] = paper.venue.name
    if paper.doi:
        record["doi"] = paper.doi
    if paper.abstract:
        record["abstract"] = paper.abstract
    urls = _urls(paper)
    if urls:
        record["urls"] = urls
    return record


def render_ris(papers: list[Paper], advance: Advance = nobody_watching) -> str:
    keys = citation_keys(papers)
    records = [ris_record(paper, keys[paper.pk]) for paper in counted(papers, advance)]
    text = str(rispy.dumps(records))
    # rispy numbers its records ("1.") on a line of their own; readers expect TY first.
    return _RECORD_NUMBER_RE.sub("", text)
