"""Text stays readable in the light and the dark scheme, measured in chromium.

For each main page (as alice, who owns everything on the shelf) and the open
type-ahead, every visible piece of text is compared with the background it is drawn
on, as computed by the browser: WCAG AA, 4.5:1, for all of it. The tokens themselves
are checked without a browser in papershelf/tests/test_contrast.py.
"""

from __future__ import annotations

from typing import Literal

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from papershelf.tests.test_pages_browser import Shelf, log_in, shelf  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Each element with text of its own, its colour over the background it sits on (the
# first opaque one up the tree, with translucent ones blended over it).
LOW_CONTRAST = """
() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour && colour.a > 0) { layers.push(colour); if (colour.a >= 1) break; }
    }
    let colour = layers.length ? layers.pop() : { r: 255, g: 255, b: 255, a: 1 };
    while (layers.length) colour = over(layers.pop(), colour);
    return colour;
  };
  const ownText = (e) => ["INPUT", "SELECT", "TEXTAREA"].includes(e.tagName)
    ? (e.value || "").trim()
    : [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
  const shown = (e) => e.getClientRects().length && getComputedStyle(e).visibility === "visible"
    && e.getBoundingClientRect().width > 1;
  const low = [];
  for (const e of document.querySelectorAll("body *")) {
    const text = ownText(e);
    if (!text || !shown(e) || e.closest("[hidden], .visually-hidden") || e.disabled) continue;
    const bg = background(e);
    const fg = over(parse(getComputedStyle(e).color), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < 4.5) {
      const what = `${e.tagName.toLowerCase()}.${e.className} "${text.slice(0, 30)}"`;
      low.push(`${what} ${ratio.toFixed(2)}`);
    }
  }
  return low;
}
"""


def _pages(on: Shelf) -> dict[str, str]:
    return {
        "home": "/",
        "papers": "/papers/",
        "paper": on.paper_url,
        "summary": f"/summaries/{on.summary_pk}/",
        "editor": f"/summaries/{on.summary_pk}/edit",
        "paper-form": "/papers/new/",
        "topic": on.topic_url,
        "list": f"/lists/{on.list_pk}/",
        "list-editor": f"/lists/{on.list_pk}/edit",
        "search": "/search?q=attention",
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_all_text_on_the_main_pages_meets_wcag_aa_in_both_schemes(
    page: Page,
    live_server: LiveServer,
    shelf: Shelf,  # noqa: F811  (the fixture imported above)
    scheme: Literal["light", "dark"],
    console_errors: list[str],
) -> None:
    page.emulate_media(color_scheme=scheme)
    log_in(page, live_server, shelf.alice)
    problems: list[str] = []
    for name, url in _pages(shelf).items():
        page.goto(url)
        page.wait_for_timeout(150)  # KaTeX typesets on DOMContentLoaded
        problems += [f"{name}: {low}" for low in page.evaluate(LOW_CONTRAST)]

    page.goto("/")
    box = page.get_by_role("combobox", name="Search papers and notes")
    box.press_sequentially("atten", delay=20)
    expect(page.get_by_role("option").first).to_be_visible()
    box.press("ArrowDown")  # the chosen suggestion has a background of its own
    problems += [f"type-ahead: {low}" for low in page.evaluate(LOW_CONTRAST)]

    assert problems == [], "\n".join(problems)
    assert console_errors == []


def test_the_dark_scheme_is_dark_and_code_blocks_follow_it(
    page: Page,
    live_server: LiveServer,
    shelf: Shelf,  # noqa: F811
) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(f"/summaries/{shelf.summary_pk}/")
    body = page.evaluate("getComputedStyle(document.body).backgroundColor")
    code = page.locator(".prose pre").first.evaluate("e => getComputedStyle(e).backgroundColor")
    keyword = page.locator(".highlight .k").first.evaluate("e => getComputedStyle(e).color")
    assert body == "rgb(20, 23, 28)"
    assert code == "rgb(13, 17, 23)"
    assert keyword == "rgb(255, 123, 114)"  # github-dark's, not the light style's green
