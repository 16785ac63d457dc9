"""CSL-JSON, as Zotero, pandoc and most reference managers read it."""

from __future__ import annotations

import json
from typing import Any

from papershelf.exports.bibtex import Advance, citation_keys, counted, nobody_watching
from papershelf.lib.identifiers import arxiv_abs_url
from papershelf.papers.models import Paper


def _name(full: str) -> dict[str, str]:
    parts = full.rsplit(" ", 1)
    if len(parts) == 1:
        return {"literal": full}
    return {"given": parts[0], "family": parts[1]}


def _identifiers(paper: Paper) -> dict[str, str]:
    item: dict[str, str] = {}
    if paper.doi:
        item["DOI"] = paper.doi
    if paper.arxiv_id:
        item["number"] = f"arXiv:{paper.arxiv_id}" + (
            f"v{paper.arxiv_version}" if paper.arxiv_version else ""
        )
    url = _url(paper)
    if url:
        item["URL"] = url
    return item


def _url(paper: Paper) -> str:
    if paper.openreview_id:
        return f"https://openreview.net/forum?id={paper.openreview_id}"
    if paper.arxiv_id and not paper.url:
        return arxiv_abs_url(paper.arxiv_id, paper.arxiv_version)
    return paper.url or paper.pdf_url


def csl_item(paper: Paper, key: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": key,
        "citation-key": key,
        "type": "paper-conference" if paper.venue is not None else "article",
        "title": paper.title,
        "author": [_name(author.name) for author in paper.ordered_authors()],
    }
    if paper.year:
        item["issued"] = {"date-parts": [[paper.year]]}
    if paper.venue is not None:
        item["container-title"] = paper.venue.name
    if paper.abstract:
        item["abstract"] = paper.abstract
    return {**item, **_identifiers(paper)}


def render_csl(papers: list[Paper], advance: Advance = nobody_watching) -> str:
    keys = citation_keys(papers)
    items = [csl_item(paper, keys[paper.pk]) for paper in counted(papers, advance)]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
