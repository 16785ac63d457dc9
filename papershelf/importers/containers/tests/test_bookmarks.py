"""A bookmarks export (Netscape bookmark file from a browser or bookmark manager, Pocket's
ril_export.html) becomes one note per bookmarked paper; the person's note, tags and
folders say what was read."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.containers import reader_for, readers
from papershelf.importers.containers.bookmarks import (
    looks_like_bookmarks,
    parse_bookmarks,
    read_browser_bookmarks,
    read_pinboard_json,
    read_wallabag_json,
)
from papershelf.importers.containers.readwise import read_readwise_csv
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

HEADER = (
    "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<!-- This is an automatically generated file.\n"
    "     It will be read and overwritten.\n     DO NOT EDIT! -->\n"
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n'
    "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n"
)
# Firefox: a toolbar folder, descriptions in <DD>, no tags attribute.
FIREFOX = HEADER + (
    "<DL><p>\n"
    '    <DT><H3 ADD_DATE="1700000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks Toolbar</H3>\n'
    "    <DL><p>\n"
    '        <DT><H3 ADD_DATE="1700000001">Ecology papers</H3>\n'
    "        <DL><p>\n"
    '            <DT><A HREF="https://www.science.org/doi/10.1126/science.1116681" '
    'ADD_DATE="1700000002" LAST_CHARSET="UTF-8">Ecosystem Consequences of Bird Declines '
    "| Science</A>\n"
    "            <DD>Read for lab meeting. Birds do seed dispersal &amp; pest control; "
    "the functional loss precedes the extinction. Table 2 is the one to cite.\n"
    '            <DT><A HREF="https://www.nature.com/articles/nature09678" '
    'ADD_DATE="1700000003">Has the Earth’s sixth mass extinction already arrived? '
    "| Nature</A>\n"
    '            <DT><A HREF="https://en.wikipedia.org/wiki/Holocene_extinction" '
    'ADD_DATE="1700000004">Holocene extinction - Wikipedia</A>\n'
    "            <DD>Background reading for the intro.\n"
    "        </DL><p>\n"
    "    </DL><p>\n"
    '    <DT><A HREF="place:sort=8&amp;maxResults=10">Recent Tags</A>\n'
    "</DL>\n"
)
# Pinboard: TAGS and TOREAD attributes, notes in <DD>.
PINBOARD = HEADER + (
    "<DL><p>\n"
    '<DT><A HREF="https://arxiv.org/abs/1706.03762v5" ADD_DATE="1600000000" PRIVATE="0" '
    'TOREAD="0" TAGS="nlp,transformers">[1706.03762] Attention Is All You Need</A>\n'
    "<DD>Self-attention replaces recurrence; multi-head attention; positional encodings. "
    "Read twice, the second time for the training schedule.\n"
    '<DT><A HREF="https://arxiv.org/abs/2005.14165" ADD_DATE="1600000001" PRIVATE="0" '
    'TOREAD="1" TAGS="nlp">[2005.14165] Language Models are Few-Shot Learners</A>\n'
    "<DD>Everyone cites it; should read the scaling section.\n"
    "</DL><p>\n"
)
POCKET = (
    "<!DOCTYPE html>\n<html>\n<!--So long and thanks for all the fish-->\n<head>\n"
    '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />\n'
    "<title>Pocket Export</title>\n</head>\n<body>\n<h1>Unread</h1>\n<ul>\n"
    '<li><a href="https://arxiv.org/abs/2112.04510" time_added="1639000000" tags="cosmology">'
    "[2112.04510] A Comprehensive Measurement of the Local Value of the Hubble Constant</a>"
    "</li>\n</ul>\n\n<h1>Read Archive</h1>\n<ul>\n"
    '<li><a href="https://www.nature.com/articles/378355a0" time_added="1610000000" '
    'tags="exoplanets">A Jupiter-mass companion to a solar-type star | Nature</a></li>\n'
    '<li><a href="https://www.quantamagazine.org/why-the-universe-is-flat/" '
    'time_added="1610000001" tags="">Why the universe is flat | Quanta Magazine</a></li>\n'
    "</ul>\n</body>\n</html>\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bookmarks_file_is_told_from_a_saved_page_by_its_first_bytes(tmp_path: Path) -> None:
    assert looks_like_bookmarks(FIREFOX) and looks_like_bookmarks(POCKET)
    assert not looks_like_bookmarks("<!DOCTYPE html><html><title>A paper</title></html>")
    page = _write(tmp_path, "page.html", "<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    assert reader_for(page, readers()) is None
    assert reader_for(_write(tmp_path, "bookmarks.html", FIREFOX), readers()) is not None


def test_folders_nest_and_a_note_follows_its_bookmark() -> None:
    bookmarks = parse_bookmarks(FIREFOX)
    assert [b.folders for b in bookmarks][:2] == [["Bookmarks Toolbar", "Ecology papers"]] * 2
    assert bookmarks[0].note.startswith("Read for lab meeting. Birds do seed dispersal & pest")
    assert bookmarks[1].note == ""
    assert all(b.url.startswith("https://") for b in bookmarks)  # no place: query


def test_a_bookmarked_paper_with_a_note_is_a_paper_read_and_a_bare_one_is_not(
    tmp_path: Path, alice: User
) -> None:
    _write(tmp_path, "bookmarks.html", FIREFOX)
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.values_list("doi", flat=True)) == ["10.1126/science.1116681"]
    paper = Paper.objects.get()
    assert paper.title == "Ecosystem Consequences of Bird Declines"  # no " | Science"
    summary = paper.summaries.get()
    assert "Table 2 is the one to cite" in summary.body
    assert not report.files_with("failed")


def test_pinboards_to_read_mark_keeps_a_noted_bookmark_out(tmp_path: Path, alice: User) -> None:
    _write(tmp_path, "pinboard_export.html", PINBOARD)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.values_list("arxiv_id", flat=True)) == ["1706.03762"]
    paper = Paper.objects.get()
    assert paper.title == "Attention Is All You Need"  # no "[1706.03762] " in front
    assert set(paper.topics.values_list("name", flat=True)) >= {"nlp", "transformers"}


def test_pockets_read_archive_is_read_and_its_unread_list_is_not(
    tmp_path: Path, alice: User
) -> None:
    _write(tmp_path, "ril_export.html", POCKET)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    # The magazine article is no paper; the unread Hubble-constant paper waits.
    assert list(Paper.objects.values_list("title", flat=True)) == [
        "A Jupiter-mass companion to a solar-type star"
    ]


POCKET_CSV = (
    "title,url,time_added,tags,status\n"
    "Measurements of Ω and Λ from 42 High-Redshift Supernovae - IOPscience,"
    "https://iopscience.iop.org/article/10.1086/307221,1572775920,cosmology|classic,archive\n"
    "Prevalence of Earth-size planets orbiting Sun-like stars | PNAS,"
    "https://www.pnas.org/doi/10.1073/pnas.1319909110,1580000000,exoplanets|archived-unread,"
    "archive\n"
    "https://arxiv.org/abs/2112.04510,https://arxiv.org/abs/2112.04510,1639000000,,unread\n"
    "Why the universe is flat | Quanta Magazine,https://www.quantamagazine.org/flat/,"
    "1610000001,,archive\n"
)
INSTAPAPER_CSV = (
    "URL,Title,Selection,Folder,Timestamp\n"
    "https://arxiv.org/abs/1512.03385,Deep Residual Learning for Image Recognition,"
    '"Residual blocks learn F(x) = H(x) - x; identity shortcuts cost nothing.",Archive,'
    "1600000000\n"
    "https://arxiv.org/abs/2010.11929,An Image is Worth 16x16 Words,,Unread,1600000001\n"
)


def test_pockets_csv_reads_its_archive_and_leaves_what_was_archived_unread(
    tmp_path: Path, alice: User
) -> None:
    _write(tmp_path, "part_000000.csv", POCKET_CSV)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    # The site's name leaves the title; the "archived-unread" tag and the unread queue
    # keep theirs out; the magazine is no paper.
    assert list(Paper.objects.values_list("title", "doi")) == [
        ("Measurements of Ω and Λ from 42 High-Redshift Supernovae", "10.1086/307221")
    ]


def test_instapapers_csv_takes_the_highlight_as_the_note(tmp_path: Path, alice: User) -> None:
    _write(tmp_path, "instapaper-export.csv", INSTAPAPER_CSV)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    paper = Paper.objects.get()
    assert paper.arxiv_id == "1512.03385"
    assert "identity shortcuts cost nothing" in paper.summaries.get().body


# A browser keeps no notes with its bookmarks: Chrome's profile file (no suffix) and
# Firefox's backup, folders as the browsers nest them, a keyword search among them.
CHROME_JSON = {
    "checksum": "0123456789abcdef0123456789abcdef",
    "roots": {
        "bookmark_bar": {
            "children": [
                {
                    "children": [
                        {"name": "[1706.03762] Attention Is All You Need", "type": "url",
                         "url": "https://arxiv.org/abs/1706.03762"},
                    ],
                    "name": "Read", "type": "folder",
                },
                {
                    "children": [
                        {"name": "[2106.07447] HuBERT: Self-Supervised Speech Representation",
                         "type": "url", "url": "https://arxiv.org/abs/2106.07447"},
                    ],
                    "name": "To read", "type": "folder",
                },
                {"name": "cs.CL recent submissions", "type": "url", "url": "https://arxiv.org/list/cs.CL/recent"},
                {"name": "Shakshuka With Feta Recipe", "type": "url", "url": "https://cooking.nytimes.com/recipes/1014721"},
            ],
            "name": "Bookmarks bar", "type": "folder",
        },
        "other": {"children": [], "name": "Other bookmarks", "type": "folder"},
    },
    "version": 1,
}  # fmt: skip
FIREFOX_JSON = {
    "guid": "root________", "title": "", "typeCode": 2, "type": "text/x-moz-place-container",
    "root": "placesRoot",
    "children": [
        {"guid": "toolbar_____", "title": "toolbar", "typeCode": 2, "root": "toolbarFolder",
         "type": "text/x-moz-place-container",
         "children": [
             {"title": "ASR", "typeCode": 2, "type": "text/x-moz-place-container", "children": [
                 {"title": "[2005.08100] Conformer: Convolution-augmented Transformer for",
                  "typeCode": 1, "tags": "asr", "type": "text/x-moz-place",
                  "uri": "https://arxiv.org/abs/2005.08100"},
             ]},
         ]},
        {"guid": "menu________", "title": "menu", "typeCode": 2, "root": "bookmarksMenuFolder",
         "type": "text/x-moz-place-container",
         "children": [
             {"title": "ACL Anthology search", "typeCode": 1, "type": "text/x-moz-place",
              "keyword": "acl", "postData": None, "uri": "https://aclanthology.org/search/?q=%s"},
         ]},
    ],
}  # fmt: skip


def test_browser_bookmark_files_are_opened_by_what_they_hold(tmp_path: Path) -> None:
    chrome = tmp_path / "Bookmarks"
    chrome.write_text(json.dumps(CHROME_JSON, indent=3), encoding="utf-8")
    firefox = tmp_path / "bookmarks-2024-03-14.json"
    firefox.write_text(json.dumps(FIREFOX_JSON), encoding="utf-8")
    assert reader_for(chrome, readers()) is read_browser_bookmarks
    assert reader_for(firefox, readers()) is read_browser_bookmarks
    assert [name for name, _ in read_browser_bookmarks(firefox)] == [
        "ASR/00001 2005 08100  Conformer  Convolution-augmented Transformer for.md"
    ]


def test_a_browsers_papers_come_in_but_not_what_waits_in_a_to_read_folder(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "Bookmarks").write_text(json.dumps(CHROME_JSON, indent=3), encoding="utf-8")
    (tmp_path / "bookmarks-2024-03-14.json").write_text(json.dumps(FIREFOX_JSON), encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("arxiv_id", flat=True)) == {"1706.03762", "2005.08100"}


# Diigo writes a bookmark a row, its notes inside the quotes across lines.
DIIGO_CSV = """title,url,tags,description,comments,annotations,created_at
"Revisiting The Widget Effect - Matthew A. Kraft, Allison F. Gilmour, 2017","https://journals.sagepub.com/doi/full/10.3102/0013189X17718797","teacher-evaluation,ratings","Ratings still inflated after the reforms.","","Highlight: fewer than 1% of teachers rated below proficient
Sticky notes: compare with the 2009 report","2021-04-02 10:00:00"
"AEFP 50th Annual Conference - Call for Proposals","https://aefpweb.org/conference/call-for-proposals","conferences","Proposals due Nov 1.","","","2024-10-21 09:12:40"
"School Finance Reform and the Distribution of Student Achievement","https://www.aeaweb.org/articles?id=10.1257/app.20160567","finance","","","","2023-01-05 08:00:00"
"""  # noqa: E501


def test_diigos_csv_keeps_the_papers_noted_on_and_not_the_bare_or_the_other_pages(
    tmp_path: Path, alice: User
) -> None:
    _write(tmp_path, "5519318_csv_2024_11_02_7c1e4.csv", DIIGO_CSV)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    paper = Paper.objects.get()
    assert paper.doi == "10.3102/0013189x17718797"
    body = paper.summaries.get().body
    assert "Ratings still inflated" in body and "fewer than 1% of teachers" in body


READWISE_CSV = """Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags
"Taking a test on studied material promotes subsequent learning and retention.",Roediger_Karpicke_2006_PsychSci.pdf,,,"Roediger & Karpicke 2006, Test-enhanced learning, Psychological Science 17(3). doi:10.1111/j.1467-9280.2006.01693.x",yellow,,page,1,2024-11-06 19:41:02+00:00,"memory,retrieval-practice"
Results,Roediger_Karpicke_2006_PsychSci.pdf,,,.h2,yellow,h2,page,3,2024-11-06 19:42:00+00:00,"memory,retrieval-practice"
"testing produced better retention after one week",Roediger_Karpicke_2006_PsychSci.pdf,,,the key figure,yellow,,page,3,2024-11-06 19:43:00+00:00,"memory,retrieval-practice"
"Nothing in life is as important as you think it is.",Thinking Fast and Slow,Daniel Kahneman,B00555X8OA,,yellow,,location,4012,2024-10-01 10:00:00+00:00,
"re-reading feels fluent",Ep. 87 – Why Re-reading Feels Like Learning,The Memory Lab Podcast,,,yellow,,time_offset,812,2024-10-02 10:00:00+00:00,
"""  # noqa: E501 -- Readwise writes a highlight a row


def test_readwises_csv_becomes_a_note_per_source_and_leaves_books_and_podcasts_out(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, "readwise-data.csv", READWISE_CSV)
    assert reader_for(path, readers()) is read_readwise_csv
    [(name, note)] = read_readwise_csv(path)
    assert name == "Roediger_Karpicke_2006_PsychSci.pdf.md"
    assert "> Taking a test on studied material" in note and "\n### Results\n" in note
    assert "doi:10.1111/j.1467-9280.2006.01693.x" in note and "- retrieval-practice" in note


PINBOARD_JSON = [
    {"href": "https://dl.acm.org/doi/10.1145/3290605.3300233",
     "description": "Guidelines for Human-AI Interaction",
     "extended": "18 guidelines, validated with 49 designers.", "meta": "x", "hash": "y",
     "time": "2023-02-01T10:00:00Z", "shared": "no", "toread": "no", "tags": "hci ai"},
    {"href": "https://arxiv.org/abs/2006.14779", "description": "Does the Whole Exceed its Parts?",
     "extended": "", "meta": "x", "hash": "z", "time": "2023-03-01T10:00:00Z", "shared": "no",
     "toread": "yes", "tags": "hci"},
    {"href": "https://www.nngroup.com/articles/ten-usability-heuristics/",
     "description": "10 Usability Heuristics", "extended": "classic", "meta": "x", "hash": "w",
     "time": "2023-03-02T10:00:00Z", "shared": "yes",
     "toread": "no", "tags": "ux"},
]  # fmt: skip


def test_pinboards_json_keeps_the_noted_papers_and_not_what_waits_or_other_pages(
    tmp_path: Path, alice: User
) -> None:
    path = _write(tmp_path, "pinboard-bookmarks.json", json.dumps(PINBOARD_JSON))
    assert reader_for(path, readers()) is read_pinboard_json
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.values_list("doi", flat=True)) == ["10.1145/3290605.3300233"]


# wallabag writes an entry's fields as its API does, the page's HTML in "content".
WALLABAG_JSON = [
    {
        "is_archived": 1, "tags": ["did"], "id": 1,
        "title": "Difference-in-differences with variation in treatment timing",
        "url": "https://www.sciencedirect.com/science/article/pii/S0304407621001445",
        "given_url": "https://doi.org/10.1016/j.jeconom.2021.03.014",
        "content": "<p>Abstract</p>", "reading_time": 40,
        "annotations": [{"text": "the weights can be negative", "quote": "negative", "ranges": []}],
    },
    {
        "is_archived": 0, "tags": [], "id": 2, "reading_time": 30, "annotations": [],
        "title": "Difference-in-Differences with Multiple Time Periods",
        "url": "https://arxiv.org/abs/1803.09015", "content": "<p>…</p>",
    },
    {
        "is_archived": 1, "tags": [], "id": 3, "reading_time": 3, "annotations": [],
        "title": "What I've been reading", "content": "<p>…</p>",
        "url": "https://marginalrevolution.com/marginalrevolution/2024/01/reading.html",
    },
]  # fmt: skip


def test_wallabags_archived_or_annotated_papers_are_read_and_its_queue_waits(
    tmp_path: Path, alice: User
) -> None:
    path = _write(tmp_path, "All articles.json", json.dumps(WALLABAG_JSON))
    assert reader_for(path, readers()) is read_wallabag_json
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    paper = Paper.objects.get()
    assert paper.doi == "10.1016/j.jeconom.2021.03.014"  # the address as saved, not redirected
    assert "the weights can be negative" in paper.summaries.get().body
