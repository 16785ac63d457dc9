"""Org's inline markup in one line: links, emphasis, code and footnote references.

Links, URLs, math and code are set aside first, so that ``/`` in a URL or an old
arXiv id (``hep-th/9711200``) and ``*`` in a formula never read as emphasis.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

_LINK_RE = re.compile(r"\[\[(?P<target>[^\]]+)\](?:\[(?P<text>[^\]]*)\])?\]")
_BARE_URL_RE = re.compile(r"\bhttps?://[^\s<>\[\]]+[^\s<>\[\].,;:!?'\")]")
_MATH_RE = re.compile(
    r"\$\$.+?\$\$|(?<![\w$])\$[^\s$](?:[^$]*?[^\s$])?\$(?![\w$])|\\\(.+?\\\)|\\\[.+?\\\]"
)
_CODE_RE = re.compile(
    r"(?<![^\s\-(\"'{])(?P<mark>[=~])(?P<body>[^\s=~](?:.*?[^\s])?)(?P=mark)(?=[\s\-.,:!?;'\")}\]]|$)"
)
_FOOTNOTE_RE = re.compile(r"\[fn:(?P<label>[\w-]+)\]")
# Citations by key: org-cite's "[cite:@key]", "[cite/t:see @a; @b p. 3]", org-ref's
# "cite:&key", "citep:key1,key2" and "[[cite:&key][Key 2019]]". Written as Pandoc's
# "[@key]", which the notes reader knows as a key (and pairs with a bibliography).
_ORG_CITE_RE = re.compile(r"\[cite(?:/[\w/]+)?:(?P<body>[^\]]*@[^\]]*)\]")
_ORG_REF_TYPE = r"(?:[Cc]ite(?:[pt]|al[pt]|author|year)?|parencite|textcite|autocite|footcite)"
_ORG_REF_RE = re.compile(
    rf"\[\[(?P<linked>{_ORG_REF_TYPE}:&?[^\]]+)\](?:\[[^\]]*\])?\]"
    rf"|(?<![\w/])(?P<bare>{_ORG_REF_TYPE}:&?[\w:.\-]+(?:[,;]&?[\w:.\-]+)*)"
)
_KEY_RE = re.compile(r"[@&]?(?P<key>\w(?:[\w:.\-]*\w)?)")
_TARGET_RE = re.compile(r"<<<?[^<>]+>>>?")
_BOUNDARY_BEFORE = r"(?<![^\s\-(\"'{])"
_BOUNDARY_AFTER = r"(?=[\s\-.,:!?;'\")}\]]|$)"


def _emphasis(mark: str) -> re.Pattern[str]:
    """``*bold*``: a marker, text that neither starts nor ends with a space, the marker."""
    m = re.escape(mark)
    body = rf"(?P<body>[^\s{m}](?:[^{m}]*?[^\s{m}])?)"
    return re.compile(_BOUNDARY_BEFORE + m + body + m + _BOUNDARY_AFTER)


_EMPHASIS = [(_emphasis("*"), "**"), (_emphasis("/"), "*"), (_emphasis("+"), "~~")]
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
_HOLD = "\x00{}\x00"


def convert_inline(text: str) -> str:
    held: list[str] = []

    def hold(markdown: str) -> str:
        held.append(markdown)
        return _HOLD.format(len(held) - 1)

    text = _TARGET_RE.sub("", text)
    text = _ORG_CITE_RE.sub(lambda m: hold(_cited(re.findall(r"@([\w:.\-]*\w)", m["body"]))), text)
    text = _ORG_REF_RE.sub(lambda m: hold(_cited(_org_ref_keys(m["linked"] or m["bare"]))), text)
    text = _LINK_RE.sub(lambda m: hold(_link(m["target"], m["text"])), text)
    text = _BARE_URL_RE.sub(lambda m: hold(m[0]), text)
    text = _MATH_RE.sub(lambda m: hold(m[0]), text)
    text = _CODE_RE.sub(lambda m: hold(f"`{m['body']}`"), text)
    text = _FOOTNOTE_RE.sub(lambda m: hold(f"[^{m['label']}]"), text)
    for pattern, marker in _EMPHASIS:
        text = pattern.sub(rf"{marker}\g<body>{marker}", text)
    return re.sub("\x00(\\d+)\x00", lambda m: held[int(m[1])], text)


def pandoc_citations(text: str) -> str:
    """Org's citations ("cite:&key", "[cite:@key]") written as Pandoc's "[@key]", the
    rest of the text as it is: what finds the keys a file cites."""
    text = _ORG_CITE_RE.sub(lambda m: _cited(re.findall(r"@([\w:.\-]*\w)", m["body"])), text)
    return _ORG_REF_RE.sub(lambda m: _cited(_org_ref_keys(m["linked"] or m["bare"])), text)


def _org_ref_keys(link: str) -> list[str]:
    """ "cite:&a;&b", "citep:a,b": the keys after the link type."""
    return [m["key"] for m in _KEY_RE.finditer(link.partition(":")[2])]


def _cited(keys: list[str]) -> str:
    return "[" + "; ".join(f"@{key}" for key in keys) + "]" if keys else ""


def _link(target: str, text: str | None) -> str:
    """``[[url][text]]`` → ``[text](url)``; links into Emacs (ids, headings) keep their text."""
    target = target.strip()
    scheme, colon, rest = target.partition(":")
    if colon and scheme == "file":
        target = rest
    elif colon and scheme == "doi":
        target = f"https://doi.org/{rest}"
    elif colon and scheme in ("http", "https"):
        pass
    elif (colon and scheme.isalpha()) or target.startswith(("*", "#")):
        # id:, cite:, elisp:, a heading or a custom id: nothing outside Emacs to point at.
        return text or target.lstrip("*#")
    if not text:
        if PurePosixPath(target).suffix.lower() in _IMAGE_SUFFIXES:
            return f"![]({target})"
        return f"<{target}>" if "://" in target else f"[{target}]({target})"
    return f"[{text}]({target})"
