"""The published seeds in a real chromium, opened from disk (file://) as a reader would.

For a sample of pages of each layout — the home page, the paper pages with the most
math, a reading list, a topic and a year — every formula is typeset by KaTeX with no
error, no TeX delimiter is left in the text a reader sees, and every link on the page
opens a file that exists. The search page finds a paper and its link opens it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from papershelf.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db]

LAYOUTS = ["shelf", "bookmarks", "blog", "path", "course"]
# $$…$$, \(…\), \[…\], \begin{…}, and $…$ holding TeX (a backslash, ^ or _) within one
# paragraph; a lone dollar (one seed note has "regularizing $\phi```") is only a dollar.
RAW_TEX = re.compile(r"\$\$|\\\(|\\\[|\\begin\{|\$[^$\s][^$\n]*?[\\^_][^$\n]*?\$")
VISIBLE_PROSE = """() => {
  const main = document.querySelector("main").cloneNode(true);
  main.querySelectorAll("pre, code, .katex, script").forEach((node) => node.remove());
  return main.textContent;
}"""
LINKS = """() => Array.from(document.querySelectorAll("[href], [src]"))
  .map((node) => node.href || node.src)
  .filter((url) => url.startsWith("file:"))"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the tests' database
    # transactions are still synchronous and safe.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def sample(site: Path) -> list[Path]:
    """Home, the three paper pages with the most math, a list, a topic and a year."""
    papers = sorted(site.glob("papers/*-*.html"), key=lambda p: -p.read_text().count('class="math'))
    return [
        site / "index.html",
        *papers[:3],
        max(site.glob("lists/*-*.html"), key=lambda p: p.stat().st_size),
        site / "topics/vision.html",
        site / "years/2017.html",
    ]


def page_errors(page, console: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    # Pictures on other sites cannot load offline; anything else logged is a fault.
    return [line for line in console if "net::ERR_" not in line]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_page_typesets_its_math_and_every_link_opens_a_file(
    published: dict[str, Path], browser, layout: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: console.append(str(error)))
    formulas = 0
    for path in sample(published[layout]):
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.wait_for_function("() => window.katex !== undefined")
        math = page.locator(".math-inline, .math-display")
        typeset = page.locator(".math-inline .katex, .math-display .katex")
        assert math.count() == typeset.count(), path
        formulas += math.count()
        assert page.locator(".katex-error").count() == 0, path
        assert RAW_TEX.findall(page.evaluate(VISIBLE_PROSE)) == [], path
        for url in page.evaluate(LINKS):
            target = Path(re.sub(r"[?#].*$", "", url.removeprefix("file://")))
            assert target.is_file(), f"{path.name}: {url}"
    assert formulas > 50
    assert page_errors(page, console) == []
    context.close()


def test_the_search_box_finds_a_paper_and_opens_its_page(
    published: dict[str, Path], browser
) -> None:
    page = browser.new_page()
    page.goto((published["blog"] / "papers" / "index.html").as_uri())
    page.fill(".search-form input", "residual")
    with page.expect_navigation():
        page.press(".search-form input", "Enter")
    assert page.url.split("?")[0].endswith("/search.html")
    results = page.locator("#search-results a")
    results.first.wait_for()
    assert "Residual" in " ".join(results.all_text_contents())
    page.fill("#search-input", "attention all you need")
    page.locator("#search-results a", has_text="Attention Is All You Need").first.click()
    page.wait_for_load_state("load")
    assert "Attention Is All You Need" in (page.locator("h1").text_content() or "")
    page.close()
