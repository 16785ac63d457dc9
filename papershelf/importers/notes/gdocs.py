"""A Google Docs document downloaded as Markdown (File → Download → Markdown).

Google's exporter writes Markdown that is safe rather than plain: it escapes any
character that Markdown could read as syntax, in the middle of words too ("metal\\-
organic", "(12 Sep 2023\\)", "\\[Cu3(TMA)2\\]n"), wraps headings that were bold in the
document in ``**`` ("## **Block 1**"), and puts every image at the end of the file as a
``data:`` URI definition ("[image1]: <data:image/png;base64,…>") that "![][image1]"
refers to. Read as it is, titles keep their backslashes and a heading is a run of
emphasis; and Papershelf reads ``\\(`` and ``\\[`` as math.

``from_google_docs`` undoes what carries no meaning: escapes of characters that only
matter at the start of a line stay there (``1\\.`` is not a list item), ``\\*``, ``\\_``,
``\\|``, ``\\$`` and ``\\\\`` stay everywhere (unescaped they would become emphasis, a
table cell or math), and the embedded images are left out with their count (their
bytes are in the document, not in files the import could store).
"""

from __future__ import annotations

import re

# "[image1]: <data:image/png;base64,…>" — Google's way to embed an image.
_IMAGE_DEFINITION_RE = re.compile(r"^\[(image\d+)\]:\s*<?data:image/[^\n]*$")
_IMAGE_REFERENCE_RE = re.compile(r"!\[[^\]\n]*\]\[image\d+\]")
_BOLD_HEADING_RE = re.compile(r"^(#{1,6}\s+)\*\*(?P<text>[^*\n]+?)\*\*\s*$")
_ALIGNMENT_ROW_RE = re.compile(r"^\|(?:\s*:-{4}\s*\|)+\s*$")  # "| :---- | :---- |"
_WORD_ESCAPE_RE = re.compile(r"\w\\[-.)+]|\\[(\[]\w")
# Escapes that mean nothing in the middle of a line. Kept: \* \_ \| \$ \\ and `
# (emphasis, table cells, math, code), and all at a line's start (block syntax).
_NOISE_ESCAPE_RE = re.compile(r"(?<=[^\s\\])\\([-.()\[\]+=!~&'\"{}#])")
# "1\. Intro", "\- not a bullet", "\# not a heading": block syntax a line's start escapes.
_BLOCK_ESCAPE_RE = re.compile(r"^\s*(?:\d{1,9}\\[.)]|\\[-+#>=~])")
# After a space or at a line's start only brackets and quotes: "\- item" stays no list.
_SPACED_ESCAPE_RE = re.compile(r"(?:(?<=\s)|^)\\([()\[\]'\"])", re.MULTILINE)


def looks_like_google_docs(lines: list[str]) -> bool:
    """Two of Google's habits at least: embedded images, bold headings, ':----' table
    alignment rows, escapes inside words."""
    text = "".join(lines)
    signals = [
        any(_IMAGE_DEFINITION_RE.match(line) for line in lines[-200:]),
        sum(bool(_BOLD_HEADING_RE.match(line)) for line in lines) >= 2,
        any(_ALIGNMENT_ROW_RE.match(line.strip()) for line in lines),
        len(_WORD_ESCAPE_RE.findall(text)) >= 3,
    ]
    return sum(signals) >= 2


def from_google_docs(lines: list[str]) -> tuple[list[str], int]:
    """The document as Markdown a person would have written, and how many embedded
    images were left out. Keeps the line count: a reported line is the file's own."""
    images = 0
    out: list[str] = []
    for line in lines:
        if _IMAGE_DEFINITION_RE.match(line.rstrip("\n")):
            images += 1
            out.append("\n")
            continue
        line = _IMAGE_REFERENCE_RE.sub("", line)
        line = _BOLD_HEADING_RE.sub(r"\1\g<text>", line.rstrip("\n")) + (
            "\n" if line.endswith("\n") else ""
        )
        block = _BLOCK_ESCAPE_RE.match(line)
        kept, rest = (line[: block.end()], line[block.end() :]) if block else ("", line)
        rest = _SPACED_ESCAPE_RE.sub(r"\1", rest)
        out.append(kept + _NOISE_ESCAPE_RE.sub(r"\1", rest))
    return out, images
