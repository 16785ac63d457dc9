"""Typst function calls as Markdown: built-in ones by what they do, a person's own by
what their arguments are named.

``#link("url")[text]``, ``#cite(<key>)``, ``#image``, ``#figure``, ``#quote``,
``#table`` and ``#footnote`` become their Markdown; styling (``#text``, ``#align``,
``#box``…) keeps its words; layout and machinery (``#v``, ``#pagebreak``,
``#outline``, ``#bibliography``) goes. A function of the note-taker's own whose named
arguments state a paper — ``#paper(title: […], authors: "…", doi: "…")[notes]`` —
becomes a heading over the facts lines the notes reader knows (``- **Authors**: …``)
and its notes. Any other call keeps the text it was given.
"""

from __future__ import annotations

import re
from typing import Protocol

from papershelf.importers.typst import scan
from papershelf.importers.typst.inline import (
    Block,
    Line,
    Piece,
    citation,
    is_cross_reference,
    plain_text,
    string_value,
)

_DROPPED = frozenset(
    {"pagebreak", "colbreak", "v", "h", "outline", "bibliography", "lorem", "counter", "state"}
    | {"numbering", "query", "locate", "metadata", "datetime", "line", "hide", "show", "set"}
    | {"str", "int", "float", "calc", "range", "read", "json", "yaml", "toml", "csv", "xml"}
    | {"sym", "emoji", "here", "type", "repr", "assert", "panic", "place.flush", "label"}
    | {"document", "page", "parbreak", "linebreak", "footnote.entry", "table.hline"}
    | {"table.vline", "grid.hline", "grid.vline", "version", "plugin", "polygon", "path"}
)  # fmt: skip
# Functions that style or place their content: their words are kept, their look is not.
_CONTAINERS = frozenset(
    {"text", "box", "block", "align", "pad", "rect", "par", "scale", "rotate", "move", "place"}
    | {"stack", "columns", "underline", "overline", "highlight", "smallcaps", "context"}
    | {"square", "circle", "ellipse", "skew", "layout", "styled", "lower", "upper"}
    | {"underline", "math.equation", "figure.caption", "table.cell", "grid.cell", "enum.item"}
    | {"list.item", "terms.item", "sub", "super", "heading.body"}
)  # fmt: skip
_WRAPPERS = {"emph": "_", "strong": "**", "strike": "~~"}
# A paper's facts as a note-taker's own function names its arguments.
_FACT_FIELDS = {
    "authors": "authors", "author": "authors", "by": "authors", "who": "authors",
    "year": "year", "date": "year", "published-year": "year",
    "venue": "venue", "journal": "venue", "conference": "venue", "booktitle": "venue",
    "published": "venue", "publication": "venue", "where": "venue", "in": "venue",
    "doi": "doi", "arxiv": "arxiv", "eprint": "arxiv", "arxiv-id": "arxiv",
    "url": "url", "link": "url", "href": "url", "pdf": "url", "paper-url": "url",
    "key": "key", "citekey": "key", "cite": "key", "bibkey": "key", "citation-key": "key",
    "tags": "tags", "keywords": "tags", "topics": "tags",
}  # fmt: skip
_TITLE_ARGUMENTS = ("title", "paper-title", "name", "paper")
# Identifiers first: the notes reader looks for a paper's link in the first lines.
_FACT_LABELS = {
    "doi": "DOI", "arxiv": "arXiv", "url": "URL", "authors": "Authors", "year": "Year",
    "venue": "Venue", "key": "Key", "tags": "Tags",
}  # fmt: skip
# Arguments that set a look, never words worth keeping.
_STYLE_ARGUMENTS = frozenset(
    {"width", "height", "fill", "stroke", "inset", "outset", "radius", "color", "size", "font"}
    | {"weight", "style", "align", "gutter", "spacing", "breakable", "numbering", "kind"}
    | {"supplement", "placement", "columns", "rows", "icon", "accent", "theme", "lang", "dir"}
)  # fmt: skip
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


