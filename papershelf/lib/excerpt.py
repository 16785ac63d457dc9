"""The start of rendered HTML, bounded by how much text it shows, with every tag closed.

A summary card shows the first words of a summary as rendered (emphasis, code, math),
not its Markdown source. Cutting HTML by characters would break tags and split a TeX
formula in two; this walks the elements instead, cuts text at a word, keeps a math
element whole or leaves it out, and closes whatever is open. The result goes through the
sanitiser again, so an excerpt is never less safe than the HTML it came from.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from papershelf.lib.markdown import sanitise_html
from papershelf.lib.memo import memo_by_digest

_VOID = {"br", "hr", "img", "input", "wbr"}
ELLIPSIS = "…"
# What a card leaves out: a heading repeats the paper's title or says "Summary", and an
# image, a figure, a table or a code block does not fit in a few lines of text.
CARD_SKIPS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "img", "figure", "table", "pre"})


class _Cutter(HTMLParser):
    def __init__(self, limit: int, skip: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.left = limit
        self.skip = skip
        self._skipping: list[str] = []  # the open elements of a skipped one
        self.out: list[str] = []
        self.open: list[str] = []
        self.done = False
        self.truncated = False
        self._math: list[str] | None = None  # a math element's parts, kept or dropped whole
        self._math_depth = 0
        self._math_text = 0

    def _emit(self, part: str) -> None:
        if self._math is not None:
            self._math.append(part)
        else:
            self.out.append(part)

    def _stop(self) -> None:
        self.done = self.truncated = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if self._skipping or tag in self.skip:
            if tag not in _VOID:
                self._skipping.append(tag)
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag == "section" and "footnotes" in classes:
            self._stop()  # footnotes belong to the whole text, not to its first lines
            return
        rendered = "".join(f' {name}="{escape(value or "", quote=True)}"' for name, value in attrs)
        if self._math is None and "math" in classes:
            self._math, self._math_depth, self._math_text = [], 0, 0
        self._emit(f"<{tag}{rendered}>")
        if tag in _VOID:
            return
        if self._math is not None:
            self._math_depth += 1
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag in self._skipping:
                while self._skipping.pop() != tag:
                    pass
            return
        if self.done or tag in _VOID or tag not in self.open:
            return
        while self.open:
            closing = self.open.pop()
            self._emit(f"</{closing}>")
            if self._math is not None:
                self._math_depth -= 1
                if self._math_depth == 0:
                    self._finish_math()
            if closing == tag:
                break

    def _finish_math(self) -> None:
        parts, self._math = self._math or [], None
        if self._math_text > self.left:
            # The formula does not fit: leave it out rather than show half of its TeX.
            self._stop()
            return
        self.out.extend(parts)
        self.left -= self._math_text

    def handle_data(self, data: str) -> None:
        if self.done or self._skipping:
            return
        if self._math is not None:
            self._math_text += len(data)
            self._emit(escape(data, quote=False))
            return
        if len(data) <= self.left:
            self.left -= len(data)
            self.out.append(escape(data, quote=False))
            return
        cut = data[: self.left]
        if " " in cut.strip():
            cut = cut.rsplit(" ", 1)[0]  # end on a whole word
        self.out.append(escape(cut.rstrip(), quote=False) + ELLIPSIS)
        self._stop()

    def result(self) -> str:
        if self._math is not None:  # a formula still open when the input ended
            self._math = None
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


# The home page cuts the same twelve summaries on every visit: 9 ms of parsing.
@memo_by_digest(2048)
def excerpt_html(html: str, limit: int = 400, skip: frozenset[str] = frozenset()) -> str:
    """At most about ``limit`` characters of html's text, as well-formed, sanitised HTML.

    Elements named in ``skip`` (``CARD_SKIPS``: headings and images) are left out whole.
    """
    cutter = _Cutter(limit, skip)
    cutter.feed(html)
    cutter.close()
    # The open list is only right while nothing was dropped mid-element; on a stop inside
    # a formula the parts of the formula were never written, so closing is still right.
    return sanitise_html(cutter.result())
