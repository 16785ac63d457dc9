"""Links that go through someone's redirect, read as the page they lead to.

Google Docs sends every link in a document downloaded as a web page through
``https://www.google.com/url?q=<target>&sa=D&source=editors&ust=…&usg=…`` (Google
Calendar does the same in event descriptions); Outlook's Safe Links, Facebook and YouTube
wrap links they show in theirs. A paper's DOI or arXiv link is the target, not Google.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

# (host pattern, the query parameters that hold the target, in order of preference)
_REDIRECTORS = (
    (re.compile(r"(?:www\.)?google\.[a-z.]+", re.IGNORECASE), "/url", ("q", "url")),
    (re.compile(r"[\w.]*safelinks\.protection\.outlook\.com", re.IGNORECASE), "/", ("url",)),
    (re.compile(r"l[m]?\.facebook\.com", re.IGNORECASE), "/l.php", ("u",)),
    (re.compile(r"(?:www\.)?youtube\.com", re.IGNORECASE), "/redirect", ("q",)),
)
# A redirect anywhere in a text (the hosts above, written as a link).
REDIRECT_RE = re.compile(
    r"https?://(?:(?:www\.)?google\.[a-z.]+/url|[\w.]*safelinks\.protection\.outlook\.com/"
    r"|lm?\.facebook\.com/l\.php|(?:www\.)?youtube\.com/redirect)\?[^\s\"'<>]*",
    re.IGNORECASE,
)


def unwrap_redirect(url: str) -> str:
    """The target of a redirect link (``url`` itself when it is none)."""
    parts = urlsplit(html.unescape(url.strip()))
    for host, path, parameters in _REDIRECTORS:
        if host.fullmatch(parts.hostname or "") and parts.path.rstrip("/") == path.rstrip("/"):
            query = parse_qs(parts.query)
            for name in parameters:
                target = (query.get(name) or [""])[0]
                if target.startswith(("http://", "https://")):
                    return target
    return url
