"""LaTeX's structure as Markdown lines that remember their line in the ``.tex`` file.

Sectioning commands and Beamer frames (``\\begin{frame}{Title}``, ``\\frametitle``)
become headings; lists, quotes, theorems, code (verbatim, lstlisting, minted), display
math (``\\[…\\]``, equation, align…), tables and figures become their Markdown; the
environments that only lay a page out (center, columns, minipage…) give their
contents. Paragraph text goes to ``inline``.
"""

from __future__ import annotations

import re

from papershelf.importers.latex import scan
from papershelf.importers.latex.inline import Inline, display_math, math_end, styled
from papershelf.importers.latex.scan import Span

Line = tuple[str, int]  # Markdown, and the 0-based line of the .tex file it comes from

DEPTHS = {
    "part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4,
    "paragraph": 5, "subparagraph": 6,
}  # fmt: skip
_BLOCK_COMMANDS = frozenset({*DEPTHS, "frametitle", "framesubtitle", "frame", "begin", "item"})
_SECTIONING_USE_RE = re.compile(
    r"\\(part|chapter|section|subsection|subsubsection|paragraph|subparagraph)\*?\s*[\[{]"
)
_HOLDS_BLOCKS_RE = re.compile(r"\\(?:begin\s*\{|(?:sub)*section\b|chapter\b|frametitle\b|item\b)")
# A line holding a single command and its arguments, nothing else.
_STANDALONE_COMMAND_RE = re.compile(
    r"^[ \t]*\\(?P<name>[A-Za-z@]+)\*?(?:[ \t]*(?:\[[^\]\n]*\]|\{[^{}\n]*\}))*[ \t]*$", re.M
)
# Commands that belong in the sentence they stand in, even alone on a line.
_RUN_IN_COMMANDS = frozenset(
    {"emph", "textit", "textbf", "texttt", "textsc", "underline", "alert", "textcolor"}
    | {"url", "href", "footnote", "ref", "eqref", "label", "index", "hspace", "vspace"}
)
_LISTS = {
    "itemize": "-", "compactitem": "-", "asparaitem": "-", "inparaitem": "-",
    "enumerate": "1.", "compactenum": "1.", "asparaenum": "1.", "inparaenum": "1.",
    "description": "-", "compactdesc": "-", "asparadesc": "-", "checklist": "-",
    "todolist": "-", "thebibliography": "-",
}  # fmt: skip
_CODE = frozenset({"verbatim", "verbatim*", "Verbatim", "Verbatim*", "BVerbatim", "lstlisting"})
_CODE_LIKE = frozenset({"minted", "algorithmic", "algorithmic*", "alltt"})
_MATH = {
    "equation": "", "equation*": "", "displaymath": "", "math": "", "dmath": "",
    "dmath*": "", "align": "aligned", "align*": "aligned", "flalign": "aligned",
    "flalign*": "aligned", "alignat": "aligned", "alignat*": "aligned", "eqnarray": "aligned",
    "eqnarray*": "aligned", "gather": "gathered", "gather*": "gathered", "multline": "",
    "multline*": "",
}  # fmt: skip
_TABLES = {"tabular": "m", "tabular*": "mm", "tabularx": "mm", "tabulary": "mm", "longtable": "om"}
_TABLES |= {"tblr": "m", "supertabular": "m", "xtabular": "m", "array": "m", "tabu": "m"}
_QUOTES = frozenset({"quote", "quotation", "displayquote", "verse", "epigraph"})
_DROPPED = frozenset(
    {"tikzpicture", "pgfpicture", "picture", "axis", "circuitikz", "forest", "pspicture"}
    | {"comment", "filecontents", "filecontents*", "titlepage", "tikzcd", "dot2tex"}
)
# Arguments of layout environments that are settings: "\begin{minipage}[t]{0.5\textwidth}".
_LAYOUT_ARGUMENTS = {
    "minipage": "oom", "column": "om", "columns": "o", "multicols": "mo", "multicols*": "mo",
    "wrapfigure": "oomom", "wraptable": "oomom", "subfigure": "om", "spacing": "m",
    "adjustbox": "m", "figure": "o", "figure*": "o", "table": "o", "table*": "o",
    "center": "", "flushleft": "", "flushright": "", "onlyenv": "", "overlayarea": "mm",
}  # fmt: skip
_BOXES = frozenset({"block", "alertblock", "exampleblock", "beamercolorbox", "tcolorbox"})
_THEOREMS = {
    "theorem": "Theorem", "thm": "Theorem", "lemma": "Lemma", "lem": "Lemma",
    "proposition": "Proposition", "prop": "Proposition", "corollary": "Corollary",
    "cor": "Corollary", "definition": "Definition", "defn": "Definition", "dfn": "Definition",
    "example": "Example", "remark": "Remark", "rem": "Remark", "claim": "Claim",
    "conjecture": "Conjecture", "observation": "Observation", "fact": "Fact",
    "assumption": "Assumption", "notation": "Notation", "problem": "Problem",
    "exercise": "Exercise", "solution": "Solution", "question": "Question", "note": "Note",
    "proof": "Proof", "hypothesis": "Hypothesis", "exmp": "Example", "defi": "Definition",
}  # fmt: skip
_TITLE_OPTION_RE = re.compile(r"(?:^|,)\s*title\s*=\s*(?:\{(?P<braced>[^{}]*)\}|(?P<plain>[^,]*))")
_LANGUAGE_OPTION_RE = re.compile(r"language\s*=\s*\{?(?P<language>[\w+#\-]+)", re.I)
_TABLE_RULE_RE = re.compile(r"\\(?:hline|toprule|midrule|bottomrule|endhead|endfirsthead)\b")
_TABLE_COMMAND_RE = re.compile(r"\\(?:cline|cmidrule(?:\([^)]*\))?|rowcolor|addlinespace)")


