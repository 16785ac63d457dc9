"""What a reader sees when a summary is rendered: math intact, code coloured, nothing run."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from papershelf.lib.markdown import (
    ID_PREFIX,
    plain_text,
    pygments_css,
    pygments_dark_css,
    render_inline,
    render_markdown,
    sanitise_html,
)

SEEDS = Path("/work/shared/seeds")
STATIC = Path(__file__).resolve().parents[2] / "static"
KATEX_VERSION = "0.16.47"

_UNSAFE_TAGS = {"script", "style", "iframe", "svg", "math", "object", "embed", "textarea", "form"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}


class _Elements(HTMLParser):
    """Collects every element with its attributes, and the text a reader would see."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def _math(html: str, kind: str = "") -> list[str]:
    """TeX sources of the math elements, as math.js will read them (unescaped)."""
    pattern = rf'<(span|div) class="math math-{kind or "(?:inline|display)"}">(.*?)</\1>'
    return [unescape(match.group(2)) for match in re.finditer(pattern, html, re.S)]


def _assert_safe(html: str) -> None:
    for tag, attributes in _parse(html).elements:
        assert tag not in _UNSAFE_TAGS, html
        for name, value in attributes.items():
            assert not name.startswith("on"), html
            assert name != "style", html
            if name in _URL_ATTRIBUTES:
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).split(":", 1)[0].lower()
                assert scheme not in {"javascript", "vbscript", "data"} or ":" not in value, html


# --- Math delimiters -------------------------------------------------------------------


def test_it_renders_inline_dollar_math_without_emphasis() -> None:
    html = render_markdown("Take $a_1 * b_2 * c_3$ and $x_i$ here.")

    assert _math(html, "inline") == ["a_1 * b_2 * c_3", "x_i"]
    assert "<em>" not in html


def test_it_keeps_underscores_and_asterisks_between_two_formulas_out_of_emphasis() -> None:
    html = render_markdown("From $a_1$ to $b_1$ and from $x*y$ to $z*w$.")

    assert _math(html) == ["a_1", "b_1", "x*y", "z*w"]
    assert "<em>" not in html and "<strong>" not in html


def test_it_keeps_backslashes_in_math() -> None:
    html = render_markdown(r"Ratio $\frac{\alpha}{\beta} \cdot \{x\}$ stays.")

    assert _math(html) == [r"\frac{\alpha}{\beta} \cdot \{x\}"]


def test_it_renders_double_dollar_math_on_its_own_lines_as_display_math() -> None:
    html = render_markdown("Before.\n\n$$\nE = mc^2\n$$\n\nAfter.")

    assert '<div class="math math-display">' in html
    assert _math(html, "display") == ["E = mc^2"]
    assert "<p>After.</p>" in html


def test_it_renders_display_math_that_directly_follows_a_line_of_text() -> None:
    html = render_markdown("The loss is\n$$\nL = -\\log p\n$$\nwhich we minimise.")

    assert _math(html, "display") == ["L = -\\log p"]
    assert "which we minimise." in html


def test_it_renders_double_dollar_math_inside_a_sentence_inline() -> None:
    html = render_markdown("The posterior $$p_{\\theta}(z)$$ is intractable.")

    assert _math(html, "inline") == ["p_{\\theta}(z)"]
    assert html.startswith("<p>The posterior <span")


def test_it_shows_display_only_environments_inside_a_sentence_as_display_math() -> None:
    text = r"flattened: $$ \begin{align*} a &= b \\ c &= d \end{align*} $$ and more"

    html = render_markdown(text)

    assert _math(html, "display") == [r"\begin{align*} a &= b \\ c &= d \end{align*}"]
    assert '<span class="math math-display">' in html  # a div would break the paragraph


def test_it_renders_parenthesis_math_inline() -> None:
    html = render_markdown(r"Inline \(a_i^2 + b_{*}\) math.")

    assert _math(html, "inline") == ["a_i^2 + b_{*}"]


