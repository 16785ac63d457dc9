"""Block markup of Markdown dialects that holds no text of its own.

Fenced divs open and close boxes around text: HackMD's and CodiMD's ``:::info`` …
``:::`` (also ``success``, ``warning``, ``danger``, ``spoiler Label``), Docusaurus's and
VitePress's ``:::note`` / ``:::tip``, Pandoc's ``::: {.callout-note}``. HackMD also
writes embeds (``{%hackmd @team/theme %}``, ``{%youtube id %}``), a table of contents
(``[TOC]``) and its tags as ``###### tags: `paper` `week3` ``. The fences and embeds go
(the boxed text stays where it was, and a fence's word is no part of the title below
it); the tags line becomes a ``Tags:`` field, as other apps write it.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise

from papershelf.importers.notes.citations import read_citation, read_title_over_authors
from papershelf.importers.notes.single import BOX_CLOSE_RE, INLINE_FIELD_RE, opens_paper_box
from papershelf.importers.notes.text import strip_decoration
from papershelf.lib.titles import is_probably_title

_FENCE_RE = re.compile(r"^\s{0,3}:{3,}\s*(?:\{[^}]*\}|[A-Za-z][\w-]*(?:\s.*)?)?\s*$")
# HackMD's embeds only: Jekyll's "{% highlight python %}" opens a block of code.
_EMBED_RE = re.compile(
    r"^\s*\{%\s*(?:hackmd|youtube|vimeo|gist|slideshare|speakerdeck|pdf|figma)\s+[^%]*%\}\s*$",
    re.IGNORECASE,
)
_TOC_RE = re.compile(r"^\s*\[(?:TOC|toc)\]\s*$")
_TAGS_LINE_RE = re.compile(r"^#{1,6}\s+tags:\s*(?P<tags>.*)$", re.IGNORECASE)
_CODE_FENCE_RE = re.compile(r"^\s*(?:```|~~~)")


def without_block_markup(lines: list[str]) -> list[str]:
    kept: list[str] = []
    code = False
    boxes: list[bool] = []  # for each open box, whether its fences stay
    for line in lines:
        if _CODE_FENCE_RE.match(line):
            code = not code
        if code:
            kept.append(line)
        elif tags := _TAGS_LINE_RE.match(line):
            names = re.findall(r"`([^`]+)`", tags["tags"]) or re.split(r"[,\s]+", tags["tags"])
            kept.append(f"Tags: {', '.join(n.strip() for n in names if n.strip())}\n")
        elif _FENCE_RE.match(line):
            if _CLOSING_RE.match(line) and boxes:
                if boxes.pop():
                    kept.append(line)
            else:
                # A box labelled as the paper (":::note Paper") is how the note cites it
                # (single._paper_box reads it); a spoiler's label is a button's text.
                boxes.append(opens_paper_box(line))
                if boxes[-1]:
                    kept.append(line)
        elif _IAL_LINE_RE.match(line):
            pass  # kramdown's "{: .box-note}" under a paragraph: its style
        elif not (_EMBED_RE.match(line) or _TOC_RE.match(line)):
            kept.append(_DEFINITION_RE.sub(r"\1- ", _IAL_RE.sub(" ", line)))
    return kept


# kramdown's attribute lists, '**Paper**{: .label .label-blue }': a span's style.
_IAL_RE = re.compile(r"\{:\s*[^{}\n]*\}")
_IAL_LINE_RE = re.compile(r"^\s*\{:\s*[^{}\n]*\}\s*$")
# A definition list's definitions (kramdown, Pandoc, PHP Markdown Extra) under their term,
# "Feb 6" over ": **Lecture** …": items of the term, as a list writes them.
_DEFINITION_RE = re.compile(r"^(\s*):[ \t]+(?=\S)")


_CLOSING_RE = re.compile(r"^\s{0,3}:{3,}\s*$")


# An MDX post's component describing its paper: "<PaperCard title="…" authors="…"
# arxiv="2301.10241" year={2023} />". Its props are the paper's labelled fields.
_COMPONENT_OPEN_RE = re.compile(r"^\s*<(?P<name>[A-Z][\w.]*)(?=[\s/>]|$)")
_PROP_RE = re.compile(
    r"(?P<name>[A-Za-z][\w-]*)\s*=\s*(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'"
    r"|\{\s*[\"'`]?(?P<braced>[^}\"'`]*)[\"'`]?\s*\})"
)
_PAPER_PROPS = frozenset({"authors", "author", "arxiv", "doi", "year", "venue", "journal"})
_MAX_COMPONENT_LINES = 20


def components_as_fields(lines: list[str]) -> list[str]:
    """A component whose props name a paper (a title beside its authors, year or
    identifier) becomes "Title: …" lines; any other component ("<Callout title=…>") stays.
    Several in a row ("{{ paper(…) }}" for IX, then for Arrakis) are the papers a post
    covers: a list of their citations under a label that says so."""
    out: list[str] = []
    run: list[dict[str, str]] = []  # paper components one after another
    shortcode = False  # the run opens with a site's shortcode, not an MDX component
    index = 0
    while index < len(lines):
        props, end = _paper_props(lines, index)
        if props is not None:
            shortcode = shortcode if run else not _COMPONENT_OPEN_RE.match(lines[index])
            run.append(props)
            index = end + 1
        elif run and not lines[index].strip():
            index += 1  # blank lines between the components of a run
        else:
            out += _as_fields(run, shortcode=shortcode)
            run = []
            out.append(lines[index])
            index += 1
    return out + _as_fields(run, shortcode=shortcode)


def _paper_props(lines: list[str], index: int) -> tuple[dict[str, str] | None, int]:
    """The props of a component naming a paper that opens at ``index``, and its last line."""
    if _COMPONENT_OPEN_RE.match(lines[index]):
        end = _component_end(lines, index)
    else:
        end = _shortcode_end(lines, index) if _SHORTCODE_OPEN_RE.match(lines[index]) else None
    if end is None:
        return None, index
    props = {m["name"].casefold(): m["double"] or m["single"] or m["braced"] or ""
             for m in _PROP_RE.finditer(" ".join(lines[index : end + 1]))}  # fmt: skip
    named = props.get("title", "").strip() and _PAPER_PROPS & props.keys()
    return (props, end) if named else (None, index)


def _as_fields(run: list[dict[str, str]], *, shortcode: bool) -> list[str]:
    if not run:
        return []
    if len(run) == 1 and shortcode:
        # '{{< paper title=… >}}' opening a post: its citation, where the shortcode stood
        return [f"{_as_citation(run[0])}\n", "\n"]
    if len(run) == 1:
        return [
            *(f"{name.capitalize()}: {value.strip()}\n" for name, value in run[0].items()),
            "\n",
        ]
    items = [f"- {_as_citation(props)}\n" for props in run]
    return ["**Papers covered**\n", "\n", *items, "\n"]


def _as_citation(props: dict[str, str]) -> str:
    """ "Authors. *Title*. Venue Year. arXiv:… doi:… <url>", as a reference list writes it."""
    who = (props.get("authors") or props.get("author") or "").strip()
    where = " ".join(
        part
        for part in (props.get("venue") or props.get("journal") or "", props.get("year", ""))
        if part.strip()
    )
    ids = [f"arXiv:{props['arxiv']}" if props.get("arxiv") else "",
           f"doi:{props['doi']}" if props.get("doi") else "",
           f"<{props['url']}>" if props.get("url", "").startswith("http") else ""]  # fmt: skip
    return _citation_line(
        [who, f"*{props['title'].strip()}*", where, " ".join(i for i in ids if i)]
    )


def _citation_line(parts: list[str]) -> str:
    """A citation's parts (who, title, where, links) as its sentences, empty ones left out."""
    return ". ".join(part.strip().rstrip(".") for part in parts if part.strip())


