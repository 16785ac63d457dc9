"""The reading-list editor and "Add to" in a real chromium against a live server.

alice arranges her list: drags a paper, drags a whole section with its papers, moves
rows with ↑/↓ and with the keyboard, all saved without a reload (the order is still
there after one); without JavaScript the ↑/↓ forms still post. From a paper's page she
adds it into a chosen section of one of her lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pytest
from playwright.sync_api import Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.conftest import PASSWORD
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.models import ReadingList
from papershelf.readinglists.services import add_heading, add_paper, create_list
from papershelf.tests.test_pages_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@dataclass
class Course:
    alice: User
    reading_list: ReadingList
    spare: Paper  # on alice's shelf, in no list yet

    @property
    def editor(self) -> str:
        return f"/lists/{self.reading_list.pk}/edit"


@pytest.fixture
def course(transactional_db: None) -> Course:
    """# Foundations: LeNet, Batch Normalization · # Attention: Transformer."""
    alice = create_user("alice", PASSWORD, "alice@example.org")
    papers = {
        title: create_paper(PaperData(title=title), added_by=alice)
        for title in ["LeNet", "Batch Normalization", "Transformer", "ResNet"]
    }
    reading_list = create_list(alice, "Deep learning course")
    add_heading(reading_list, "Foundations", 1)
    add_paper(reading_list, papers["LeNet"])
    add_paper(reading_list, papers["Batch Normalization"])
    add_heading(reading_list, "Attention", 1)
    add_paper(reading_list, papers["Transformer"])
    create_list(alice, "Someday")  # a list without sections
    return Course(alice, reading_list, papers["ResNet"])


def rows(page: Page) -> list[str]:
    """The editor's rows as the page shows them: sections as '# name', papers by title."""
    labels: list[str] = page.locator("ol.edit-items > li").evaluate_all(
        "rows => rows.map(r => r.dataset.depth ? '# ' + r.dataset.label.slice(8) : r.dataset.label)"
    )
    return labels


def saved(course: Course) -> list[str]:
    items = course.reading_list.items.select_related("paper").order_by("position")
    return [f"# {i.heading}" if i.paper is None else i.paper.title for i in items]


def row(page: Page, label: str) -> Locator:
    return page.locator(f"ol.edit-items > li[data-label='{label}']")


def open_editor(page: Page, live_server: LiveServer, course: Course) -> None:
    log_in(page, live_server, course.alice)
    page.goto(course.editor)
    page.evaluate("window.stillTheSamePage = true")


def drag(page: Page, source: str, target: str, *, below: bool) -> None:
    """Drag a row by its handle with the mouse, in steps as a hand does (a single jump,
    as Locator.drag_to makes, starts no drag), onto the top or bottom edge of another."""
    page.locator("ol.edit-items").evaluate("list => list.scrollIntoView({block: 'center'})")
    handle = row(page, source).locator(".drag-handle").bounding_box()
    goal = row(page, target).bounding_box()
    assert handle is not None and goal is not None
    x, y = handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x, y + 10, steps=3)
    edge = goal["y"] + (goal["height"] - 4 if below else 4)
    with page.expect_response(lambda r: r.url.endswith("/order") and r.status == 200):
        page.mouse.move(goal["x"] + 60, edge, steps=8)
        page.mouse.up()


def test_a_dragged_paper_stays_where_it_was_dropped_after_a_reload(
    page: Page, live_server: LiveServer, course: Course, console_errors: list[str]
) -> None:
    open_editor(page, live_server, course)

    drag(page, "LeNet", "Transformer", below=True)

    expected = ["# Foundations", "Batch Normalization", "# Attention", "Transformer", "LeNet"]
    assert rows(page) == expected
    assert page.evaluate("window.stillTheSamePage") is True  # saved without a reload
    expect(page.locator(".reorder-status")).to_contain_text("LeNet dropped, position 5 of 5")
    assert saved(course) == expected
    page.reload()
    assert rows(page) == expected
    assert console_errors == []


def test_a_dragged_section_takes_its_papers_along(
    page: Page, live_server: LiveServer, course: Course, console_errors: list[str]
) -> None:
    open_editor(page, live_server, course)

    drag(page, "Section Attention", "Section Foundations", below=False)

    expected = ["# Attention", "Transformer", "# Foundations", "LeNet", "Batch Normalization"]
    assert rows(page) == expected
    page.reload()
    assert rows(page) == expected
    assert console_errors == []


def touch_drag(phone: Page, source: str, target: str, *, below: bool) -> None:
    """Drag with a finger: touch events through the DevTools protocol, as a phone sends
    them (chromium turns them into touch pointer events; no mouse event is involved)."""
    handle = row(phone, source).locator(".drag-handle").bounding_box()
    goal = row(phone, target).bounding_box()
    assert handle is not None and goal is not None
    x, y = handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2
    edge = goal["y"] + (goal["height"] - 4 if below else 4)
    touch = phone.context.new_cdp_session(phone)
    touch.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]}
    )
    for step in range(1, 9):
        point = {"x": x, "y": y + (edge - y) * step / 8}
        touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    with phone.expect_response(lambda r: r.url.endswith("/order") and r.status == 200):
        touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_a_finger_drags_a_paper_on_a_phone_without_scrolling_the_page(
    page: Page, live_server: LiveServer, course: Course, console_errors: list[str]
) -> None:
    assert page.context.browser is not None
    context = page.context.browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, has_touch=True
    )
    phone = context.new_page()
    phone.on("pageerror", lambda error: console_errors.append(str(error)))
    log_in(phone, live_server, course.alice)
    phone.goto(course.editor)
    row(phone, "LeNet").evaluate("r => r.scrollIntoView({block: 'center'})")
    scrolled = phone.evaluate("window.scrollY")

    before = rows(phone)
    phone.locator(".drag-handle").first.tap()  # a tap moves nothing
    assert rows(phone) == before
    expect(phone.locator(".reorder-status")).to_contain_text("Move cancelled")
    touch_drag(phone, "LeNet", "Batch Normalization", below=True)

    expected = ["# Foundations", "Batch Normalization", "LeNet", "# Attention", "Transformer"]
    assert rows(phone) == expected
    assert phone.evaluate("window.scrollY") == scrolled  # the finger moved the row, not the page
    expect(phone.locator(".reorder-status")).to_contain_text("LeNet dropped, position 3 of 5")
    assert saved(course) == expected
    phone.reload()
    assert rows(phone) == expected
    assert console_errors == []
    context.close()


