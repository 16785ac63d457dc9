"""Render users' Markdown summaries to safe HTML, and to plain text for search.

One MarkdownIt instance, built at import, reads CommonMark with the GFM extensions
(tables, strikethrough, task lists, footnotes) and TeX math in every delimiter people
paste from papers and notes apps: ``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]``,
```` ```math ```` fences and bare amsmath environments such as ``\\begin{align*}``.

Math is not typeset here. It leaves as its escaped TeX source inside
``<span class="math math-inline">``, ``<span class="math math-display">`` (display
math inside a sentence) or ``<div class="math math-display">``, and
``static/papershelf/math.js`` typesets those elements with the vendored KaTeX.

Raw HTML is off, so a stray ``<style>`` or ``<textarea>`` shows as text instead of
swallowing the rest of the page, and the result still goes through an nh3
allow-list: the renderer is not trusted to be the only line of defence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.amsmath import RE_OPEN as AMSMATH_OPEN_RE
from mdit_py_plugins.amsmath import amsmath_block, amsmath_plugin
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_all_lexers, get_lexer_by_name
from pygments.token import STANDARD_TYPES
from pygments.util import ClassNotFound

from papershelf.lib.memo import memo_by_digest

__all__ = [
    "ID_PREFIX",
    "plain_text",
    "pygments_css",
    "pygments_dark_css",
    "render_inline",
    "render_markdown",
    "sanitise_html",
]

# Every id in user content gets this prefix (and every "#fragment" link with it), so a
# heading called "Content" cannot collide with, or clobber, an element of the page.
ID_PREFIX = "md-"

# KaTeX refuses these environments outside display mode, so "$$\begin{align*}…$$"
# written inside a sentence (or flattened onto one line by a scraper) is still
# typeset as display math.
_DISPLAY_ONLY_MATH_RE = re.compile(
    r"\\begin\{(?:align|alignat|equation|flalign|gather|multline|split)\*?\}"
)
# "\[12\]" or "\[3, 4\]" is how Notion and pandoc escape a citation: not math.
_CITATION_RE = re.compile(r"[\d\s,;–-]+")
_DISPLAY_DELIMITERS = {"$$": "$$", "\\[": "\\]"}
_INLINE_DELIMITERS = {"(": "\\)", "[": "\\]"}
# Block rules that display math may interrupt, like a fence can.
_MATH_INTERRUPTS = ["paragraph", "reference", "blockquote", "list"]

_CODE_FORMATTER = HtmlFormatter(cssclass="highlight", wrapcode=True)
PYGMENTS_STYLE = "default"
PYGMENTS_DARK_STYLE = "github-dark"  # its colours meet 4.5:1 on its own #0d1117

_RenderRule = Callable[[RendererProtocol, Sequence[Token], int, OptionsDict, EnvType], str]


# --- Math ------------------------------------------------------------------------------


def _math_html(tex: str, *, display: bool, block: bool = False) -> str:
    """The element math.js looks for: TeX kept as escaped text, typeset in the browser."""
    tag = "div" if block else "span"
    kind = "math-display" if display else "math-inline"
    element = f'<{tag} class="math {kind}">{escapeHtml(tex.strip())}</{tag}>'
    return element + "\n" if block else element


def _is_unescaped(src: str, index: int, floor: int = 0) -> bool:
    """Whether src[index] is preceded by an even run of backslashes (down to floor)."""
    run = 0
    while index - run - 1 >= floor and src[index - run - 1] == "\\":
        run += 1
    return run % 2 == 0


@lru_cache(maxsize=16)
def _last_index(src: str, needle: str) -> int:
    """Where needle last occurs in src, remembered per document.

    Rules ask it first so that a page of openers without closers costs one scan, not
    one scan per opener (which took seconds for 40 KB of "\\[").
    """
    return src.rfind(needle)


def _find_closer(src: str, closer: str, start: int, stop: int) -> int:
    if _last_index(src, closer) < start:
        return -1
    # "\\)" is a TeX line break followed by ")", not the end of "\(…".
    index = src.find(closer, start, stop)
    while index >= 0 and not _is_unescaped(src, index, start):
        index = src.find(closer, index + 1, stop)
    return index


def _is_math(tex: str, opener: str) -> bool:
    return bool(tex.strip()) and not (opener == "\\[" and _CITATION_RE.fullmatch(tex))


def _bracket_math_inline(state: StateInline, silent: bool) -> bool:
    r"""``\(…\)`` inline math, and ``\[…\]`` display math written inside a paragraph.

    It runs before the escape rule, which would otherwise turn ``\(`` into ``(``.
    """
    start = state.pos
    bracket = state.src[start + 1 : start + 2]
    if state.src[start] != "\\" or bracket not in _INLINE_DELIMITERS:
        return False
    end = _find_closer(state.src, _INLINE_DELIMITERS[bracket], start + 2, state.posMax)
    if end < 0:
        return False
    tex = state.src[start + 2 : end]
    if not _is_math(tex, "\\" + bracket):
        return False
    if not silent:
        # math_inline_double is dollarmath's token for display math inside a sentence.
        token = state.push("math_inline" if bracket == "(" else "math_inline_double", "math", 0)
        token.content = tex
        token.markup = "\\" + bracket
    state.pos = end + 2
    return True


def _line_text(state: StateBlock, line: int) -> str:
    # bMarks + tShift skip the line's indent and any blockquote or list prefix.
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _display_math_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    r"""``$$…$$`` or ``\[…\]`` opening a line: display math, on one line or several.

    Own rule rather than dollarmath's block rule so that both delimiters behave
    alike and may interrupt a paragraph (``text\n$$\nx\n$$`` is common in exports).
    """
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # indented code
    first_line = _line_text(state, start_line)
    opener = first_line[:2]
    closer = _DISPLAY_DELIMITERS.get(opener)
    after_opener = state.bMarks[start_line] + state.tShift[start_line] + 2
    if closer is None or _last_index(state.src, closer) < after_opener:
        return False
    parts: list[str] = []
    line, text = start_line, first_line[2:]
    while True:
        stripped = text.rstrip()
        closing_at = len(stripped) - len(closer)
        if stripped.endswith(closer) and _is_unescaped(stripped, closing_at):
            parts.append(stripped[:closing_at])
            break
        if closer in text or (line > start_line and opener in text):
            return False  # closes mid-line (inline math and prose), or a new one opens
        if line > start_line and not text.strip():
            return False  # TeX allows no blank line here; a stray "$$" must not eat the page
        parts.append(text)
        line += 1
        if line >= end_line:
            return False
        text = _line_text(state, line)
    tex = "\n".join(parts)
    if not _is_math(tex, opener):
        return False
    if not silent:
        token = state.push("math_block", "math", 0)
        token.block = True
        token.content = tex
        token.markup = opener
        token.map = [start_line, line + 1]
        state.line = line + 1
    return True


def _amsmath_when_closed(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """amsmath's rule, after checking the environment is closed somewhere below.

    Without the check, every unclosed \\begin{align} line rescans the rest of the page.
    """
    opening = re.match(AMSMATH_OPEN_RE, _line_text(state, start_line))
    if opening is None:
        return False
    closing = f"\\end{{{opening.group(1)}{opening.group(2)}}}"
    if _last_index(state.src, closing) < state.bMarks[start_line]:
        return False
    return amsmath_block(state, start_line, end_line, silent)


def _render_inline_math(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return _math_html(tokens[idx].content, display=False)


def _render_math_in_sentence(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """``$$…$$`` inside a sentence or table cell is inline, as in kramdown; ``\\[…\\]`` is not."""
    token = tokens[idx]
    display = token.markup == "\\[" or bool(_DISPLAY_ONLY_MATH_RE.search(token.content))
    return _math_html(token.content, display=display)


def _render_display_math(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return _math_html(tokens[idx].content, display=True, block=True)


# --- Code ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    return frozenset(
        alias for _, aliases, _, _ in get_all_lexers(plugins=False) for alias in aliases
    )


@lru_cache(maxsize=256)
def _lexer_for(language: str) -> Lexer | None:
    # A miss in get_lexer_by_name scans every lexer (~2 ms): a page of made-up fence
    # languages must not cost seconds, so unknown names stop here.
    if language not in _known_languages():
        return None
    try:
        return get_lexer_by_name(language)
    except ClassNotFound:
        return None


def _render_fence(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    words = token.info.split()
    language = words[0].lower() if words else ""
    if language == "math":
        return _math_html(token.content, display=True, block=True)
    lexer = _lexer_for(language)
    if lexer is None:
        return f"<pre><code>{escapeHtml(token.content)}</code></pre>\n"
    # Pygments marks tokens with CSS classes; static/papershelf/pygments.css colours them.
    return str(highlight(token.content, lexer, _CODE_FORMATTER))


def pygments_css() -> str:
    """The stylesheet for highlighted code, committed as static/papershelf/pygments.css.

    Only the rules scoped to .highlight: Pygments also emits a bare ``pre`` rule
    that would restyle every <pre> on the site.
    """
    rules = HtmlFormatter(style=PYGMENTS_STYLE).get_style_defs(".highlight").splitlines()
    header = (
        f'/* Pygments "{PYGMENTS_STYLE}" style for highlighted code. Generated, do not edit:\n'
        '   python -c "from papershelf.lib.markdown import pygments_css; '
        "print(pygments_css(), end='')\" > papershelf/static/papershelf/pygments.css */\n"
    )
    return header + "\n".join(rule for rule in rules if rule.startswith(".highlight")) + "\n"


def pygments_dark_css() -> str:
    """Highlighted code in dark mode, committed as static/papershelf/pygments-dark.css.

    Pages load it after pygments.css for ``prefers-color-scheme: dark`` only. It first
    takes back every colour the light style gave (``.highlight [class]`` weighs as much
    as ``.highlight .k`` and comes later), so no token keeps a colour meant for a light
    background where the dark style sets none.
    """
    rules = HtmlFormatter(style=PYGMENTS_DARK_STYLE).get_style_defs(".highlight").splitlines()
    header = (
        f'/* Pygments "{PYGMENTS_DARK_STYLE}" style for highlighted code in dark mode. '
        "Generated, do not edit:\n"
        '   python -c "from papershelf.lib.markdown import pygments_dark_css; '
        "print(pygments_dark_css(), end='')\" > papershelf/static/papershelf/pygments-dark.css */\n"
    )
    reset = (
        ".highlight [class] { color: inherit; background-color: transparent; "
        "font-weight: inherit; font-style: inherit; border: 0 }\n"
    )
    return header + reset + "\n".join(r for r in rules if r.startswith(".highlight")) + "\n"


# --- Tables ----------------------------------------------------------------------------


def _align_cells_without_style(state: StateCore) -> None:
    """Turn markdown-it's ``style="text-align:…"`` into ``align="…"``.

    The sanitiser allows no style attribute at all, and the old align attribute
    still aligns cells in every browser without any CSS of ours.
    """
    for token in state.tokens:
        style = token.attrs.get("style") if token.type in ("th_open", "td_open") else None
        if isinstance(style, str) and style.startswith("text-align:"):
            del token.attrs["style"]
            token.attrSet("align", style.removeprefix("text-align:"))


# --- The parser ------------------------------------------------------------------------


def _build_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    # No digit next to a "$" and no space inside it: "costs $5 and $10" stays prose.
    dollarmath_plugin(md, allow_space=False, allow_digits=False, double_inline=True)
    md.block.ruler.disable("math_block")  # replaced by _display_math_block
    md.block.ruler.before("fence", "display_math", _display_math_block, {"alt": _MATH_INTERRUPTS})
    md.inline.ruler.before("escape", "bracket_math", _bracket_math_inline)
    amsmath_plugin(md)
    md.block.ruler.at("amsmath", _amsmath_when_closed)
    footnote_plugin(md)
    tasklists_plugin(md)
    anchors_plugin(md, min_level=1, max_level=6)
    md.core.ruler.push("align_cells_without_style", _align_cells_without_style)

    rules: dict[str, _RenderRule] = {
        "math_inline": _render_inline_math,
        "math_inline_double": _render_math_in_sentence,
        "math_block": _render_display_math,
        "amsmath": _render_display_math,
        "fence": _render_fence,
    }
    for name, rule in rules.items():
        md.add_render_rule(name, rule)
    return md


_MD = _build_markdown()


# --- Sanitising ------------------------------------------------------------------------

_MATH_CLASSES = {"math", "math-inline", "math-display"}
_PYGMENTS_CLASSES = {name for name in STANDARD_TYPES.values() if name}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_TABLE_CELL_ATTRIBUTES = {"colspan", "rowspan"}
_CELL_ALIGNMENTS = {"align": {"left", "center", "right"}}


def _prefix_fragment_link(tag: str, attribute: str, value: str) -> str:
    """Point "#fn1" at the id the sanitiser renamed to "md-fn1"."""
    if attribute == "href" and value.startswith("#") and len(value) > 1:
        fragment = value[1:]
        if not fragment.startswith(ID_PREFIX):
            return f"#{ID_PREFIX}{fragment}"
    return value


_SANITISER = nh3.Cleaner(
    tags={
        *_HEADINGS,
        *("p", "br", "hr", "blockquote", "pre", "code", "div", "span", "section"),
        *("em", "strong", "b", "i", "s", "del", "ins", "mark", "sub", "sup", "kbd", "small"),
        *("a", "img", "ul", "ol", "li", "input", "dl", "dt", "dd"),
        *("table", "thead", "tbody", "tr", "th", "td", "caption"),
    },
    # Their content is code or markup, never text a reader should see.
    clean_content_tags={
        *("script", "style", "noscript", "template", "textarea", "title"),
        *("iframe", "frame", "object", "embed", "svg", "math"),
    },
    attributes={
        "a": {"href", "title", "id"},
        "img": {"src", "alt", "title"},
        "ol": {"start"},
        "li": {"id"},
        "th": _TABLE_CELL_ATTRIBUTES,
        "td": _TABLE_CELL_ATTRIBUTES,
        **{heading: {"id"} for heading in _HEADINGS},
    },
    tag_attribute_values={
        "th": _CELL_ALIGNMENTS,
        "td": _CELL_ALIGNMENTS,
        "input": {"checked": {"checked", ""}},
    },
    # Task-list boxes only show state; nothing else may become a form control.
    set_tag_attribute_values={"input": {"type": "checkbox", "disabled": "disabled"}},
    allowed_classes={
        "span": _MATH_CLASSES | _PYGMENTS_CLASSES,
        "div": _MATH_CLASSES | {"highlight"},
        "ul": {"contains-task-list"},
        "ol": {"footnotes-list"},
        "li": {"task-list-item", "footnote-item"},
        "input": {"task-list-item-checkbox"},
        "sup": {"footnote-ref"},
        "a": {"footnote-backref"},
        "hr": {"footnotes-sep"},
        "section": {"footnotes"},
    },
    # Relative URLs pass: image paths are rewritten to attachments elsewhere.
    url_schemes={"http", "https", "mailto"},
    link_rel="nofollow noopener",
    id_prefix=ID_PREFIX,
    attribute_filter=_prefix_fragment_link,
    strip_comments=True,
)


def sanitise_html(html: str) -> str:
    """Reduce HTML to the allow-list Papershelf renders: no scripts, handlers or styles."""
    return str(_SANITISER.clean(html))


# --- Public API ------------------------------------------------------------------------


def _map_image_sources(tokens: Sequence[Token], image_url: Callable[[str], str]) -> None:
    for token in tokens:
        if token.type == "image":
            token.attrSet("src", image_url(str(token.attrGet("src") or "")))
        if token.children:
            _map_image_sources(token.children, image_url)


def render_markdown(
    text: str, image_url: Callable[[str], str] | None = None, doc_id: str | None = None
) -> str:
    """Render a summary to safe HTML.

    image_url, if given, maps each image's source (for example a relative path from
    an export) to the URL to show; the sanitiser still checks what it returns.
    doc_id keeps footnote ids apart when several summaries share one page.
    """
    env: EnvType = {"docId": doc_id} if doc_id else {}
    tokens = _MD.parse(text, env)
    if image_url is not None:
        _map_image_sources(tokens, image_url)
    return sanitise_html(_MD.renderer.render(tokens, _MD.options, env))


def render_inline(text: str) -> str:
    """Render a one-line string (a note's title) with the same rules, without a <p>."""
    return sanitise_html(_MD.renderInline(text))


_BREAKS = {"softbreak", "hardbreak"}
# With raw HTML off, HTML tokens only come from plugins (task-list checkboxes).
_NOT_TEXT = {"footnote_ref", "footnote_anchor", "html_inline", "html_block"}


def _inline_text(children: Sequence[Token]) -> str:
    # An image counts as its alt text; math as its TeX source.
    return "".join(
        " " if child.type in _BREAKS else child.content
        for child in children
        if child.type not in _NOT_TEXT
    )


# A search reads the words of the reader's own private summaries at every query.
@memo_by_digest(4096)
def plain_text(markdown_text: str) -> str:
    """The words of a summary for search and snippets: no Markdown syntax, math as TeX."""
    blocks: list[str] = []
    for token in _MD.parse(markdown_text, {}):
        if token.type == "inline":
            blocks.append(_inline_text(token.children or []))
        elif token.nesting == 0 and token.type not in _NOT_TEXT:  # code, math: leaf blocks
            blocks.append(token.content)
    return "\n".join(block.strip() for block in blocks if block.strip())
