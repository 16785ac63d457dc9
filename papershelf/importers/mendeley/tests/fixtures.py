"""A Mendeley Desktop 1.19 data folder, built in code: the library's tables as Mendeley
creates them (the columns Zotero's importer and Menotexport read, with their types and
Mendeley's "true"/"false" flags), and a cardiologist's library in them.

The library: EMPA-REG (three authors, one a trial group; an HTML note with bold, line
breaks and entities; two sticky notes on its PDF; nested folders and tags), LEADER
filed twice (Mendeley's duplicate, a note on each copy), a preprint that "Needs
Review" with an old-style note, a conference paper, DECLARE (unread, no notes), a
textbook, a web page and software, one document in the trash, one deleted, and one of
a shared group's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

DATABASE = "alice@example.org@www.mendeley.com.sqlite"

EMPA = "Empagliflozin, Cardiovascular Outcomes, and Mortality in Type 2 Diabetes"
LEADER = "Liraglutide and Cardiovascular Outcomes in Type 2 Diabetes"
PREPRINT = "Learning glucose dynamics from continuous monitors"
CLOSED_LOOP = "Closed-loop insulin delivery in practice"
DECLARE = "Dapagliflozin and Cardiovascular Outcomes in Type 2 Diabetes"
TEXTBOOK = "Williams Textbook of Endocrinology"
WEB_PAGE = "Standards of Care in Diabetes—2024"
SOFTWARE = "GlucoseStats R package"
TRASHED = "Sitagliptin and cardiovascular outcomes (TECOS)"
DELETED = "An old draft I deleted"
GROUP_PAPER = "Semaglutide and Cardiovascular Outcomes (the lab group's copy)"

SCHEMA = """
CREATE TABLE Documents (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid VARCHAR NOT NULL UNIQUE,
    confirmed VARCHAR, deduplicated VARCHAR, deletionPending VARCHAR, favourite VARCHAR,
    read VARCHAR, type VARCHAR, abstract VARCHAR, added INT, modified INT, importer VARCHAR,
    note VARCHAR, privacy VARCHAR, title VARCHAR, advisor VARCHAR, articleColumn VARCHAR,
    applicationNumber VARCHAR, arxivId VARCHAR, chapter VARCHAR, citationKey VARCHAR,
    city VARCHAR, code VARCHAR, codeNumber VARCHAR, codeSection VARCHAR, codeVolume VARCHAR,
    committee VARCHAR, counsel VARCHAR, country VARCHAR, dateAccessed VARCHAR, day INT,
    department VARCHAR, doi VARCHAR, edition VARCHAR, genre VARCHAR, institution VARCHAR,
    isbn VARCHAR, issn VARCHAR, issue VARCHAR, language VARCHAR, month INT, pages VARCHAR,
    pmid BIGINT, publication VARCHAR, publisher VARCHAR, series VARCHAR, shortTitle VARCHAR,
    sourceType VARCHAR, userType VARCHAR, volume VARCHAR, year INT);
CREATE TABLE DocumentContributors (id INTEGER PRIMARY KEY AUTOINCREMENT,
    documentId INTEGER NOT NULL, contribution VARCHAR NOT NULL, firstNames VARCHAR,
    lastName VARCHAR NOT NULL);
CREATE TABLE DocumentUrls (documentId INTEGER NOT NULL, position INTEGER NOT NULL,
    url BLOB NOT NULL, PRIMARY KEY (documentId, position));
CREATE TABLE DocumentTags (documentId INTEGER NOT NULL, tag VARCHAR NOT NULL,
    PRIMARY KEY (documentId, tag));
CREATE TABLE DocumentKeywords (documentId INTEGER NOT NULL, keyword VARCHAR NOT NULL,
    PRIMARY KEY (documentId, keyword));
CREATE TABLE Folders (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid VARCHAR UNIQUE,
    name VARCHAR NOT NULL, parentId INT, access VARCHAR NOT NULL, syncPolicy VARCHAR,
    downloadFilesPolicy INT, uploadFilesPolicy INT, publicUrl VARCHAR, description VARCHAR,
    creatorName VARCHAR, creatorProfileUrl VARCHAR);
