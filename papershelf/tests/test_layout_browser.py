"""The layout a person meets at a laptop's and a phone's width, measured in chromium.

The header is one row on a laptop even for a moderator with a long name, and a Menu on a
phone; the editor shows its preview beside the text or under it; a short page keeps its
footer at the bottom; the abstract reads at a book's measure; the keyboard's focus shows.
"""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import FloatRect, Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.conftest import PASSWORD
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.summaries.services import SummaryData, create_summary

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ABSTRACT = (
    "The dominant sequence transduction models are based on complex recurrent or "
    "convolutional neural networks that include an encoder and a decoder. "
) * 5


@pytest.fixture
def moderator(transactional_db: None) -> User:
    """An administrator with a long name: the most links the header ever holds."""
    return create_user("maximiliana-vandenberg", PASSWORD, "max@example.org", admin=True)


@pytest.fixture
def paper(moderator: User) -> Paper:
    data = PaperData(title="Attention Is All You Need", abstract=ABSTRACT, year=2017)
    return create_paper(data, added_by=moderator)


def log_in(page: Page, live_server: LiveServer, user: User) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])


def test_the_header_is_one_row_on_a_laptop(
    page: Page, live_server: LiveServer, moderator: User
) -> None:
    log_in(page, live_server, moderator)
    page.goto("/")
    links = page.locator(".nav-links > a, .user-menu > summary, .nav-search, .nav-add")
    expect(links.first).to_be_visible()
    middles = {round(box["y"] + box["height"] / 2) for box in _boxes(links)}
    assert max(middles) - min(middles) <= 4, f"the header wraps: rows at {sorted(middles)}"
    expect(page.get_by_role("link", name="Queue")).to_be_visible()  # nothing folded away


def test_on_a_phone_the_links_fold_into_a_menu_that_opens_and_closes(
    page: Page, live_server: LiveServer, moderator: User, console_errors: list[str]
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, moderator)
    page.goto("/")
    header = page.locator(".site-header")
    closed = header.bounding_box()
    assert closed and closed["height"] < 120  # brand, "+ Paper" and Menu; search below
    papers = page.locator(".nav-links").get_by_role("link", name="Papers")
    expect(papers).to_be_hidden()
    menu = page.locator(".nav-menu > summary")
    menu.click()
    expect(papers).to_be_visible()
    expect(page.get_by_role("link", name="Notifications")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    menu.click()
    expect(papers).to_be_hidden()
    assert console_errors == []


def _boxes(locator: Locator) -> list[FloatRect]:
    boxes = [item.bounding_box() for item in locator.all()]
    return [box for box in boxes if box and box["width"] > 0]


@pytest.mark.parametrize(("width", "beside"), [(1280, True), (390, False)])
def test_the_preview_sits_beside_the_text_on_a_laptop_and_under_it_on_a_phone(
    page: Page, live_server: LiveServer, moderator: User, paper: Paper, width: int, beside: bool
) -> None:
    summary = create_summary(paper, moderator, SummaryData(body="Costs $O(n^2)$ per layer."))
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, moderator)
    page.goto(f"/summaries/{summary.pk}/edit")
    expect(page.locator("#preview .katex")).to_have_count(1)
    text = page.locator("textarea[name=body]").bounding_box()
    preview = page.locator("#preview").bounding_box()
    assert text and preview
    if beside:
        assert preview["x"] >= text["x"] + text["width"]
        assert abs(preview["y"] - text["y"]) < 200
    else:
        assert preview["y"] >= text["y"] + text["height"]
        assert text["width"] <= width and preview["width"] <= width


def test_a_short_page_keeps_its_footer_at_the_bottom_of_the_window(page: Page) -> None:
    page.goto("/accounts/login/")
    bottom = page.evaluate("document.querySelector('.site-footer').getBoundingClientRect().bottom")
    assert bottom == pytest.approx(900, abs=1)


def test_the_abstract_reads_at_a_books_measure_not_the_windows_width(
    page: Page, paper: Paper
) -> None:
    page.goto(paper.get_absolute_url())
    per_line = page.evaluate(
        """() => {
          const p = document.querySelector('.abstract p');
          const range = document.createRange();
          range.selectNodeContents(p);
          const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
          return p.textContent.trim().length / lines.size;
        }"""
    )
    assert 45 <= per_line <= 95, f"{per_line:.0f} characters a line"


def test_the_keyboards_focus_is_outlined(page: Page, paper: Paper) -> None:
    page.goto(paper.get_absolute_url())
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; })()"
    )
    assert outline[0] in {"A", "INPUT", "BUTTON"} and outline[1] != "none", outline
    assert float(outline[2].removesuffix("px")) >= 2
