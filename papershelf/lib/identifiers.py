"""Find and normalise paper identifiers (arXiv, DOI, OpenReview) in ids and URLs.

Pure functions with no Django in them: importers, forms and the API all call these
so the same paper gets the same identifier whatever the user pasted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, unquote, urlsplit

# YYMM with a real month keeps years ("2017") and decimals ("3.14") from matching.
_YYMM = r"\d{2}(?:0[1-9]|1[0-2])"
_NEW_ID = rf"(?P<new>{_YYMM}\.\d{{4,5}})(?!\d)"
# Old-style ids are archive[.SUBJECT-CLASS]/YYMMNNN; the subject class is not part of
# the identity (arXiv resolves math/0309136 for math.GT/0309136), so we drop it.
_OLD_ID = rf"(?P<archive>[a-z]+(?:-[a-z]+)?)(?:\.[A-Z]{{2}})?/(?P<old>{_YYMM}\d{{3}})(?!\d)"
_VERSION = r"(?:v(?P<version>\d+))?"
_ID = rf"(?:{_NEW_ID}|{_OLD_ID}){_VERSION}"

# Ids behind a prefix that says "this is arXiv": URLs, "arXiv:", the arXiv DOI.
_PREFIXED_ARXIV_RE = re.compile(
    rf"(?i:arxiv\.org/(?:abs|pdf|html|format)/|arxiv\s*:\s*|10\.48550/arxiv\.){_ID}"
)
# A bare id must not be glued to other text, so a DOI suffix or a dotted number
# ("10.1145/1706.03762", "v1.1706.0376") never passes for one.
_BARE_ARXIV_RE = re.compile(rf"(?<![\w./\-]){_ID}")

_DOI_RE = re.compile(r"10\.\d{4,9}/[^\s\"'<>]+")
_DOI_TRAILING_PUNCTUATION = ".,;:!?'\""
_BRACKETS = {")": "(", "]": "[", "}": "{"}

_OPENREVIEW_RE = re.compile(
    r"openreview\.net/(?:forum|pdf|attachment|revisions)/?\?(?:[^\s#]*?&)?id=(?P<id>[\w\-]+)",
    re.IGNORECASE,
)

_NEW_STYLE_FIVE_DIGITS_FROM = 1501  # arXiv moved to 5-digit sequence numbers in 2015
_NEW_STYLE_FIRST_YYMM = 704  # new-style ids started in April 2007


_DOI_HOSTS = ("doi.org", "dx.doi.org")
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")

IdentifierKind = Literal["arxiv", "doi", "openreview"]
LinkKind = Literal["arxiv", "doi", "openreview", "code", "pdf", "web"]


@dataclass(frozen=True)
class Identifier:
    """One identifier found in a line: kind, normalised value, arXiv version if given."""

    kind: IdentifierKind
    value: str
    version: int | None = None


@dataclass(frozen=True)
class Link:
    """What a URL points at, so parsers file it under the right record field."""

    kind: LinkKind
    value: str  # the identifier for arxiv/doi/openreview, else the URL itself
    version: int | None = None


def parse_arxiv_id(text: str) -> tuple[str, int | None] | None:
    """Return ``(id without version, version or None)`` for the arXiv id in ``text``.

    Accepts bare ids (new and old style), ``arXiv:`` prefixes, abs/pdf URLs on any
    arXiv host and the arXiv DOI ``10.48550/arXiv.…``.
    """
    text = unquote(text)  # pasted DOI URLs often arrive as 10.48550%2FarXiv.…
    for pattern in (_PREFIXED_ARXIV_RE, _BARE_ARXIV_RE):
        for match in pattern.finditer(text):
            found = _arxiv_id_from_match(match)
            if found is not None:
                return found
    return None


def _arxiv_id_from_match(match: re.Match[str]) -> tuple[str, int | None] | None:
    version = int(match["version"]) if match["version"] else None
    if match["old"]:
        return f"{match['archive']}/{match['old']}", version
    new = match["new"]
    if not _is_plausible_new_style_id(new):
        return None
    return new, version


def _is_plausible_new_style_id(arxiv_id: str) -> bool:
    yymm, number = arxiv_id.split(".")
    if int(yymm) < _NEW_STYLE_FIRST_YYMM:
        return False
    expected_digits = 5 if int(yymm) >= _NEW_STYLE_FIVE_DIGITS_FROM else 4
    return len(number) == expected_digits


def arxiv_abs_url(arxiv_id: str, version: int | None = None) -> str:
    return f"https://arxiv.org/abs/{arxiv_id}{_version_suffix(version)}"


def arxiv_pdf_url(arxiv_id: str, version: int | None = None) -> str:
    return f"https://arxiv.org/pdf/{arxiv_id}{_version_suffix(version)}"


def _version_suffix(version: int | None) -> str:
    return f"v{version}" if version else ""


def parse_doi(text: str) -> str | None:
    """Return the DOI in ``text`` lower-cased and without resolver prefix, or None.

    DOIs are case-insensitive by definition, so lower case is the canonical key.
    """
    match = _DOI_RE.search(unquote(text))
    if match is None:
        return None
    doi = _strip_trailing_punctuation(match.group(0))
    return doi.lower() or None


def _strip_trailing_punctuation(doi: str) -> str:
    # A closing bracket belongs to the DOI only when the DOI opened it:
    # 10.1016/S0140-6736(20)30183-5 keeps its brackets, "(doi:10.1/x)" loses one.
    while doi and (doi[-1] in _DOI_TRAILING_PUNCTUATION or _has_unopened_bracket_at_end(doi)):
        doi = doi[:-1]
    return doi


def _has_unopened_bracket_at_end(doi: str) -> bool:
    last = doi[-1]
    return last in _BRACKETS and doi.count(_BRACKETS[last]) < doi.count(last)


def parse_openreview_id(text: str) -> str | None:
    match = _OPENREVIEW_RE.search(text)
    return match["id"] if match else None


def identify(text: str) -> Identifier | None:
    """Recognise the identifier on one line of an identifier list.

    arXiv wins over DOI so the arXiv DOI becomes an arXiv id, the key papers share.
    """
    text = text.strip()
    openreview_id = parse_openreview_id(text)
    if openreview_id:
        return Identifier("openreview", openreview_id)
    arxiv = parse_arxiv_id(text)
    if arxiv:
        return Identifier("arxiv", arxiv[0], arxiv[1])
    doi = parse_doi(text)
    if doi:
        return Identifier("doi", doi)
    return None


# Publishers put the DOI in the page's address: nejm.org/doi/full/10.1056/…,
# dl.acm.org/doi/abs/10.1145/…, journals.plos.org/…/article?id=10.1371/….
_PUBLISHER_DOI_RE = re.compile(
    r"/doi/(?:abs/|full/|pdf/|epdf/|epub/|book/|fulltext/|reader/)?(?=10\.)"
    r"|[?&](?:id|doi)=(?=10\.)"
    # iopscience.iop.org/article/10.1086/…, journals.aps.org/prl/abstract/10.1103/…,
    # link.springer.com/article/10.1007/…: a DOI as the page's own name.
    r"|/(?:article|articles|abstract|fulltext|full|chapter)/(?=10\.\d{4,9}/)",
    re.IGNORECASE,
)


# Nature's article pages are named by the DOI's suffix under Springer Nature's prefix.
_NATURE_ARTICLE_RE = re.compile(
    r"^https?://(?:www\.)?nature\.com/articles/([\w.\-]+?)(?:\.pdf)?/?(?:[?#].*)?$"
)


def publisher_doi(url: str) -> str | None:
    """The DOI a publisher's page address carries, or None."""
    nature = _NATURE_ARTICLE_RE.match(url.strip())
    if nature is not None:
        return parse_doi(f"10.1038/{nature[1]}")
    match = _PUBLISHER_DOI_RE.search(url)
    if match is None:
        return None
    rest = unquote(url[match.end() :])
    return parse_doi(re.split(r"[?&#]", rest, maxsplit=1)[0])


