"""Book trackers' library exports (Goodreads, StoryGraph): books, and the papers among them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.csvtable.books import is_book_library
from papershelf.importers.csvtable.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.topics.models import Topic

GOODREADS_HEADER = [
    "Book Id", "Title", "Author", "Author l-f", "Additional Authors", "ISBN", "ISBN13",
    "My Rating", "Average Rating", "Publisher", "Binding", "Number of Pages", "Year Published",
    "Original Publication Year", "Date Read", "Date Added", "Bookshelves",
    "Bookshelves with positions", "Exclusive Shelf", "My Review", "Spoiler", "Private Notes",
    "Read Count", "Owned Copies",
]  # fmt: skip
STORYGRAPH_HEADER = [
    "Title", "Authors", "Contributors", "ISBN/UID", "Format", "Read Status", "Date Added",
    "Last Date Read", "Star Rating", "Review", "Tags", "Owned?",
]  # fmt: skip


def _goodreads(**cells: str) -> list[str]:
    row = dict.fromkeys(GOODREADS_HEADER, "")
    row.update({"ISBN": '=""', "ISBN13": '=""', "Exclusive Shelf": "read"})
    row.update({name.replace("_", " "): value for name, value in cells.items()})
    return [row[name] for name in GOODREADS_HEADER]


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


LIBRARY = _csv(
    GOODREADS_HEADER,
    [
        _goodreads(
            Title="The Left Hand of Darkness", Author="Ursula K. Le Guin", Binding="Paperback",
            Bookshelves="fiction", My_Review="Reread it on the train.",
        ),
        _goodreads(
            Title="Numerical Recipes", Author="William H. Press", Binding="Hardcover",
            Bookshelves="hydrology, numerics", Exclusive_Shelf="read",
        ),
        _goodreads(
            Title="A physically based, variable contributing area model of basin hydrology",
            Author="Keith Beven", Additional_Authors="Mike Kirkby", Publisher="Hydrological "
            "Sciences Bulletin", Binding="Paper", Year_Published="1979",
            Bookshelves="papers, hydrology, topmodel", My_Review="TOPMODEL.<br/><br/>The "
            "topographic index $\\ln(a/\\tan\\beta)$ does all the work.",
            Private_Notes="doi: 10.1080/02626667909491834",
        ),
        _goodreads(
            Title="Equifinality, data assimilation, and uncertainty estimation",
            Author="Keith Beven", Publisher="Journal of Hydrology", Binding="Kindle Edition",
            Year_Published="2001", Bookshelves="papers, hydrology, topmodel, currently-reading",
            Exclusive_Shelf="currently-reading", Private_Notes="https://doi.org/10.1016/S0022-1694(01)00421-8",
        ),
        _goodreads(
            Title="Deep learning for rainfall-runoff modelling", Author="Frederik Kratzert",
            Publisher="arXiv", Binding="ebook", Bookshelves="papers, to-read",
            Exclusive_Shelf="to-read", Private_Notes="arXiv:1803.09999, not opened yet",
        ),
    ],
)  # fmt: skip


def test_a_goodreads_library_is_known_by_its_isbn_and_shelf_columns() -> None:
    assert is_book_library(GOODREADS_HEADER)
    assert is_book_library(STORYGRAPH_HEADER)
    assert not is_book_library(["Title", "Authors", "Year", "DOI", "Status"])


def test_only_rows_with_a_papers_evidence_that_were_read_become_papers() -> None:
    document = parse(LIBRARY, "goodreads_library_export.csv")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [(p.title[:30], p.doi, p.year, p.authors) for p in papers] == [
        ("A physically based, variable c", "10.1080/02626667909491834", 1979,
         ["Keith Beven", "Mike Kirkby"]),
        ("Equifinality, data assimilatio", "10.1016/s0022-1694(01)00421-8", 2001, ["Keith Beven"]),
    ]  # fmt: skip
    assert papers[0].venue == "Hydrological Sciences Bulletin"
    messages = [warning.message for warning in document.warnings]
    assert any("Left Hand of Darkness" in m and "a book" in m for m in messages)
    assert any("Numerical Recipes" in m and "a book" in m for m in messages)
    assert any("rainfall-runoff" in m and "to-read" in m for m in messages)


def test_the_review_and_private_notes_are_the_summary_and_shared_shelves_the_topics() -> None:
    document = parse(LIBRARY, "goodreads_library_export.csv")
    first = document.entries[0]
    assert first.summary is not None
    assert "TOPMODEL." in first.summary.markdown
    assert "$\\ln(a/\\tan\\beta)$" in first.summary.markdown
    assert "doi: 10.1080/02626667909491834" in first.summary.markdown
    # "papers" says what a row is and "currently-reading" how far; neither is a topic.
    assert document.entry_topics == {0: ["hydrology", "topmodel"], 1: ["hydrology", "topmodel"]}


def test_a_storygraph_export_keeps_the_paper_it_tags_and_formats_as_an_article() -> None:
    text = _csv(
        STORYGRAPH_HEADER,
        [
            ["Piranesi", "Susanna Clarke", "", "9781635575637", "hardcover", "read", "", "",
             "4.5", "", "fantasy", "Yes"],
            ["Scaling laws for neural language models", "Jared Kaplan", "", "", "digital",
             "read", "", "", "", "arxiv 2001.08361 — the power laws", "ml, papers", "No"],
        ],
    )  # fmt: skip
    document = parse(text, "storygraph.csv")
    (entry,) = document.entries
    assert entry.paper is not None and entry.paper.arxiv_id == "2001.08361"


def test_importing_a_library_creates_its_papers_and_not_its_books(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "goodreads_library_export.csv").write_text(LIBRARY, encoding="utf-8")
    report = import_paths([tmp_path], ImportOptions(user=alice))
    assert report.count("created") == 2
    assert set(Paper.objects.values_list("year", flat=True)) == {1979, 2001}
    assert set(Topic.objects.values_list("name", flat=True)) == {"hydrology", "topmodel"}
