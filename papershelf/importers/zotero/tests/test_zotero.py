"""Zotero libraries as data: a data directory's zotero.sqlite and a Web API JSON dump.

The database fixture is built with the tables and columns Zotero 7 writes (the
``Combined`` type and field tables, creators by ``orderIndex``, ``fieldMode`` 1 for an
organisation, tags typed on their use), holding what a real library holds beside its
papers: a web page, a trashed paper, a feed's unread item and notes.
"""

# ruff: noqa: E501 -- rows and items as Zotero writes them, one a line

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.importers.zotero.items import looks_like_zotero_items, parse
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary

SCHEMA = """
CREATE TABLE libraries (libraryID INTEGER PRIMARY KEY, type TEXT NOT NULL, editable INT);
CREATE TABLE itemTypesCombined (itemTypeID INT, typeName TEXT, templateItemTypeID INT, display INT);
CREATE TABLE fieldsCombined (fieldID INT, fieldName TEXT, label TEXT, fieldFormatID INT, custom INT);
CREATE TABLE items (itemID INTEGER PRIMARY KEY, itemTypeID INT, dateAdded TEXT, libraryID INT, key TEXT);
CREATE TABLE itemDataValues (valueID INTEGER PRIMARY KEY, value UNIQUE);
CREATE TABLE itemData (itemID INT, fieldID INT, valueID INT);
CREATE TABLE creators (creatorID INTEGER PRIMARY KEY, firstName TEXT, lastName TEXT, fieldMode INT);
CREATE TABLE creatorTypes (creatorTypeID INTEGER PRIMARY KEY, creatorType TEXT);
CREATE TABLE itemCreators (itemID INT, creatorID INT, creatorTypeID INT, orderIndex INT);
CREATE TABLE itemNotes (itemID INTEGER PRIMARY KEY, parentItemID INT, note TEXT, title TEXT);
CREATE TABLE deletedItems (itemID INTEGER PRIMARY KEY, dateDeleted TEXT);
CREATE TABLE tags (tagID INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE itemTags (itemID INT, tagID INT, type INT);
CREATE TABLE collections (collectionID INTEGER PRIMARY KEY, collectionName TEXT,
    parentCollectionID INT, libraryID INT, key TEXT);
CREATE TABLE collectionItems (collectionID INT, itemID INT, orderIndex INT);
"""
TYPES = {"journalArticle": 22, "webpage": 40, "note": 28, "preprint": 39}
FIELDS = {"title": 1, "date": 6, "DOI": 59, "extra": 16, "publicationTitle": 38, "url": 13}


class _Library:
    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)
        self.db.executemany("INSERT INTO libraries VALUES (?, ?, 1)", [(1, "user"), (2, "feed")])
        self.db.executemany(
            "INSERT INTO itemTypesCombined VALUES (?, ?, NULL, 1)",
            [(v, k) for k, v in TYPES.items()],
        )
        self.db.executemany(
            "INSERT INTO fieldsCombined VALUES (?, ?, NULL, NULL, 0)",
            [(v, k) for k, v in FIELDS.items()],
        )
        self.db.executemany(
            "INSERT INTO creatorTypes VALUES (?, ?)", [(1, "author"), (3, "editor")]
        )
        self.next_id = 1

    def item(self, kind: str, key: str, library: int = 1, **fields: str) -> int:
        item_id = self.next_id
        self.next_id += 1
        self.db.execute(
            "INSERT INTO items VALUES (?, ?, '2024-01-01', ?, ?)",
            (item_id, TYPES[kind], library, key),
        )
        for name, value in fields.items():
            self.db.execute("INSERT OR IGNORE INTO itemDataValues (value) VALUES (?)", (value,))
            [(value_id,)] = self.db.execute(
                "SELECT valueID FROM itemDataValues WHERE value = ?", (value,)
            )
            self.db.execute(
                "INSERT INTO itemData VALUES (?, ?, ?)", (item_id, FIELDS[name], value_id)
            )
        return item_id

    def creators(self, item_id: int, *names: tuple[str, str]) -> None:
        for order, (first, last) in enumerate(names):
            cursor = self.db.execute(
                "INSERT INTO creators (firstName, lastName, fieldMode) VALUES (?, ?, 0)",
                (first, last),
            )
            self.db.execute(
                "INSERT INTO itemCreators VALUES (?, ?, 1, ?)", (item_id, cursor.lastrowid, order)
            )

    def note(self, key: str, html: str, parent: int | None = None) -> None:
        note_id = self.item("note", key)
        self.db.execute("INSERT INTO itemNotes VALUES (?, ?, ?, '')", (note_id, parent, html))

    def tag(self, item_id: int, name: str, kind: int = 0) -> None:
        cursor = self.db.execute("INSERT INTO tags (name) VALUES (?)", (name,))
        self.db.execute("INSERT INTO itemTags VALUES (?, ?, ?)", (item_id, cursor.lastrowid, kind))


