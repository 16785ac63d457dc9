"""Search as a reader uses it: suggestions while typing, arrow keys, instant results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from papershelf.papers.services import PaperData, create_paper

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def papers(transactional_db: None) -> Iterator[None]:
    create_paper(
        PaperData(
            title="Deep Residual Learning for Image Recognition",
            authors=["Kaiming He", "Xiangyu Zhang"],
            year=2016,
            abstract="A residual learning framework eases training of very deep networks.",
        )
    )
    create_paper(
        PaperData(
            title="Batch Normalization: Accelerating Deep Network Training",
            authors=["Sergey Ioffe", "Christian Szegedy"],
            year=2015,
            abstract="We normalize layer inputs for each training mini-batch.",
        )
    )
    yield


@pytest.mark.usefixtures("papers")
def test_suggestions_appear_while_typing_and_the_keyboard_opens_one(
    page: Page,
    live_server: LiveServer,
    console_errors: list[str],
) -> None:
    page.goto("/")
    box = page.locator("form[data-typeahead] input[name=q]")
    box.press_sequentially("resid", delay=30)
    suggestion = page.locator("ul.typeahead li")
    expect(suggestion).to_have_count(1)
    expect(suggestion).to_contain_text("Deep Residual Learning")
    box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")
    expect(page.locator("h1")).to_have_text("Deep Residual Learning for Image Recognition")
    assert console_errors == []


@pytest.mark.usefixtures("papers")
def test_the_results_page_updates_as_the_query_changes_without_reloading(
    page: Page,
    console_errors: list[str],
) -> None:
    page.goto("/search?q=residual&mode=keyword")
    expect(page.locator(".search-hit")).to_have_count(1)
    page.evaluate("window.stillTheSamePage = true")
    box = page.locator("form[data-instant] input[name=q]")
    box.fill("")
    box.press_sequentially("au:ioffe", delay=30)
    expect(page.locator(".search-hit")).to_contain_text("Batch Normalization")
    assert page.evaluate("window.stillTheSamePage") is True
    assert "q=au%3Aioffe" in page.url
    assert console_errors == []


@pytest.mark.usefixtures("papers")
def test_the_search_box_is_a_combobox_that_a_screen_reader_can_follow(
    page: Page,
    console_errors: list[str],
) -> None:
    page.goto("/")
    box = page.get_by_role("combobox", name="Search papers and notes")
    expect(box).to_have_attribute("aria-autocomplete", "list")
    expect(box).to_have_attribute("aria-expanded", "false")
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    expect(listbox).to_have_attribute("role", "listbox")

    box.press_sequentially("deep", delay=30)
    options = listbox.get_by_role("option")
    expect(options).to_have_count(2)
    expect(box).to_have_attribute("aria-expanded", "true")
    assert box.get_attribute("aria-activedescendant") is None  # nothing chosen yet
    first, second = (options.nth(i).get_attribute("id") for i in range(2))
    assert first and second and first != second

    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", first)
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", second)
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    box.press("ArrowUp")
    expect(box).to_have_attribute("aria-activedescendant", first)
    expect(box).to_be_focused()  # the focus never leaves the box

    box.press("Escape")  # closes the list, keeps what was typed
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.get_attribute("aria-activedescendant") is None
    expect(box).to_have_value("deep")

    box.press("ArrowDown")  # opens it again
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    title = options.nth(0).locator("a").evaluate("a => a.firstChild.textContent")
    with page.expect_navigation():
        box.press("Enter")
    expect(page.locator("h1")).to_have_text(title)
    assert console_errors == []
