"""Exports: the CLI command, the download buttons and the API all call these."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from papershelf.exports.bibtex import Advance, nobody_watching, render_bibtex
from papershelf.exports.csl import render_csl
from papershelf.exports.markdown import ExportFile, markdown_files
from papershelf.exports.ris import render_ris
from papershelf.exports.selection import (
    Selection,
    Shelf,
    count_papers,
    select_papers,
    select_shelf,
)
from papershelf.papers.models import Paper


class Progress(Protocol):
    def start(self, total: int, label: str) -> None: ...

    def advance(self, amount: int = 1) -> None: ...


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    extension: str  # of a download: ".bib", ".json", ".ris", ".zip"
    content_type: str
    render: Callable[[list[Paper], Advance], str] | None = None  # None: the Markdown folder


FORMATS = {
    "bibtex": Format("bibtex", "BibTeX", ".bib", "application/x-bibtex", render_bibtex),
    "csl": Format(
        "csl", "CSL-JSON", ".json", "application/vnd.citationstyles.csl+json", render_csl
    ),
    "ris": Format("ris", "RIS", ".ris", "application/x-research-info-systems", render_ris),
    "markdown": Format("markdown", "Markdown folder", ".zip", "application/zip"),
}


class ExportError(ValueError):
    """A request for an export that cannot be made (an unknown format, a bad query)."""


def get_format(name: str) -> Format:
    if name not in FORMATS:
        raise ExportError(f"unknown export format {name!r}; use {', '.join(FORMATS)}")
    return FORMATS[name]


def _shelf(selection: Selection) -> Shelf:
    try:
        return select_shelf(selection)
    except ValueError as exc:  # an unreadable search query
        raise ExportError(str(exc)) from exc


def _papers(selection: Selection) -> list[Paper]:
    try:
        return select_papers(selection)
    except ValueError as exc:
        raise ExportError(str(exc)) from exc


def count_selected(selection: Selection) -> int:
    """How many papers an export of the selection holds; cheap, for choosing how to run it."""
    try:
        return count_papers(selection)
    except ValueError as exc:  # an unreadable search query
        raise ExportError(str(exc)) from exc


def export_text(name: str, selection: Selection) -> str:
    """BibTeX, CSL-JSON or RIS of the selection, as one text."""
    return _text(get_format(name), _papers(selection), None)


def _text(fmt: Format, papers: list[Paper], progress: Progress | None) -> str:
    if fmt.render is None:
        raise ExportError(f"{fmt.name} is a folder, not one text; use export_to_path or a zip")
    if progress is None:
        return fmt.render(papers, nobody_watching)
    progress.start(len(papers), f"Writing {fmt.description}")
    return fmt.render(papers, progress.advance)


def markdown_folder(selection: Selection, progress: Progress | None = None) -> Iterator[ExportFile]:
    return _markdown(_shelf(selection), progress)


def _markdown(shelf: Shelf, progress: Progress | None) -> Iterator[ExportFile]:
    if progress is None:
        return markdown_files(shelf)
    progress.start(len(shelf.papers), "Exporting papers")
    return markdown_files(shelf, progress.advance)


def export_zip(selection: Selection) -> bytes:
    """The Markdown folder as a zip, for a download."""
    return _zip(_shelf(selection), None)


def _zip(shelf: Shelf, progress: Progress | None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in _markdown(shelf, progress):
            archive.writestr(f"papershelf/{file.path}", file.content)
    return buffer.getvalue()


def export_bytes(name: str, selection: Selection) -> bytes:
    if get_format(name).render is None:
        return export_zip(selection)
    return export_text(name, selection).encode()


def export_to_path(
    name: str, selection: Selection, out: Path, progress: Progress | None = None
) -> int:
    """Write the export to ``out`` (a file, or a folder for Markdown); returns how many
    papers (or, for a folder, files) it wrote.

    A Markdown export into a path ending in ``.zip`` writes the zip instead of a folder.
    """
    fmt = get_format(name)
    if fmt.render is not None:
        papers = _papers(selection)
        out.write_text(_text(fmt, papers, progress), encoding="utf-8")
        return len(papers)
    if out.suffix.lower() == ".zip":
        shelf = _shelf(selection)
        out.write_bytes(_zip(shelf, progress))
        return len(shelf.papers)
    return _write_folder(selection, out, progress)


def _write_folder(selection: Selection, out: Path, progress: Progress | None) -> int:
    if out.exists() and any(out.iterdir()):
        raise ExportError(f"{out} is not empty; export into a new folder")
    count = 0
    for file in markdown_folder(selection, progress):
        target = out / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
        count += 1
    return count


def download_name(name: str, stem: str) -> str:
    return f"{stem or 'papershelf'}{get_format(name).extension}"
