"""A card's excerpt: the start of the rendered summary, well-formed, with math whole."""

from __future__ import annotations

from html.parser import HTMLParser

from papershelf.lib.excerpt import excerpt_html
from papershelf.lib.markdown import render_markdown


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in {"br", "hr", "img", "input"}:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def assert_well_formed(html: str) -> None:
    checker = _Balance()
    checker.feed(html)
    assert checker.ok and checker.stack == [], html


def test_a_short_summary_is_its_whole_rendered_html() -> None:
    html = render_markdown("Attention is *all* you need.")
    assert excerpt_html(html) == html.strip() or excerpt_html(html) == html


def test_a_long_summary_is_cut_at_a_word_with_every_tag_closed() -> None:
    html = render_markdown("**" + ("word " * 200).strip() + "**\n\n" + "more text " * 50)
    excerpt = excerpt_html(html, limit=100)
    assert_well_formed(excerpt)
    assert excerpt.endswith("…</strong></p>")
    assert "more text" not in excerpt
    assert len(excerpt) < 200


def test_math_is_kept_whole_so_katex_can_still_typeset_it() -> None:
    html = render_markdown(r"The loss $\mathcal{L} = -\log p(x)$ and " + "then " * 100)
    excerpt = excerpt_html(html, limit=60)
    assert r'<span class="math math-inline">\mathcal{L} = -\log p(x)</span>' in excerpt
    assert_well_formed(excerpt)


def test_a_formula_that_does_not_fit_is_left_out_rather_than_split() -> None:
    html = render_markdown("Short start. $" + "x + " * 50 + "y$ and the rest.")
    excerpt = excerpt_html(html, limit=30)
    assert "math" not in excerpt
    assert "Short start." in excerpt
    assert "x +" not in excerpt
    assert_well_formed(excerpt)


def test_footnotes_are_not_part_of_an_excerpt() -> None:
    html = render_markdown("A claim.[^1]\n\n[^1]: The source.")
    assert "The source" not in excerpt_html(html)


def test_an_excerpt_is_sanitised_again() -> None:
    excerpt = excerpt_html('<p onclick="x()">Hi <script>alert(1)</script></p>')
    assert "onclick" not in excerpt
    assert "script" not in excerpt
