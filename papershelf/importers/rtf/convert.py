"""An RTF document read into paragraphs of text runs, the way a word processor shows it.

The reader follows the RTF specification's own model: a stack of groups, each with its
character state (bold, italic, hidden, font, ``\\ucN``) and its destination (the text,
a field's instruction, a list item's label, a footnote, or nothing at all for the
font table, pictures and every ``{\\*\\…}`` it does not know). Paragraph properties
(style, outline level, list level, table cell) belong to the reader, as Word writes
them again after each ``\\pard``.

Nothing is recursive, so a deeply nested file cannot exhaust Python's stack; the
depth and the size are still bounded, with an error that says where.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from papershelf.importers.records import ParseError
from papershelf.importers.rtf.charsets import (
    CHARSET_WORDS,
    DEFAULT_CODE_PAGE,
    code_page,
    font_code_page,
)
from papershelf.importers.rtf.fields import hyperlink_target, scrivener_inline

MAX_DEPTH = 400  # Word nests a few dozen groups; thousands only come from a broken file
MAX_CHARS = 64 * 1024 * 1024  # above the import's file limit: a bound for direct callers

_TOKEN_RE = re.compile(
    r"\\(?P<word>[a-zA-Z]{1,32})(?P<param>-?\d{1,10})? ?"
    r"|\\'(?P<hex>[0-9a-fA-F]{2})"
    r"|\\(?P<symbol>[\s\S])"
    r"|(?P<brace>[{}])"
    r"|(?P<newline>\n)"
    r"|(?P<text>[^\\{}\n]+)"
    r"|(?P<stray>\\)"
)
# Destinations whose text is no part of what the writer wrote (tables of fonts, colours
# and styles are read for what they say, not shown).
_SKIPPED = frozenset(
    {"colortbl", "info", "pict", "header", "headerl", "headerr", "headerf", "footer"}
    | {"footerl", "footerr", "footerf", "shprslt", "nonshppict", "xe", "tc", "tcn", "txe"}
    | {"ftnsep", "ftnsepc", "aftnsep", "aftnsepc", "ftncn", "aftncn", "template", "rxe"}
    | {"NeXTGraphic", "objdata", "objclass", "revtbl", "pntxta", "pntxtb", "filetbl"}
    | {"listtable", "listoverridetable", "rsidtbl", "generator", "themedata", "datastore"}
    | {"colorschememapping", "latentstyles", "xmlnstbl", "mmathPr", "annotation", "atnid"}
    | {"atnauthor", "atndate", "atnref", "bkmkstart", "bkmkend", "datafield", "pn"}
)
# Characters written as control words.
_CHARACTERS = {
    "tab": "\t", "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022",
    "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
    "emspace": " ", "enspace": " ", "qmspace": " ", "zwj": "", "zwnj": "",
}  # fmt: skip
_SYMBOLS = {"~": "\u00a0", "-": "", "_": "\u2011", "\\": "\\", "{": "{", "}": "}"}
_CHARACTER_WORDS = frozenset({"b", "i", "v", "plain"})
_SETTINGS = frozenset({"ansicpg", "ansi", "mac", "pc", "pca", "deff", "uc"})
_PARAGRAPH_WORDS = frozenset(
    {"pard", "s", "cs", "ds", "ts", "outlinelevel", "ls", "ilvl", "intbl", "itap", "sa"}
    | {"cell", "nestcell", "row", "nestrow", "par", "line", "sect"}
)
_DESTINATIONS = frozenset(
    {"fonttbl", "stylesheet", "field", "fldinst", "fldrslt", "listtext", "pntext", "footnote"}
)
_HEADING_STYLE_RE = re.compile(
    r"^(?:heading|\u00fcberschrift|titre|t\u00edtulo|titolo|kop)\s*(?P<level>[1-9])\b", re.I
)


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Paragraph:
    runs: list[Run]
    line: int  # where it starts in the RTF, 1-based
    heading: int = 0  # 1–6; 0 for body text
    label: str | None = None  # an item's bullet or number; None when it is no item
    level: int = 0  # an item's nesting, from 0
    cells: list[list[Run]] | None = None  # a table row's cells
    space_after: bool = False  # the writer set space below it: a paragraph break


@dataclass
class RtfDocument:
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)


@dataclass
class _Group:
    """What a group sets; a nested group starts from a copy of its parent's."""

    bold: bool = False
    italic: bool = False
    hidden: bool = False
    font: int | None = None
    uc: int = 1
    sink: str = "body"  # body · result · skip · fonttbl · stylesheet · instruction · label
    starred: bool = False  # "{\*": an unknown destination that follows is skipped
    # What closing this group finishes.
    ends_field: bool = False
    ends_footnote: bool = False
    ends_label: bool = False

    def child(self) -> _Group:
        return _Group(self.bold, self.italic, self.hidden, self.font, self.uc, self.sink)