def _data_directory(folder: Path) -> Path:
    folder.mkdir()
    library = _Library(folder / "zotero.sqlite")
    theis = library.item(
        "journalArticle",
        "AAAA1111",
        title="The relation between the lowering of the piezometric surface and the rate and duration of discharge of a well using ground-water storage",
        date="1935",
        publicationTitle="Eos, Transactions American Geophysical Union",
        DOI="10.1029/TR016i002p00519",
    )
    library.creators(theis, ("Charles V.", "Theis"))
    library.note(
        "NOTE1111",
        "<p>The <b>Theis solution</b>: drawdown $s = \\frac{Q}{4\\pi T} W(u)$.</p>",
        parent=theis,
    )
    library.tag(theis, "pumping tests")
    library.tag(theis, "Aquifers", kind=1)
    flopy = library.item(
        "preprint",
        "BBBB2222",
        title="Scripting MODFLOW model development using Python and FloPy",
        date="2016-03",
        extra="arXiv: 1601.00001",
    )
    library.creators(flopy, ("Mark", "Bakker"), ("Vincent", "Post"))
    library.tag(flopy, "pumping tests")
    page = library.item(
        "webpage",
        "CCCC3333",
        title="USGS Groundwater Information",
        url="https://www.usgs.gov/groundwater",
    )
    trashed = library.item(
        "journalArticle", "DDDD4444", title="Groundwater depletion: a global problem", date="2005"
    )
    library.db.execute("INSERT INTO deletedItems VALUES (?, '2024-02-01')", (trashed,))
    library.item(
        "journalArticle",
        "EEEE5555",
        library=2,
        title="A feed's unread article on karst springs",
        date="2024",
    )
    library.note("NOTE2222", "<h1>Lab meeting 4 March</h1><p>Order more piezometers.</p>")
    library.db.execute("INSERT INTO collections VALUES (1, 'Ch2 – recharge', NULL, 1, 'COLL0001')")
    library.db.executemany("INSERT INTO collectionItems VALUES (1, ?, 0)", [(theis,), (page,)])
    library.db.commit()
    library.db.close()
    return folder


def test_a_data_directory_imports_its_papers_with_their_notes_and_not_the_rest(
    tmp_path: Path, alice: User
) -> None:
    folder = _data_directory(tmp_path / "Zotero")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    titles = set(Paper.objects.values_list("title", flat=True))
    assert titles == {
        "The relation between the lowering of the piezometric surface and the rate and duration of discharge of a well using ground-water storage",
        "Scripting MODFLOW model development using Python and FloPy",
    }
    theis = Paper.objects.get(doi="10.1029/tr016i002p00519")
    assert theis.year == 1935 and [a.name for a in theis.ordered_authors()] == ["Charles V. Theis"]
    assert {t.name for t in theis.topics.all()} >= {"Ch2 – recharge"}
    assert "Theis solution" in Summary.objects.get(paper=theis).body
    flopy = Paper.objects.get(arxiv_id="1601.00001")
    assert [a.name for a in flopy.ordered_authors()] == [
        "Mark Bakker",
        "Vincent Post",
    ]
    assert (folder / "zotero.sqlite").is_file()  # read, never written


