"""Adding a paper into a chosen section from its page; saving a new order from the editor.

alice owns the lists; bob is another member, who may neither see her private list nor
add to or reorder any of hers; a visitor is sent to log in.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.models import ReadingList
from papershelf.readinglists.services import add_heading, add_paper, create_list
from papershelf.readinglists.tests.test_reading_lists import contents, item

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


@pytest.fixture
def papers(alice: User) -> list[Paper]:
    titles = ["LeNet", "Batch Normalization", "ResNet", "Attention"]
    return [create_paper(PaperData(title=t), added_by=alice) for t in titles]


@pytest.fixture
def course(alice: User, papers: list[Paper]) -> ReadingList:
    """# Foundations: LeNet · ## Normalisation: Batch Normalization · # Attention (empty)."""
    reading_list = create_list(alice, "Deep learning course", visibility="private")
    add_heading(reading_list, "Foundations", 1)
    add_paper(reading_list, papers[0])
    add_heading(reading_list, "Normalisation", 2)
    add_paper(reading_list, papers[1])
    add_heading(reading_list, "Attention", 1)
    return reading_list


def add(client: Client, reading_list: ReadingList, paper: Paper, section: str = "") -> Response:
    data = {"reading_list": reading_list.pk, "paper": paper.pk, "note": ""}
    if section:
        data["section"] = item(reading_list, section).pk
    return client.post(reverse("readinglists-add-paper"), data)


def order_of(reading_list: ReadingList, *labels: str) -> list[int]:
    return [item(reading_list, label).pk for label in labels]


def reorder(client: Client, reading_list: ReadingList, order: Sequence[object]) -> Response:
    url = reverse("readinglists-reorder", args=[reading_list.pk])
    return client.post(url, {"order": order}, HTTP_ACCEPT="application/json")


def test_the_paper_page_offers_each_of_ones_lists_with_its_sections_in_order(
    alice_client: Client, course: ReadingList, papers: list[Paper]
) -> None:
    page = alice_client.get(papers[2].get_absolute_url()).content.decode()

    group = page[page.index(f'<optgroup label="Deep learning course" data-list="{course.pk}">') :]
    group = group[: group.index("</optgroup>")]
    assert [o.split(">")[1].split("<")[0] for o in group.split("<option")[1:]] == [
        "Foundations",
        "\u2003Normalisation",  # indented by its depth
        "Attention",
    ]
    assert '<option value="">End of the list</option>' in page


def test_a_paper_goes_to_the_end_of_the_chosen_section(
    alice_client: Client, course: ReadingList, papers: list[Paper]
) -> None:
    response = add(alice_client, course, papers[2], section="Foundations")

    assert response["Location"] == papers[2].get_absolute_url()
    assert contents(course) == [
        "# Foundations",
        "LeNet",
        "ResNet",  # before the next heading, of any depth
        "## Normalisation",
        "Batch Normalization",
        "# Attention",
    ]
    page = alice_client.get(papers[2].get_absolute_url()).content.decode()
    assert "Added to Deep learning course › Foundations." in page


def test_an_empty_section_and_the_end_of_the_list_take_papers_too(
    alice_client: Client, course: ReadingList, papers: list[Paper]
) -> None:
    add(alice_client, course, papers[3], section="Normalisation")
    add(alice_client, course, papers[2])  # no section: the end of the list

    assert contents(course)[-4:] == [
        "Batch Normalization",
        "Attention",
        "# Attention",
        "ResNet",
    ]


def test_a_section_of_another_list_is_refused_and_nothing_is_added(
    alice_client: Client, alice: User, course: ReadingList, papers: list[Paper]
) -> None:
    other = create_list(alice, "Other")
    elsewhere = add_heading(other, "Elsewhere")
    paper_item = item(course, "LeNet")
    before = contents(course)

    for section in (elsewhere.pk, paper_item.pk, 999_999):
        response = alice_client.post(
            reverse("readinglists-add-paper"),
            {"reading_list": course.pk, "paper": papers[2].pk, "section": section},
        )
        assert response["Location"] == papers[2].get_absolute_url()

    assert contents(course) == before
    assert not other.items.filter(paper__isnull=False).exists()
    page = alice_client.get(papers[2].get_absolute_url()).content.decode()
    assert "That section is not in Deep learning course: nothing was added." in page