# A static site's shortcode with named arguments does the same: Zola's '{{ paper(title="…",
# authors="…", venue="NSDI 2019") }}', Hugo's '{{< paper title="…" >}}', Jekyll's
# '{% include paper.html title="…" %}'.
_SHORTCODE_OPEN_RE = re.compile(r"^\s*(?:\{\{[<%]?\s*[\w-]+|\{%-?\s*include\s+\S+)")
_SHORTCODE_CLOSE_RE = re.compile(r"[>%]?\}\}|-?%\}")


def _shortcode_end(lines: list[str], start: int) -> int | None:
    """The line that closes a shortcode opened at ``start``, if near."""
    for index in range(start, min(len(lines), start + _MAX_COMPONENT_LINES)):
        if _SHORTCODE_CLOSE_RE.search(lines[index]):
            return index
    return None


def _component_end(lines: list[str], start: int) -> int | None:
    """The line that closes a self-closing component opened at ``start``, if near."""
    for index in range(start, min(len(lines), start + _MAX_COMPONENT_LINES)):
        if "/>" in lines[index]:
            return index
        if index > start and _COMPONENT_OPEN_RE.match(lines[index]):
            return None
    return None


# '!!! abstract "Paper 2"', "> [!paper] Paper 2", ":::note Paper 2": a box's label.
_BOX_LABEL_RE = re.compile(
    r"[\"'](?P<quoted>[^\"']+)[\"']|(?<=[:\w])\[(?P<bracketed>[^\[\]]+)\]"
    r"|\](?P<after>[^\n]*)$|(?P<rest>paper.*)$",
    re.I,
)


