"""A web page's own title inside the browser tab's: "Title | Nature" → "Title".

Clippers and read-later services (Omnivore, Hypothes.is, bookmarks) keep the tab's title,
which wraps the page's own in the site's name: "Title | Journal | Oxford Academic",
"Title - ScienceDirect", "Title on JSTOR", "Frontiers | Title".
"""

from __future__ import annotations

import re

_TAB_BAR_RE = re.compile(r"\s+\|\s+")
# A dash inside a title ("… analysis – connecting …") stays; a few capitalised words
# after the last one are the site's name.
_SITE_AFTER_DASH_RE = re.compile(r"\s+[-–—]\s+[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,3}$")
_ON_SITE_RE = re.compile(r"\s+on\s+JSTOR$")  # JSTOR's stable pages: "Title on JSTOR"


def page_own_title(title: str) -> str:
    if not title:
        return ""
    parts = [part.strip() for part in _TAB_BAR_RE.split(title) if part.strip()]
    if not parts:
        return ""
    # "Title | Journal" mostly; "Frontiers | Title": a site's short name comes first.
    own = parts[1] if len(parts) > 1 and len(parts[0].split()) <= 2 else parts[0]
    return _ON_SITE_RE.sub("", _SITE_AFTER_DASH_RE.sub("", own)).strip()
