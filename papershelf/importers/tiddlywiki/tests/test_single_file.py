"""A single-file TiddlyWiki: every tiddler in one page, opened into .tid files."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.containers import reader_for, readers
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.importers.tiddlywiki.single import read_tiddlywiki_file
from papershelf.papers.models import Paper

TIDDLERS = [
    {"title": "$:/StoryList", "list": "[[Quine 1951]]"},
    {"title": "Quine 1951", "tags": "Paper [[philosophy of language]]", "author": "W. V. O. Quine",
     "year": "1951", "doi": "10.2307/2181906",
     "text": "''Two Dogmas of Empiricism''.\n\n! The dogmas\n\nAnalyticity and reductionism."},
    {"title": "laudan1981confutation", "tags": "Paper", "bibtex-entry-type": "article",
     "bibtex-title": "A Confutation of Convergent Realism", "bibtex-author": "Laudan, Larry",
     "bibtex-year": "1981", "bibtex-doi": "10.1086/288975",
     "text": "The pessimistic meta-induction: a list of successful but false theories."},
    {"title": "Draft of 'Quine 1951'", "draft.of": "Quine 1951", "text": "half-edited"},
]  # fmt: skip


def _wiki(tiddlers: list[dict[str, str]]) -> str:
    store = json.dumps(tiddlers).replace("<", "\\u003C")
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n'
        '<meta name="application-name" content="TiddlyWiki" />\n'
        '<meta name="tiddlywiki-version" content="5.3.5" />\n</head>\n<body>\n'
        '<script class="tiddlywiki-tiddler-store" type="application/json">'
        f'{store}</script>\n<div id="storeArea" style="display:none;"></div>\n'
        "</body>\n</html>\n"
    )


def test_a_wikis_own_tiddlers_become_tid_files_and_its_system_tiddlers_and_drafts_do_not(
    tmp_path: Path,
) -> None:
    page = tmp_path / "philsci-notebook.html"
    page.write_text(_wiki(TIDDLERS), encoding="utf-8")
    assert reader_for(page, readers()) is read_tiddlywiki_file
    members = dict(read_tiddlywiki_file(page))
    assert sorted(members) == ["Quine 1951.tid", "laudan1981confutation.tid"]
    assert members["Quine 1951.tid"].startswith("title: Quine 1951\ntags: Paper")


def test_an_older_wikis_store_area_is_read_too(tmp_path: Path) -> None:
    page = tmp_path / "old.html"
    page.write_text(
        '<!doctype html>\n<html><head><meta name="application-name" content="TiddlyWiki" />'
        '</head><body><div id="storeArea"><div created="20211210" tags="Paper" '
        'title="Kitcher 1981"><pre>Explanatory unification. doi:10.1086/289019</pre></div>'
        '<div title="$:/core"><pre>{}</pre></div></div></body></html>',
        encoding="utf-8",
    )
    [(name, text)] = read_tiddlywiki_file(page)
    assert name == "Kitcher 1981.tid" and "doi:10.1086/289019" in text


def test_a_bibtex_imported_tiddler_is_its_entrys_paper(tmp_path: Path, alice: User) -> None:
    (tmp_path / "wiki.html").write_text(_wiki(TIDDLERS), encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("title", flat=True)) >= {
        "A Confutation of Convergent Realism"
    }
    assert set(Paper.objects.values_list("doi", flat=True)) == {"10.2307/2181906", "10.1086/288975"}