class Context(Protocol):
    source: str
    footnotes: list[str]
    heading_level: int

    def content(self, start: int, end: int) -> Piece: ...

    def call(self, call: scan.Call) -> Piece: ...

    def line_of(self, offset: int) -> int: ...


def render(call: scan.Call, context: Context) -> Piece:
    """The Markdown for ``#name(…)[…]``."""
    name = call.name
    if name in _DROPPED or name.startswith(("calc.", "sym.", "emoji.", "counter", "state")):
        return ""
    special = _SPECIAL.get(name)
    if special is not None:
        return special(call, context)
    if name in _WRAPPERS:
        text = plain_text(_body(call, context))
        mark = _WRAPPERS[name]
        return f"{mark}{text}{mark}" if text else ""
    if name in _CONTAINERS:
        return _join([_body(call, context)])
    facts = paper_facts(call, context)
    if facts is not None:
        return _paper_block(call, facts, context)
    return _own_function(call, context)


def paper_facts(
    call: scan.Call, context: Context, *, template: bool = False
) -> dict[str, object] | None:
    """The paper a call's named arguments state (a title and a fact that identifies or
    places it: an identifier, a link, a citation key, a venue, or authors and a
    ``year``), or None when they state none. A ``template`` for the whole document
    (``#show: thesis.with(title: …, author: …, date: …)``) names the writer's own work
    unless it identifies or places a paper."""
    facts: dict[str, object] = {}
    title = next((call.named(name) for name in _TITLE_ARGUMENTS if call.named(name)), None)
    positional = call.positional()
    if title is None and positional and positional[0].source.startswith(('"', "[")):
        title = positional[0]
    if title is not None and not cited_label(title, context):
        facts["title"] = value_text(title, context)
    for argument in call.arguments:
        # "paper: <kojima2009>", "#paper(<kojima2009>)": a label names a bibliography entry.
        named = _FACT_FIELDS.get(argument.name.casefold())
        field = "key" if cited_label(argument, context) else named
        if field and field not in facts:
            value = _year(argument, context) if field == "year" else value_text(argument, context)
            if value:
                facts[field] = value
    placed = any(field in facts for field in ("doi", "arxiv", "url", "key", "venue"))
    dated = "authors" in facts and call.named("year") is not None and not template
    # "#citet(<kojima2009>)": a citation of the note-taker's own, not notes on a paper.
    noted = bool(facts.get("title")) or ("key" in facts and bool(call.bodies))
    if not noted or not (placed or dated):
        return None
    return facts


def cited_label(argument: scan.Argument, context: Context) -> str:
    """The key of a label argument that cites (``<kojima2009>``), not one that refers to
    a heading or figure of the document (``<fig:jv>``)."""
    match = re.fullmatch(r"<([\w\-:.]+)>", argument.source)
    labels: frozenset[str] = getattr(context, "labels", frozenset())
    return match[1] if match and not is_cross_reference(match[1], labels) else ""


def value_text(argument: scan.Argument, context: Context) -> str:
    """An argument's value as text: a string, content, a label, an array of them."""
    source = argument.source
    if source.startswith('"'):
        return " ".join(string_value(source).split())
    if source.startswith("["):
        return plain_text(context.content(argument.start + 1, argument.start + len(source) - 1))
    if re.fullmatch(r"<[\w\-:.]+>", source):
        return source[1:-1]
    if source.startswith("("):
        items = scan.split_arguments(context.source, argument.start + 1, _end(argument) - 1)
        return ", ".join(
            text for text in (_item_text(item, items, context) for item in items) if text
        )
    if re.fullmatch(r"-?\d+(?:\.\d+)?", source):
        return source
    if match := re.fullmatch(r'label\(\s*("[^"]*")\s*\)', source):
        return string_value(match[1])
    call = scan.read_expression(context.source, argument.start)
    if call is not None and call.end == _end(argument) and call.name != "datetime":
        return plain_text(render(call, context))
    return ""