def test_another_member_sees_none_of_alices_lists_and_cannot_add_into_her_sections(
    bob_client: Client, bob: User, course: ReadingList, papers: list[Paper]
) -> None:
    create_list(bob, "Bob's own")
    page = bob_client.get(papers[2].get_absolute_url()).content.decode()
    assert "Bob&#x27;s own" in page
    assert "Deep learning course" not in page
    assert "Foundations" not in page
    before = contents(course)

    response = add(bob_client, course, papers[2], section="Foundations")

    assert response.status_code == 404
    assert contents(course) == before


def test_the_editor_saves_a_whole_new_order_and_answers_it(
    alice_client: Client, course: ReadingList
) -> None:
    order = order_of(
        course, "Attention", "Normalisation", "Batch Normalization", "Foundations", "LeNet"
    )

    response = reorder(alice_client, course, order)

    assert response.status_code == 200
    assert json.loads(response.content) == {"order": order}
    assert contents(course) == [
        "# Attention",
        "## Normalisation",
        "Batch Normalization",
        "# Foundations",
        "LeNet",
    ]


@pytest.mark.parametrize(
    "wrong", ["one left out", "one twice", "another list's", "not numbers", "nothing"]
)
def test_an_order_that_does_not_name_each_item_once_changes_nothing(
    alice_client: Client, alice: User, course: ReadingList, papers: list[Paper], wrong: str
) -> None:
    pks: list[object] = list(course.items.values_list("pk", flat=True))
    foreign = add_paper(create_list(alice, "Other"), papers[3]).pk
    orders: dict[str, list[object]] = {
        "one left out": pks[1:],
        "one twice": [pks[1], *pks[1:]],
        "another list's": [foreign, *pks[1:]],
        "not numbers": ["first", *pks[1:]],
        "nothing": [],
    }
    order = orders[wrong]
    before = contents(course)

    response = reorder(alice_client, course, order)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["detail"]
    assert contents(course) == before


def test_only_the_owner_reorders_a_list_and_only_by_post(
    alice_client: Client, bob_client: Client, client: Client, course: ReadingList
) -> None:
    reversed_order = list(course.items.order_by("-position").values_list("pk", flat=True))
    before = contents(course)

    assert reorder(bob_client, course, reversed_order).status_code == 404
    visitor = reorder(client, course, reversed_order)
    assert visitor.status_code == 302
    assert visitor["Location"].startswith(reverse("accounts-login"))
    url = reverse("readinglists-reorder", args=[course.pk])
    assert alice_client.get(url, {"order": reversed_order}).status_code == 405
    assert contents(course) == before


def test_an_empty_list_says_no_papers_yet_instead_of_a_numbered_placeholder(
    alice_client: Client, alice: User
) -> None:
    empty = create_list(alice, "Nothing yet")

    page = alice_client.get(reverse("readinglists-edit", args=[empty.pk])).content.decode()

    assert "No papers yet." in page
    assert "No items yet" not in page
    assert '<ol class="edit-items"' not in page  # no list, so no "1."


def test_section_rows_in_the_editor_are_controls_not_headings(
    alice_client: Client, course: ReadingList
) -> None:
    page = alice_client.get(reverse("readinglists-edit", args=[course.pk])).content.decode()
    editor = page[page.index('<ol class="edit-items"') : page.index("</ol>")]

    assert "list-heading" not in editor  # the reading page's heading style
    assert 'role="heading"' not in editor
    assert editor.count('class="edit-item edit-section') == 3
    assert f'data-reorder-url="{reverse("readinglists-reorder", args=[course.pk])}"' in editor
    assert 'aria-describedby="reorder-help"' in editor
    # Without script the ↑/↓ forms still post to the move view.
    foundations = item(course, "Foundations").pk
    assert reverse("readinglists-move", args=[course.pk, foundations]) in editor
