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
