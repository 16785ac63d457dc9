"""What an RTF field's instruction points at, and Scrivener's inline notes."""

from __future__ import annotations

import re

# HYPERLINK "https://…" \o "tip" · HYPERLINK https://… (WordPad) · HYPERLINK \l "anchor"
_HYPERLINK_RE = re.compile(
    r'^\s*HYPERLINK\s+(?P<switches>(?:\\[a-z]\s+(?:"[^"]*"\s*)?)*)(?:"(?P<quoted>[^"]+)"|(?P<bare>\S+))',
    re.IGNORECASE,
)
# Links a reader can follow; Scrivener's own (scrivlnk://, scrivcmt://) and a document's
# bookmarks lead nowhere outside the project.
_OUTSIDE_SCHEMES = ("http://", "https://", "ftp://", "mailto:", "doi:", "file://")

_SCRIVENER_NOTES = (("\\Scrv_fn=", "\\end_Scrv_fn"), ("\\Scrv_annot", "\\end_Scrv_annot"))
_ANNOTATION_TEXT = "\\text="


def hyperlink_target(instruction: str) -> str:
    """The address a HYPERLINK field leads to, or "" for any other field (a page
    number, a citation manager's field) or a link inside the document."""
    found = _HYPERLINK_RE.match(instruction)
    if found is None or "\\l" in found["switches"].split():
        return ""
    target = (found["quoted"] or found["bare"] or "").strip()
    if not target.casefold().startswith(_OUTSIDE_SCHEMES):
        return ""
    return target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def scrivener_inline(text: str, opened: int) -> tuple[str, int] | None:
    """A Scrivener inline footnote or annotation whose "{" ends just before ``opened``:
    the RTF of its words and the position after its closing opened, or None.

    Scrivener writes them as ``{\\Scrv_fn=…\\end_Scrv_fn}`` and ``{\\Scrv_annot
    \\color={…} \\text=…\\end_Scrv_annot}``: text a standard reader would show with
    their markers, so they are cut out before reading.
    """
    for start, end in _SCRIVENER_NOTES:
        if not text.startswith(start, opened):
            continue
        finish = text.find(end, opened)
        close = text.find("}", finish + len(end)) if finish >= 0 else -1
        if close < 0 or text[finish + len(end) : close].strip():
            return None
        begin = opened + len(start)
        if start.endswith("annot"):
            marker = text.find(_ANNOTATION_TEXT, opened, finish)
            begin = marker + len(_ANNOTATION_TEXT) if marker >= 0 else finish
        return text[begin:finish], close + 1
    return None