@dataclass
class _Paragraph:
    style: int = 0
    outline: int | None = None
    listed: bool = False
    level: int = 0
    in_table: bool = False
    space_after: bool = False


@dataclass
class _Field:
    instruction: list[str] = field(default_factory=list)
    runs: list[Run] | None = None  # the run list its result was written into
    start: int = 0  # where the result starts in it


def read_rtf(text: str, name: str, max_chars: int = MAX_CHARS) -> RtfDocument:
    """The paragraphs and footnotes of an RTF document; ParseError when it is none."""
    if len(text) > max_chars:
        message = f"too large to read as RTF ({len(text):,} characters, {max_chars:,} at most)"
        raise ParseError(name, None, message)
    start = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    if not text.startswith("{\\rtf", start):
        raise ParseError(name, 1, "not an RTF document: it should open with {\\rtf")
    return _Reader(text.replace("\r\n", "\n").replace("\r", "\n"), name, start).read()


class _Reader:
    def __init__(self, text: str, name: str, start: int = 0) -> None:
        self.text, self.name, self.pos = text, name, start
        self.line = 1 + text.count("\n", 0, start)
        self.stack: list[_Group] = []
        self.document = RtfDocument()
        self.runs: list[Run] = []  # where text goes: the paragraph, a cell or a footnote
        self.outer: list[list[Run]] = []  # the run lists a footnote interrupted
        self.cells: list[list[Run]] = []
        self.para = _Paragraph()
        self.label: str | None = None
        self.label_text: list[str] = []
        self.para_line = 0
        self.fields: list[_Field] = []
        self.code_page = DEFAULT_CODE_PAGE
        self.fonts: dict[int, str] = {}
        self.default_font: int | None = None
        self.font_def = 0
        self.styles: dict[int, str] = {}
        self.style_def: int | None = 0
        self.style_name: list[str] = []
        self.skip = 0  # \uN fallback characters still to skip
        self.high_surrogate = 0
        self.decoder: codecs.IncrementalDecoder | None = None
        self.decoder_page = ""

    @property
    def group(self) -> _Group:
        return self.stack[-1]

    def read(self) -> RtfDocument:
        while self.pos < len(self.text):
            match = _TOKEN_RE.match(self.text, self.pos)
            assert match is not None  # noqa: S101 - the pattern matches any character
            self.pos = match.end()
            if self._token(match):
                break
        self._flush_bytes()
        self._end_paragraph()
        return self.document

    def _token(self, match: re.Match[str]) -> bool:
        """Handle one token; True when it closed the document's outermost group."""
        kind = match.lastgroup
        if kind == "text":
            self._text(match["text"])
        elif kind in ("word", "param"):
            param = match["param"]
            self._control(match["word"], int(param) if param is not None else None)
        elif kind == "hex":
            self._byte(int(match["hex"], 16))
        elif kind == "newline":
            self.line += 1
        elif kind == "brace":
            return self._open() if match["brace"] == "{" else self._close()
        elif kind == "symbol":
            self._symbol(match["symbol"])
        return False

    # Groups

    def _open(self) -> bool:
        self._flush_bytes()
        self.skip = 0
        if self.stack and self.group.sink in ("body", "result") and self._scrivener_inline():
            return False
        if len(self.stack) >= MAX_DEPTH:
            raise ParseError(
                self.name, self.line, f"groups nested deeper than {MAX_DEPTH}: a damaged file"
            )
        parent = self.stack[-1] if self.stack else _Group()
        self.stack.append(parent.child())
        if parent.sink == "stylesheet":
            self.style_def, self.style_name = 0, []
        return False

    def _close(self) -> bool:
        self._flush_bytes()
        self.skip = 0
        closing = self.stack.pop()
        if closing.ends_label:
            self.label = "".join(self.label_text)
        if closing.ends_footnote:
            self._end_footnote()
        if closing.ends_field:
            self._end_field()
        if closing.sink == "stylesheet" and self.stack and self.group.sink == "stylesheet":
            self._end_style()
        return not self.stack

    def _scrivener_inline(self) -> bool:
        """Scrivener's inline footnotes and annotations (``{\\Scrv_fn=…\\end_Scrv_fn}``)
        are no RTF groups a reader can follow: their text becomes a footnote."""
        found = scrivener_inline(self.text, self.pos)
        if found is None:
            return False
        inner, end = found
        self.line += self.text.count("\n", self.pos, end)
        self.pos = end
        note = _plain_text(read_rtf("{\\rtf1 " + inner + "}", self.name))
        if note:
            self._add_footnote(note)
        return True

    # Text

    def _text(self, text: str) -> None:
        if self.skip:
            dropped = min(self.skip, len(text))
            self.skip -= dropped
            text = text[dropped:]
        if self.decoder is not None and self.decoder.getstate()[0] and text and ord(text[0]) < 128:
            # A double-byte code page's second byte may be a plain character ("\'83e").
            self._emit(self.decoder.decode(text[0].encode("ascii")))
            text = text[1:]
        self._flush_bytes()
        if text:
            self._emit(text)

    def _byte(self, value: int) -> None:
        if self.skip:
            self.skip -= 1
            return
        font = self.group.font if self.stack else None
        page = self.fonts.get(font, self.code_page) if font is not None else self.code_page
        if self.decoder is None or page != self.decoder_page:
            self._flush_bytes()
            self.decoder = codecs.getincrementaldecoder(page)(errors="replace")
            self.decoder_page = page
        self._emit(self.decoder.decode(bytes([value])))

    def _flush_bytes(self) -> None:
        if self.decoder is not None:
            rest = self.decoder.decode(b"", final=True)
            self.decoder = None
            if rest:
                self._emit(rest)

    def _unicode(self, value: int | None) -> None:
        self._flush_bytes()
        code = (value or 0) % 65536  # written signed: \u-4064 is U+F020
        self.skip = self.group.uc
        if 0xD800 <= code < 0xDC00:
            self.high_surrogate = code
            return
        if 0xDC00 <= code < 0xE000:
            if self.high_surrogate:
                pair = 0x10000 + ((self.high_surrogate - 0xD800) << 10) + (code - 0xDC00)
                self._emit(chr(pair))
            self.high_surrogate = 0
            return
        self.high_surrogate = 0
        self._emit(chr(code))

    def _emit(self, text: str) -> None:
        if not text or not self.stack:
            return
        group = self.group
        if group.sink in ("body", "result"):
            if group.hidden:
                return
            if not self.para_line and text.strip():
                self.para_line = self.line
            self.runs.append(Run(text, group.bold, group.italic))
        elif group.sink == "instruction" and self.fields:
            self.fields[-1].instruction.append(text)
        elif group.sink == "label":
            self.label_text.append(text)
        elif group.sink == "stylesheet":
            self.style_name.append(text)

    def _symbol(self, symbol: str) -> None:
        if symbol == "\n":  # TextEdit ends its paragraphs with a backslash
            self.line += 1
        if not self.stack or self.group.sink == "skip":
            return
        if self.skip:
            self.skip -= 1
            return
        self._flush_bytes()
        if symbol == "*":
            self.group.starred = True
        elif symbol == "\n":
            self._paragraph_break()
        elif symbol in _SYMBOLS:
            self._emit(_SYMBOLS[symbol])

    # Control words

    def _control(self, word: str, param: int | None) -> None:
        if not self.stack:
            return
        group = self.group
        if word == "bin":
            self._skip_binary(param or 0)
            return
        if group.sink == "skip":
            return
        if self.skip:
            self.skip -= 1
            return
        self._flush_bytes()
        if group.starred:
            group.starred = False
            if word not in ("fldinst", "footnote"):
                group.sink = "skip"
                return
        self._dispatch(word, param)

    def _dispatch(self, word: str, param: int | None) -> None:
        if word in _CHARACTER_WORDS:
            self._character(word, param)
        elif word in _PARAGRAPH_WORDS:
            self._paragraph_word(word, param)
        elif word in _DESTINATIONS:
            self._destination(word)
        elif word in _SETTINGS:
            self._setting(word, param)
        elif word == "u":
            self._unicode(param)
        elif word in ("f", "fcharset", "cpg"):
            self._font(word, param)
        elif word in _CHARACTERS:
            self._emit(_CHARACTERS[word])
        elif word in _SKIPPED:
            self.group.sink = "skip"

    def _skip_binary(self, count: int) -> None:
        """``\\binN``: N bytes of raw data follow (a picture's), whatever they hold."""
        data = self.text[self.pos : self.pos + max(count, 0)]
        self.line += data.count("\n")
        self.pos += len(data)

    def _character(self, word: str, param: int | None) -> None:
        on = param is None or param != 0
        group = self.group
        if word == "b":
            group.bold = on
        elif word == "i":
            group.italic = on
        elif word == "v":
            group.hidden = on
        elif word == "plain":
            group.bold = group.italic = group.hidden = False
            group.font = self.default_font

    def _font(self, word: str, param: int | None) -> None:
        """\\fN picks a font; in the font table it starts one, whose \\fcharsetN or
        \\cpgN says the code page of its \\'hh bytes."""
        in_table = self.group.sink == "fonttbl"
        if word == "f" and not in_table:
            self.group.font = param
        elif word == "f":
            self.font_def = param or 0
        elif in_table and (page := _font_page(word, param or 0)):
            self.fonts[self.font_def] = page

    def _destination(self, word: str) -> None:
        group = self.group
        if word == "fonttbl":
            group.sink = "fonttbl"
        elif word == "stylesheet":
            group.sink = "stylesheet"
        elif word == "field":
            group.ends_field = True
            self.fields.append(_Field())
        elif word == "fldinst":
            group.sink = "instruction"
        elif word == "fldrslt" and self.fields:
            group.sink = "result"
            self.fields[-1].runs, self.fields[-1].start = self.runs, len(self.runs)
        elif word in ("listtext", "pntext"):
            group.sink, group.ends_label = "label", True
            self.label_text = []
        elif word == "footnote" and group.sink in ("body", "result"):
            group.ends_footnote = True
            self.outer.append(self.runs)
            self.runs = []

    # Paragraphs

    def _paragraph_word(self, word: str, param: int | None) -> None:
        """Paragraph properties, read in the text itself only: a list item's label or a
        field's result may hold a \\pard of its own that does not end the paragraph."""
        if self.group.sink == "stylesheet" and word in ("s", "cs", "ds", "ts"):
            self.style_def = param if word == "s" else None
            return
        if self.group.sink != "body" or self.outer:
            if word in ("par", "line", "cell", "row", "nestcell", "nestrow", "sect"):
                self._emit(" ")
            return
        para = self.para
        if word == "pard":
            self.para = _Paragraph()
        elif word == "s":
            para.style = param or 0
        elif word == "outlinelevel":
            para.outline = param
        elif word == "ls":
            para.listed = True
        elif word == "ilvl":
            para.level = max(0, min(param or 0, 8))
        elif word == "intbl":
            para.in_table = True
        elif word == "itap":
            para.in_table = bool(param)
        elif word == "sa":
            para.space_after = bool(param and param > 0)
        elif word in ("cell", "nestcell"):
            self.cells.append(self.runs)
            self.runs = []
        elif word in ("row", "nestrow"):
            self._end_row()
        else:  # par, line, sect
            self._paragraph_break()

    def _paragraph_break(self) -> None:
        if self.group.sink != "body" or self.outer:
            self._emit(" ")
        elif self.para.in_table:
            self._emit(" ")  # a cell's own paragraphs stay in the cell
        else:
            self._end_paragraph()

    def _end_paragraph(self) -> None:
        para = self.para
        heading = 0 if para.listed or self.label is not None else self._heading_level()
        self.document.paragraphs.append(
            Paragraph(
                self.runs,
                self.para_line or self.line,
                heading,
                self.label if self.label is not None else ("" if para.listed else None),
                para.level,
                space_after=para.space_after,
            )
        )
        self.runs, self.label, self.para_line = [], None, 0

    def _end_row(self) -> None:
        if any(run.text.strip() for run in self.runs):
            self.cells.append(self.runs)
        if self.cells:
            row = Paragraph([], self.para_line or self.line, cells=self.cells)
            self.document.paragraphs.append(row)
        self.runs, self.cells, self.label, self.para_line = [], [], None, 0

    def _heading_level(self) -> int:
        outline = self.para.outline
        if outline is not None and 0 <= outline < 6:
            return outline + 1
        name = self.styles.get(self.para.style, "")
        if found := _HEADING_STYLE_RE.match(name):
            return min(int(found["level"]), 6)
        return 1 if name.casefold() == "title" else 0

    def _end_style(self) -> None:
        name = "".join(self.style_name).strip().rstrip(";").strip()
        if self.style_def is not None and name:
            self.styles[self.style_def] = name

    # Fields and footnotes

    def _end_field(self) -> None:
        done = self.fields.pop()
        if done.runs is None:
            return
        result = done.runs[done.start :]
        target = hyperlink_target("".join(done.instruction))
        label = " ".join("".join(run.text for run in result).split())
        if target and label:
            first = result[0]
            text = target if label == target else f"[{_bracketed(label)}]({target})"
            done.runs[done.start :] = [Run(text, first.bold, first.italic)]

    def _end_footnote(self) -> None:
        note = " ".join("".join(run.text for run in self.runs).split())
        self.runs = self.outer.pop()
        if note:
            self._add_footnote(note)

    def _add_footnote(self, note: str) -> None:
        self.document.footnotes.append(note)
        group = self.group
        self.runs.append(Run(f"[^{len(self.document.footnotes)}]", group.bold, group.italic))

    # Document settings

    def _setting(self, word: str, param: int | None) -> None:
        if word == "ansicpg" and param:
            self.code_page = code_page(param)
        elif word in CHARSET_WORDS:
            self.code_page = CHARSET_WORDS[word]
        elif word == "deff":
            self.default_font = param
        elif word == "uc":
            self.group.uc = max(0, min(param or 0, 16))


def _font_page(word: str, param: int) -> str | None:
    if word == "cpg":
        return code_page(param) if param else None
    return font_code_page(param)


def _bracketed(label: str) -> str:
    return label.replace("[", "\\[").replace("]", "\\]")


def _plain_text(document: RtfDocument) -> str:
    parts = ["".join(run.text for run in p.runs) for p in document.paragraphs]
    return " ".join(" ".join(parts).split())
