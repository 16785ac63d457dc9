"""A Markdown folder: one note per paper, reading lists and topics as index files.

The layout is what ``papershelf import`` reads back (the notes importer):

- ``papers/<title>.md``: YAML front matter (title, authors, year, venue, the paper's
  identifiers as links, topics as tags) and the summary as the note's body; further
  summaries follow as ``papers/<title>.<n>.md``. Images sit where the Markdown points.
- ``lists/<title>.md``: the list's sections as headings, its papers as ``1. [Title](link)``
  in order.
- ``topics/README.md``: each topic's description and its papers as Obsidian links.
- ``README.md``: an index of everything, in Obsidian ``[[links]]`` (skipped on import).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import yaml

from papershelf.exports.selection import Shelf
from papershelf.lib.identifiers import arxiv_abs_url
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList
from papershelf.summaries.models import Summary

_UNSAFE_NAME_RE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f]+')


@dataclass(frozen=True)
class ExportFile:
    """One file of the folder: its path inside the folder and its bytes."""

    path: str
    content: bytes


def file_stem(text: str, limit: int = 80) -> str:
    """A title as a file name that Obsidian, Windows and zip tools all accept."""
    stem = " ".join(_UNSAFE_NAME_RE.sub(" ", text).split())[:limit].strip(" .")
    return stem or "untitled"


def paper_link(paper: Paper) -> str:
    """The paper's own address outside the shelf: what names it on import."""
    if paper.arxiv_id:
        return arxiv_abs_url(paper.arxiv_id, paper.arxiv_version)
    if paper.doi:
        return f"https://doi.org/{paper.doi}"
    if paper.openreview_id:
        return f"https://openreview.net/forum?id={paper.openreview_id}"
    return paper.url or paper.pdf_url or paper.project_url


def _unique_stems(papers: list[Paper]) -> dict[int, str]:
    stems: dict[int, str] = {}
    taken: set[str] = set()
    for paper in sorted(papers, key=lambda p: p.pk):
        stem = base = file_stem(paper.title)
        number = 2
        while stem.casefold() in taken:
            stem, number = f"{base} ({number})", number + 1
        taken.add(stem.casefold())
        stems[paper.pk] = stem
    return stems


def front_matter(paper: Paper) -> dict[str, Any]:
    data: dict[str, Any] = {"title": paper.title}
    authors = [author.name for author in paper.ordered_authors()]
    if authors:
        data["authors"] = authors
    if paper.year:
        data["year"] = paper.year
    if paper.venue is not None:
        data["venue"] = paper.venue.name
    link = paper_link(paper)
    if link:
        data["link"] = link
    for key, value in [
        ("arxiv", paper.arxiv_id),
        ("doi", paper.doi),
        (
            "openreview",
            paper.openreview_id and f"https://openreview.net/forum?id={paper.openreview_id}",
        ),
        ("pdf", paper.pdf_url),
        ("code", paper.code_url),
    ]:
        if value:
            data[key] = value
    topics = [topic.name for topic in paper.topics.all()]
    if topics:
        data["topics"] = topics
    return data


def _yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def summary_metadata(summary: Summary) -> dict[str, Any]:
    return {
        "summary_title": summary.title,
        "summary_author": summary.byline(),
        "summary_visibility": summary.visibility,
        "summary_created": summary.created_at.isoformat(timespec="seconds"),
        "summary_updated": summary.updated_at.isoformat(timespec="seconds"),
    }


def render_paper_note(paper: Paper, summary: Summary | None) -> str:
    data = front_matter(paper)
    if summary is not None:
        data.update({k: v for k, v in summary_metadata(summary).items() if v})
    body = summary.body if summary is not None else ""
    heading = "" if summary is not None else f"# {paper.title}\n"
    return f"---\n{_yaml(data)}---\n\n{heading}{body.rstrip()}\n"


def _images(summary: Summary, folder: PurePosixPath) -> Iterator[ExportFile]:
    for attachment in summary.attachments.all():
        target = PurePosixPath(*(folder / attachment.name).parts)
        if ".." in target.parts or target.is_absolute():
            continue  # an image the note names outside the folder stays a reference
        with attachment.file.open("rb") as handle:
            yield ExportFile(str(target), handle.read())


