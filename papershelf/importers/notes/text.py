"""Small text helpers: visible text of inline Markdown, line slices, image paths."""

from __future__ import annotations

import re
import unicodedata

# A Markdown link or image; the URL may hold one level of parentheses (Wikipedia style).
MARKDOWN_LINK_RE = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:\\.|[^\[\]\\]|\[[^\[\]]*\])*)\]"
    r"\(\s*(?P<url><[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
# A line that opens a list item: "- …", "* …", "3. …", "2) …" — not "2016. “The Effects
# of …”", a hard-wrapped citation's line that opens with its year.
LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|(?!(?:1[89]|20)\d\d[.)])\d+[.)])\s")
_WIKI_LINK_RE = re.compile(r"!?\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]")
_EMPHASIS_RE = re.compile(r"(\*\*|__|~~)")
_WRAPPING_MARK_RE = re.compile(r"^([*_`])(.+)\1$")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
_EDGE_PUNCTUATION = " \t:;,|—–-·•"
_INVISIBLE = "\ufe0f\u200d\u200b\ufeff"

_MARKDOWN_IMAGE_RE = re.compile(r"!\[(?:\\.|[^\[\]\\]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)")
_HTML_IMAGE_RE = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_WIKI_IMAGE_RE = re.compile(r"!\[\[([^\]|#]+)")
_URL_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

# From 1850: Kermack & McKendrick (1927), Bush's "As We May Think" (1945) are read too.
YEAR_RE = re.compile(r"(?<!\d)(18[5-9]\d|19\d{2}|20\d{2})(?!\d)")


def visible_text(inline: str) -> str:
    """What a reader sees of a line of inline Markdown: links become their text,
    emphasis and escapes go, decorative emoji at either end go; words stay as written."""
    text = _WIKI_LINK_RE.sub(lambda m: (m[2] or m[1]).strip(), inline)
    text = MARKDOWN_LINK_RE.sub(lambda m: m["text"], text)
    text = _HTML_TAG_RE.sub("", text)
    text = _EMPHASIS_RE.sub("", text)
    text = " ".join(text.split())
    while (unwrapped := _WRAPPING_MARK_RE.sub(r"\2", text)) != text:
        text = unwrapped.strip()
    text = _ESCAPE_RE.sub(r"\1", text)
    return strip_decoration(text)


def strip_decoration(text: str) -> str:
    """Drop emoji, bullets and separators around text ("📜 Title —" → "Title")."""
    start, end = 0, len(text)
    while start < end and _is_decoration(text[start]):
        start += 1
    while end > start and _is_decoration(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_decoration(char: str) -> bool:
    return (
        char in _EDGE_PUNCTUATION
        or char in _INVISIBLE
        or unicodedata.category(char) in ("So", "Sk", "Cf")
    )


# "#toread", "#[[looking time]]" (RemNote, Logseq, Roam: a tag of several words).
HASHTAG = r"#(?:\[\[[^\]\n]+\]\]|[^\W\d][\w\-/]*)"
HASHTAG_RE = re.compile(rf"(?<![\w#]){HASHTAG}")


def hashtag_text(tag: str) -> str:
    """ "#[[looking time]]" → "looking time", "#toread" → "toread"."""
    return tag.lstrip("#").removeprefix("[[").removesuffix("]]").strip()


# What a to-do list asks of its owner: "Buy oat milk", "Renew the library card", "Email
# Ana re the seminar". Verbs no paper title opens with (not "Ask", "Do", "Get", "Learn").
_CHORE_RE = re.compile(
    r"^(?:buy|call|e-?mail|renew|pay|book|send|submit|return|schedule|reply|print|order"
    r"|clean|cancel|install|remind|text|bring|water|pick\s+up|drop\s+off|confirm|fill\s+in)\s",
    re.IGNORECASE,
)


def reads_as_a_chore(text: str) -> bool:
    """ "Buy oat milk", "Email Ana re ANT seminar": a to-do, not a paper's title."""
    return bool(_CHORE_RE.match(strip_decoration(text)))


def opens_in_lower_case(text: str) -> bool:
    """ "email Ruiz re: the exam", "install etas, reproduce fig 6": a to-do's verb first.
    A title's first word is capitalised, or a name in its own case ("word2vec", "t-SNE")."""
    first = strip_decoration(text).split(" ", 1)[0]
    return first.isalpha() and first.islower()


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W_]+", text))


def is_blank(line: str) -> bool:
    return not line.strip()


def join_lines(lines: list[str]) -> str:
    """The lines as one string without the blank lines at either end or the last line break.

    Inner text is untouched, so a summary is a byte-faithful slice of its source.
    """
    start, end = 0, len(lines)
    while start < end and is_blank(lines[start]):
        start += 1
    while end > start and is_blank(lines[end - 1]):
        end -= 1
    return "".join(lines[start:end]).rstrip("\r\n")


def relative_images(markdown: str) -> list[str]:
    """Image paths the summary refers to that are not full URLs (they need the files)."""
    found: list[str] = []
    for pattern in (_MARKDOWN_IMAGE_RE, _HTML_IMAGE_RE, _WIKI_IMAGE_RE):
        found += [m[1].strip() for m in pattern.finditer(markdown)]
    relative = [p for p in found if not _URL_SCHEME_RE.match(p) and not p.startswith("//")]
    return list(dict.fromkeys(relative))