class Converter(Inline):
    """Converts a document body: ``blocks`` for a span holding block structure."""

    def __init__(self, source: scan.Source, body: Span, *, titled: bool, deck: bool) -> None:
        super().__init__(source)
        used = {DEPTHS[m[1]] for m in _SECTIONING_USE_RE.finditer(self.text, *body)}
        self.frame_depth = max((d for d in used if d <= DEPTHS["subsection"]), default=1) + 1
        depths = sorted(used | ({self.frame_depth} if deck else set()))
        offset = 1 + titled
        self.levels = {depth: min(rank + offset, 6) for rank, depth in enumerate(depths)}
        # Where LaTeX sets the reference list: beside the top sections.
        self.top_level = min(self.levels.values(), default=offset)

    def level(self, depth: int) -> int:
        return self.levels.get(depth, 6)

    def blocks(self, start: int, end: int) -> list[Line]:
        """Markdown lines for ``text[start:end]``."""
        lines: list[Line] = []
        cursor = start
        while cursor < end:
            token = self._next_block(cursor, end)
            lines += self._paragraphs(cursor, end if token is None else token)
            if token is None:
                break
            produced, cursor = self._block(token, end)
            here = self.source.line_of(token)
            lines += [("", here), *produced, ("", here)]
        return lines

    def _paragraphs(self, start: int, end: int) -> list[Line]:
        lines: list[Line] = []
        for paragraph in scan.split_paragraphs(self.text, start, end):
            for first, last in self._own_lines(*paragraph):
                chunk = self.text[first:last]
                origin = self.source.line_of(first + len(chunk) - len(chunk.lstrip()))
                final = self.source.line_of(last)
                converted = self.inline(first, last)
                if not converted.strip():
                    # "\\vfill" parts the text around it; "\\centering" says nothing.
                    lines += [("", origin)] if "\n\n" in converted else []
                    continue
                for index, line in enumerate(converted.strip("\n").split("\n")):
                    lines.append((line.strip(), min(origin + index, final)))
            lines.append(("", self.source.line_of(paragraph[1])))
        return lines

    def _own_lines(self, start: int, end: int) -> list[Span]:
        """A paragraph cut around the lines that hold one command of the note-taker's
        own and nothing else (``\\readon{Oct 2022}``, ``\\includegraphics{…}``): TeX
        runs them into the text, but they state something apart from it."""
        spans: list[Span] = []
        cursor = start
        for line in _STANDALONE_COMMAND_RE.finditer(self.text, start, end):
            if line["name"] in _RUN_IN_COMMANDS:
                continue
            spans += [(cursor, line.start()), (line.start(), line.end())]
            cursor = line.end()
        spans.append((cursor, end))
        return [(a, b) for a, b in spans if self.text[a:b].strip()]

    def _next_block(self, position: int, end: int) -> int | None:
        """Where the next heading, environment or display math starts, if any."""
        text = self.text
        while position < end:
            char = text[position]
            if char == "\\":
                name, after = scan.read_command(text, position)
                if name.rstrip("*") in _BLOCK_COMMANDS or name == "[":
                    return position
                if name == "(":
                    after = _past(text, after, "\\)", end)
                elif name in ("verb", "verb*") and after < end:
                    after = max(text.find(text[after], after + 1), after) + 1
                position = after
            elif char == "{":
                close = scan.group_end(text, position)
                if self._holds_blocks(position, close):
                    return position
                position = close
            elif char == "$":
                if text.startswith("$$", position):
                    return position
                position = _past(text, position + 1, "$", end)
            else:
                position += 1
        return None

    def _holds_blocks(self, start: int, end: int) -> bool:
        """ "{\\setbeamertemplate{footline}{}\\n\\begin{frame}…}": a group wrapping frames
        or lists is read as blocks, not as one paragraph's text."""
        line_start = self.text.rfind("\n", 0, start) + 1
        opens_line = not self.text[line_start:start].strip()
        inside = self.text[start:end]
        return opens_line and "\n" in inside and bool(_HOLDS_BLOCKS_RE.search(inside))

    def _block(self, position: int, end: int) -> tuple[list[Line], int]:
        text = self.text
        here = self.source.line_of(position)
        if text[position] == "{":
            close = scan.group_end(text, position)
            return self.blocks(position + 1, close - 1), close
        if text.startswith("$$", position):
            return self._display(position + 2, "$$", end, here)
        name, after = scan.read_command(text, position)
        if name == "[":
            return self._display(after, "\\]", end, here)
        bare = name.rstrip("*")
        if bare in DEPTHS:
            (_, _, title), after = scan.read_arguments(text, position + 1 + len(bare), "som")
            return self._heading(self.level(DEPTHS[bare]), title, here), after
        if bare == "frametitle":
            (_, title), after = scan.read_arguments(text, after, "om")
            return self._heading(self.level(self.frame_depth), title, here), after
        if bare == "framesubtitle":
            (subtitle,), after = scan.read_arguments(text, after, "m")
            return [(styled(self.one_line(subtitle), "*"), here)], after
        if bare == "frame":
            (_, body), after = scan.read_arguments(text, after, "og")
            return (self.blocks(*body) if body else []), after
        if bare == "item":
            return self._stray_item(after, end, here)
        return self.environment(position, end)

    def _heading(self, level: int, title: Span | None, here: int) -> list[Line]:
        words = self.one_line(title)
        return [("#" * level + " " + words, here)] if words else []

    def _display(self, start: int, closer: str, end: int, here: int) -> tuple[list[Line], int]:
        close = math_end(self.text, start, closer, end)
        return _math_lines(self.text[start:close], "", here), close + len(closer)

    def _stray_item(self, after: int, end: int, here: int) -> tuple[list[Line], int]:
        """An ``\\item`` outside any list: a bullet, up to the next block."""
        (_, label), after = scan.read_arguments(self.text, after, "o")
        stop = self._next_block(after, end)
        stop = end if stop is None else stop
        content = [line for line in self._paragraphs(after, stop) if line[0]]
        return _as_item("- ", self.one_line(label), content, here, description=False), stop

    def environment(self, position: int, end: int) -> tuple[list[Line], int]:
        """The environment ``\\begin{…}`` at ``position`` opens, as Markdown lines."""
        text = self.text
        found, after = scan.read_arguments(text, position + len("\\begin"), "m")
        name = self.raw(found[0]).strip()
        body_end, closed = scan.environment_end(text, name, after)
        if closed > end:
            raise scan.Unclosed(position, f"\\begin{{{name}}}")
        here = self.source.line_of(position)
        return self._environment(name, after, body_end, here), closed

    def _environment(self, name: str, start: int, end: int, here: int) -> list[Line]:
        text = self.text
        if name in _DROPPED:
            return []
        if name == "thebibliography":
            # A reference list typed by hand: "References", as LaTeX heads it.
            start = scan.read_arguments(text, start, "og")[1]
            heading = ("#" * self.top_level + " References", here)
            return [heading, ("", here), *self._list(name, start, end)]
        if name in _LISTS:
            start = scan.read_arguments(text, start, "o")[1]
            return self._list(name, start, end)
        if name in _CODE or name in _CODE_LIKE:
            return self._code(name, start, end, here)
        if name in _MATH:
            return _math_lines(text[start:end], _MATH[name], here)
        if name in _TABLES:
            start = scan.read_arguments(text, start, _TABLES[name])[1]
            return self._table(start, end, here)
        if name in _QUOTES:
            return [
                (f"> {line}" if line else ">", origin)
                for line, origin in _trim(self.blocks(start, end))
            ]
        if name == "abstract":
            return [("**Abstract.**", here), *self.blocks(start, end)]
        if name == "frame":
            return self._frame(start, end, here)
        if name in _BOXES:
            return self._box(name, start, end, here)
        theorem = self.theorems.get(name) or _THEOREMS.get(name.rstrip("*"))
        if theorem:
            (label,), start = scan.read_arguments(text, start, "o")
            named = f"{theorem} ({self.one_line(label)})" if label else theorem
            label_line = (styled(named + ".", "*" if theorem == "Proof" else "**"), here)
            return [label_line, *self.blocks(start, end)]
        if name in _LAYOUT_ARGUMENTS:
            start = scan.read_arguments(text, start, _LAYOUT_ARGUMENTS[name])[1]
            return self.blocks(start, end)
        return self._unknown_environment(start, end, here)

    def _unknown_environment(self, start: int, end: int, here: int) -> list[Line]:
        """A package's or a person's own environment: its contents, under its title when
        it is given one (``\\begin{keypoint}{Why it matters}``)."""
        groups, start = scan.read_trailing_groups(self.text, start)
        title = self.one_line(groups[-1]) if groups else ""
        if groups and _looks_like_setting(self.raw(groups[-1])):
            title = ""
        heading = [(styled(title, "**"), here), ("", here)] if title else []
        return heading + self.blocks(start, end)

    def _frame(self, start: int, end: int, here: int) -> list[Line]:
        """``\\begin{frame}<2>[fragile]{Title}{Subtitle}``: a heading over its contents."""
        (_, title, subtitle), start = scan.read_arguments(self.text, start, "ogg")
        lines = self._heading(self.level(self.frame_depth), title, here)
        if subtitle:
            lines.append((styled(self.one_line(subtitle), "*"), here))
        return [*lines, ("", here), *self.blocks(start, end)]

    def _box(self, name: str, start: int, end: int, here: int) -> list[Line]:
        """Beamer's ``\\begin{block}{Core claim}``, a ``tcolorbox[title=…]``."""
        text = self.text
        if name == "tcolorbox":
            (options,), start = scan.read_arguments(text, start, "o")
            found = _TITLE_OPTION_RE.search(self.raw(options))
            title = (found["braced"] or found["plain"] or "").strip() if found else ""
        else:
            (title_span,), start = scan.read_arguments(
                text, start, "g" if name != "beamercolorbox" else "o"
            )
            title = self.one_line(title_span) if name != "beamercolorbox" else ""
        heading = [(styled(title, "**"), here), ("", here)] if title else []
        return heading + self.blocks(start, end)

    def _code(self, name: str, start: int, end: int, here: int) -> list[Line]:
        text = self.text
        language = ""
        if name == "minted":
            (_, chosen), start = scan.read_arguments(text, start, "om")
            language = self.raw(chosen).strip()
        elif name in ("lstlisting", "Verbatim", "Verbatim*", "BVerbatim"):
            options = scan.read_optional(text, start)
            if options is not None and "\n" not in text[start : options[1]]:
                found = _LANGUAGE_OPTION_RE.search(self.raw(options[0]))
                language = found["language"].lower() if found else ""
                start = options[1]
        body = text[start:end].strip("\n").split("\n")
        indent = min((len(line) - len(line.lstrip()) for line in body if line.strip()), default=0)
        fence = "```"
        lines = [(fence + language, here)]
        lines += [(line[indent:].rstrip(), here + 1 + index) for index, line in enumerate(body)]
        return [*lines, (fence, self.source.line_of(end))]

    def _list(self, name: str, start: int, end: int) -> list[Line]:
        marker = _LISTS[name]
        item_command = "bibitem" if name == "thebibliography" else "item"
        items = self._items(start, end, item_command)
        lines: list[Line] = []
        for number, (item_start, item_end) in enumerate(items, start=1):
            here = self.source.line_of(item_start)
            spec = "om" if item_command == "bibitem" else "o"
            found, after = scan.read_arguments(self.text, item_start + 1 + len(item_command), spec)
            label = self.one_line(found[0]) if item_command == "item" else ""
            content = _trim(self.blocks(after, item_end))
            prefix = f"{number}. " if marker == "1." else "- "
            lines += _as_item(
                prefix,
                label,
                content,
                here,
                description=name.endswith("desc") or name == "description",
            )
        return lines

    def _items(self, start: int, end: int, item_command: str) -> list[Span]:
        """The spans of a list's own items, from each ``\\item`` to the next."""
        text = self.text
        starts: list[int] = []
        position = start
        while position < end:
            char = text[position]
            if char == "\\":
                name, after = scan.read_command(text, position)
                if name == item_command:
                    starts.append(position)
                elif name == "begin":
                    found, begun = scan.read_arguments(text, after, "m")
                    after = scan.environment_end(text, self.raw(found[0]).strip(), begun)[1]
                position = after
            elif char == "{":
                position = scan.group_end(text, position)
            elif char == "$":
                delimiter = "$$" if text.startswith("$$", position) else "$"
                position = _past(text, position + len(delimiter), delimiter, end)
            else:
                position += 1
        return [(s, starts[i + 1] if i + 1 < len(starts) else end) for i, s in enumerate(starts)]

    def _table(self, start: int, end: int, here: int) -> list[Line]:
        """A tabular's rows as a Markdown table: the first row its header."""
        rows: list[list[str]] = []
        for row_start, row_end in _cells_split(self.text, start, end, "\\\\"):
            cells = [
                " ".join(self.inline(*cell).split()).replace("|", "\\|")
                for cell in _cells_split(self.text, row_start, row_end, "&")
            ]
            if any(cells):
                rows.append(cells)
        if not rows:
            return []
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        table = ["| " + " | ".join(row) + " |" for row in rows]
        table.insert(1, "|" + " --- |" * width)
        return [(line, here + index) for index, line in enumerate(table)]


