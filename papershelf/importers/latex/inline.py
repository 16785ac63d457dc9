"""LaTeX within a paragraph as Markdown: text, fonts, links, citations, math, accents.

``Inline.inline`` converts a span of the comment-free source. Line breaks of the source
are spaces, as in TeX; ``\\\\`` and ``\\newline`` are Markdown line breaks; ``\\par``
and the skips are blank lines. Math stays TeX for the summary renderer (KaTeX):
``$…$`` and ``\\(…\\)`` inline, ``\\[…\\]`` and ``$$…$$`` on lines of their own.
Citations become Pandoc's (``\\citep[p.~3]{lee2012}`` → ``[@lee2012, p. 3]``). A
command we do not know keeps the text of its last argument (``\\lecture{1}{Intro}``
→ ``Intro``); commands that only set things up say nothing.
"""

from __future__ import annotations

import re

from papershelf.importers.latex import scan, symbols
from papershelf.importers.latex.scan import Span

# "\citep", "\parencite*", "\Textcite", "\footfullcite", "\citeauthor", "\citetitle",
# natbib's "\bibentry" (the whole reference, set in the text).
_CITE_RE = re.compile(r"^(?:[A-Za-z]*cite|[Cc]ite[a-z]*|bibentry)\*?$")
_MULTICITE_RE = re.compile(r"^[A-Za-z]*cites$")
_YEAR_CITES = frozenset({"citeyear", "citeyearpar", "citedate", "citeyear*"})
_REFERENCES = frozenset(
    {"ref", "eqref", "pageref", "autoref", "cref", "Cref", "nameref", "vref", "labelcref"}
    | {"autopageref", "cpageref", "Vref", "subref"}
)
_SECTIONING = frozenset(
    {"part", "chapter", "section", "subsection", "subsubsection", "paragraph", "subparagraph"}
)
_PLAIN_RUN_RE = re.compile(r"[^\\{}$~`'\-\n*_#&^]+")
_DIMENSION_RE = re.compile(
    r"^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)?\s*(?:pt|em|ex|cm|mm|in|bp|pc|sp|mu|fill|\\\w+)?"
    r"(?:\s*(?:plus|minus)\s*[-+]?[\d.]+\s*\w*)*\s*$"
)
_SKIP_DIMENSION_RE = re.compile(r"\s*=?\s*[-+]?[\d.]+\s*(?:pt|em|ex|cm|mm|in|bp|pc|sp|fil+)")
# "[@lee2012] ([-@lee2012])": \citeauthor then \citeyear of one key, cited once.
_AUTHOR_AND_YEAR_RE = re.compile(r"\[@(?P<key>[^\]\s;,]+)\]\s*\(?\s*\[-@(?P=key)\]\s*\)?")
# "\citeauthor{xie2020} \cite{xie2020}": the one citation, written twice.
_REPEATED_CITATION_RE = re.compile(r"(\[@[^\]\s;,]+\])(?:\s*\1)+")
_SPACES_RE = re.compile(r"[ \t\u00a0]{2,}")
_INNER_ITALIC_RE = re.compile(r"(?<![*\\])\*(?!\*)([^*]+)(?<![*\\])\*(?!\*)")
_DELIMITERS = {"(": "\\)", "[": "\\]"}


