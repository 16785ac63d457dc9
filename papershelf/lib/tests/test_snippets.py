"""Search snippets: bare TeX from the index becomes typeset math, half formulas go."""

from __future__ import annotations

from papershelf.lib.excerpt import CARD_SKIPS, excerpt_html
from papershelf.lib.markdown import render_markdown
from papershelf.lib.snippets import typeset_snippet


def test_a_whole_formula_becomes_a_math_span() -> None:
    html = typeset_snippet(r"costs \frac{QK^\top}{\sqrt{d_k}} per <mark>layer</mark>")
    assert html == (
        r'costs <span class="math math-inline">\frac{QK^\top}{\sqrt{d_k}}</span> per '
        "<mark>layer</mark>"
    )


def test_a_formula_the_snippet_cut_in_half_is_left_out() -> None:
    html = typeset_snippet(r"…{\sqrt{d_k}})V where <mark>attention</mark> helps")
    assert "\\" not in html and "{" not in html
    assert html.endswith("where <mark>attention</mark> helps")


def test_an_environment_with_operators_between_is_one_formula() -> None:
    html = typeset_snippet(r"so \begin{aligned} a &amp;= b \\ c &amp;= d \end{aligned} holds")
    assert html.count("<span") == 1
    assert html.endswith("</span> holds")


def test_names_in_code_are_not_math() -> None:
    assert typeset_snippet("set learning_rate to 3") == "set learning_rate to 3"


def test_a_card_excerpt_leaves_out_headings_and_images() -> None:
    html = render_markdown("# Summary\n\n![fig](a.png)\n\nThe **point** is $x^2$.")
    excerpt = excerpt_html(html, 200, CARD_SKIPS)
    assert "Summary" not in excerpt and "<img" not in excerpt
    assert "<strong>point</strong>" in excerpt and "math-inline" in excerpt
