"""Polar Bookshelf's datastore: a state.json per document, read when read or annotated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from papershelf.accounts.models import User
from papershelf.importers.appjson.parse import looks_like_app_export, parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary


def _state(
    title: str,
    filename: str,
    *,
    pages: int = 20,
    tags: tuple[str, ...] = ("/papers",),
    page_metas: dict[str, Any] | None = None,
    **info: Any,
) -> str:
    doc_info = {
        "fingerprint": "f" * 32,
        "title": title,
        "filename": filename,
        "nrPages": pages,
        "progress": 0,
        "tags": {tag: {"id": tag, "label": tag} for tag in tags},
        **info,
    }
    return json.dumps({"version": 2, "docInfo": doc_info, "pageMetas": page_metas or {}})


READ_PAGES = {
    "1": {
        "pagemarks": {"a": {"type": "SINGLE_COLUMN", "percentage": 100}},
        "textHighlights": {"h": {"text": {"TEXT": "unemployment rises with  the wage floor"}}},
        "comments": {"c": {"content": {"HTML": "<p>compare with <b>Card</b>'s result</p>"}}},
    },
    "3": {
        "flashcards": {
            "q": {"fields": {"front": "<p>What is the elasticity?</p>", "back": "<p>-0.1</p>"}}
        }
    },
}


def test_a_read_paper_pdf_titled_by_its_file_name_is_known_by_its_arxiv_id() -> None:
    text = _state("2107.01234.pdf", "1izfxCrrpS-2107.01234v2.pdf", page_metas=READ_PAGES)
    assert looks_like_app_export(text)
    (entry,) = parse(text, "polar/abc/state.json").entries
    assert entry.paper is not None and entry.paper.arxiv_id == "2107.01234"
    assert entry.summary is not None
    notes = entry.summary.markdown
    assert "> unemployment rises with the wage floor (p. 1)" in notes
    assert "compare with **Card**'s result" in notes
    assert "Q: What is the elasticity?\nA: -0.1" in notes


def test_unread_documents_books_and_captured_blog_posts_are_no_papers() -> None:
    unopened = _state("Minimum Wages and Employment in Fast Food Restaurants", "x-a.pdf")
    book = _state("Mostly Harmless Econometrics", "x-b.pdf", pages=390, page_metas=READ_PAGES)
    shelved = _state(
        "Labor Economics lecture notes", "x-c.pdf", tags=("/books",), page_metas=READ_PAGES
    )
    post = _state(
        "Why the minimum wage debate never ends | Some Blog",
        "x-post.phz",
        url="https://someblog.example.org/2021/minimum-wage",
        page_metas=READ_PAGES,
    )
    for text in (unopened, book, shelved, post):
        assert not parse(text, "state.json").entries


def test_a_polar_folder_imports_its_read_papers_with_their_notes(
    tmp_path: Path, alice: User
) -> None:
    for name, text in {
        "a": _state(
            "Minimum Wages and Employment: A Case Study of the Fast-Food Industry",
            "x-card.pdf",
            doi="10.3386/w4509",
            page_metas=READ_PAGES,
        ),
        "b": _state("A Mean Field View of Wages", "x-unread.pdf"),
    }.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "state.json").write_text(text, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    (paper,) = Paper.objects.all()
    assert paper.doi == "10.3386/w4509"
    assert "wage floor" in Summary.objects.get(paper=paper).body