class Inline:
    """Converts spans of one comment-free source (``scan.Source``)."""

    def __init__(self, source: scan.Source) -> None:
        self.source = source
        self.text = source.text
        self.footnotes: list[str] = []
        self.theorems: dict[str, str] = {}  # environment → its name, from \newtheorem

    def inline(self, start: int, end: int) -> str:
        """The Markdown of ``text[start:end]``, a run of paragraph text."""
        pieces: list[str] = []
        position = start
        text = self.text
        while position < end:
            char = text[position]
            if char == "\\":
                position = self._command(position, end, pieces)
            elif char == "{":
                close = min(scan.group_end(text, position), end)
                pieces.append(self._group(position + 1, max(close - 1, position + 1)))
                position = close
            elif char == "$":
                position = self._dollar_math(position, end, pieces)
            else:
                position = self._character(position, end, pieces)
        return tidy("".join(pieces))

    def convert(self, span: Span | None) -> str:
        return self.inline(*span) if span else ""

    def one_line(self, span: Span | None) -> str:
        """A heading's or a label's text: the span's Markdown on one line."""
        if span is None:
            return ""
        return " ".join(self.inline(*span).split())

    def raw(self, span: Span | None) -> str:
        return self.text[span[0] : span[1]] if span else ""

    def _character(self, position: int, end: int, pieces: list[str]) -> int:
        text = self.text
        char = text[position]
        run = _PLAIN_RUN_RE.match(text, position, end)
        if run:
            pieces.append(run[0])
            return run.end()
        if char == "}":
            return position + 1  # a stray closing brace: TeX would stop; we read on
        if char in "`'":
            double = text.startswith(char * 2, position)
            pieces.append(
                ("“" if char == "`" else "”") if double else ("‘" if char == "`" else "'")
            )
            return position + 1 + double
        if char == "-":
            for dash, mark in (("---", "—"), ("--", "–"), ("-", "-")):
                if text.startswith(dash, position):
                    pieces.append(mark)
                    return position + len(dash)
        pieces.append({"~": " ", "\n": " ", "*": "\\*", "_": "\\_", "#": "\\#"}.get(char, char))
        return position + 1

    def _group(self, start: int, end: int) -> str:
        """ "{\\bfseries Paper Title}", "{\\em so}": the font a group switches to."""
        text = self.text
        position = start
        style = ""
        while True:
            position = scan.skip_space(text, position)
            if position >= end or text[position] != "\\":
                break
            name, after = scan.read_command(text, position)
            if name in symbols.SWITCHES:
                if name in symbols.BOLD_SWITCHES:
                    style = "**"
                elif name in symbols.ITALIC_SWITCHES and not style:
                    style = "*"
                elif name in symbols.CODE_SWITCHES and not style:
                    style = "`"
                position = after
            elif name == "color":
                position = scan.read_arguments(text, after, "om")[1]
            else:
                break
        return styled(self.inline(position, end), style)

    def _dollar_math(self, position: int, end: int, pieces: list[str]) -> int:
        display = self.text.startswith("$$", position)
        delimiter = "$$" if display else "$"
        close = math_end(self.text, position + len(delimiter), delimiter, end)
        body = self.text[position + len(delimiter) : close]
        pieces.append(display_math(body) if display else inline_math(body))
        return close + len(delimiter)

    def _command(self, position: int, end: int, pieces: list[str]) -> int:
        text = self.text
        name, after = scan.read_command(text, position)
        if name in _DELIMITERS:
            close = math_end(text, after, _DELIMITERS[name], end)
            body = text[after:close]
            pieces.append(inline_math(body) if name == "(" else display_math(body))
            return close + 2
        if name == "\\":
            # "\\[2pt]", "\\*": a line break, its spacing left out.
            _, after = scan.read_arguments(text, position + 2, "so")
            pieces.append("\n")
            return after
        if name in symbols.ACCENT_COMMANDS and (not name.isalpha() or _takes_accent(text, after)):
            span, after = scan.read_token(text, position + 1 + len(name))
            pieces.append(symbols.accented(name, self.inline(*span)))
            return after
        if not name.isalpha() and name.rstrip("*") in symbols.ESCAPES:
            pieces.append(symbols.ESCAPES[name.rstrip("*")])
            return position + 1 + len(name)
        handled = self._known(name, after, pieces)
        if handled is not None:
            return handled
        return self._unknown(after, pieces)

    def _known(self, name: str, after: int, pieces: list[str]) -> int | None:
        """Commands we know by name; None for any other."""
        text = self.text
        bare = name.rstrip("*")
        if name in symbols.SYMBOLS:
            pieces.append(symbols.SYMBOLS[name])
            return scan.skip_overlay(text, after)
        if name in symbols.SWITCHES:
            return after
        if _MULTICITE_RE.match(name):
            return self._multicite(name, after, pieces)
        if _CITE_RE.match(name) and bare != "nocite":
            return self._cite(name, after, pieces)
        if bare in symbols.BOLD_COMMANDS | symbols.ITALIC_COMMANDS | symbols.CODE_COMMANDS:
            return self._styled_command(bare, after, pieces)
        if name in symbols.SETTINGS:
            return self._setting(name, after)
        if name in symbols.WRAPPERS:
            return self._wrapper(name, after, pieces)
        if bare in _REFERENCES:
            return scan.read_arguments(text, after, "m")[1]
        if bare in _SECTIONING:
            (_, _, title), end = scan.read_arguments(text, after, "som")
            pieces.append(styled(self.one_line(title), "**"))
            return end
        linked = self._link(name, after, pieces)
        if linked is not None:
            return linked
        return self._note_or_figure(name, after, pieces)

    def _link(self, name: str, after: int, pieces: list[str]) -> int | None:
        text = self.text
        if name == "url":
            (address,), end = scan.read_arguments(text, after, "m")
            pieces.append(f"<{self.raw(address).strip()}>")
            return end
        if name == "href":
            (address, words), end = scan.read_arguments(text, after, "mm")
            label = self.one_line(words)
            url = self.raw(address).strip().replace("\\#", "#").replace("\\%", "%")
            pieces.append(f"[{label}]({url})" if label else f"<{url}>")
            return end
        if name == "doi":
            (doi,), end = scan.read_arguments(text, after, "m")
            identifier = self.raw(doi).strip()
            pieces.append(f"[doi:{identifier}](https://doi.org/{identifier})")
            return end
        if name in ("verb", "verb*"):
            close = text.find(text[after], after + 1) if after < len(text) else -1
            if close < 0:
                raise scan.Unclosed(after, "\\verb")
            pieces.append(f"`{text[after + 1 : close]}`")
            return close + 1
        return None

    def _note_or_figure(self, name: str, after: int, pieces: list[str]) -> int | None:
        text = self.text
        if name == "footnote":
            (_, note), end = scan.read_arguments(text, after, "om")
            self.footnotes.append(self.one_line(note))
            pieces.append(f"[^{len(self.footnotes)}]")
            return end
        if name == "footnotetext":
            return scan.read_arguments(text, after, "om")[1]
        if name == "includegraphics":
            (_, _, path), end = scan.read_arguments(text, after, "som")
            pieces.append(f"![]({self.raw(path).strip()})")
            return end
        if name == "caption":
            (_, caption), end = scan.read_arguments(text, after, "om")
            pieces.append(styled(self.one_line(caption), "*"))
            return end
        if name in ("enquote", "textquote", "mkbibquote"):
            (_, words), end = scan.read_arguments(text, after, "sm")
            pieces.append(f"“{self.convert(words)}”")
            return end
        return None

    def _styled_command(self, name: str, after: int, pieces: list[str]) -> int:
        (span,), end = scan.read_arguments(self.text, after, "m")
        if name in symbols.CODE_COMMANDS:
            pieces.append(f"`{self.raw(span).strip()}`" if self.raw(span).strip() else "")
            return end
        style = "**" if name in symbols.BOLD_COMMANDS else "*"
        pieces.append(styled(self.convert(span), style))
        return end

    def _setting(self, name: str, after: int) -> int:
        text = self.text
        if name in ("def", "edef", "gdef"):
            # "\def\name#1#2{body}": the name, its parameters, and the body.
            brace = text.find("{", after)
            return scan.group_end(text, brace) if brace >= 0 else len(text)
        if name == "let":
            _, end = scan.read_token(text, after)
            end = scan.skip_space(text, end)
            end += text.startswith("=", end)
            return scan.read_token(text, end)[1]
        if name in ("vskip", "hskip"):
            skipped = _SKIP_DIMENSION_RE.match(text, after)
            return skipped.end() if skipped else after
        found, end = scan.read_arguments(text, after, symbols.SETTINGS[name])
        if name == "newtheorem" and found[1] and found[3]:
            self.theorems[self.raw(found[1]).strip()] = self.one_line(found[3])
        return end

    def _wrapper(self, name: str, after: int, pieces: list[str]) -> int:
        spec = symbols.WRAPPERS[name]
        found, end = scan.read_arguments(self.text, after, spec)
        spans = [span for kind, span in zip(spec, found, strict=True) if kind == "m" and span]
        if spans:
            chosen = spans[0] if name in ("texorpdfstring", "alt") else spans[-1]
            pieces.append(self.inline(*chosen))
        return end

    def _unknown(self, after: int, pieces: list[str]) -> int:
        """A person's own command, or one of a package: the text of its arguments
        (``\\lecture{3}{Fri 25 Feb}{Rings}`` → "Fri 25 Feb — Rings"), lengths and
        numbers left out (``\\rule{1pt}{2cm}``)."""
        groups, end = scan.read_trailing_groups(self.text, after)
        words = [self.inline(*group).strip() for group in groups]
        words = [
            word
            for word, group in zip(words, groups, strict=True)
            if word and not _DIMENSION_RE.match(self.raw(group))
        ]
        pieces.append(" — ".join(words))
        return end

    def _cite(self, name: str, after: int, pieces: list[str]) -> int:
        (_, first, second, keys), end = scan.read_arguments(self.text, after, "soom")
        prenote, postnote = (first, second) if second is not None else (None, first)
        pieces.append(self._citation(name, [(prenote, postnote, keys)]))
        return end

    def _multicite(self, name: str, after: int, pieces: list[str]) -> int:
        """ "\\cites[see][p. 2]{lee2012}[p. 4]{kim2016}": several keys, each its notes."""
        text = self.text
        cited: list[tuple[Span | None, Span | None, Span | None]] = []
        end = after
        while True:
            (first, second, keys), following = scan.read_arguments(text, end, "oog")
            if keys is None:
                break
            prenote, postnote = (first, second) if second is not None else (None, first)
            cited.append((prenote, postnote, keys))
            end = following
        pieces.append(self._citation(name, cited))
        return end

    def _citation(
        self, name: str, cited: list[tuple[Span | None, Span | None, Span | None]]
    ) -> str:
        year_only = name in _YEAR_CITES
        parts: list[str] = []
        for prenote, postnote, keys in cited:
            names = [key.strip() for key in self.raw(keys).split(",") if key.strip()]
            if not names:
                continue
            before, after = self.one_line(prenote), self.one_line(postnote)
            marked = ["-@" + key if year_only else "@" + key for key in names]
            part = "; ".join(marked)
            parts.append(f"{before} {part}".strip() + (f", {after}" if after else ""))
        return f"[{'; '.join(parts)}]" if parts else ""