def test_it_renders_bracket_math_on_its_own_lines_as_display_math() -> None:
    html = render_markdown("\\[\n\\mathbb{E}_{q}[\\log p(x|z)]\n\\]")

    assert _math(html, "display") == [r"\mathbb{E}_{q}[\log p(x|z)]"]
    assert html.startswith('<div class="math math-display">')


def test_it_renders_bracket_math_inside_a_sentence_as_display_math() -> None:
    html = render_markdown(r"so that \[ \sum_i w_i = 1 \] holds.")

    assert _math(html, "display") == [r"\sum_i w_i = 1"]


def test_it_shows_an_escaped_citation_in_brackets_as_text() -> None:
    html = render_markdown(r"As shown in \[12\] and \[3, 4\].")

    assert _math(html) == []
    assert "As shown in [12] and [3, 4]." in html


def test_it_keeps_a_tex_line_break_inside_parenthesis_math() -> None:
    html = render_markdown(r"Matrix \(\begin{matrix} a \\ b \end{matrix}\) here.")

    assert _math(html) == [r"\begin{matrix} a \\ b \end{matrix}"]


def test_it_renders_math_fences_as_display_math() -> None:
    html = render_markdown("```math\nz_t = \\sigma(W_z x_t)\n```")

    assert _math(html, "display") == [r"z_t = \sigma(W_z x_t)"]
    assert "<code" not in html


@pytest.mark.parametrize(
    "tex",
    [
        r"\begin{aligned} a &= b + c \\ d &= e \end{aligned}",
        r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}",
        r"A = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}",
        r"\underbrace{a + b}_{\text{sum}} \in \mathbb{R}",
        r"\left( \frac{a}{b} \right)^{2} \left\| x \right\|",
    ],
)
def test_it_keeps_latex_environments_and_commands_verbatim(tex: str) -> None:
    for text in (f"$$\n{tex}\n$$", f"Inline ${tex}$ too.", f"```math\n{tex}\n```"):
        assert _math(render_markdown(text)) == [tex]


def test_it_renders_bare_amsmath_environments_as_display_math() -> None:
    tex = "\\begin{align*}\na &= b \\\\\nc &= d\n\\end{align*}"

    html = render_markdown(f"Text.\n\n{tex}\n\nMore.")

    assert _math(html, "display") == [tex]


def test_it_keeps_display_math_in_a_block_quote_without_the_quote_markers() -> None:
    html = render_markdown("> Quoted:\n> $$\n> x_1 + x_2\n> $$")

    assert "<blockquote>" in html
    assert _math(html, "display") == ["x_1 + x_2"]


@pytest.mark.parametrize(
    "text",
    [
        "It costs $5 and $10.",
        "Prices: $5, $10 and $20.",
        "From $5/$10 a month.",
        r"An escaped \$x\$ is text.",
        "Code `$x$` is code.",
    ],
)
def test_it_leaves_dollar_signs_in_prose_alone(text: str) -> None:
    assert _math(render_markdown(text)) == []


def test_it_finds_math_after_dollar_amounts_in_the_same_sentence() -> None:
    html = render_markdown("Between $5 and $10, or $x$ dollars.")

    assert _math(html) == ["x"]
    assert "Between $5 and $10, or" in html


def test_it_reads_math_in_table_cells_with_escaped_pipes() -> None:
    text = "| model | posterior |\n|---|---|\n| VAE | $$q_\\phi(z\\|x)$$ and $p(x\\|z)$ |"

    html = render_markdown(text)

    assert _math(html) == ["q_\\phi(z|x)", "p(x|z)"]
    assert html.count("<td>") == 2


def test_it_escapes_html_inside_math_so_it_stays_tex() -> None:
    html = render_markdown("$a<b>c$ and $</span><script>alert(1)</script>$")

    assert _math(html) == ["a<b>c", "</span><script>alert(1)</script>"]
    _assert_safe(html)


def test_a_stray_double_dollar_does_not_swallow_the_rest_of_the_summary() -> None:
    html = render_markdown("Start\n\n$$\n\nFirst paragraph.\n\nSecond paragraph.")

    assert _math(html) == []
    assert "<p>First paragraph.</p>" in html and "<p>Second paragraph.</p>" in html


# --- Liquid and other literal text -----------------------------------------------------