def _cells_split(text: str, start: int, end: int, separator: str) -> list[Span]:
    """``text[start:end]`` cut at each ``separator`` outside braces and math; a row's
    rules (``\\hline``) and spacing (``\\\\[2pt]``) are left out."""
    spans: list[Span] = []
    cursor = position = start
    while position < end:
        char = text[position]
        if text.startswith(separator, position):
            spans.append((cursor, position))
            position += len(separator)
            if separator == "\\\\":
                optional = scan.read_optional(text, position)
                position = optional[1] if optional else position
            cursor = position
        elif char == "\\":
            position += 2
        elif char == "{":
            position = min(scan.group_end(text, position), end)
        elif char == "$":
            position = _past(text, position + 1, "$", end)
        else:
            position += 1
    spans.append((cursor, end))
    cleaned: list[Span] = []
    for first, last in spans:
        rule = _TABLE_RULE_RE.match(text, scan.skip_space(text, first))
        while rule is not None and rule.end() <= last:
            first = rule.end()
            rule = _TABLE_RULE_RE.match(text, scan.skip_space(text, first))
        command = _TABLE_COMMAND_RE.match(text, scan.skip_space(text, first))
        if command is not None:
            first = scan.read_trailing_groups(text, command.end())[1]
        cleaned.append((first, max(first, last)))
    return cleaned