_HEADING_LINE_RE = re.compile(r"^#{1,6}\s")


def paper_boxes_as_sections(lines: list[str]) -> list[str]:
    """A post on two papers puts each in a box labelled as the paper ('!!! abstract
    "Paper 1"' over its indented citation, then "Paper 2"): each box becomes a section
    headed by its label, its citation the section's first paragraph. One box is left
    as it is: it cites the note's own paper (``single._paper_box``)."""
    boxes = [index for index, line in enumerate(lines) if opens_paper_box(line)]
    if len(boxes) < 2 or all(
        any(_HEADING_LINE_RE.match(line) for line in lines[first:second])
        for first, second in pairwise(boxes)
    ):
        return lines  # one box, or each under a heading of its own already
    out: list[str] = []
    inside: str = ""  # how the open box's body lines begin: "    ", ">" or a closing fence
    for line in lines:
        if inside and _box_body(line, inside):
            text = line.strip().lstrip(">").strip() if inside == ">" else line.strip()
            out.append(text + "\n")  # lines keep their ends here
            continue
        if inside == ":::" and BOX_CLOSE_RE.match(line):
            inside = ""
            continue
        inside = ""
        if opens_paper_box(line):
            label = _BOX_LABEL_RE.search(line)
            named = label and (label["quoted"] or label["bracketed"] or label["after"])
            text = (named or (label and label["rest"])) or "Paper"
            out += [f"## {text.strip()}\n", "\n"]
            inside = _box_kind(line.lstrip())
            continue
        out.append(line)
    return out


def _box_kind(opening: str) -> str:
    if opening.startswith(">"):
        return ">"  # a callout: its body is quoted
    return "    " if opening[:3] in ("!!!", "???") else ":::"  # indented, or fenced


def _box_body(line: str, inside: str) -> bool:
    if inside == ">":
        return line.lstrip().startswith(">")
    if inside == "    ":
        return line.startswith("    ") or not line.strip()
    return not BOX_CLOSE_RE.match(line)


def inline_fields_as_front_matter(lines: list[str]) -> list[str]:
    """A note that opens with Dataview's inline fields instead of YAML ("up:: [[MOC]]",
    "Type:: paper", "Authors:: …", then "# Title"): the fields are its front matter, so
    its heading is the one that opens it, as in any other note."""
    if lines and lines[0].strip() == "---":
        return lines  # YAML already
    end = next(
        (i for i, ln in enumerate(lines) if ln.strip() and not INLINE_FIELD_RE.match(ln)),
        len(lines),
    )
    fields = {
        m["key"].strip().casefold(): m["value"]
        for ln in lines[:end]
        if (m := INLINE_FIELD_RE.match(ln))
    }
    if len(fields) < 2:
        return lines
    head = [f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items()]
    front = ["---\n", *head, "---\n"]
    # Blank lines keep the note's own lines where they were, when the fields left room.
    return [*front, *["\n"] * (end - len(front)), *lines[end:]]


# "Year | Paper | Venue" over "---- | ----- | -----": GitHub's table without edge pipes.
_BARE_DELIMITER_RE = re.compile(r"^\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")


def edged_tables(lines: list[str]) -> list[str]:
    """Tables written without their outer pipes, given them, as the table readers expect."""
    out = list(lines)
    for index in range(len(lines) - 1):
        header = lines[index]
        if "|" not in header or header.lstrip().startswith("|"):
            continue
        if not _BARE_DELIMITER_RE.match(lines[index + 1]):
            continue
        row = index
        while row < len(lines) and lines[row].strip() and "|" in lines[row]:
            text = lines[row].strip()
            if not text.startswith("|"):
                out[row] = f"| {text.rstrip('|').rstrip()} |\n"
            row += 1
    return out


_MIN_TAB_COLUMNS = 3