def test_it_shows_liquid_tags_literally() -> None:
    text = "See [post]({{ site.baseurl }}{% post_url 2020-05-28-x %}) and {{ page.title | escape }}"

    html = render_markdown(text)

    assert "{{ site.baseurl }}{% post_url 2020-05-28-x %}" in html
    assert "{{ page.title | escape }}" in html
    assert _math(html) == []


# --- Markdown features -----------------------------------------------------------------


def test_it_highlights_fenced_code_with_css_classes_not_inline_styles() -> None:
    html = render_markdown("```python\ndef area(r):\n    return 3.14 * r ** 2\n```")

    assert '<div class="highlight">' in html
    assert '<span class="k">def</span>' in html
    assert "style=" not in html


def test_it_shows_code_in_an_unknown_language_as_escaped_plain_text() -> None:
    html = render_markdown("```madeup-lang\n<b>$x$</b>\n```")

    assert html == "<pre><code>&lt;b&gt;$x$&lt;/b&gt;\n</code></pre>\n"


def test_it_renders_tables_with_alignment_but_without_style_attributes() -> None:
    html = render_markdown("| left | right |\n|:--|--:|\n| a | b |")

    assert '<th align="left">left</th>' in html
    assert '<td align="right">b</td>' in html
    assert "style" not in html


def test_it_renders_footnotes_whose_links_reach_their_targets() -> None:
    html = render_markdown("A claim[^source].\n\n[^source]: The paper, section 2.")

    elements = _parse(html).elements
    ids = {attributes["id"] for _, attributes in elements if "id" in attributes}
    targets = {a["href"][1:] for tag, a in elements if tag == "a" and a["href"].startswith("#")}
    assert targets and targets <= ids
    assert "The paper, section 2." in html


def test_it_renders_task_lists_as_disabled_checkboxes() -> None:
    html = render_markdown("- [x] read the paper\n- [ ] write the summary")

    boxes = [attributes for tag, attributes in _parse(html).elements if tag == "input"]
    assert [("checked" in box, box["type"], box["disabled"]) for box in boxes] == [
        (True, "checkbox", "disabled"),
        (False, "checkbox", "disabled"),
    ]
    assert 'class="task-list-item"' in html


def test_it_renders_strikethrough() -> None:
    assert render_markdown("~~wrong~~ right") == "<p><s>wrong</s> right</p>\n"


def test_it_renders_block_quotes() -> None:
    html = render_markdown("> Weight sharing reduces free parameters.")

    assert html == "<blockquote>\n<p>Weight sharing reduces free parameters.</p>\n</blockquote>\n"


def test_it_renders_images_and_keeps_relative_urls() -> None:
    html = render_markdown('![Network](../images/Screenshot_2024.png "Figure 1")')

    assert '<img src="../images/Screenshot_2024.png" alt="Network" title="Figure 1">' in html


def test_it_maps_image_urls_through_the_hook() -> None:
    html = render_markdown(
        "![a](fig.png) and ![b](https://example.org/b.png)",
        image_url=lambda src: f"/attachments/{src}" if "://" not in src else src,
    )

    assert '<img src="/attachments/fig.png" alt="a">' in html
    assert '<img src="https://example.org/b.png" alt="b">' in html


def test_it_still_sanitises_what_the_image_hook_returns() -> None:
    html = render_markdown("![a](fig.png)", image_url=lambda src: "javascript:alert(1)")

    _assert_safe(html)
    assert "javascript" not in html


def test_it_gives_headings_prefixed_anchors_that_fragment_links_reach() -> None:
    html = render_markdown("## Network Design\n\nSee [the design](#network-design).")

    assert f'<h2 id="{ID_PREFIX}network-design">Network Design</h2>' in html
    assert f'href="#{ID_PREFIX}network-design"' in html


def test_links_get_nofollow_and_noopener() -> None:
    html = render_markdown("[paper](https://arxiv.org/abs/1512.03385)")

    assert 'rel="nofollow noopener"' in html


