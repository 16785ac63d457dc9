"""reStructuredText's inline markup in one paragraph: roles, links, literals, references.

Literals and URLs are set aside first, so a ``*`` or ``_`` inside them never reads as
markup. Roles that name an identifier (``:doi:``, ``:arxiv:``, ``:pmid:``) become links
the notes reader knows; Sphinx cross-references keep their text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LITERAL_RE = re.compile(r"(?<![\w`])``(?P<body>[^`](?:.*?[^`])?)``(?![\w`])", re.DOTALL)
_INTERPRETED_RE = re.compile(
    r"(?<![\w`\\])(?::(?P<role>[A-Za-z][\w.+-]*(?::[\w.+-]+)*):)?"
    r"`(?P<body>[^`]+)`(?P<ref>__?)?(?![\w`])"
)
_EMBEDDED_RE = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
_FOOTNOTE_REF_RE = re.compile(r"\s?\[(?:#[\w.-]*|\*)\]_(?!\w)")
_CITATION_REF_RE = re.compile(r"\[(?P<label>[\w.:+-]+)\]_(?!\w)")
_NAMED_REF_RE = re.compile(
    r"(?<![\w`/])(?P<name>[A-Za-z0-9](?:[\w.+-]*[A-Za-z0-9])?)(?P<ref>__?)(?!\w)"
)
_SUBSTITUTION_RE = re.compile(r"(?<![\w|])\|(?P<name>[^|\s](?:[^|]*[^|\s])?)\|(?:__?)?(?![\w|])")
_BARE_URL_RE = re.compile(r"\bhttps?://[^\s<>`]+[^\s<>`.,;:!?'\")\]]")
_ESCAPED_SPACE_RE = re.compile(r"\\ ")
_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_ARXIV_RE = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
_HOLD = "\x00{}\x00"

# Roles whose text is a paper's identifier, and the address it stands for.
_IDENTIFIER_ROLES = {
    "doi": "https://doi.org/{}",
    "arxiv": "https://arxiv.org/abs/{}",
    "pmid": "https://pubmed.ncbi.nlm.nih.gov/{}/",
    "pubmed": "https://pubmed.ncbi.nlm.nih.gov/{}/",
    "pmc": "https://www.ncbi.nlm.nih.gov/pmc/articles/{}/",
    "rfc": "https://www.rfc-editor.org/rfc/rfc{}",
}
_LINK_ROLES = frozenset({"pdf", "url", "link", "paper"})
_CITE_ROLES = frozenset({"cite", "citep", "citet", "citealp", "citeauthor", "footcite", "bibcite"})
_TEXT_ROLES = frozenset({"ref", "doc", "term", "numref", "any", "eq", "download", "abbr"})
_STRONG_ROLES = frozenset({"strong", "b", "guilabel", "menuselection"})
_EMPHASIS_ROLES = frozenset({"emphasis", "title-reference", "title", "t", "i", "dfn"})
_PLAIN_ROLES = frozenset({"sub", "sup", "subscript", "superscript", "raw"})


@dataclass
class References:
    """What one document's explicit markup defines for its text to refer to."""

    targets: dict[str, str] = field(default_factory=dict)  # normalised name → URL
    anonymous: list[str] = field(default_factory=list)  # ``__ url`` targets, in order
    substitutions: dict[str, str] = field(default_factory=dict)  # ``|name|`` → text

    def url_of(self, name: str) -> str:
        url = self.targets.get(normalise_name(name), "")
        # ".. _a: b_" points at another target.
        if url.endswith("_") and "://" not in url:
            url = self.targets.get(normalise_name(url[:-1]), "")
        return url


