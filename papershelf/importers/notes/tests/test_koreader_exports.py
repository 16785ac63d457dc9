"""KOReader's highlight exports (Markdown per document, JSON per document or for all)."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.containers import reader_for, readers
from papershelf.importers.notes.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

PAPER = """\
# Coral reefs under rapid climate change and ocean acidification
##### O. Hoegh-Guldberg, P. J. Mumby, A. J. Hooten

## Abstract
### Page 1 @ 12 March 2024 08:01:10 PM
*Atmospheric carbon dioxide concentration is expected to exceed 500 parts per million*

---
Science 318 (2007). The reef scenarios figure is the one everyone reuses.
## Reef scenarios
### Page 3 @ 12 March 2024 08:20:44 PM
**CRS-A, CRS-B, CRS-C**

_Generated at: 2024-03-12-20-30-00_
"""

NAMED_BY_FILE = """\
# hughes2017_final_accepted
##### Unknown Author

## hughes2017_final_accepted
### Page 1 @ 02 April 2024 10:15:02 AM
*Global Warming and Recurrent Mass Bleaching of Corals*

---
Hughes et al. 2017, Nature — the 2016 Great Barrier Reef bleaching survey.
### Page 2 @ 02 April 2024 10:21:40 AM
~~aerial surveys of 1,156 reefs~~
"""

CITED_IN_A_NOTE = """\
# manuscript_v2
##### jbruno

## manuscript_v2
### Page 1 @ 05 April 2024 09:00:00 PM
*Coral cover has declined across the Indo-Pacific over the past decades.*

---
= Bruno & Selig 2007, "Regional decline of coral cover in the Indo-Pacific", PLoS ONE 2.
"""

NOVEL = """\
# The Old Man and the Sea
##### Ernest Hemingway

## Part 1
### Page 14 @ 29 March 2024 10:48:30 PM
*He was an old man who fished alone*
## Part 2
### Page 97 @ 29 March 2024 11:51:02 PM
**the great fish**

---
re-read the ending
"""


def test_a_koreader_export_is_the_notes_on_the_paper_its_metadata_names() -> None:
    [entry] = parse(PAPER, "clipboard/2024-03-12-20-30-00-Coral reefs.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Coral reefs under rapid climate change and ocean acidification"
    assert entry.paper.authors[0] == "O. Hoegh-Guldberg"
    assert entry.summary is not None
    body = entry.summary.markdown
    # Highlights are quotes without the drawer's style; the person's notes are text.
    assert "> Atmospheric carbon dioxide concentration" in body
    assert "The reef scenarios figure" in body
    assert "Page 1 @" not in body and "Generated at" not in body


def test_a_file_name_is_no_title_but_the_first_page_highlight_that_reads_as_one_is() -> None:
    [entry] = parse(NAMED_BY_FILE, "clipboard/2024-04-02-hughes2017_final_accepted.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Global Warming and Recurrent Mass Bleaching of Corals"


def test_a_note_citing_the_paper_by_its_quoted_title_names_a_file_named_pdf() -> None:
    [entry] = parse(CITED_IN_A_NOTE, "clipboard/2024-04-05-manuscript_v2.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Regional decline of coral cover in the Indo-Pacific"
    assert entry.paper.year == 2007
    # "jbruno" is the login of whoever made the PDF, not an author's name.
    assert entry.paper.authors == ["Bruno", "Selig"]


def test_a_novel_read_on_the_same_e_reader_is_no_paper() -> None:
    assert not parse(NOVEL, "clipboard/2024-03-29-The Old Man and the Sea.md").entries


def test_a_json_export_of_all_documents_imports_the_papers_among_them(
    tmp_path: Path, alice: User
) -> None:
    documents = [
        {
            "title": "1805.00909v1",
            "author": "",
            "file": "/mnt/onboard/Papers/1805.00909v1.pdf",
            "number_of_pages": 14,
            "entries": [
                {"page": 1, "chapter": "", "text": "Sea-Level Rise and Reef Accretion",
                 "note": "read for the modelling chapter"},
            ],
        },
        {
            "title": "Moby-Dick",
            "author": "Herman Melville",
            "file": "/mnt/onboard/Books/moby-dick.epub",
            "entries": [{"page": 3, "chapter": "Loomings", "text": "Call me Ishmael."}],
        },
    ]  # fmt: skip
    export = tmp_path / "2024-05-20-all-books.json"
    export.write_text(json.dumps({"version": "json/1.0.0", "documents": documents}))
    assert reader_for(export, readers()) is not None
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    [paper] = Paper.objects.all()
    assert paper.arxiv_id == "1805.00909"
    assert paper.title == "Sea-Level Rise and Reef Accretion"
