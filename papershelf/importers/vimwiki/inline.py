"""Vimwiki's inline markup in one line: links, transclusions, typefaces, code and math.

Code, math, links and URLs are set aside first, so the ``_`` of a file name or the ``*``
inside ``$a*b$`` never reads as emphasis.
"""

from __future__ import annotations

import re

_CODE_RE = re.compile(r"`[^`]+`")
_MATH_RE = re.compile(r"(?<![\w$])\$[^$\s](?:[^$]*[^$\s])?\$(?![\w$])")
_LINK_RE = re.compile(r"\[\[(?P<target>[^\]|]+)(?:\|(?P<text>[^\]]*))?\]\]")
_TRANSCLUSION_RE = re.compile(r"\{\{(?P<target>[^}|]+)(?:\|(?P<text>[^}|]*))?(?:\|[^}]*)?\}\}")
_BARE_URL_RE = re.compile(r"\b(?:https?|ftp)://[^\s<>\[\]|]+[^\s<>\[\]|.,;:!?'\")]")
_BOLD_RE = re.compile(r"(?<![\w*])\*(?P<body>[^*\s](?:[^*]*[^*\s])?)\*(?![\w*])")
_ITALIC_RE = re.compile(r"(?<![\w_])_(?P<body>[^_\s](?:[^_]*[^_\s])?)_(?![\w_])")
_SUPER_RE = re.compile(r"\^(?P<body>[^^\s]+)\^")
_SUB_RE = re.compile(r",,(?P<body>[^,]+),,")
_COMMENT_RE = re.compile(r"%%\+.*?\+%%")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
_FILE_SCHEMES = ("file:", "local:")
_HOLD = "\x00{}\x00"


def convert_inline(text: str) -> str:
    held: list[str] = []

    def hold(markdown: str) -> str:
        held.append(markdown)
        return _HOLD.format(len(held) - 1)

    text = _COMMENT_RE.sub("", text)
    text = _CODE_RE.sub(lambda m: hold(m[0]), text)
    text = _MATH_RE.sub(lambda m: hold(m[0]), text)
    text = _LINK_RE.sub(lambda m: hold(_link(m["target"].strip(), m["text"])), text)
    text = _TRANSCLUSION_RE.sub(lambda m: hold(_transclusion(m["target"], m["text"])), text)
    text = _BARE_URL_RE.sub(lambda m: hold(m[0]), text)
    text = _BOLD_RE.sub(lambda m: f"**{m['body']}**", text)
    text = _ITALIC_RE.sub(lambda m: f"*{m['body']}*", text)
    text = _SUPER_RE.sub(lambda m: f"^{m['body']}", text)
    text = _SUB_RE.sub(lambda m: f"_{m['body']}", text)
    return re.sub("\x00(\\d+)\x00", lambda m: held[int(m[1])], text)


def _link(target: str, text: str | None) -> str:
    """``[[url|desc]]`` → ``[desc](url)``; a link to another page of the wiki keeps its
    description (or the page's name): the import does not bring the page along as a link."""
    text = convert_inline(text.strip()) if text and text.strip() else ""
    url = _without_scheme(target)
    if "://" in url or target.lower().startswith("mailto:"):
        return f"[{text}]({url})" if text else f"<{url}>"
    if target.lower().startswith(_FILE_SCHEMES) and url.lower().endswith(_IMAGE_SUFFIXES):
        return f"![{text}]({url})"
    # "diary:2024-03-11", "papers/codd70", "wn.work:page#anchor"
    page = target.split("#")[0].rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return text or page or target


def _transclusion(target: str, text: str | None) -> str:
    """``{{file:../images/plot.png|alt}}``: an image beside the page stays an image."""
    url = _without_scheme(target.strip())
    alt = (text or "").strip()
    if url.split("?")[0].lower().endswith(_IMAGE_SUFFIXES):
        return f"![{alt}]({url.replace(' ', '%20')})"
    return f"[{alt}]({url})" if "://" in url else alt or url


def _without_scheme(target: str) -> str:
    for scheme in _FILE_SCHEMES:
        if target.lower().startswith(scheme):
            return target[len(scheme) :].removeprefix("//")
    return target