def _past(text: str, position: int, delimiter: str, end: int) -> int:
    """After the ``delimiter`` that closes math opened before ``position``; an unclosed
    one ends at ``end`` (the converter reports it where it reads the math)."""
    index = position
    while index < end:
        if text.startswith(delimiter, index):
            return index + len(delimiter)
        index += 2 if text[index] == "\\" else 1
    return end


def _math_lines(body: str, environment: str, here: int) -> list[Line]:
    if environment:
        body = f"\\begin{{{environment}}}\n{body.strip()}\n\\end{{{environment}}}"
    block = display_math(body.replace("&=&", "&=") if environment == "aligned" else body)
    lines = block.strip("\n").split("\n") if block else []
    return [(line, here + min(index, 1)) for index, line in enumerate(lines)]


def _as_item(
    prefix: str, label: str, content: list[Line], here: int, *, description: bool
) -> list[Line]:
    """A list item: its marker on the first line, the rest indented under it."""
    if label:
        lead = f"**{label.rstrip(':')}**:" if description else label
        first = f"{lead} {content[0][0]}".rstrip() if content and content[0][0] else lead
        content = [(first, content[0][1] if content else here), *content[1:]]
    if not content:
        return []
    indent = " " * len(prefix)
    lines = [(prefix + content[0][0], content[0][1])]
    lines += [((indent + line) if line else "", origin) for line, origin in content[1:]]
    return lines


def _trim(lines: list[Line]) -> list[Line]:
    """Without blank lines at either end, nor two in a row."""
    kept: list[Line] = []
    for line in lines:
        if line[0].strip() or (kept and kept[-1][0].strip()):
            kept.append(line)
    while kept and not kept[-1][0].strip():
        kept.pop()
    return kept


def _looks_like_setting(text: str) -> bool:
    """ "0.5\\textwidth", "2", "t": an environment's layout, not its title."""
    return len(text) < 3 or bool(re.fullmatch(r"[\d.\s]+\w*|[\w.]*\\\w+", text))