def normalise_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def convert_inline(text: str, refs: References) -> str:
    held: list[str] = []

    def hold(markdown: str) -> str:
        held.append(markdown)
        return _HOLD.format(len(held) - 1)

    text = _LITERAL_RE.sub(lambda m: hold(f"`{' '.join(m['body'].split())}`"), text)
    text = _INTERPRETED_RE.sub(lambda m: hold(_interpreted(m, refs)), text)
    text = _FOOTNOTE_REF_RE.sub("", text)
    text = _CITATION_REF_RE.sub(lambda m: hold(f"[{m['label']}]"), text)
    text = _BARE_URL_RE.sub(lambda m: hold(m[0]), text)
    text = _NAMED_REF_RE.sub(lambda m: _named_reference(m, refs), text)
    text = _SUBSTITUTION_RE.sub(lambda m: refs.substitutions.get(m["name"], m[0]), text)
    text = _ESCAPED_SPACE_RE.sub("", text)
    return re.sub("\x00(\\d+)\x00", lambda m: held[int(m[1])], text)


def _interpreted(match: re.Match[str], refs: References) -> str:
    body = match["body"]
    if match["ref"]:
        return _hyperlink(body, anonymous=match["ref"] == "__", refs=refs)
    role = (match["role"] or "").casefold()
    if not role:
        return f"*{' '.join(body.split())}*"  # Sphinx's default role: a title reference
    return _role(role, body)


def _hyperlink(body: str, *, anonymous: bool, refs: References) -> str:
    """`` `text <url>`_ ``, `` `name`_ `` and `` `text`__ `` as a Markdown link or text."""
    embedded = _EMBEDDED_RE.match(body)
    if embedded:
        text, target = " ".join(embedded["text"].split()), "".join(embedded["target"].split())
        url = refs.url_of(target[:-1]) if target.endswith("_") else target
    else:
        text = " ".join(body.split())
        url = refs.anonymous.pop(0) if anonymous and refs.anonymous else refs.url_of(text)
    if "://" not in url and not url.startswith("mailto:"):
        return text  # a label inside the site, which the import does not bring along
    return f"[{text}]({url})" if text else f"<{url}>"


def _role(role: str, body: str) -> str:
    embedded = _EMBEDDED_RE.match(body)
    text = " ".join(embedded["text"].split()) if embedded else ""
    target = "".join((embedded["target"] if embedded else body).split())
    name = role.removeprefix("py:").removeprefix("std:").split(":")[0]
    if name in _IDENTIFIER_ROLES:
        return _identifier_link(name, target, text)
    if name in _LINK_ROLES:
        return f"[{text or name}]({target})"
    if name == "math":
        return f"${body}$"
    if name in _CITE_ROLES:
        return "[" + "; ".join(key.strip() for key in body.split(",") if key.strip()) + "]"
    if name in _STRONG_ROLES:
        return f"**{' '.join(body.split())}**"
    if name in _EMPHASIS_ROLES:
        return f"*{' '.join(body.split())}*"
    if name in _PLAIN_ROLES:
        return " ".join(body.split())
    if name in _TEXT_ROLES:
        if name == "abbr":
            return body.split(" (")[0]
        return text or target.rstrip("/").rsplit("/", 1)[-1].lstrip("~!")
    # A site's own extlink (":acm:`10.1145/…`") still names the paper by its identifier.
    if _DOI_RE.match(target):
        return _identifier_link("doi", target, text)
    if _ARXIV_RE.match(target):
        return _identifier_link("arxiv", target, text)
    return text or f"`{' '.join(body.split())}`"


def _identifier_link(name: str, value: str, text: str) -> str:
    """The address itself: "[doi:10.1145/…](…)" would read as a title to the notes reader."""
    address = _IDENTIFIER_ROLES[name].format(value)
    return f"[{text}]({address})" if text else address


def _named_reference(match: re.Match[str], refs: References) -> str:
    """``Sphinx_`` → ``[Sphinx](url)`` when the page defines the target; else the word."""
    name = match["name"]
    if match["ref"] == "__" and refs.anonymous:
        return f"[{name}]({refs.anonymous.pop(0)})"
    url = refs.url_of(name)
    if "://" in url:
        return f"[{name}]({url})"
    # "snake_case_" in prose is a word; a label of this site keeps only its name.
    return name if normalise_name(name) in refs.targets else match[0]
