"""An RTF document's paragraphs written as Markdown, each line tied to its RTF line.

Paragraphs follow one another line by line, as the writer saw them; a blank line
stands where the writer left an empty paragraph or set space below one, and around
headings and tables. Bold and italic runs keep their emphasis; a heading does not,
its style is emphasis enough. A list item's bullet or number becomes Markdown's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from papershelf.importers.rtf.convert import Paragraph, RtfDocument, Run

_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_NUMBER_LABEL_RE = re.compile(r"^\W*?(?P<number>\d{1,4})[.)]")
# A bullet typed at the start of a paragraph rather than set as a list ("• item"):
# • ◦ ▪ ▫ ‣ ● ○ ■ □ · and an en dash.
_TYPED_BULLETS = "\u2022\u25e6\u25aa\u25ab\u2023\u25cf\u25cb\u25a0\u25a1\u00b7\u2013"
_TYPED_BULLET_RE = re.compile(f"^[{_TYPED_BULLETS}]\\s+")
# Scrivener's style markers and compile placeholders, written into the text itself:
# "<$Scr_Ps::0>", "<!$Scr_Cs::1>", "<$ScrKeepWithNext>".
_SCRIVENER_MARKER_RE = re.compile(r"<!?\$Scr(?:_[A-Za-z]+::\d+|[A-Za-z]*)>")


@dataclass
class _Lines:
    lines: list[str] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)  # 0-based RTF line of each

    def add(self, text: str, line: int) -> None:
        self.lines.append(text)
        self.origins.append(max(line - 1, 0))

    def blank(self, line: int) -> None:
        if self.lines and self.lines[-1] != "":
            self.add("", line)


def to_markdown(document: RtfDocument) -> tuple[str, list[int]]:
    """The Markdown, and for each of its lines the 0-based RTF line it came from."""
    out = _Lines()
    in_table = False
    for paragraph in document.paragraphs:
        if paragraph.cells is not None:
            _row(out, paragraph, first=not in_table)
            in_table = True
            continue
        if in_table:
            out.blank(paragraph.line)
            in_table = False
        _paragraph(out, paragraph)
    last = document.paragraphs[-1].line if document.paragraphs else 1
    for number, note in enumerate(document.footnotes, start=1):
        out.blank(last)
        out.add(f"[^{number}]: {note}", last)
    while out.lines and out.lines[-1] == "":
        out.lines.pop()
        out.origins.pop()
    return "\n".join(out.lines) + "\n", out.origins


def _paragraph(out: _Lines, paragraph: Paragraph) -> None:
    text = inline(paragraph.runs, emphasis=not paragraph.heading)
    if not text:
        if paragraph.label is None:
            out.blank(paragraph.line)
        return
    if paragraph.heading:
        out.blank(paragraph.line)
        out.add(f"{'#' * paragraph.heading} {text}", paragraph.line)
        out.blank(paragraph.line)
        return
    if paragraph.label is not None:
        text = f"{'  ' * paragraph.level}{_marker(paragraph.label)} {text}"
    elif bullet := _TYPED_BULLET_RE.match(text):
        text = f"- {text[bullet.end() :]}"
    elif out.lines and out.lines[-1].startswith("|"):
        out.blank(paragraph.line)
    out.add(text, paragraph.line)
    if paragraph.space_after:
        out.blank(paragraph.line)


def _row(out: _Lines, row: Paragraph, first: bool) -> None:
    cells = [inline(cell).replace("|", "\\|") for cell in row.cells or []]
    if first:
        out.blank(row.line)
    out.add("| " + " | ".join(cells) + " |", row.line)
    if first:
        out.add("|" + " --- |" * len(cells), row.line)


def _marker(label: str) -> str:
    number = _NUMBER_LABEL_RE.match(label.strip())
    return f"{number['number']}." if number else "-"


def inline(runs: list[Run], emphasis: bool = True) -> str:
    """Runs as one line of Markdown: spaces collapsed, bold and italic marked."""
    parts = []
    for run in _merged(runs):
        text = _SCRIVENER_MARKER_RE.sub("", run.text)
        core = text.strip()
        if not emphasis or not core or not (run.bold or run.italic):
            parts.append(text)
            continue
        mark = "***" if run.bold and run.italic else "**" if run.bold else "*"
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        parts.append(f"{lead}{mark}{core}{mark}{trail}")
    return _SPACES_RE.sub(" ", "".join(parts)).strip()


def _merged(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return merged