def _item_text(item: scan.Argument, items: list[scan.Argument], context: Context) -> str:
    """An array's element, or a dictionary's name: ``(name: "Jane Doe", affiliation: …)``."""
    if item.name:
        # A dictionary, not an array: its "name" stands for it; its other keys do not.
        return value_text(item, context) if item.name in ("name", "full-name") else ""
    if item.source.startswith("("):
        inner = scan.split_arguments(context.source, item.start + 1, _end(item) - 1)
        named = next((i for i in inner if i.name in ("name", "full-name")), None)
        if named is not None:
            return value_text(named, context)
    return value_text(item, context)


def _year(argument: scan.Argument, context: Context) -> str:
    source = argument.source
    datetime_year = re.search(r"year\s*:\s*(\d{4})", source) if "datetime" in source else None
    text = datetime_year[1] if datetime_year else value_text(argument, context)
    match = _YEAR_RE.search(text)
    return match[1] if match else ""


def _end(argument: scan.Argument) -> int:
    return argument.start + len(argument.source)


def _paper_block(call: scan.Call, facts: dict[str, object], context: Context) -> Block:
    """A heading one level below the last one, the paper's facts, then its notes."""
    origin = context.line_of(call.start)
    level = min(6, max(2, context.heading_level + 1))
    # A paper named by its key alone is headed by the citation, which names it.
    title = facts.get("title") or citation(str(facts["key"]))
    lines: list[Line] = [(f"{'#' * level} {title}", origin), ("", origin)]
    for field, label in _FACT_LABELS.items():
        if field in facts:
            lines.append((f"- **{label}**: {_shown(field, str(facts[field]))}", origin))
    used = {*_TITLE_ARGUMENTS, *_FACT_FIELDS}
    for argument in call.arguments:
        if argument.name and argument.name.casefold() not in used:
            lines += [] if cited_label(argument, context) else _labelled(argument, context, origin)
    lines.append(("", origin))
    for start, end in _content_spans(call, skip_first=call.named(*_TITLE_ARGUMENTS) is None):
        lines += _lines(context.content(start, end), origin)
        lines.append(("", origin))
    return Block(lines)


def fact_line(label: str, pieces: list[Piece]) -> list[Piece]:
    """ "/ DOI: 10.1021/ja809598r" in a term list: the identifier as the link the notes
    reader follows, as in a paper's facts; any other term as written."""
    field = _FACT_FIELDS.get(label.casefold().replace(" ", "-"), "")
    text = "".join(p for p in pieces if isinstance(p, str)).strip()
    if field in ("doi", "arxiv") and len(pieces) == 1 and re.fullmatch(r"\S+", text):
        return [_shown(field, text)]
    return pieces


def _shown(field: str, value: str) -> str:
    """A fact as its line says it: identifiers as the links the notes reader follows."""
    if field == "key":
        return citation(value.lstrip("@"))
    if field == "doi" and not value.startswith("http"):
        return f"https://doi.org/{value.removeprefix('doi:').strip()}"
    if field == "arxiv" and not value.startswith("http"):
        return "https://arxiv.org/abs/" + re.sub(r"^arxiv:\s*", "", value, flags=re.I)
    return value


def _labelled(argument: scan.Argument, context: Context, origin: int) -> list[Line]:
    """ "summary: […]", "status: \"read\"": a note's other fields, as labelled lines."""
    name = argument.name
    if name.casefold() in _STYLE_ARGUMENTS or not argument.source.startswith(('"', "[")):
        return []
    label = name.replace("-", " ").replace("_", " ").capitalize()
    if argument.source.startswith('"'):
        return [(f"- **{label}**: {value_text(argument, context)}", origin)]
    piece = context.content(argument.start + 1, _end(argument) - 1)
    if isinstance(piece, str):
        return [(f"- **{label}**: {piece}", origin)] if piece else []
    return [("", origin), (f"**{label}**", origin), ("", origin), *piece.lines, ("", origin)]