CREATE TABLE DocumentFolders (documentId INTEGER NOT NULL, folderId INTEGER NOT NULL,
    status VARCHAR NOT NULL, PRIMARY KEY (documentId, folderId));
CREATE TABLE Groups (id INTEGER PRIMARY KEY AUTOINCREMENT, remoteId INT, remoteUuid VARCHAR,
    name VARCHAR, groupType VARCHAR NOT NULL, status VARCHAR NOT NULL, access VARCHAR NOT NULL,
    syncPolicy VARCHAR, downloadFilesPolicy INT, uploadFilesPolicy INT, publicUrl VARCHAR,
    isOwner VARCHAR, isReadOnly VARCHAR, isPrivate VARCHAR, iconName VARCHAR);
CREATE TABLE RemoteDocuments (documentId INTEGER PRIMARY KEY, remoteUuid VARCHAR,
    remoteId INT, groupId INT, status VARCHAR NOT NULL, inTrash VARCHAR NOT NULL);
CREATE TABLE RemoteFolders (folderId INTEGER PRIMARY KEY, remoteUuid VARCHAR, remoteId INT,
    groupId INT, parentRemoteId INT, status VARCHAR NOT NULL, version INT);
CREATE TABLE Files (hash CHAR[40] PRIMARY KEY, localUrl VARCHAR NOT NULL);
CREATE TABLE DocumentFiles (documentId INTEGER NOT NULL, hash CHAR[40] NOT NULL,
    remoteUrl VARCHAR, unlinked VARCHAR NOT NULL, downloadRestricted VARCHAR NOT NULL,
    remoteFileUuid VARCHAR, PRIMARY KEY (documentId, hash));
CREATE TABLE FileNotes (id INTEGER PRIMARY KEY AUTOINCREMENT, author VARCHAR,
    uuid VARCHAR NOT NULL UNIQUE, documentId INTEGER NOT NULL, fileHash CHAR[40] NOT NULL,
    page INTEGER NOT NULL, x FLOAT NOT NULL, y FLOAT NOT NULL, note VARCHAR NOT NULL,
    modifiedTime VARCHAR NOT NULL, createdTime VARCHAR, unlinked VARCHAR NOT NULL,
    baseNote VARCHAR, color VARCHAR, profileUuid VARCHAR);
CREATE TABLE FileHighlights (id INTEGER PRIMARY KEY AUTOINCREMENT, author VARCHAR,
    uuid VARCHAR NOT NULL UNIQUE, documentId INTEGER NOT NULL, fileHash CHAR[40] NOT NULL,
    createdTime VARCHAR NOT NULL, unlinked VARCHAR NOT NULL, color VARCHAR,
    profileUuid VARCHAR);
CREATE TABLE FileHighlightRects (id INTEGER PRIMARY KEY AUTOINCREMENT,
    highlightId INTEGER NOT NULL, page INTEGER NOT NULL, x1 FLOAT, y1 FLOAT, x2 FLOAT,
    y2 FLOAT);
CREATE TABLE DocumentNotes (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid VARCHAR NOT NULL,
    documentId INTEGER NOT NULL, text VARCHAR NOT NULL, baseNote VARCHAR);
CREATE TABLE Profiles (uuid VARCHAR PRIMARY KEY, firstName VARCHAR, lastName VARCHAR,
    displayName VARCHAR, isSelf VARCHAR NOT NULL);
