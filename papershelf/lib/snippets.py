"""Search snippets with their math typeset instead of shown as TeX source.

The search index holds a summary's words as plain text with its math as bare TeX
(``lib.markdown.plain_text``), so a snippet reads "costs \\frac{QK^\\top}{\\sqrt{d_k}} per
…". This finds the runs of a snippet that are TeX, wraps each whole formula in the same
``math-inline`` span the renderer makes (``static/papershelf/math.js`` typesets it) and
leaves out a formula the snippet cut in half, since half a formula typesets as an error.
"""

from __future__ import annotations

import re
from html import escape, unescape

from papershelf.lib.markdown import sanitise_html

ELLIPSIS = "…"
_MARK_RE = re.compile(r"</?mark>")
_TOKEN_RE = re.compile(r"(\s+)")
# A word is TeX when it holds a command (\frac, \\), a brace, or a sub- or superscript of
# one character (x_i, n^2; snake_case names in code are not math).
_TEX_RE = re.compile(r"\\[A-Za-z\\]|[\^_][{\\]|[\^_]\w(?!\w)|[{}]")
# Between two TeX words these belong to the formula: operators and one-letter names.
_JOINER_RE = re.compile(r"[=+\-*/<>|&,.;:()\[\]!'0-9]+|[A-Za-z][0-9]?|&\w*=?")
_DISPLAY_ONLY_RE = re.compile(
    r"\\begin\{(?:align|alignat|equation|flalign|gather|multline|split)\*?\}"
)


def _text(token: str) -> str:
    return unescape(_MARK_RE.sub("", token))


def _is_tex(token: str) -> bool:
    return bool(_TEX_RE.search(_text(token)))


def _is_whole(tex: str) -> bool:
    if tex.startswith(ELLIPSIS) or tex.endswith(ELLIPSIS):
        return False
    if tex.count("{") != tex.count("}") or tex.count(r"\left") != tex.count(r"\right"):
        return False
    return len(re.findall(r"\\begin\{", tex)) == len(re.findall(r"\\end\{", tex))


def _formula(tokens: list[str]) -> str:
    tex = "".join(_text(t) for t in tokens).strip()
    if not _is_whole(tex):
        return ELLIPSIS
    kind = "math-display" if _DISPLAY_ONLY_RE.search(tex) else "math-inline"
    return f'<span class="math {kind}">{escape(tex, quote=False)}</span>'


def _tex_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """Index ranges [start, end) of tokens that make one formula each."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if tokens[i].strip() and _is_tex(tokens[i]):
            end = i + 1
            j = i + 1
            while j < len(tokens):
                word = tokens[j]
                if not word.strip():
                    j += 1
                elif _is_tex(word):
                    end = j = j + 1
                elif _JOINER_RE.fullmatch(_text(word)):
                    j += 1  # part of the formula only if another TeX word follows
                else:
                    break
            runs.append((i, end))
            i = end
        else:
            i += 1
    return runs


def typeset_snippet(html: str) -> str:
    """A snippet (escaped text with ``<mark>`` highlights) with its TeX as math spans."""
    tokens = [t for t in _TOKEN_RE.split(html) if t]
    out: list[str] = []
    last = 0
    for start, end in _tex_runs(tokens):
        out.extend(tokens[last:start])
        out.append(_formula(tokens[start:end]))
        last = end
    out.extend(tokens[last:])
    return sanitise_html("".join(out))