def test_a_web_api_dump_reads_items_child_notes_and_leaves_attachments_and_deleted_out() -> None:
    dump = [
        {
            "key": "P1",
            "data": {
                "key": "P1",
                "itemType": "journalArticle",
                "title": "A two process model of sleep regulation",
                "creators": [
                    {"creatorType": "author", "firstName": "Alexander A.", "lastName": "Borbély"}
                ],
                "date": "1982",
                "publicationTitle": "Human Neurobiology",
                "tags": [{"tag": "sleep homeostasis"}],
                "collections": [],
            },
        },
        {
            "key": "P2",
            "data": {
                "key": "P2",
                "itemType": "preprint",
                "title": "U-Time: A Fully Convolutional Network for Time Series Segmentation Applied to Sleep Staging",
                "creators": [
                    {"creatorType": "author", "firstName": "Mathias", "lastName": "Perslev"}
                ],
                "date": "2019-10-24",
                "DOI": "10.48550/arXiv.1910.11162",
                "tags": [],
                "collections": [],
            },
        },
        {
            "key": "N1",
            "data": {
                "key": "N1",
                "itemType": "note",
                "parentItem": "P1",
                "note": "<p>Process S and process C.</p>",
                "tags": [],
            },
        },
        {
            "key": "A1",
            "data": {
                "key": "A1",
                "itemType": "attachment",
                "parentItem": "P1",
                "title": "Full Text PDF",
                "tags": [],
            },
        },
        {
            "key": "W1",
            "data": {"key": "W1", "itemType": "webpage", "title": "About the ESS", "tags": []},
        },
        {
            "key": "X1",
            "data": {
                "key": "X1",
                "itemType": "journalArticle",
                "title": "Deleted in the trash",
                "deleted": 1,
                "tags": [],
            },
        },
    ]
    text = json.dumps(dump)
    assert looks_like_zotero_items(text)
    document = parse(text, "items.json")
    papers = [e.paper for e in document.entries if e.paper]
    assert [paper.title for paper in papers] == [
        "A two process model of sleep regulation",
        "U-Time: A Fully Convolutional Network for Time Series Segmentation Applied to Sleep Staging",
    ]
    borbely = next(e for e in document.entries if e.paper and e.paper.year == 1982)
    assert borbely.summary is not None and "Process S and process C." in borbely.summary.markdown
    assert (papers[1].arxiv_id, papers[1].doi) == ("1910.11162", "")
    assert any("a web page, not a paper" in w.message for w in document.warnings)


def test_a_csl_json_file_is_not_taken_for_zotero_items() -> None:
    csl = json.dumps([{"id": "x", "type": "article-journal", "title": "Deep learning"}])
    assert not looks_like_zotero_items(csl)


def test_a_better_bibtex_json_export_reads_its_items_inline_notes_and_collections() -> None:
    export = {
        "config": {"label": "BetterBibTeX JSON", "options": {"exportNotes": True}},
        "version": {"zotero": "7.0.11", "bbt": "7.0.5"},
        "collections": {
            "C1": {"key": "C1", "parent": "", "name": "Spectral GNNs", "items": [1, 2, 3], "collections": []},
        },
        "items": [
            {"itemID": 1, "itemKey": "K1", "itemType": "conferencePaper", "citationKey": "kipf2017semi",
             "title": "Semi-Supervised Classification with Graph Convolutional Networks",
             "creators": [{"firstName": "Thomas N.", "lastName": "Kipf", "creatorType": "author"}],
             "date": "2017", "proceedingsTitle": "ICLR", "extra": "arXiv: 1609.02907", "tags": [{"tag": "gnn"}],
             "notes": [{"key": "N1", "note": "<p>Renormalisation trick: $\\tilde{A} = A + I$.</p>"}]},
            {"itemID": 2, "itemKey": "K2", "itemType": "presentation", "title": "How powerful are GNNs? (my slides)",
             "tags": [{"tag": "gnn"}]},
            {"itemID": 3, "itemKey": "K3", "itemType": "journalArticle", "title": "A Comprehensive Survey on Graph Neural Networks",
             "creators": [{"firstName": "Zonghan", "lastName": "Wu", "creatorType": "author"}], "date": "2021",
             "DOI": "10.1109/TNNLS.2020.2978386", "tags": [{"tag": "gnn"}, {"tag": "survey"}]},
        ],
    }  # fmt: skip
    text = json.dumps(export, indent=2)
    assert looks_like_zotero_items(text)
    document = parse(text, "My Library.json")
    papers = {e.paper.title: e for e in document.entries if e.paper}
    assert set(papers) == {
        "Semi-Supervised Classification with Graph Convolutional Networks",
        "A Comprehensive Survey on Graph Neural Networks",
    }
    kipf = papers["Semi-Supervised Classification with Graph Convolutional Networks"]
    assert kipf.paper is not None and kipf.paper.arxiv_id == "1609.02907"
    assert kipf.summary is not None and "Renormalisation trick" in kipf.summary.markdown
    assert "Spectral GNNs" in document.entry_topics[document.entries.index(kipf)]