def _own_function(call: scan.Call, context: Context) -> Piece:
    """ "#recordings(\"The Bitter Lesson\")[…]", "#note(title: [Idea])[…]": a function we
    do not know keeps its words; a title it is given leads them, in bold."""
    pieces: list[Piece] = []
    for argument in call.arguments:
        titled = not argument.name or argument.name in ("title", "name", "heading", "label")
        if key := cited_label(argument, context):
            pieces.append(citation(key))
        elif argument.source.startswith('"') and titled:
            pieces.append(f"**{value_text(argument, context)}**")
        elif argument.source.startswith("[") and (titled or argument.name == "body"):
            piece = context.content(argument.start + 1, _end(argument) - 1)
            pieces.append(f"**{piece}**" if argument.name and isinstance(piece, str) else piece)
        elif not argument.name and _is_content_call(argument, context):
            pieces.append(_render_argument(argument, context))
    pieces += [context.content(start, start + len(body)) for body, start in call.bodies]
    return _join(pieces)


def _body(call: scan.Call, context: Context) -> Piece:
    """What a styling function holds: its ``[…]`` bodies and content arguments."""
    pieces: list[Piece] = []
    for argument in call.positional():
        if argument.source.startswith("["):
            pieces.append(context.content(argument.start + 1, _end(argument) - 1))
        elif argument.source.startswith('"') and call.name in ("text", "upper", "lower"):
            pieces.append(value_text(argument, context))
        elif _is_content_call(argument, context):
            pieces.append(_render_argument(argument, context))
    pieces += [context.content(start, start + len(body)) for body, start in call.bodies]
    piece = _join(pieces)
    if call.name in ("upper", "lower") and isinstance(piece, str):
        return piece.upper() if call.name == "upper" else piece.lower()
    return piece


def _is_content_call(argument: scan.Argument, context: Context) -> bool:
    call = scan.read_expression(context.source, argument.start)
    if call is None or call.end != _end(argument):
        return False
    return call.has_arguments or bool(call.bodies)


def _render_argument(argument: scan.Argument, context: Context) -> Piece:
    call = scan.read_expression(context.source, argument.start)
    return render(call, context) if call is not None else ""


def _content_spans(call: scan.Call, *, skip_first: bool = False) -> list[tuple[int, int]]:
    spans = [(a.start + 1, _end(a) - 1) for a in call.positional() if a.source.startswith("[")]
    if skip_first and spans and call.positional()[0].source.startswith("["):
        spans = spans[1:]  # "#paper([Title], doi: …)[notes]": the first is the title
    return spans + [(start, start + len(body)) for body, start in call.bodies]


def _join(pieces: list[Piece]) -> Piece:
    """Pieces as one line of text, or as a Block when any of them is one."""
    pieces = [piece for piece in pieces if piece]
    if all(isinstance(piece, str) for piece in pieces):
        return " ".join(str(piece) for piece in pieces)
    lines: list[Line] = []
    origin = next(p.lines[0][1] for p in pieces if isinstance(p, Block) and p.lines)
    for piece in pieces:
        lines += [*_lines(piece, origin), ("", origin)]
    return Block(lines[:-1])


def _lines(piece: Piece, origin: int) -> list[Line]:
    if isinstance(piece, Block):
        return list(piece.lines)
    return [(piece, origin)] if piece else []


def _link(call: scan.Call, context: Context) -> Piece:
    positional = call.positional()
    if not positional:
        return plain_text(_body(call, context))
    target = positional[0].source
    url = string_value(target) if target.startswith('"') else ""
    pieces = [context.content(start, end) for start, end in _content_spans(call)]
    text = " ".join(plain_text(piece) for piece in pieces if piece)
    if not url:
        return text  # a link to a label in the document: its words
    if url.startswith("mailto:"):
        return text or url.removeprefix("mailto:")
    return f"[{text}]({url})" if text and text != url else f"<{url}>"


def _cite(call: scan.Call, context: Context) -> Piece:
    keys = [_key(argument.source) for argument in call.positional()]
    supplement = call.named("supplement")
    extra = value_text(supplement, context) if supplement is not None else ""
    return " ".join(citation(key, extra) for key in keys if key)


