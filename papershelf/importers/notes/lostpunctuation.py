"""Punctuation an exporter wrote as "?" because its encoding had no such character.

A tool that writes notes in Latin-1 or ASCII (an AppleScript export of Apple Notes, an
old Windows program, a terminal copy) turns curly quotes, dashes and arrows into "?":
“Observation of a Rapidly Pulsating Radio Source”, Nature 217, 709–713 arrives as
``?Observation of a Rapidly Pulsating Radio Source?, Nature 217, 709?713``. A citation
reader cannot find a quoted title or a dash it cannot see, so a document showing these
marks gets them back. Real question marks never stand before a word's first letter or
alone between spaces, so ordinary text is left as it was — except in French, which
sets its question marks apart ("Pourquoi ? Parce que…"): French prose keeps them. Code
is never touched.
"""

from __future__ import annotations

import re

# ", ?A bright millisecond-duration radio burst?": a title between two lost quotes.
# ", ?the missing baryons?": a lower-case start needs two words to be a quotation.
_QUOTED_RE = re.compile(
    r"(?<![\w?])\?(?=[A-Z0-9]|[a-z]+ \w)([^?\n]{3,300}?[^\s?])\?(?=[\s,.;:)\]]|$)"
)
_LONE_RE = re.compile(r"(?<=\s)\?(?=\s)")  # "Spitler et al. 2016 ? A repeating …"
# In a table, a cell holding only "?" is unknown, not a dash: "| Bochenek ? 2005.10828 | ? |".
_LONE_IN_ROW_RE = re.compile(r"(?<=[^\s|]\s)\?(?=\s[^\s|])")
_RANGE_RE = re.compile(r"(?<=\d)\?(?=\d)")  # "709?713", pages
_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_MIN_MARKS = 2  # a single " ? " may be a slip of the keyboard
_FRENCH_RE = re.compile(r"\b(?:le|la|les|des|est|une|avec|pour|dans|qui|que|pas)\b", re.I)
_FRENCH_SHARE = 0.03  # of the words: more, and " ? " is French typography


def restore_lost_punctuation(lines: list[str]) -> list[str]:
    """``lines`` with lost quotes and dashes back, when the document shows them lost."""
    prose = _prose_indexes(lines)
    marks = sum(len(_quoted(lines[i])) * 2 + len(_lone(lines[i]).findall(lines[i])) for i in prose)
    if marks < _MIN_MARKS or _is_french(" ".join(lines[i] for i in prose)):
        return lines
    restored = list(lines)
    for i in prose:
        line = lines[i]
        for quoted in reversed(_quoted(line)):
            line = f"{line[: quoted.start()]}“{quoted[1]}”{line[quoted.end() :]}"
        restored[i] = _RANGE_RE.sub("–", _lone(line).sub("—", line))
    return restored


def _in_row(line: str) -> bool:
    return line.lstrip().startswith("|")


def _quoted(line: str) -> list[re.Match[str]]:
    """Quotations of the line; in a table only of several words ("| ?Unknown? |" may be
    a question)."""
    found = list(_QUOTED_RE.finditer(line))
    return [match for match in found if " " in match[1]] if _in_row(line) else found


def _lone(line: str) -> re.Pattern[str]:
    return _LONE_IN_ROW_RE if _in_row(line) else _LONE_RE


def _is_french(text: str) -> bool:
    words = len(text.split())
    return bool(words) and len(_FRENCH_RE.findall(text)) > _FRENCH_SHARE * words


def _prose_indexes(lines: list[str]) -> list[int]:
    """Lines outside code (fenced, indented or inline)."""
    found, fenced = [], False
    for index, line in enumerate(lines):
        if _FENCE_RE.match(line):
            fenced = not fenced
        elif not fenced and "`" not in line and not line.startswith(("    ", "\t")):
            found.append(index)
    return found