def test_up_and_down_buttons_move_a_row_without_a_reload_and_keep_the_focus(
    page: Page, live_server: LiveServer, course: Course, console_errors: list[str]
) -> None:
    open_editor(page, live_server, course)
    down = page.get_by_role("button", name="Move Batch Normalization down")

    with page.expect_response(lambda r: r.url.endswith("/order") and r.status == 200):
        down.click()

    expected = ["# Foundations", "LeNet", "# Attention", "Batch Normalization", "Transformer"]
    assert rows(page) == expected
    assert page.evaluate("window.stillTheSamePage") is True
    expect(down).to_be_focused()  # the next press moves it again
    expect(page.locator(".reorder-status")).to_have_text(
        "Batch Normalization moved down, position 4 of 5."
    )
    # Papers are indented under the section they now belong to.
    assert row(page, "Batch Normalization").evaluate("r => r.style.getPropertyValue('--level')")
    page.reload()
    assert rows(page) == expected
    assert console_errors == []


def test_the_keyboard_picks_up_a_section_moves_it_and_drops_it(
    page: Page, live_server: LiveServer, course: Course, console_errors: list[str]
) -> None:
    open_editor(page, live_server, course)
    handle = row(page, "Section Attention").locator(".drag-handle")
    expect(handle).to_have_attribute("aria-describedby", "reorder-help")
    expect(page.locator("#reorder-help")).to_be_visible()

    handle.focus()
    page.keyboard.press("Space")
    expect(handle).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".reorder-status")).to_contain_text("Attention picked up with 1 rows")
    for _ in range(3):
        page.keyboard.press("ArrowUp")
    with page.expect_response(lambda r: r.url.endswith("/order") and r.status == 200):
        page.keyboard.press("Space")

    expect(handle).to_have_attribute("aria-pressed", "false")
    expect(handle).to_be_focused()
    expected = ["# Attention", "Transformer", "# Foundations", "LeNet", "Batch Normalization"]
    assert rows(page) == expected
    page.reload()
    assert rows(page) == expected
    assert console_errors == []


def test_escape_puts_a_picked_up_row_back_and_saves_nothing(
    page: Page, live_server: LiveServer, course: Course
) -> None:
    open_editor(page, live_server, course)
    before = rows(page)
    handle = row(page, "LeNet").locator(".drag-handle")
    handle.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")

    assert rows(page) == before
    expect(page.locator(".reorder-status")).to_contain_text("Move cancelled")
    assert saved(course) == before


def test_without_javascript_the_up_and_down_forms_still_post(
    page: Page, live_server: LiveServer, course: Course
) -> None:
    assert page.context.browser is not None
    context = page.context.browser.new_context(base_url=live_server.url, java_script_enabled=False)
    plain = context.new_page()
    log_in(plain, live_server, course.alice)
    plain.goto(course.editor)
    expect(plain.locator(".drag-handle").first).to_be_hidden()

    with plain.expect_navigation():
        plain.get_by_role("button", name="Move section Attention up").click()

    assert saved(course) == [
        "# Foundations",
        "LeNet",
        "# Attention",
        "Batch Normalization",
        "Transformer",
    ]
    context.close()


def test_a_paper_is_added_into_a_chosen_section_from_its_page(
    page: Page, live_server: LiveServer, course: Course, console_errors: list[str]
) -> None:
    log_in(page, live_server, course.alice)
    page.goto(course.spare.get_absolute_url())
    lists = page.locator(".lists-box select[name=reading_list]")
    sections = page.locator(".lists-box select[name=section]")

    lists.select_option(label="Someday")  # no sections: no section menu
    expect(sections).to_be_hidden()
    lists.select_option(label="Deep learning course")
    expect(sections).to_be_visible()
    offered = sections.locator("option").all_inner_texts()
    assert offered == ["End of the list", "Foundations", "Attention"]  # this list's only
    sections.select_option(label="Foundations")
    with page.expect_navigation():
        page.locator(".lists-box").get_by_role("button", name="Add", exact=True).click()

    expect(page.locator(".messages")).to_contain_text("Added to Deep learning course › Foundations")
    assert saved(course) == [
        "# Foundations",
        "LeNet",
        "Batch Normalization",
        "ResNet",
        "# Attention",
        "Transformer",
    ]
    assert console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_pages_touched_fit_a_phone(
    page: Page, live_server: LiveServer, course: Course, scheme: Literal["light", "dark"]
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(color_scheme=scheme)
    log_in(page, live_server, course.alice)
    for url in [
        course.editor,
        course.spare.get_absolute_url(),
        f"/lists/{course.reading_list.pk}/",
    ]:
        page.goto(url)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert scroll <= inner, f"{url} is {scroll}px wide in a {inner}px window"