def _summaries_by_paper(shelf: Shelf) -> dict[int, list[Summary]]:
    by_paper: dict[int, list[Summary]] = {}
    for summary in shelf.summaries:
        by_paper.setdefault(summary.paper_id, []).append(summary)
    return by_paper


def paper_files(
    shelf: Shelf, stems: dict[int, str], advance: Callable[[int], None]
) -> Iterator[ExportFile]:
    by_paper = _summaries_by_paper(shelf)
    for paper in shelf.papers:
        advance(1)
        summaries: list[Summary | None] = [*by_paper.get(paper.pk, [])] or [None]
        for number, summary in enumerate(summaries, 1):
            suffix = "" if number == 1 else f".{number}"
            path = f"papers/{stems[paper.pk]}{suffix}.md"
            yield ExportFile(path, render_paper_note(paper, summary).encode())
            if summary is not None:
                yield from _images(summary, PurePosixPath("papers"))


def render_list(reading_list: ReadingList, links: dict[int, str]) -> str:
    """Sections as headings one level under the list's title, its papers in order."""
    lines = [f"---\n{_yaml({'title': reading_list.title})}---\n", f"# {reading_list.title}\n"]
    if reading_list.description.strip():
        lines.append(reading_list.description.strip() + "\n")
    for item in reading_list.items.order_by("position"):
        if item.is_heading:
            lines.append(f"\n{'#' * min(item.depth + 1, 6)} {item.heading}\n")
            if item.note.strip():
                lines.append(item.note.strip() + "\n")
        elif item.paper_id in links:
            lines.append(f"1. {links[item.paper_id]}")
    return "\n".join(lines).rstrip() + "\n"


def _list_link(paper: Paper) -> str:
    link = paper_link(paper)
    title = paper.title.replace("[", "(").replace("]", ")")
    return f"[{title}]({link})" if link else title


def list_files(shelf: Shelf) -> Iterator[ExportFile]:
    links = {paper.pk: _list_link(paper) for paper in shelf.papers}
    taken: set[str] = set()
    for reading_list in shelf.lists:
        stem = file_stem(reading_list.title)
        while stem.casefold() in taken:
            stem += " (2)"
        taken.add(stem.casefold())
        yield ExportFile(f"lists/{stem}.md", render_list(reading_list, links).encode())


def render_topics(shelf: Shelf, stems: dict[int, str]) -> str:
    """Every topic with its description and papers. Named README so that an import
    reads it as the folder's index page, not as a note on a paper."""
    lines = ["# Topics\n"]
    for topic in shelf.topics:
        lines.append(f"## {topic.name}\n")
        if topic.description.strip():
            lines.append(topic.description.strip() + "\n")
        papers = [p for p in shelf.papers if topic in p.topics.all()]
        lines += [f"- [[papers/{stems[p.pk]}|{p.title}]]" for p in papers] + [""]
    return "\n".join(lines).rstrip() + "\n"


def render_index(shelf: Shelf, stems: dict[int, str]) -> str:
    lines = ["# Papershelf export\n", "## Papers\n"]
    lines += [f"- [[papers/{stems[p.pk]}|{p.title}]]" for p in shelf.papers]
    if shelf.lists:
        lines += ["", "## Reading lists\n"]
        lines += [f"- [[lists/{file_stem(rl.title)}|{rl.title}]]" for rl in shelf.lists]
    if shelf.topics:
        lines += ["", "## Topics\n"]
        lines += [f"- [[topics/README#{t.name}|{t.name}]]" for t in shelf.topics]
    return "\n".join(lines) + "\n"


def markdown_files(
    shelf: Shelf, advance: Callable[[int], None] = lambda n: None
) -> Iterator[ExportFile]:
    """Every file of the folder, in a fixed order; ``advance`` counts papers written."""
    stems = _unique_stems(shelf.papers)
    yield ExportFile("README.md", render_index(shelf, stems).encode())
    yield from paper_files(shelf, stems, advance)
    yield from list_files(shelf)
    if shelf.topics:
        yield ExportFile("topics/README.md", render_topics(shelf, stems).encode())