def classify_url(url: str) -> Link:
    """Sort a link from a bibliography: an identifier, a code repository, a PDF or a page.

    A DOI counts only behind a DOI resolver: a publisher's page that contains one
    (dl.acm.org/doi/…) is still a page the user may want to keep.
    """
    url = url.strip()
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    identifier = identify(url)
    if identifier is not None and (identifier.kind != "doi" or host in _DOI_HOSTS or not host):
        return Link(identifier.kind, identifier.value, identifier.version)
    if host in _CODE_HOSTS:
        return Link("code", url)
    if parts.path.lower().endswith(".pdf"):
        return Link("pdf", url)
    return Link("web", url)


# Link wrappers that send a click through someone's redirect: the target is a parameter.
# Google Docs and Gmail rewrite every link as www.google.com/url?q=<target>&sa=D&…
_REDIRECT_PARAMETERS = {
    "www.google.com": ("/url", ("q", "url")),
    "google.com": ("/url", ("q", "url")),
    "l.facebook.com": ("/l.php", ("u",)),
    "lm.facebook.com": ("/l.php", ("u",)),
    "slack-redir.net": ("/link", ("url",)),
    "www.youtube.com": ("/redirect", ("q",)),
    "out.reddit.com": ("", ("url",)),
}


# A redirect written anywhere in a text (Google Calendar's event descriptions).
REDIRECT_RE = re.compile(
    r"https?://(?:(?:www\.)?google\.com/url|[\w.]+\.safelinks\.protection\.outlook\.com/"
    r"|lm?\.facebook\.com/l\.php|slack-redir\.net/link|(?:www\.)?youtube\.com/redirect"
    r"|out\.reddit\.com/)\?[^\s\"'<>]*",
    re.IGNORECASE,
)


def unwrap_redirect(url: str) -> str:
    """The address a redirect link (Google Docs', Facebook's, Outlook's safe links) leads
    to; any other address as it is."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    host = (parts.hostname or "").casefold()
    path_and_keys = _REDIRECT_PARAMETERS.get(host)
    if host.endswith(".safelinks.protection.outlook.com"):
        path_and_keys = ("", ("url",))
    if path_and_keys is None or not parts.path.startswith(path_and_keys[0]):
        return url
    query = parse_qs(parts.query)
    for key in path_and_keys[1]:
        target = (query.get(key) or [""])[0]
        if target.startswith(("http://", "https://")):
            return target
    return url
