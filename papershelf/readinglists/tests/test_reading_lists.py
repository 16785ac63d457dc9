"""Reading lists: an ordered path through papers with nested sections, kept by its owner."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.models import ReadingList, ReadingListItem
from papershelf.readinglists.services import add_heading, add_paper, create_list


@pytest.fixture
def papers(alice: User) -> list[Paper]:
    titles = ["LeNet", "Batch Normalization", "ResNet", "Attention"]
    return [create_paper(PaperData(title=t), added_by=alice) for t in titles]


@pytest.fixture
def reading_list(alice: User) -> ReadingList:
    return create_list(alice, "From LeNet to attention", "A *short* path.")


def contents(reading_list: ReadingList) -> list[str]:
    """The list as its owner arranged it: headings as '#'*depth, papers by title."""
    items = reading_list.items.select_related("paper").order_by("position")
    return [f"{'#' * i.depth} {i.heading}" if i.paper is None else i.paper.title for i in items]


def item(reading_list: ReadingList, label: str) -> ReadingListItem:
    for each in reading_list.items.select_related("paper"):
        if label in (each.heading, each.paper and each.paper.title):
            return each
    raise LookupError(label)


def test_a_reading_list_is_created_from_the_form(alice_client: Client) -> None:
    response = alice_client.post(
        reverse("readinglists-new"),
        {"title": "Diffusion", "description": "Read *in order*.", "visibility": "public"},
    )
    reading_list = ReadingList.objects.get()
    assert response["Location"] == reverse("readinglists-edit", args=[reading_list.pk])
    assert reading_list.owner.username == "alice"
    assert "<em>in order</em>" in reading_list.description_html
    page = alice_client.get(reading_list.get_absolute_url()).content.decode()
    assert "<em>in order</em>" in page


def test_papers_are_added_from_the_paper_page(
    alice_client: Client, reading_list: ReadingList, papers: list[Paper]
) -> None:
    page = alice_client.get(papers[0].get_absolute_url()).content.decode()
    assert reverse("readinglists-add-paper") in page
    assert f'<option value="{reading_list.pk}">From LeNet to attention</option>' in page

    for paper in papers[:2]:
        response = alice_client.post(
            reverse("readinglists-add-paper"),
            {"reading_list": reading_list.pk, "paper": paper.pk, "note": ""},
        )
        assert response["Location"] == paper.get_absolute_url()

    assert contents(reading_list) == ["LeNet", "Batch Normalization"]


def test_section_headings_are_added_at_depths_one_to_three(
    alice_client: Client, reading_list: ReadingList, papers: list[Paper]
) -> None:
    url = reverse("readinglists-add-heading", args=[reading_list.pk])
    alice_client.post(url, {"heading": "Foundations", "depth": 1})
    add_paper(reading_list, papers[0])
    alice_client.post(url, {"heading": "Normalisation", "depth": 2})
    alice_client.post(url, {"heading": "Batch statistics", "depth": 3})
    add_paper(reading_list, papers[1])

    assert contents(reading_list) == [
        "# Foundations",
        "LeNet",
        "## Normalisation",
        "### Batch statistics",
        "Batch Normalization",
    ]


def test_a_heading_needs_text_and_a_depth_from_one_to_six(
    alice_client: Client, reading_list: ReadingList
) -> None:
    url = reverse("readinglists-add-heading", args=[reading_list.pk])
    alice_client.post(url, {"heading": "", "depth": 1})
    alice_client.post(url, {"heading": "Too deep", "depth": 7})
    assert not reading_list.items.exists()


def test_items_move_up_and_down(
    alice_client: Client, reading_list: ReadingList, papers: list[Paper]
) -> None:
    for paper in papers[:3]:
        add_paper(reading_list, paper)

    def move(label: str, direction: str) -> None:
        pk = item(reading_list, label).pk
        url = reverse("readinglists-move", args=[reading_list.pk, pk])
        assert alice_client.post(url, {"direction": direction}).status_code == 302

    move("ResNet", "up")
    assert contents(reading_list) == ["LeNet", "ResNet", "Batch Normalization"]
    move("LeNet", "down")
    assert contents(reading_list) == ["ResNet", "LeNet", "Batch Normalization"]
    move("ResNet", "up")  # already first: stays first
    move("Batch Normalization", "down")  # already last: stays last
    assert contents(reading_list) == ["ResNet", "LeNet", "Batch Normalization"]


def test_a_note_on_a_paper_and_a_heading_can_be_edited(
    alice_client: Client, reading_list: ReadingList, papers: list[Paper]
) -> None:
    heading = add_heading(reading_list, "Basics")
    entry = add_paper(reading_list, papers[0])

    alice_client.post(
        reverse("readinglists-item", args=[reading_list.pk, entry.pk]), {"note": "Skim §2."}
    )
    alice_client.post(
        reverse("readinglists-item", args=[reading_list.pk, heading.pk]),
        {"heading": "Foundations", "depth": 2},
    )

    entry.refresh_from_db()
    assert entry.note == "Skim §2."
    assert contents(reading_list) == ["## Foundations", "LeNet"]
    assert "Skim §2." in alice_client.get(reading_list.get_absolute_url()).content.decode()


def test_an_item_can_be_removed_and_the_rest_keep_their_order(
    alice_client: Client, reading_list: ReadingList, papers: list[Paper]
) -> None:
    for paper in papers[:3]:
        add_paper(reading_list, paper)
    pk = item(reading_list, "Batch Normalization").pk

    alice_client.post(reverse("readinglists-remove", args=[reading_list.pk, pk]))

    assert contents(reading_list) == ["LeNet", "ResNet"]
    assert list(reading_list.items.values_list("position", flat=True)) == [0, 1]
    assert Paper.objects.filter(title="Batch Normalization").exists()  # only the entry went


def test_the_list_page_has_a_table_of_contents_in_order_with_paper_counts(
    client: Client, reading_list: ReadingList, papers: list[Paper]
) -> None:
    add_heading(reading_list, "Foundations", 1)
    add_paper(reading_list, papers[0])
    add_heading(reading_list, "Normalisation", 2)
    add_paper(reading_list, papers[1])
    add_paper(reading_list, papers[2])
    add_heading(reading_list, "Attention", 1)
    add_paper(reading_list, papers[3])

    page = client.get(reading_list.get_absolute_url()).content.decode()

    toc = page[page.index('<nav class="toc"') : page.index("</nav>", page.index('class="toc"'))]
    entries = re.findall(
        r'<li class="depth-(\d)"><a href="#(section-\d+)">([^<]+)</a> <small[^>]*>(\d+)</small>',
        toc,
    )
    assert [(depth, name, count) for depth, _, name, count in entries] == [
        ("1", "Foundations", "1"),
        ("2", "Normalisation", "2"),
        ("1", "Attention", "1"),
    ]
    for _, anchor, _, _ in entries:
        assert f'id="{anchor}"' in page  # each contents link lands on its section
    assert page.index("LeNet") < page.index("Batch Normalization") < page.index("ResNet")


@pytest.mark.parametrize("visibility", ["public", "unlisted"])
def test_others_can_read_a_shared_list(
    bob_client: Client, client: Client, alice: User, visibility: str
) -> None:
    shared = create_list(alice, "Shared", visibility=visibility)
    for viewer in (bob_client, client):
        assert viewer.get(shared.get_absolute_url()).status_code == 200


def test_an_unlisted_list_is_not_on_the_index_or_profile_for_others(
    bob_client: Client, alice_client: Client, alice: User
) -> None:
    create_list(alice, "By link only", visibility="unlisted")
    for url in [reverse("readinglists-index"), "/users/alice/"]:
        assert "By link only" not in bob_client.get(url).content.decode()
        assert "By link only" in alice_client.get(url).content.decode()


def test_a_private_list_is_404_for_another_user_and_a_visitor(
    bob_client: Client, client: Client, alice_client: Client, alice: User
) -> None:
    private = create_list(alice, "My secret syllabus", visibility="private")
    for viewer in (bob_client, client):
        assert viewer.get(private.get_absolute_url()).status_code == 404
        assert (
            "My secret syllabus" not in viewer.get(reverse("readinglists-index")).content.decode()
        )
    assert alice_client.get(private.get_absolute_url()).status_code == 200


def test_another_user_cannot_change_someone_elses_list(
    bob_client: Client, reading_list: ReadingList, papers: list[Paper]
) -> None:
    add_heading(reading_list, "Basics")
    add_paper(reading_list, papers[0], note="Start here")
    add_paper(reading_list, papers[1])
    before = contents(reading_list)
    first = item(reading_list, "LeNet").pk
    pk = reading_list.pk
    attempts: list[tuple[str, str, dict[str, object]]] = [
        ("get", reverse("readinglists-edit", args=[pk]), {}),
        (
            "post",
            reverse("readinglists-edit", args=[pk]),
            {"title": "Mine", "visibility": "public"},
        ),
        ("post", reverse("readinglists-add-paper"), {"reading_list": pk, "paper": papers[2].pk}),
        ("post", reverse("readinglists-add-heading", args=[pk]), {"heading": "Spam", "depth": 1}),
        ("post", reverse("readinglists-move", args=[pk, first]), {"direction": "down"}),
        ("post", reverse("readinglists-item", args=[pk, first]), {"note": "Spam"}),
        ("post", reverse("readinglists-remove", args=[pk, first]), {}),
        ("post", reverse("readinglists-delete", args=[pk]), {}),
    ]

    for method, url, data in attempts:
        assert getattr(bob_client, method)(url, data).status_code == 404, url

    reading_list.refresh_from_db()
    assert reading_list.title == "From LeNet to attention"
    assert contents(reading_list) == before
    assert item(reading_list, "LeNet").note == "Start here"


def test_an_item_of_another_list_cannot_be_removed_through_ones_own_list(
    alice_client: Client, bob: User, reading_list: ReadingList, papers: list[Paper]
) -> None:
    bobs = create_list(bob, "Bob's")
    bobs_item = add_paper(bobs, papers[0])
    add_paper(bobs, papers[1])
    url = reverse("readinglists-remove", args=[reading_list.pk, bobs_item.pk])
    assert alice_client.post(url).status_code == 404
    assert contents(bobs) == ["LeNet", "Batch Normalization"]


def test_the_paper_page_lists_the_reading_lists_one_may_see(
    alice_client: Client, bob_client: Client, alice: User, papers: list[Paper]
) -> None:
    for title, visibility in [
        ("Open path", "public"),
        ("Link path", "unlisted"),
        ("Mine", "private"),
    ]:
        add_paper(create_list(alice, title, visibility=visibility), papers[0])

    alices_view = alice_client.get(papers[0].get_absolute_url()).content.decode()
    bobs_view = bob_client.get(papers[0].get_absolute_url()).content.decode()

    assert all(title in alices_view for title in ["Open path", "Link path", "Mine"])
    assert "Open path" in bobs_view
    assert "Link path" not in bobs_view
    assert "Mine" not in bobs_view
    assert reverse("readinglists-add-paper") not in bobs_view  # bob has no list to add to


def test_moving_items_and_adding_papers_need_a_post(
    alice_client: Client, reading_list: ReadingList, papers: list[Paper]
) -> None:
    entry = add_paper(reading_list, papers[0])
    for url in [
        reverse("readinglists-add-paper"),
        reverse("readinglists-move", args=[reading_list.pk, entry.pk]),
        reverse("readinglists-remove", args=[reading_list.pk, entry.pk]),
        reverse("readinglists-delete", args=[reading_list.pk]),
    ]:
        assert alice_client.get(url).status_code == 405, url
    assert contents(reading_list) == ["LeNet"]


def test_adding_with_a_malformed_request_is_404_not_a_server_error(
    alice_client: Client, reading_list: ReadingList, papers: list[Paper]
) -> None:
    url = reverse("readinglists-add-paper")
    assert alice_client.post(url, {"reading_list": "x", "paper": papers[0].pk}).status_code == 404
    assert alice_client.post(url, {"reading_list": reading_list.pk, "paper": ""}).status_code == 404
    assert (
        alice_client.post(url, {"reading_list": reading_list.pk, "paper": 999}).status_code == 404
    )
    assert not reading_list.items.exists()


def test_the_owner_can_delete_a_list(alice_client: Client, reading_list: ReadingList) -> None:
    response = alice_client.post(reverse("readinglists-delete", args=[reading_list.pk]))
    assert response["Location"] == reverse("readinglists-index")
    assert not ReadingList.objects.exists()
