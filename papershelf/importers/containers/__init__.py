"""Files that hold many notes: an Evernote .enex, a mailbox, a wiki's XML dump, a web
archive (.mht), a Zulip export's messages, and folders that do: a Scrivener project
(.scriv), a Quiver library (.qvlibrary). Office
documents open the same way into one note each: a Word document, an OpenDocument
text, a slide deck (.pptx, .odp).

Each is opened up like a zip: its notes are written as Markdown files into the import's
working folder, one per note, under a folder named after the container, so the rest of
the import treats them as a folder of notes (topics, skipped files, re-imports).
A reader takes the container's path and returns (member name, Markdown text) pairs;
the member name is the note's file name inside that folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Member = tuple[str, str]  # (file name inside the container's folder, Markdown text)
Reader = Callable[[Path], list[Member]]
# Folders that are one document (a macOS package): opened by their reader, never walked.
FOLDER_SUFFIXES = frozenset({".scriv", ".qvlibrary", ".qvnotebook", ".qvnote"})


# A Chromium browser's profile keeps its bookmarks as JSON in a file with no suffix.
_BROWSER_FILES = frozenset({"Bookmarks", "Bookmarks.bak"})


def _head(path: Path) -> str:
    with path.open("rb") as stream:
        return stream.read(4096).decode("utf-8", "replace")


# Files that are many notes by what they hold, not by their suffix: a bookmarks export,
# a read-later service's CSV.
_SNIFFED_SUFFIXES = frozenset({".html", ".htm", ".csv"})


def reader_for(path: Path, by_suffix: dict[str, Reader]) -> Reader | None:
    """The container reader for a file: by its suffix, or for a page by its first bytes."""
    from papershelf.importers.containers import booktoc, sitenav

    if sitenav.is_site_navigation(path):
        return sitenav.read_site_navigation  # mkdocs.yml, .vitepress/config.mts
    if booktoc.is_book_contents(path):
        return booktoc.read_book_contents  # SUMMARY.md, _quarto.yml, _toc.yml
    suffix = path.suffix.lower()
    if suffix in by_suffix:
        return by_suffix[suffix]
    if path.name in _BROWSER_FILES or suffix == ".json":
        from papershelf.importers.containers import bookmarks

        head = _head(path) if path.is_file() else ""
        if bookmarks.looks_like_browser_bookmarks(head):
            return bookmarks.read_browser_bookmarks  # Chrome's Bookmarks, Firefox's backup
        if bookmarks.looks_like_pinboard_json(head):
            return bookmarks.read_pinboard_json  # Pinboard's posts/all?format=json
        if bookmarks.looks_like_wallabag_json(head):
            return bookmarks.read_wallabag_json  # wallabag's saved pages
    if suffix in (".json", ".draftsexport"):  # Drafts names its backups .draftsExport
        from papershelf.importers.containers import drafts, koreader, trilium, zulip

        if koreader.is_koreader_export(path):
            return koreader.read_koreader  # an e-reader's highlights and notes
        if trilium.is_trilium_export(path):
            return trilium.read_trilium
        if drafts.is_drafts_export(path):
            return drafts.read_drafts  # the Drafts app's export, by what it holds
        return zulip.read_zulip if zulip.is_zulip_messages(path) else None
    if suffix == ".jsonl" and path.is_file():
        from papershelf.importers.containers import mattermost

        if mattermost.looks_like_mattermost_export(_head(path)):
            return mattermost.read_mattermost_export  # a team's channels, a chat each
    if suffix in (".txt", ".text"):
        from papershelf.importers.containers import textblog

        return textblog.read_text_blog if textblog.looks_like_text_blog(path) else None
    if suffix == ".cson":
        from papershelf.importers.containers import boostnote

        return boostnote.read_boostnote_note if boostnote.is_boostnote_note(path) else None
    if suffix in (".yaml", ".yml"):
        from papershelf.importers.papis import container as papis

        return papis.read_papis if papis.is_papis_document(path) else None  # a Papis document
    if suffix == ".db":
        from papershelf.importers.containers import sioyek

        return sioyek.read_sioyek if sioyek.is_sioyek_data(path) else None
    if suffix in _SNIFFED_SUFFIXES and path.is_file():
        from papershelf.importers.containers import bookmarks

        head = _head(path)
        if suffix == ".csv":
            from papershelf.importers.containers import todoist

            if todoist.looks_like_todoist_csv(head):
                return todoist.read_todoist  # a Todoist project, by its header
            from papershelf.importers.containers import readwise

            if readwise.looks_like_readwise_csv(head):
                return readwise.read_readwise_csv  # highlights, a note per source
            return bookmarks.read_later_csv if bookmarks.looks_like_read_later_csv(head) else None
        if bookmarks.looks_like_bookmarks(head):
            return bookmarks.read_bookmarks_file
        from papershelf.importers.containers import element
        from papershelf.importers.tiddlywiki import single

        if element.looks_like_element_export(head):
            return element.read_element_html  # a Matrix room's chat, exported by Element
        if single.looks_like_tiddlywiki_file(head):
            return single.read_tiddlywiki_file  # every tiddler of a wiki in one page
    return None


def readers() -> dict[str, Reader]:
    """Container readers by file suffix; a folder with one of these suffixes (a .scriv
    project) is opened as a whole, never file by file."""
    # Imported when asked: the readers take their types (Member) from this module.
    from papershelf.importers.anki.package import read_anki_package
    from papershelf.importers.containers.cherrytree import read_cherrytree
    from papershelf.importers.containers.docx import read_docx
    from papershelf.importers.containers.enex import read_enex
    from papershelf.importers.containers.epub import read_epub
    from papershelf.importers.containers.feed import read_feed
    from papershelf.importers.containers.freeplane import read_freeplane
    from papershelf.importers.containers.ics import read_ics
    from papershelf.importers.containers.mbox import read_eml, read_mbox
    from papershelf.importers.containers.mht import read_mht
    from papershelf.importers.containers.odt import read_odt
    from papershelf.importers.containers.quiver import read_quiver
    from papershelf.importers.containers.scrivener import read_scrivener
    from papershelf.importers.containers.siyuan import read_siyuan
    from papershelf.importers.containers.slides import read_slides
    from papershelf.importers.containers.spreadsheet import read_spreadsheet
    from papershelf.importers.containers.xmind import read_xmind
    from papershelf.importers.endnote.container import read_xml
    from papershelf.importers.mendeley.container import read_sqlite
    from papershelf.importers.zoterordf.container import read_rdf

    return {
        ".docx": read_docx,
        ".docm": read_docx,
        ".odt": read_odt,
        ".fodt": read_odt,
        ".pptx": read_slides,
        ".pptm": read_slides,
        ".ppsx": read_slides,  # a deck saved to open as a show: the same parts
        ".odp": read_slides,
        # A workbook's sheets open into one CSV each, read as CSV trackers are.
        ".xlsx": read_spreadsheet,
        ".xlsm": read_spreadsheet,
        ".ods": read_spreadsheet,
        ".fods": read_spreadsheet,
        ".enex": read_enex,
        ".epub": read_epub,
        ".mbox": read_mbox,
        ".eml": read_eml,
        # By content, not suffix (endnote/container.py): an EndNote export goes whole to
        # its format, a MediaWiki dump opens into notes, other XML holds none. .rdf alike.
        ".xml": read_xml,
        ".atom": read_feed,  # Blogger's Takeout export, a site's feed
        ".rss": read_feed,
        ".rdf": read_rdf,
        ".sqlite": read_sqlite,  # Mendeley Desktop's library; other databases hold none
        ".mht": read_mht,
        ".mhtml": read_mht,
        ".sy": read_siyuan,  # a SiYuan document's block tree
        ".scriv": read_scrivener,
        ".scrivx": read_scrivener,
        # A Quiver library, one of its notebooks or one note: folders of JSON cells.
        ".qvlibrary": read_quiver,
        ".qvnotebook": read_quiver,
        ".qvnote": read_quiver,
        # A calendar export: a reading group's sessions, one note each, in order.
        ".ics": read_ics,
        ".ical": read_ics,
        ".mm": read_freeplane,  # a Freeplane or FreeMind mind map
        ".xmind": read_xmind,
        ".ctd": read_cherrytree,  # a CherryTree notebook, as XML
        ".ctb": read_cherrytree,  # and as SQLite
        ".apkg": read_anki_package,  # an Anki deck with its collection (SQLite in a zip)
        ".colpkg": read_anki_package,
    }
