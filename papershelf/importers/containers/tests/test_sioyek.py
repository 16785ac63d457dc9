"""Sioyek's data folder: one note per PDF the person highlighted or bookmarked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

LOCAL = "CREATE TABLE document_hash (id INTEGER PRIMARY KEY AUTOINCREMENT,path TEXT,hash TEXT)"
SHARED = (
    "CREATE TABLE opened_books (id INTEGER PRIMARY KEY AUTOINCREMENT,path TEXT UNIQUE,"
    "zoom_level REAL,offset_x REAL,offset_y REAL,last_access_time TEXT)",
    "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY AUTOINCREMENT,document_path TEXT,"
    "desc TEXT,offset_y real)",
    "CREATE TABLE highlights (id INTEGER PRIMARY KEY AUTOINCREMENT,document_path TEXT,"
    "desc TEXT,type char,begin_x real,begin_y real,end_x real,end_y real)",
)


def _data_folder(root: Path) -> None:
    folder = root / "sioyek"
    folder.mkdir()
    local = sqlite3.connect(folder / "local.db")
    local.execute(LOCAL)
    files = [
        ("/home/ana/papers/Stommel 1961 Thermohaline Convection.pdf", "h1"),
        ("/home/ana/Downloads/tellusa-13-2-224.pdf", "h1"),  # the same file, downloaded again
        ("/home/ana/papers/2041-8213_ab0ec7.pdf", "h2"),
        ("/home/ana/papers/munk66.pdf", "h3"),
        ("/home/ana/Books/Vallis Atmospheric and Oceanic Fluid Dynamics.pdf", "h4"),
        ("/home/ana/papers/wunsch2002.pdf", "h5"),  # opened, never marked
    ]
    local.executemany("INSERT INTO document_hash (path, hash) VALUES (?, ?)", files)
    local.commit()
    shared = sqlite3.connect(folder / "shared.db")
    for table in SHARED:
        shared.execute(table)
    highlights = [
        ("h1", "a sinking region at high latitudes", 1900.0),
        ("h2", "THE OCEAN'S CO2 SINK IN THE CMIP6 ENSEMBLE", 60.0),
        ("h2", "the sink is stronger than observed", 2400.0),
        ("h3", "vertical diffusivity of about 1 cm2/s", 900.0),
        ("h4", "the f-plane", 4000.0),
    ]
    shared.executemany(
        "INSERT INTO highlights (document_path, desc, type, begin_y) VALUES (?, ?, 'a', ?)",
        highlights,
    )
    shared.executemany(
        "INSERT INTO bookmarks (document_path, desc, offset_y) VALUES (?, ?, ?)",
        [("h3", "Munk 66 — Abyssal Recipes for the Deep Ocean — start", 0.0),
         ("h3", "Table 2 — the budget", 3000.0)],
    )  # fmt: skip
    shared.execute("INSERT INTO opened_books (path, offset_y) VALUES ('h5', 10.0)")
    shared.commit()


def test_each_marked_pdf_is_a_paper_named_by_its_own_title(tmp_path: Path, alice: User) -> None:
    _data_folder(tmp_path)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    papers = dict(Paper.objects.values_list("title", "year"))
    assert papers == {
        "Thermohaline Convection": 1961,  # the file's name, once for both of its paths
        "The Ocean's CO2 Sink in the CMIP6 Ensemble": None,  # its title, highlighted
        "Abyssal Recipes for the Deep Ocean": None,  # the bookmark that names it
    }
