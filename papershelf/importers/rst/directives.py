"""Explicit markup (``..`` blocks): directives, citations, footnotes, targets, comments.

Nothing here reads another file or runs anything: ``include`` and ``raw`` are dropped,
as docutils does with ``file_insertion_enabled`` and ``raw_enabled`` off. A directive
we do not know keeps its body as text, so notes written inside it are not lost.
"""

from __future__ import annotations

from papershelf.importers.rst import markup
from papershelf.importers.rst.blocks import Converter, Output

_CODE = frozenset({"code-block", "code", "sourcecode", "doctest", "testcode", "ipython"})
_CODE |= {"highlight-block", "prompt", "console"}
_ADMONITIONS = frozenset({"note", "warning", "tip", "important", "hint", "caution", "danger"})
_ADMONITIONS |= {"attention", "error", "seealso", "todo", "admonition", "topic", "sidebar"}
_ADMONITIONS |= {"versionadded", "versionchanged", "deprecated", "epigraph", "pull-quote"}
_ADMONITIONS |= {"highlights", "hlist", "important"}
# Navigation, generated lists and other files: nothing a reader wrote about a paper.
_DROPPED = frozenset({"toctree", "contents", "bibliography", "footbibliography", "include"})
_DROPPED |= {"literalinclude", "raw", "index", "highlight", "meta", "sectnum", "title"}
_DROPPED |= {"tabularcolumns", "autosummary", "currentmodule", "default-role", "role"}
_DROPPED |= {"graphviz", "plot", "mermaid", "only-html", "rst-class", "class", "csv-table"}
_UNTITLED = frozenset({"admonition", "topic", "sidebar", "epigraph", "pull-quote", "hlist"})
_UNTITLED |= {"highlights"}


def convert_explicit(converter: Converter, block: list[str], origin: int) -> Output:
    header = block[0].strip()
    if match := markup.NOTE_RE.match(header):
        return _citation(converter, match["label"], [match["text"] or "", *block[1:]], origin)
    match = markup.DIRECTIVE_RE.match(header)
    if match is None:  # a comment, a target or a substitution: read already, or private
        return _blank(origin)
    name = match["name"].casefold().split(":")[-1]
    argument = match["argument"] or ""
    options, body, body_start = _split_body(block[1:])
    body_origin = origin + 1 + body_start
    if name in _CODE:
        return _fenced(argument.split()[0] if argument else "", body, body_origin)
    if name == "math":
        return _math(argument, body, body_origin)
    if name in _ADMONITIONS:
        return _admonition(converter, name, argument, body, origin, body_origin)
    if name in ("image", "figure"):
        return _figure(converter, argument, options, body, origin, body_origin)
    if name == "list-table":
        return _list_table(converter, body, body_origin)
    if name == "rubric":
        return _single(f"**{converter.inline(argument)}**", origin)
    if name in _DROPPED or name.startswith("auto"):
        return _blank(origin)
    return converter.convert(body, body_origin)


def _split_body(lines: list[str]) -> tuple[dict[str, str], list[str], int]:
    """A directive's ``:option: value`` lines, then its body (dedented) and where it starts."""
    options: dict[str, str] = {}
    index = 0
    while index < len(lines) and (match := markup.FIELD_RE.match(lines[index].strip())):
        options[match["key"].casefold()] = match["value"] or ""
        index += 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    return options, markup.dedent(lines[index:]), index


def _blank(origin: int) -> Output:
    return _single("", origin)


def _single(line: str, origin: int) -> Output:
    return Output([line], [origin])


def _citation(converter: Converter, label: str, lines: list[str], origin: int) -> Output:
    """``.. [Key] Authors. Title. Venue, Year.`` as one list item a citation reader takes."""
    text = converter.inline(" ".join(line.strip() for line in lines if line.strip()))
    key = "" if label[0] in "#*" else f"[{label}] "
    return _single(f"- {key}{text}", origin)


def _fenced(language: str, body: list[str], origin: int) -> Output:
    out = Output([f"```{language}"], [origin - 1])
    for offset, line in enumerate(body):
        out.add(line, origin + offset)
    out.add("```", origin + max(len(body) - 1, 0))
    return out


def _math(argument: str, body: list[str], origin: int) -> Output:
    out = Output(["$$"], [origin - 1])
    for offset, line in enumerate([argument] if argument else []):
        out.add(line, origin - 1 + offset)
    for offset, line in enumerate(body):
        if line.strip() and not line.lstrip().startswith(":"):
            out.add(line, origin + offset)
    out.add("$$", origin + max(len(body) - 1, 0))
    return out


def _admonition(
    converter: Converter, name: str, argument: str, body: list[str], origin: int, first: int
) -> Output:
    """A note box as a quote under its title: ``> **Note:** the text …``."""
    title = argument if name in _UNTITLED else name.replace("seealso", "see also").capitalize()
    if name not in _UNTITLED and argument:
        body, first = [argument, *([""] if body else []), *body], origin
    inner = converter.convert(body, first)
    while inner.lines and not inner.lines[0].strip():
        inner.lines.pop(0)
        inner.origins.pop(0)
    out = Output()
    lead = f"**{converter.inline(title)}:**" if title else ""
    opening = inner.lines[0] if inner.lines else ""
    if lead and opening and not opening.lstrip().startswith(("-", "*", "1.", "#", "`", "$", ">")):
        inner.lines[0] = f"{lead} {opening}"  # "> **Paper:** Authors. Title …" reads as a field
    elif lead:
        out.add(f"> {lead}", origin)
    out.extend(inner, "> ")
    return out


def _figure(
    converter: Converter,
    argument: str,
    options: dict[str, str],
    body: list[str],
    origin: int,
    first: int,
) -> Output:
    alt = options.get("alt", "").replace("]", "")
    image = f"![{alt}]({argument.strip()})"
    target = options.get("target", "")
    out = _single(f"[{image}]({target})" if "://" in target else image, origin)
    if body:
        out.add("", origin)
        out.extend(converter.convert(body, first))
    return out


def _list_table(converter: Converter, body: list[str], origin: int) -> Output:
    """``* - a`` / ``  - b`` rows as a GFM table under its first row."""
    rows: list[list[str]] = []
    for line in body:
        stripped = line.strip()
        if line.startswith(("* ", "- ", "+ ")) and stripped[2:].lstrip().startswith("- "):
            rows.append([stripped[2:].lstrip()[2:].strip()])
        elif stripped.startswith("- ") and rows:
            rows[-1].append(stripped[2:].strip())
        elif stripped and rows and rows[-1]:
            rows[-1][-1] = f"{rows[-1][-1]} {stripped}"
    if not rows:
        return converter.convert(body, origin)
    width = max(len(row) for row in rows)
    cells = [[converter.inline(cell).replace("|", "\\|") for cell in row] for row in rows]
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in cells]
    out = Output([lines[0], "|" + " --- |" * width], [origin, origin])
    for line in lines[1:]:
        out.add(line, origin)
    return out