def _takes_accent(text: str, after: int) -> bool:
    """ "\\c c", "\\v{s}": a letter accent is followed by the letter it goes on."""
    return after < len(text) and (text[after] == "{" or text[after].isalpha())


def styled(text: str, mark: str) -> str:
    """``**Title**``, with the spaces around the words left outside the marks."""
    words = " ".join(text.split())
    if not words or not mark:
        return text if not mark else ""
    if mark == "*":
        words = _INNER_ITALIC_RE.sub(r"\1", words)  # "\emph{… \emph{Nature}}": upright
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{mark}{words}{mark}{trail}"


def math_end(text: str, position: int, delimiter: str, end: int) -> int:
    """Where math opened just before ``position`` closes with ``delimiter``."""
    index = position
    while index < end:
        if text.startswith(delimiter, index):
            return index
        index += 2 if text[index] == "\\" and not text.startswith(delimiter, index) else 1
    raise scan.Unclosed(position - len(delimiter), f"math opened with {_opened(delimiter)}")


def _opened(delimiter: str) -> str:
    return {"\\)": "\\(", "\\]": "\\["}.get(delimiter, delimiter)


def inline_math(body: str) -> str:
    formula = " ".join(_without_labels(body).split())
    return f"${formula}$" if formula else ""


def display_math(body: str) -> str:
    """Display math on lines of its own, as the notes reader and KaTeX take it."""
    lines = [line.strip() for line in _without_labels(body).strip().split("\n")]
    lines = [line for line in lines if line]
    return "\n\n$$\n" + "\n".join(lines) + "\n$$\n\n" if lines else ""


def _without_labels(body: str) -> str:
    return re.sub(r"\\(?:label\s*\{[^{}]*\}|nonumber\b|notag\b)", "", body)


def tidy(text: str) -> str:
    """Runs of spaces as one, no space at either end of a line, an author-and-year
    citation of one key as one citation."""
    text = _AUTHOR_AND_YEAR_RE.sub(r"[@\g<key>]", text)
    text = _REPEATED_CITATION_RE.sub(r"\1", text)
    text = _SPACES_RE.sub(" ", text)
    return re.sub(r" *\n *", "\n", text)