def _ref(call: scan.Call, context: Context) -> Piece:
    keys = [_key(argument.source) for argument in call.positional()]
    key = keys[0] if keys else ""
    labels: frozenset[str] = getattr(context, "labels", frozenset())
    if not key or is_cross_reference(key, labels):
        return key.split(":", 1)[-1]
    return citation(key)


def _key(source: str) -> str:
    """ "<lee2012>", "label(\"lee2012\")" or "\"lee2012\"" (Typst before 0.9)."""
    match = re.fullmatch(r'<([\w\-:.]+)>|label\(\s*"([^"]+)"\s*\)|"([\w\-:.]+)"', source.strip())
    return next((group for group in match.groups() if group), "") if match else ""


def _footnote(call: scan.Call, context: Context) -> Piece:
    text = plain_text(_body(call, context))
    if not text:
        return ""
    context.footnotes.append(text)
    return f"[^{len(context.footnotes)}]"


def _image(call: scan.Call, context: Context) -> Piece:
    positional = call.positional()
    if not positional or not positional[0].source.startswith('"'):
        return ""
    alternative = call.named("alt")
    text = value_text(alternative, context) if alternative is not None else ""
    return f"![{text}]({string_value(positional[0].source)})"


def _figure(call: scan.Call, context: Context) -> Piece:
    caption_argument = call.named("caption")
    caption = value_text(caption_argument, context) if caption_argument is not None else ""
    body = _body(call, context)
    origin = context.line_of(call.start)
    if isinstance(body, str) and body.startswith("![]("):
        body = f"![{caption}]({body[4:]}" if caption else body
    lines = _lines(body, origin)
    if caption:
        lines += [("", origin), (f"_Figure: {caption}_", origin)]
    return Block(lines) if lines else ""


def _quote(call: scan.Call, context: Context) -> Piece:
    body = _body(call, context)
    attribution_argument = call.named("attribution")
    attribution = value_text(attribution_argument, context) if attribution_argument else ""
    block = call.named("block")
    if isinstance(body, str) and not (block is not None and block.source == "true"):
        said = f"“{body}”"
        return f"{said} — {attribution}" if attribution else said
    origin = context.line_of(call.start)
    lines = [(f"> {text}" if text else ">", line) for text, line in _lines(body, origin)]
    if attribution:
        lines.append((f"> — {attribution}", origin))
    return Block(lines)


def _heading(call: scan.Call, context: Context) -> Piece:
    level_argument = call.named("level", "depth")
    level = int(level_argument.source) if level_argument and level_argument.source.isdigit() else 1
    text = plain_text(_body(call, context))
    context.heading_level = level
    return Block([(f"{'#' * min(level, 6)} {text}", context.line_of(call.start))])


def _list(call: scan.Call, context: Context) -> Piece:
    marker = "1." if call.name == "enum" else "-"
    origin = context.line_of(call.start)
    items = [plain_text(context.content(start, end)) for start, end in _content_spans(call)]
    return Block([(f"{marker} {item}", origin) for item in items if item])


def _raw(call: scan.Call, context: Context) -> Piece:
    positional = call.positional()
    if not positional or not positional[0].source.startswith('"'):
        return ""
    code = string_value(positional[0].source)
    block = call.named("block")
    if "\n" not in code and not (block is not None and block.source == "true"):
        return f"`{code}`"
    language = call.named("lang")
    fence = f"```{string_value(language.source) if language else ''}"
    origin = context.line_of(call.start)
    return Block([(fence, origin), *((line, origin) for line in code.split("\n")), ("```", origin)])


def _table(call: scan.Call, context: Context) -> Piece:
    from papershelf.importers.typst.tables import render_table

    return render_table(call, context)


_SPECIAL = {
    "link": _link,
    "cite": _cite,
    "ref": _ref,
    "footnote": _footnote,
    "image": _image,
    "figure": _figure,
    "quote": _quote,
    "heading": _heading,
    "list": _list,
    "enum": _list,
    "raw": _raw,
    "table": _table,
    "grid": _table,
}