def test_render_inline_has_no_paragraph_wrapper() -> None:
    assert render_inline("Why *ResNets* learn $F(x) = H(x) - x$") == (
        'Why <em>ResNets</em> learn <span class="math math-inline">F(x) = H(x) - x</span>'
    )


def test_render_inline_is_sanitised_too() -> None:
    html = render_inline("<img src=x onerror=alert(1)> [x](javascript:alert(1))")

    _assert_safe(html)
    assert "<img" not in html


# --- Sanitising ------------------------------------------------------------------------

HOSTILE_MARKDOWN = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<p style="position:fixed;top:0">cover</p>',
    "[x](<javascript:alert(1)>)",
    "<a href='javascript:alert(1)'>x</a>",
]


@pytest.mark.parametrize("text", HOSTILE_MARKDOWN)
def test_it_renders_hostile_markdown_harmlessly(text: str) -> None:
    _assert_safe(render_markdown(text))


@pytest.mark.parametrize("tag", ["style", "textarea", "title", "xmp", "noscript", "plaintext"])
def test_an_unclosed_raw_text_tag_does_not_swallow_the_following_content(tag: str) -> None:
    html = render_markdown(f"<{tag}>\n\nThe following paragraph.\n\n## A heading")

    assert "The following paragraph." in "".join(_parse(html).text)
    assert "A heading</h2>" in html
    _assert_safe(html)


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href=" &#106;avascript:alert(1)">x</a>',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)><circle/></svg>",
        '<iframe src="https://evil.example"></iframe>',
        '<p style="color:red" onclick="alert(1)">x</p>',
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        '<form action="https://evil.example"><input type="text" name="password"></form>',
        '<object data="x.swf"></object><embed src="x.swf">',
    ],
)
def test_sanitise_html_removes_scripts_handlers_styles_and_bad_urls(hostile: str) -> None:
    _assert_safe(sanitise_html(hostile))


def test_sanitise_html_keeps_the_markup_papershelf_renders() -> None:
    html = (
        '<p><span class="math math-inline">x</span> <a href="/papers/1">paper</a></p>'
        '<div class="highlight"><pre><code><span class="k">def</span></code></pre></div>'
    )

    assert sanitise_html(html) == html.replace('">paper', '" rel="nofollow noopener">paper')


def test_sanitise_html_drops_unknown_classes() -> None:
    assert sanitise_html('<div class="math modal fixed">x</div>') == '<div class="math">x</div>'


def test_sanitise_html_turns_any_input_into_a_disabled_checkbox() -> None:
    html = sanitise_html('<input type="text" name="password" value="x">')

    assert _parse(html).elements == [("input", {"type": "checkbox", "disabled": "disabled"})]


def test_sanitise_html_prefixes_ids_once_so_they_cannot_clobber_the_page() -> None:
    once = sanitise_html('<h2 id="content">x</h2><a href="#content">up</a>')

    assert 'id="md-content"' in once and 'href="#md-content"' in once
    assert sanitise_html(once) == once


# --- Plain text ------------------------------------------------------------------------


def test_plain_text_strips_markdown_syntax() -> None:
    text = "# Title\n\nA **bold** [link](https://x.org) and ![diagram](a.png) with `code`."

    assert plain_text(text) == "Title\nA bold link and diagram with code."


def test_plain_text_keeps_math_as_its_tex_source() -> None:
    text = "Energy $E=mc^2$ and \\(a_1\\).\n\n$$\n\\sum_i x_i\n$$\n\n```math\n\\alpha\n```"

    assert plain_text(text) == "Energy E=mc^2 and a_1.\n\\sum_i x_i\n\\alpha"


def test_plain_text_includes_lists_tables_code_and_footnotes_but_no_checkbox_markup() -> None:
    text = (
        "- [x] done item\n\n| a | b |\n|---|---|\n| c | d |\n\n"
        "```py\nprint(1)\n```\n\nClaim[^n].\n\n[^n]: Footnote text."
    )

    lines = plain_text(text).split("\n")

    assert lines == ["done item", "a", "b", "c", "d", "print(1)", "Claim.", "Footnote text."]


# --- Speed and static files ------------------------------------------------------------


