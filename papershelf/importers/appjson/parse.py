"""An app's JSON export becomes one Markdown note per card, message or page.

Each app keeps a note in its own fields; ``apps`` knows which: a Trello card's name,
description, checklists, attachments and comments; a Discord message with its link
embeds and replies; every Hypothes.is annotation on one page (quotes and comments,
grouped by the page's address, titled by the page); a Google Keep note's title, text,
checklist and web links; a Standard Notes or Simplenote note with its tags. Each note
is read apart (``parse_each``), so one that shares a paper never names the next one's.
"""

from __future__ import annotations

import json
from typing import Any

from papershelf.importers.appjson.apps import App
from papershelf.importers.appjson.readers import LIST_READERS, READERS
from papershelf.importers.jsontext import decoded, load
from papershelf.importers.notes.converted import parse_each
from papershelf.importers.records import ParsedDocument, ParseError

FORMAT = "app-json"


def parse(text: str, path: str) -> ParsedDocument:
    data = load(text, path)
    app = _app_of(data)
    if app is None:
        apps = ", ".join(app.name for app in (*READERS, *LIST_READERS))
        raise ParseError(path, 1, f"not an export of an app we know ({apps})")
    refusal = app.refuses(data) if app.refuses else ""
    if refusal:
        raise ParseError(path, 1, refusal)
    notes = [note if note.endswith("\n") else note + "\n" for note in app.notes(data)]
    return parse_each(notes, path, FORMAT, f"names no paper (a {app.name} export)", chat=app.chat)


def looks_like_app_export(text: str) -> bool:
    start = text.lstrip("\ufeff \t\n")[:1]
    readers = READERS if start == "{" else LIST_READERS if start == "[" else ()
    if not any(app.hint in text for app in readers):
        return False
    try:
        return _app_of(decoded(text)) is not None
    except json.JSONDecodeError:
        return False


def _app_of(data: Any) -> App | None:
    readers = READERS if isinstance(data, dict) else LIST_READERS if isinstance(data, list) else ()
    return next((app for app in readers if app.recognises(data)), None)
