"""DokuWiki's inline markup in one line: links, emphasis, monospace and footnotes.

Links and URLs are set aside first, so the ``//`` of ``https://`` never reads as italic.
"""

from __future__ import annotations

import re

_LINK_RE = re.compile(r"\[\[(?P<target>[^\]|]+)(?:\|(?P<text>[^\]]*))?\]\]")
_MEDIA_RE = re.compile(r"\{\{\s*(?P<target>[^}|]+?)\s*(?:\|(?P<text>[^}]*))?\}\}")
_BARE_URL_RE = re.compile(r"\bhttps?://[^\s<>\[\]|]+[^\s<>\[\]|.,;:!?'\")]")
_FOOTNOTE_RE = re.compile(r"\(\((?P<text>.+?)\)\)")
_MONOSPACE_RE = re.compile(r"''(?P<body>.+?)''")
_ITALIC_RE = re.compile(r"//(?P<body>[^/\s](?:.*?[^/\s])?)//")
_UNDERLINE_RE = re.compile(r"__(?P<body>.+?)__")
_DELETED_RE = re.compile(r"<del>(?P<body>.+?)</del>")
_RAW_RE = re.compile(r"%%(?P<body>.*?)%%|<nowiki>(?P<nowiki>.*?)</nowiki>")
_INLINE_CODE_RE = re.compile(r"<code>(?P<body>.*?)</code>")
_LINE_BREAK_RE = re.compile(r"\s*\\\\(?:\s+|$)")
_END_BREAK_RE = re.compile(r"\s*\\\\\s*$")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
_HOLD = "\x00{}\x00"


def convert_inline(text: str) -> str:
    held: list[str] = []

    def hold(markdown: str) -> str:
        held.append(markdown)
        return _HOLD.format(len(held) - 1)

    text = _RAW_RE.sub(lambda m: hold(m["body"] if m["body"] is not None else m["nowiki"]), text)
    text = _INLINE_CODE_RE.sub(lambda m: hold(f"`{m['body']}`"), text)
    text = _MONOSPACE_RE.sub(lambda m: hold(f"`{m['body']}`"), text)
    text = _LINK_RE.sub(lambda m: hold(_link(m["target"].strip(), m["text"])), text)
    text = _MEDIA_RE.sub(lambda m: hold(_media(m["target"], m["text"])), text)
    text = _BARE_URL_RE.sub(lambda m: hold(m[0]), text)
    text = _FOOTNOTE_RE.sub(lambda m: f" ({m['text'].strip()})", text)
    text = _ITALIC_RE.sub(lambda m: f"*{m['body']}*", text)
    text = _UNDERLINE_RE.sub(lambda m: m["body"], text)
    text = _DELETED_RE.sub(lambda m: f"~~{m['body']}~~", text)
    text = _LINE_BREAK_RE.sub("  \n", _END_BREAK_RE.sub("  ", text))
    return re.sub("\x00(\\d+)\x00", lambda m: held[int(m[1])], text)


def _link(target: str, text: str | None) -> str:
    """``[[url|text]]`` → ``[text](url)``; a link to another wiki page keeps its text."""
    text = convert_inline(text.strip()) if text and text.strip() else ""
    if target.lower().startswith("doi>"):
        target = "https://doi.org/" + target[4:]
    if "://" in target:
        return f"[{text}]({target})" if text else f"<{target}>"
    # "ns:page#section": a page of this wiki, which the import does not bring along.
    return text or target.split("#")[0].rsplit(":", 1)[-1].replace("_", " ")


def _media(target: str, text: str | None) -> str:
    """An image from the web stays an image; files of the wiki's media folder are not here."""
    url = target.split("?")[0]
    if "://" in url and url.lower().endswith(_IMAGE_SUFFIXES):
        return f"![{(text or '').strip()}]({url})"
    return (text or "").strip()