def test_a_20_kb_summary_renders_every_math_table_and_code_section() -> None:
    # How fast it renders is measured by benchmarks/render_bench.py: a timing assertion
    # failed whenever the machine was busy.
    section = (
        "## Results\n\nWe minimise $\\mathcal{L}(\\theta) = \\sum_i \\ell(x_i)$ with **Adam**.\n\n"
        "$$\n\\hat{m}_t = \\frac{m_t}{1 - \\beta_1^t}\n$$\n\n"
        "| model | top-1 |\n|---|--:|\n| ResNet-50 | 76.1 |\n\n"
        "```python\nfor x in batch:\n    loss = model(x)\n```\n\n> A quoted passage.\n\n"
    )
    copies = 20_000 // len(section)
    text = section * copies

    html = render_markdown(text)

    assert html.count("<table") == copies
    assert html.count("math-display") == copies
    assert html.count("math-inline") == copies
    assert html.count("<blockquote>") == copies
    assert html.count('class="highlight"') == copies
    assert html.count("Adam</strong>") == copies


@pytest.mark.parametrize(
    "text",
    [
        "\\[a\n" * 10_000,
        "\\(a " * 10_000,
        "$$a\n" * 10_000,
        "\\begin{align}\n" * 5_000,
    ],
    ids=["bracket-lines", "parenthesis-openers", "double-dollar-lines", "amsmath-openers"],
)
def test_math_openers_without_closers_still_render_the_page(text: str) -> None:
    # Their speed (each once took seconds) is measured in benchmarks/render_bench.py.
    html = render_markdown(text)
    assert html.count("a") >= 5_000  # nothing of the text is lost


def test_the_committed_pygments_css_matches_the_configured_style() -> None:
    committed = (STATIC / "papershelf" / "pygments.css").read_text()

    assert committed == pygments_css()
    assert not re.search(r"^pre\b", committed, re.M)  # only code blocks are restyled


def test_the_committed_dark_pygments_css_matches_the_configured_dark_style() -> None:
    committed = (STATIC / "papershelf" / "pygments-dark.css").read_text()

    assert committed == pygments_dark_css()
    assert not re.search(r"^pre\b", committed, re.M)


def test_the_vendored_katex_has_every_font_its_stylesheet_names() -> None:
    katex = STATIC / "vendor" / "katex" / KATEX_VERSION

    fonts = re.findall(r"url\((fonts/[^)]+)\)", (katex / "katex.min.css").read_text())

    assert fonts and all((katex / font).is_file() for font in fonts)
    assert (katex / "katex.min.js").is_file() and (katex / "LICENSE").is_file()


def test_math_js_renders_both_kinds_of_math_element_without_trusting_the_tex() -> None:
    script = (STATIC / "papershelf" / "math.js").read_text()

    assert ".math-inline, .math-display" in script
    assert "window.papershelfRenderMath" in script
    assert "trust: false" in script and "throwOnError: false" in script


# --- Real documents --------------------------------------------------------------------


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed document {path} is not available")
    return path.read_text(encoding="utf-8")


def test_it_renders_the_notion_export_with_its_math_and_nothing_executable() -> None:
    html = render_markdown(_seed("notion-papers.md"))

    assert len(_math(html, "inline")) > 100
    assert len(_math(html, "display")) > 10  # the ```math fences
    assert r"\frac{\partial{y_k(t+1)}}{\partial{w_{ij}}}" in _math(html)
    assert "<script" not in html
    _assert_safe(html)


def test_it_renders_the_jekyll_bookmarks_with_liquid_as_text_and_double_dollar_math() -> None:
    html = render_markdown(_seed("bookmarks-jekyll.md"))

    assert "{{ site.baseurl }}{% post_url" in html
    assert {"M_0", "w_{SWA}", "\\epsilon \\sim N(0,1)"} <= set(_math(html))
    assert "<script" not in html
    _assert_safe(html)


def test_it_renders_flattened_shortscience_summaries_with_display_environments() -> None:
    html = render_markdown(_seed("shortscience-page.txt"))

    assert any(tex.startswith(r"\begin{align*}") for tex in _math(html, "display"))
    _assert_safe(html)
