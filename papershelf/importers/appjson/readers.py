"""Every app export ``parse`` knows: the note apps' (``apps``), then exports of graphs
and feeds whose notes are built from linked records (a Tana workspace, a Mastodon
outbox, a Ghost blog's posts), which live in modules of their own."""

from __future__ import annotations

from papershelf.importers.appjson.apps import READERS as NOTE_APPS
from papershelf.importers.appjson.apps import App
from papershelf.importers.appjson.ghost import ghost_notes, is_ghost_export
from papershelf.importers.appjson.polar import is_polar_state, polar_notes
from papershelf.importers.appjson.reddit import is_reddit_export, reddit_notes
from papershelf.importers.appjson.roam import is_roam_export, roam_notes
from papershelf.importers.appjson.scrapbox import is_scrapbox_export, scrapbox_notes
from papershelf.importers.appjson.tana import is_tana_graph, is_tana_intermediate, tana_notes
from papershelf.importers.twitter.mastodon import is_outbox, outbox_notes

READERS: tuple[App, ...] = (
    *NOTE_APPS,
    App(
        "Tana workspace",
        '"docs"',
        lambda d: is_tana_graph(d) and not is_tana_intermediate(d),
        tana_notes,
    ),
    App("Tana intermediate file", "TanaIntermediateFile", is_tana_intermediate, tana_notes),
    App("Mastodon outbox", '"orderedItems"', is_outbox, outbox_notes),
    App("Reddit listing", '"Listing"', is_reddit_export, reddit_notes, chat=True),
    App("Ghost blog export", '"posts"', is_ghost_export, ghost_notes),
    App("Polar Bookshelf document", '"docInfo"', is_polar_state, polar_notes),
    App("Scrapbox project", '"lines"', is_scrapbox_export, scrapbox_notes),
)
# Exports that are a list, not an object: a Roam graph's pages, a Reddit thread's post
# and comments.
LIST_READERS: tuple[App, ...] = (
    App("Roam Research graph", '"children"', is_roam_export, roam_notes),
    App("Reddit thread", '"Listing"', is_reddit_export, reddit_notes, chat=True),
)