def tab_tables_as_markdown(lines: list[str]) -> list[str]:
    """Rows pasted from a web table or a database view come tab-separated ("Name\tAuthors
    \tYear"): two or more lines with the same three-plus columns are a table, its first
    line the header, written as a Markdown table for the table readers. The delimiter row
    takes the blank line above the header, so later line numbers stay right."""
    out = list(lines)
    index = 1  # a table's header needs a blank line above it
    while index < len(lines):
        columns = lines[index].count("\t") + 1
        end = index
        while end < len(lines) and lines[end].count("\t") + 1 == columns:
            end += 1
        if columns >= _MIN_TAB_COLUMNS and end - index >= 2 and not lines[index - 1].strip():
            rows = [_pipe_row(line) for line in lines[index:end]]
            out[index - 1 : end] = [rows[0], "|" + "---|" * columns + "\n", *rows[1:]]
            index = end
        else:
            index += 1
    return out


def _pipe_row(line: str) -> str:
    cells = [cell.strip().replace("|", "\\|") for cell in line.rstrip("\n").split("\t")]
    return "| " + " | ".join(cells) + " |\n"


_BULLET_RE = re.compile(r"^[-*+]\s+(?P<text>\S.*)$")


def citation_lists_as_lines(lines: list[str]) -> list[str]:
    """A citation written as a short list — its title, its authors, where and when
    ("- Momentum Contrast for …" / "- Kaiming He, Haoqi Fan, …" / "- CVPR 2020,
    arXiv:1911.05722") — becomes its lines, as a citation over lines is written."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _BULLET_RE.match(lines[end]):
            end += 1
        items = [_BULLET_RE.match(line)["text"] for line in lines[index:end]]  # type: ignore[index]
        before = lines[index - 1] if index else ""
        alone = not _BULLET_RE.match(before) and not before.startswith((" ", "\t"))
        if alone and 2 <= len(items) <= 3 and _split_citation(items):
            out += [f"{item}\n" for item in items]
            index = end
        else:
            out += lines[index : max(end, index + 1)]
            index = max(end, index + 1)
    return out


def _split_citation(items: list[str]) -> bool:
    """Whether list items are one citation's parts: a whole item is a title, another its
    authors, and where and when follow — not a list of short cites ("Calvin (Thomson
    et al. 2012), FaunaDB"), each of which reads as something on its own."""
    paper = read_title_over_authors(items)
    if paper is None or not is_probably_title(paper.title):
        return False
    if not (len(paper.authors) > 1 or any(" " in name for name in paper.authors)):
        return False  # "Calvin (Thomson et al. 2012)": a nickname, not the authors' names
    whole = {strip_decoration(item).strip(" .") for item in items}
    return paper.title.strip(" .") in whole and not any(map(read_citation, items))


# MkDocs' and Python-Markdown's admonitions: '!!! quote ""', '??? note "Aside"' over an
# indented body that Markdown alone would read as code.
_ADMONITION_RE = re.compile(r"^\s{0,3}(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*$")


def admonitions_unindented(lines: list[str]) -> list[str]:
    """An admonition's body as text where it stands: the citation in '!!! quote ""' is
    the post's paper, not a block of code. One labelled as the paper is left to
    ``single._paper_box``, which reads it as it is."""
    out: list[str] = []
    inside = False
    for line in lines:
        if _ADMONITION_RE.match(line) and not opens_paper_box(line):
            inside = True
            out.append("\n")
            continue
        if inside and line.strip() and not line.startswith(("    ", "\t")):
            inside = False
        out.append(line.removeprefix("    ").removeprefix("\t") if inside else line)
    return out


# Hexo's "{% blockquote McClean et al., Nature Communications 9, 4812 (2018)
# https://arxiv.org/abs/1803.11173 Barren plateaus in … %}": who, where, the link, its title.
_HEXO_QUOTE_RE = re.compile(
    r"^\s*\{%\s*blockquote\s+(?P<who>[^%]*?)\s+(?P<url>https?://\S+)\s+(?P<title>[^%]+?)\s*%\}\s*$"
)
_HEXO_QUOTE_END_RE = re.compile(r"^\s*\{%\s*endblockquote\s*%\}\s*$")


def hexo_quotes_as_citations(lines: list[str]) -> list[str]:
    """A Hexo blockquote tag that cites a paper by its link and title becomes that
    citation's line: "McClean et al. Barren plateaus in …. Nature Communications 9, 4812
    (2018). https://arxiv.org/abs/1803.11173"."""
    out: list[str] = []
    for line in lines:
        quote = _HEXO_QUOTE_RE.match(line)
        if quote:
            author, _, source = quote["who"].partition(", ")
            out += [_citation_line([author, quote["title"], source, quote["url"]]) + "\n", "\n"]
        elif not _HEXO_QUOTE_END_RE.match(line):
            out.append(line)
    return out
