"""Typst math becomes TeX that KaTeX typesets, and stays readable where it cannot."""

from __future__ import annotations

import pytest

from papershelf.importers.typst.math import convert_math

CONVERTED = [
    ("frac(a, b)", "\\frac{a}{b}"),
    ("(a+b)/2", "\\frac{a + b}{2}"),
    ("x_(i+1)^2", "x_{i + 1}^{2}"),
    ("sqrt(x^2 + y^2)", "\\sqrt{x^{2} + y^{2}}"),
    ("root(3, x)", "\\sqrt[3]{x}"),
    ("alpha + beta -> Gamma", "\\alpha + \\beta \\to \\Gamma"),
    ("epsilon.alt != phi.alt", "\\varepsilon \\ne \\varphi"),
    ('p_"data" (o_t)', "p_{\\text{data}} (o_{t})"),
    ("sum_(i=1)^n i = (n(n+1))/2", "\\sum_{i = 1}^{n} i = \\frac{n(n + 1)}{2}"),
    ("integral_0^infinity e^(-x^2) dif x", "\\int_{0}^{\\infty} e^{- x^{2}} \\mathrm{d} x"),
    ("x in RR, forall n in NN", "x \\in \\mathbb{R}, \\forall n \\in \\mathbb{N}"),
    ("cal(N)(mu, sigma^2)", "\\mathcal{N} (\\mu, \\sigma^{2})"),
    ("hat(theta) approx EE[X]", "\\hat{\\theta} \\approx \\mathbb{E} [ X ]"),
    ("abs(x) <= norm(y)", "\\lvert x \\rvert \\le \\lVert y \\rVert"),
    ("arrow.r.double", "\\Rightarrow"),
    ("mat(1, 2; 3, 4)", "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}"),
    ("vec(a, b)", "\\begin{pmatrix} a \\\\ b \\end{pmatrix}"),
    ("CH_3NH_3PbI_3", "\\mathrm{CH}_{3} \\mathrm{NH}_{3} \\mathrm{PbI}_{3}"),
    ("op(argmax)_x f(x)", "\\operatorname{argmax}_{x} f(x)"),
]


@pytest.mark.parametrize(("typst", "tex"), CONVERTED, ids=[typst for typst, _ in CONVERTED])
def test_common_typst_math_becomes_tex(typst: str, tex: str) -> None:
    assert convert_math(typst) == tex


def test_cases_are_rows_and_their_words_are_text() -> None:
    assert convert_math('f(x) = cases(x & " if " x > 0, 0 & "else")') == (
        "f(x) = \\begin{cases} x & \\text{ if } x > 0 \\\\ 0 & \\text{else} \\end{cases}"
    )


def test_a_bar_is_no_markdown_table_cell() -> None:
    assert convert_math("p(a | o) = abs(x)") == "p(a \\vert o) = \\lvert x \\rvert"


def test_aligned_display_math_becomes_an_aligned_block() -> None:
    assert convert_math("a &= b \\ &= c", display=True) == (
        "\\begin{aligned} a & = b \\\\  & = c \\end{aligned}"
    )


def test_spacing_code_inside_math_is_left_out() -> None:
    assert convert_math("a #h(1em) b") == "a b"


def test_math_with_an_unclosed_bracket_cannot_be_converted() -> None:
    assert convert_math("frac(a, b") is None