"""

EMPA_NOTE = (
    "<b>EMPA-REG &ndash; my summary</b><br/>7020 patients with T2D &amp; CVD.<br/>"
    "3-point MACE HR 0.86 (95% CI 0.74&ndash;0.99); CV death &darr; 38%.<br/>"
    "<i>Why?</i> Probably haemodynamic, not glycaemic &mdash; see LEADER."
)

# (id, type, title, year, publication, doi, arxivId, pmid, read, confirmed, note, citationKey)
_DOCUMENTS = [
    (1, "JournalArticle", EMPA, 2015, "New England Journal of Medicine",
     "10.1056/NEJMoa1504720", None, 26378978, "true", "true", EMPA_NOTE, "Zinman2015"),
    (2, "JournalArticle", LEADER, 2016, "New England Journal of Medicine",
     "10.1056/NEJMoa1603827", None, None, "false", "true",
     "<p>GLP-1 RA: MACE HR 0.87.</p>", "Marso2016"),
    (3, "ConferenceProceedings", CLOSED_LOOP, 2019,
     "Proceedings of the Diabetes Technology Meeting", "10.1000/dtm.2019.7", None, None,
     "true", "true", None, "Doe2019"),
    (4, "JournalArticle", PREPRINT, 2021, "arXiv", None, "2101.00001v3", None, "true",
     "false", None, None),
    (5, "JournalArticle", DECLARE, 2019, "New England Journal of Medicine",
     "10.1056/NEJMoa1812389", None, None, "false", "true", None, "Wiviott2019"),
    (6, "Book", TEXTBOOK, 2019, None, None, None, None, "true", "true", None, None),
    (7, "WebPage", WEB_PAGE, 2024, None, None, None, None, "true", "true",
     "<p>Read section 10 again.</p>", None),
    (8, "ComputerProgram", SOFTWARE, 2020, None, None, None, None, "true", "true", None, None),
    (9, "JournalArticle", TRASHED, 2015, "New England Journal of Medicine",
     "10.1056/NEJMoa1501352", None, None, "true", "true", "<p>Neutral.</p>", None),
    (10, "JournalArticle", DELETED, 2012, None, None, None, None, "true", "true",
     "<p>Draft notes.</p>", None),
    (11, "JournalArticle", GROUP_PAPER, 2016, "New England Journal of Medicine",
     "10.1056/NEJMoa1607141", None, None, "true", "true", "<p>Lab's notes.</p>", None),
    # LEADER again, imported from a BibTeX file: Mendeley's duplicate of document 2.
    (12, "JournalArticle", LEADER, 2016, "N Engl J Med", "10.1056/nejmoa1603827", None,
     27295427, "true", "true", "<p>Hypoglycaemia lower than with placebo?</p>", None),
]  # fmt: skip
_AUTHORS = [
    (1, "Bernard", "Zinman"), (1, "Christoph", "Wanner"),
    (1, None, "EMPA-REG OUTCOME Investigators"),
    (2, "Steven P.", "Marso"), (12, "Steven P.", "Marso"), (3, "Jane", "Doe"),
    (4, "Richard", "Roe"), (5, "Stephen D.", "Wiviott"), (6, "Shlomo", "Melmed"),
]  # fmt: skip
# Folders: "Diabetes" > "SGLT2", and "Journal club".
_FOLDERS = [(1, "Diabetes", -1), (2, "SGLT2", 1), (3, "Journal club", 0)]
_DOCUMENT_FOLDERS = [(1, 2), (5, 2), (2, 1), (3, 1), (1, 3), (4, 3), (12, 3)]
_TAGS = [(1, "SGLT2"), (3, "SGLT2"), (1, "cardiology"), (2, "cardiology"), (5, "to-read")]


def build_library(path: Path) -> Path:
    """A Mendeley Desktop database at ``path``, holding the library above."""
    with sqlite3.connect(path) as connection:
        connection.executescript(SCHEMA)
        _fill(connection)
    connection.close()
    return path


def _fill(db: sqlite3.Connection) -> None:
    for id, kind, title, year, venue, doi, arxiv, pmid, read, confirmed, note, key in _DOCUMENTS:
        deleted = "true" if title == DELETED else "false"
        db.execute(
            "INSERT INTO Documents (id, uuid, type, title, year, publication, doi, arxivId, "
            "pmid, read, confirmed, note, citationKey, deletionPending, favourite, "
            "deduplicated, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "'false', 'false', 1400000000000)",
            (id, f"{{{id:08d}-0000-4000-8000-000000000000}}", kind, title, year, venue, doi,
             arxiv, pmid, read, confirmed, note, key, deleted),
        )  # fmt: skip
        group = 2 if title == GROUP_PAPER else 0
        trash = "true" if title == TRASHED else "false"
        db.execute(
            "INSERT INTO RemoteDocuments VALUES (?, ?, ?, ?, 'ObjectUnchanged', ?)",
            (id, f"remote-{id}", 1000 + id, group, trash),
        )
    db.executemany(
        "INSERT INTO DocumentContributors (documentId, contribution, firstNames, lastName) "
        "VALUES (?, 'DocumentAuthor', ?, ?)",
        _AUTHORS,
    )
    db.execute(
        "INSERT INTO DocumentContributors (documentId, contribution, firstNames, lastName) "
        "VALUES (6, 'DocumentEditor', 'Kenneth S.', 'Polonsky')"
    )
    db.executemany(
        "INSERT INTO Groups (id, name, groupType, status, access) VALUES (?, ?, ?, 'x', ?)",
        [(0, "My Library", "PersonalGroupType", "Private"),
         (2, "Cardio lab", "Group", "PrivateGroup")],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO Folders (id, uuid, name, parentId, access) VALUES (?, ?, ?, ?, 'Private')",
        [(id, f"folder-{id}", name, parent) for id, name, parent in _FOLDERS],
    )
    db.executemany(
        "INSERT INTO DocumentFolders VALUES (?, ?, 'ObjectUnchanged')", _DOCUMENT_FOLDERS
    )
    db.executemany("INSERT INTO DocumentTags VALUES (?, ?)", _TAGS)
    db.execute("INSERT INTO DocumentKeywords VALUES (1, 'sodium-glucose cotransporter 2')")
    _fill_links_and_notes(db)


def _fill_links_and_notes(db: sqlite3.Connection) -> None:
    db.executemany(
        "INSERT INTO DocumentUrls VALUES (?, ?, ?)",
        [(1, 0, b"https://www.nejm.org/doi/full/10.1056/NEJMoa1504720"),
         (4, 0, b"http://arxiv.org/abs/2101.00001v3"),
         (3, 0, b"https://example.org/dtm/2019/closed-loop")],
    )  # fmt: skip
    pdf = "file:///C:/Users/alice/AppData/Local/Mendeley Ltd./Mendeley Desktop/Downloaded/"
    db.execute("INSERT INTO Files VALUES ('a1b2', ?)", (pdf + "Zinman%20et%20al.%202015.pdf",))
    db.execute("INSERT INTO DocumentFiles VALUES (1, 'a1b2', '', 'false', 'false', NULL)")
    db.executemany(
        "INSERT INTO FileNotes (uuid, documentId, fileHash, page, x, y, note, modifiedTime, "
        "unlinked, color) VALUES (?, 1, 'a1b2', ?, 100, ?, ?, '2016-03-01T10:00:00Z', "
        "'false', '#fff5ad')",
        [("n2", 5, 300.0, "Figure 2: the curves split by month 3.\nHeart failure too."),
         ("n1", 3, 120.0, "Primary outcome defined here")],
    )  # fmt: skip
    db.execute(
        "INSERT INTO FileHighlights (uuid, documentId, fileHash, createdTime, unlinked, color) "
        "VALUES ('h1', 1, 'a1b2', '2016-03-01T10:00:00Z', 'false', '#fff5ad')"
    )
    db.execute("INSERT INTO FileHighlightRects (highlightId, page, x1, y1, x2, y2) "
               "VALUES (1, 3, 10, 10, 200, 20)")  # fmt: skip
    db.execute(
        "INSERT INTO DocumentNotes (uuid, documentId, text) VALUES ('dn1', 4, ?)",
        ("<m:bold>Neural ODE</m:bold> on CGM traces<m:linebreak></m:linebreak>Weak baseline.",),
    )
    db.execute("INSERT INTO Profiles VALUES ('p1', 'Alice', 'Liddell', 'Alice', 'true')")


def data_folder(folder: Path) -> Path:
    """A copy of Mendeley Desktop's data folder: the library and the files beside it."""
    database = build_library(folder / DATABASE)
    (folder / f"{DATABASE}-journal").write_bytes(b"")  # left by a clean exit
    for name in ("online.sqlite", "monitor.sqlite"):
        with sqlite3.connect(folder / name) as other:
            other.execute("CREATE TABLE Catalog (uuid VARCHAR PRIMARY KEY, json VARCHAR)")
        other.close()
    downloaded = folder / "Downloaded"
    downloaded.mkdir()
    (downloaded / "Zinman et al. 2015.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n")
    (downloaded / "supplement.html").write_text("<html><body>Supplementary appendix</body>")
    return database
