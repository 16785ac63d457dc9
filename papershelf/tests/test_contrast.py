"""WCAG contrast of the stylesheet's colour tokens, in the light and the dark scheme.

Text pairs need 4.5:1 (AA for body text), the borders of form fields 3:1 (AA for the
parts of a control). The pairs are the ones the stylesheet puts together; a new token
or a new pairing belongs here too. The browser check of the same on real pages is
papershelf/tests/test_dark_mode_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[1] / "static" / "papershelf"
STYLE = (STATIC / "style.css").read_text()

# (foreground, background, where the pair is seen)
TEXT_PAIRS = [
    ("ink", "bg", "body text"),
    ("ink", "card", "text on cards, the header, summaries"),
    ("ink", "field-bg", "typed text in a field"),
    ("ink", "accent-soft", "the chosen type-ahead suggestion, active tabs"),
    ("ink", "subtle-bg", "table headings"),
    ("ink", "code-bg", "code blocks"),
    ("ink", "code-inline-bg", "inline code"),
    ("ink", "error-bg", "an error message"),
    ("ink", "success-bg", "a success message"),
    ("ink", "warning-bg", "a warning message"),
    ("ink-soft", "subtle-bg", "quotations"),
    ("ink-soft", "card", "a reading list's notes"),
    ("muted", "bg", "muted text: meta lines, counts"),
    ("muted", "card", "muted text on cards"),
    ("muted", "subtle-bg", "the editor's section label"),
    ("muted", "accent-soft", "a suggestion's authors when chosen"),
    ("accent", "bg", "links"),
    ("accent", "card", "links and outlined buttons on cards"),
    ("accent", "accent-soft", "links in tags, the active tab"),
    ("on-accent", "accent", "primary buttons"),
    ("danger", "bg", "errors beside fields, remove links"),
    ("danger", "card", "danger links on cards"),
    ("danger", "error-bg", "the error summary"),
    ("on-danger", "danger", "the unread count"),
    ("success", "card", "an accepted answer's mark"),
    ("del-ink", "del-bg", "deleted words in a diff"),
    ("ins-ink", "ins-bg", "inserted words in a diff"),
    ("mark-ink", "mark-bg", "search matches"),
]
CONTROL_PAIRS = [("field-line", "field-bg", "a form field's border")]


def _declarations(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):\s*([^;]+);", block))


def tokens(scheme: str) -> dict[str, str]:
    """The tokens in force: :root's, with the dark media query's over them for dark."""
    light = _declarations(STYLE[STYLE.index(":root {") : STYLE.index("}", STYLE.index(":root {"))])
    if scheme == "light":
        return light
    media = STYLE.index("@media (prefers-color-scheme: dark)")
    block = STYLE[STYLE.index(":root {", media) : STYLE.index("}", STYLE.index(":root {", media))]
    return {**light, **_declarations(block)}


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of #rgb or #rrggbb."""
    hex_digits = colour.strip().lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    channels = [int(hex_digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    high, low = sorted([luminance(first), luminance(second)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_gives_wcags_known_values() -> None:
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#777", "#fff") == pytest.approx(4.48, abs=0.01)  # just under AA
    assert contrast("#fff", "#fff") == 1


def test_every_colour_in_the_stylesheets_comes_from_a_token() -> None:
    sheets = {
        "style.css": STYLE[STYLE.index("}", STYLE.index(":root {", STYLE.index("@media"))) :],
        "search.css": (STATIC.parents[1] / "search/static/search/search.css").read_text(),
        "community.css": (
            STATIC.parents[1] / "discussions/static/community/community.css"
        ).read_text(),
    }
    for name, text in sheets.items():
        literal = re.findall(
            r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(|(?<![-\w])(?:white|black)(?![-\w])", text
        )
        assert literal == [], f"{name} has colours outside the tokens: {literal}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_colours_meet_wcag_aa_on_their_backgrounds(scheme: str) -> None:
    colours = tokens(scheme)
    failing = [
        f"{fg} on {bg} ({where}): {contrast(colours[fg], colours[bg]):.2f}"
        for fg, bg, where in TEXT_PAIRS
        if contrast(colours[fg], colours[bg]) < 4.5
    ]
    assert failing == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_form_fields_are_outlined_clearly_enough_to_find(scheme: str) -> None:
    colours = tokens(scheme)
    for fg, bg, where in CONTROL_PAIRS:
        assert contrast(colours[fg], colours[bg]) >= 3, where


@pytest.mark.parametrize(
    ("sheet", "scheme"), [("pygments.css", "light"), ("pygments-dark.css", "dark")]
)
def test_highlighted_code_is_readable_on_the_code_background(sheet: str, scheme: str) -> None:
    code_bg = tokens(scheme)["code-bg"]
    rules = re.findall(r"^(\.highlight[^{]*)\{([^}]*)\}", (STATIC / sheet).read_text(), re.M)
    failing = []
    for selector, body in rules:
        for colour in re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", body):
            if selector.strip() != ".highlight .w" and contrast(colour, code_bg) < 4.5:
                failing.append(f"{selector.strip()} {colour}: {contrast(colour, code_bg):.2f}")
    assert failing == []
