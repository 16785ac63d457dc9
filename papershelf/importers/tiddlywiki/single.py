"""A single-file TiddlyWiki (one .html holding every tiddler): opened into .tid files.

TiddlyWiki 5.2 on keeps the tiddlers as JSON in ``<script class="tiddlywiki-tiddler-store"
type="application/json">`` (one object of fields a tiddler, ``<`` escaped); 5.1 and
earlier as ``<div title=… tags=…><pre>text</pre></div>`` inside ``<div id="storeArea">``.
Each of the person's tiddlers becomes the ``.tid`` file a Node.js wiki would keep, read
by the ``tiddlywiki`` format; system tiddlers (``$:/…``: the core, plugins, state) and
drafts are left out.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames

_STORE_RE = re.compile(
    r'<script[^>]*class="tiddlywiki-tiddler-store"[^>]*>(?P<json>.*?)</script>', re.DOTALL
)


def looks_like_tiddlywiki_file(head: str) -> bool:
    return 'content="TiddlyWiki"' in head


def read_tiddlywiki_file(path: Path) -> list[Member]:
    text = path.read_bytes().decode("utf-8", "replace")
    tiddlers = [t for store in _STORE_RE.finditer(text) for t in _json_tiddlers(store["json"])]
    tiddlers += _div_tiddlers(text)
    names = MemberNames()
    members = []
    for fields in tiddlers:
        title = str(fields.get("title") or "")
        if not title or title.startswith("$:/") or fields.get("draft.of"):
            continue
        name = names.name_for(title).removesuffix(".md") + ".tid"
        members.append((name, _tid(fields)))
    return members


def _json_tiddlers(store: str) -> list[dict[str, str]]:
    try:
        found = json.loads(store)
    except json.JSONDecodeError:
        return []
    return [t for t in found if isinstance(t, dict)] if isinstance(found, list) else []


def _div_tiddlers(text: str) -> list[dict[str, str]]:
    start = text.find('id="storeArea"')
    if start < 0:
        return []
    soup = BeautifulSoup(text[start - 5 :], "html.parser")
    area = soup.find("div", id="storeArea")
    tiddlers = []
    for div in area.find_all("div", recursive=False) if isinstance(area, Tag) else []:
        fields = {str(k): str(v) for k, v in div.attrs.items()}
        pre = div.find("pre")
        fields["text"] = pre.get_text() if isinstance(pre, Tag) else div.get_text()
        tiddlers.append(fields)
    return tiddlers


def _tid(fields: dict[str, str]) -> str:
    """The tiddler as a .tid file: its fields on a line each, a blank line, its text."""
    lines = [
        f"{name}: {' '.join(str(value).split())}"
        for name, value in fields.items()
        if name != "text" and str(value).strip()
    ]
    return "\n".join(lines) + "\n\n" + html.unescape(str(fields.get("text") or "")) + "\n"
