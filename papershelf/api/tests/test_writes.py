"""API writes beyond papers and summaries: reading lists, topics, deleting a summary.

alice writes with her own token; who may do what is the permission matrix's part
(test_api_permission_matrix.py). Here: what a write does, and that bad input is a 4xx
problem that changes nothing.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from papershelf.accounts.models import User
from papershelf.api.tokens import create_token
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.models import ReadingList, ReadingListItem
from papershelf.readinglists.services import add_heading, add_paper, create_list
from papershelf.summaries.models import Revision, Summary
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.models import Topic
from papershelf.topics.services import create_topic

pytestmark = pytest.mark.django_db


class Api:
    """alice's script: JSON in and out with her token."""

    def __init__(self, user: User) -> None:
        self.client = Client(headers={"Authorization": f"Bearer {create_token(user, 'x')[1]}"})

    def __call__(self, method: str, path: str, body: object = None) -> Any:
        send = getattr(self.client, method)
        if body is None:
            return send(f"/api/v1{path}")
        return send(f"/api/v1{path}", json.dumps(body), content_type="application/json")


@pytest.fixture
def api(alice: User) -> Api:
    return Api(alice)


@pytest.fixture
def papers(alice: User) -> list[Paper]:
    titles = ["Attention Is All You Need", "BERT", "GPT-2", "ResNet"]
    return [create_paper(PaperData(title=t), added_by=alice) for t in titles]


def _order(reading_list: ReadingList) -> list[str]:
    return [str(item) for item in reading_list.items.order_by("position")]


def test_a_script_builds_a_reading_list_with_sections_and_reads_it_back_in_order(
    api: Api, papers: list[Paper]
) -> None:
    made = api("post", "/lists", {"title": " Transformers ", "visibility": "private"})
    assert made.status_code == 201, made.content
    list_id = made.json()["id"]
    week1 = api("post", f"/lists/{list_id}/sections", {"heading": "Week 1"}).json()
    week2 = api("post", f"/lists/{list_id}/sections", {"heading": "Week 2", "depth": 2}).json()
    for paper, section in ((papers[0], week1), (papers[1], week2), (papers[2], week1)):
        body = {"paper_id": paper.pk, "section_id": section["id"], "note": "$O(n^2)$"}
        assert api("post", f"/lists/{list_id}/items", body).status_code == 201

    got = api("get", f"/lists/{list_id}").json()
    assert got["title"] == "Transformers" and got["visibility"] == "private"
    assert [(i["kind"], i["title"]) for i in got["items"]] == [
        ("heading", "Week 1"), ("paper", "Attention Is All You Need"), ("paper", "GPT-2"),
        ("heading", "Week 2"), ("paper", "BERT"),
    ]  # fmt: skip
    assert [i["position"] for i in got["items"]] == [0, 1, 2, 3, 4]


def test_a_paper_added_without_a_section_goes_at_the_end(
    api: Api, alice: User, papers: list[Paper]
) -> None:
    reading_list = create_list(alice, "Path")
    add_heading(reading_list, "Basics")
    add_paper(reading_list, papers[0])
    api("post", f"/lists/{reading_list.pk}/items", {"paper_id": papers[1].pk})
    assert _order(reading_list) == ["Basics", "Attention Is All You Need", "BERT"]


def test_sections_are_renamed_and_deleted_and_their_papers_stay(
    api: Api, alice: User, papers: list[Paper]
) -> None:
    reading_list = create_list(alice, "Path")
    first, second = add_heading(reading_list, "Basics"), add_heading(reading_list, "Later")
    add_paper(reading_list, papers[0])
    path = f"/lists/{reading_list.pk}/sections"
    renamed = api("patch", f"{path}/{first.pk}", {"heading": "Foundations", "depth": 2})
    assert renamed.json()["title"] == "Foundations" and renamed.json()["depth"] == 2
    assert api("delete", f"{path}/{second.pk}").status_code == 204
    assert _order(reading_list) == ["Foundations", "Attention Is All You Need"]


def test_a_new_order_moves_papers_and_sections_together(
    api: Api, alice: User, papers: list[Paper]
) -> None:
    reading_list = create_list(alice, "Path")
    items = [add_heading(reading_list, "A"), add_paper(reading_list, papers[0])]
    items += [add_heading(reading_list, "B"), add_paper(reading_list, papers[1])]
    order = [items[2].pk, items[3].pk, items[0].pk, items[1].pk]
    answer = api("put", f"/lists/{reading_list.pk}/order", {"items": order})
    assert answer.status_code == 200
    assert [i["id"] for i in answer.json()["items"]] == order
    assert _order(reading_list) == ["B", "BERT", "A", "Attention Is All You Need"]


@pytest.mark.parametrize(
    "order",
    ["none", "first two", "first twice", "first, second and another list's"],
)
def test_an_order_that_does_not_name_each_item_once_is_refused_and_changes_nothing(
    api: Api, alice: User, bob: User, papers: list[Paper], order: str
) -> None:
    reading_list = create_list(alice, "Path")
    first, second = add_paper(reading_list, papers[0]), add_paper(reading_list, papers[1])
    add_paper(reading_list, papers[2])
    elsewhere = add_paper(create_list(bob, "Bob's"), papers[3])
    ids = {
        "none": [],
        "first two": [first.pk, second.pk],
        "first twice": [first.pk, first.pk, second.pk],
        "first, second and another list's": [first.pk, second.pk, elsewhere.pk],
    }[order]
    answer = api("put", f"/lists/{reading_list.pk}/order", {"items": ids})
    assert answer.status_code == 400 and answer["Content-Type"] == "application/problem+json"
    assert _order(reading_list) == ["Attention Is All You Need", "BERT", "GPT-2"]


def test_a_list_changes_only_in_the_fields_a_patch_gives(api: Api, alice: User) -> None:
    reading_list = create_list(alice, "Notes", "Mine.", "private")
    answer = api("patch", f"/lists/{reading_list.pk}", {"title": "My notes"})
    assert answer.status_code == 200
    reading_list.refresh_from_db()
    assert (reading_list.title, reading_list.description, reading_list.visibility) == (
        "My notes", "Mine.", "private",
    )  # fmt: skip


def test_a_note_is_edited_and_a_paper_taken_out_and_the_rest_keep_their_order(
    api: Api, alice: User, papers: list[Paper]
) -> None:
    reading_list = create_list(alice, "Path")
    items = [add_paper(reading_list, paper) for paper in papers[:3]]
    path = f"/lists/{reading_list.pk}/items"
    noted = api("patch", f"{path}/{items[0].pk}", {"note": "Read **first**."})
    assert noted.json()["note"] == "Read **first**."
    assert "<strong>first</strong>" in ReadingListItem.objects.get(pk=items[0].pk).note_html
    assert api("delete", f"{path}/{items[1].pk}").status_code == 204
    assert _order(reading_list) == ["Attention Is All You Need", "GPT-2"]
    assert [i.position for i in reading_list.items.order_by("position")] == [0, 1]


def test_a_section_is_not_reached_as_a_paper_nor_a_paper_as_a_section(
    api: Api, alice: User, papers: list[Paper]
) -> None:
    reading_list = create_list(alice, "Path")
    heading, item = add_heading(reading_list, "Basics"), add_paper(reading_list, papers[0])
    base = f"/lists/{reading_list.pk}"
    assert api("delete", f"{base}/items/{heading.pk}").status_code == 404
    assert api("delete", f"{base}/sections/{item.pk}").status_code == 404
    body = {"paper_id": papers[1].pk, "section_id": item.pk}
    assert api("post", f"{base}/items", body).status_code == 404
    assert _order(reading_list) == ["Basics", "Attention Is All You Need"]


def test_a_deleted_list_is_gone_with_its_items(api: Api, alice: User, paper: Paper) -> None:
    reading_list = create_list(alice, "Path")
    add_paper(reading_list, paper)
    assert api("delete", f"/lists/{reading_list.pk}").status_code == 204
    assert not ReadingList.objects.exists() and not ReadingListItem.objects.exists()


def test_a_member_makes_a_topic_its_maker_describes_it_and_a_contributor_files_a_paper(
    api: Api, paper: Paper
) -> None:
    made = api("post", "/topics", {"name": "Attention", "description": "Weights over $x_i$."})
    assert made.status_code == 201 and made.json()["slug"] == "attention"
    topic_id = made.json()["id"]
    changed = api("patch", f"/topics/{topic_id}", {"description": "Soft lookups."})
    assert changed.json()["name"] == "Attention"
    assert changed.json()["description"] == "Soft lookups."
    assert api("put", f"/papers/{paper.pk}/topics/{topic_id}").status_code == 204
    assert api("get", f"/papers/{paper.pk}").json()["topics"] == ["Attention"]
    assert api("get", "/topics").json()["items"][0]["papers"] == 1
    assert api("delete", f"/papers/{paper.pk}/topics/{topic_id}").status_code == 204
    assert api("get", f"/papers/{paper.pk}").json()["topics"] == []


@pytest.mark.parametrize(
    "body",
    [{"name": "transformers"}, {"name": "Vision", "slug": "transformers"},
     {"name": "Vision", "slug": "not a slug"}, {"name": "   "}],
)  # fmt: skip
def test_a_topic_is_refused_as_the_page_refuses_it_and_nothing_is_made(
    api: Api, alice: User, body: dict[str, str]
) -> None:
    create_topic("Transformers", created_by=alice)
    answer = api("post", "/topics", body)
    assert answer.status_code == 400 and answer["Content-Type"] == "application/problem+json"
    assert list(Topic.objects.values_list("name", flat=True)) == ["Transformers"]


def test_a_topic_rename_onto_another_topics_name_changes_nothing(api: Api, alice: User) -> None:
    create_topic("Transformers", created_by=alice)
    vision = create_topic("Vision", "Pixels.", created_by=alice)
    answer = api("patch", f"/topics/{vision.pk}", {"name": "TRANSFORMERS", "description": "x"})
    assert answer.status_code == 400
    vision.refresh_from_db()
    assert (vision.name, vision.description) == ("Vision", "Pixels.")


def test_a_deleted_summary_is_gone_with_its_revisions(api: Api, alice: User, paper: Paper) -> None:
    summary = create_summary(paper, alice, SummaryData(body="First."))
    assert api("delete", f"/summaries/{summary.pk}").status_code == 204
    assert not Summary.objects.exists() and not Revision.objects.exists()
    assert api("get", f"/summaries/{summary.pk}").status_code == 404


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/lists", {"title": "Nul\x00"}),
        ("post", "/lists", {"title": "x" * 301}),
        ("post", "/lists", {"title": "Ok", "visibility": "secret"}),
        ("patch", "/lists/{list}", {"description": "a\x00b"}),
        ("patch", "/lists/{list}", {"title": ""}),
        ("post", "/lists/{list}/sections", {"heading": "Deep", "depth": 7}),
        ("patch", "/lists/{list}/sections/{section}", {"heading": "   "}),
        ("post", "/lists/{list}/items", {"paper_id": "one"}),
        ("post", "/lists/{list}/items", {"paper_id": 2**70}),
        ("post", "/lists/{list}/items", {"paper_id": "{paper}", "section_id": 2**70}),
        ("patch", "/lists/{list}/items/{item}", {"note": "\x00"}),
        ("put", "/lists/{list}/order", {"items": ["a"]}),
        ("put", "/lists/{list}/order", {"items": [2**70]}),
        ("put", "/lists/{list}/order", None),
        ("post", "/topics", {"name": "x\x00"}),
        ("post", "/topics", {"name": "x" * 201}),
        ("patch", "/topics/{topic}", {"description": "\x00"}),
        ("put", "/papers/{paper}/topics/99999999999999999999", None),
        ("delete", "/summaries/99999999999999999999", None),
        ("post", "/summaries", {"paper_id": "{paper}", "body": "a\x00b"}),
        ("post", "/papers", {"title": "Nul\x00"}),
    ],
)
def test_bad_input_is_a_4xx_problem_that_changes_nothing(
    api: Api, alice: User, paper: Paper, method: str, path: str, body: dict[str, Any] | None
) -> None:
    reading_list = create_list(alice, "Path")
    section, item = add_heading(reading_list, "Basics"), add_paper(reading_list, paper)
    topic = create_topic("Transformers", created_by=alice)
    ids = {"list": reading_list.pk, "section": section.pk, "item": item.pk,
           "topic": topic.pk, "paper": paper.pk}  # fmt: skip
    if body is not None:
        body = {k: int(v.format(**ids)) if v == "{paper}" else v for k, v in body.items()}
    before = _snapshot()
    answer = api(method, path.format(**ids), body)
    assert 400 <= answer.status_code < 500, answer.content
    assert answer["Content-Type"] == "application/problem+json"
    assert _snapshot() == before


def _snapshot() -> list[Any]:
    return [
        list(model.objects.order_by("pk").values())
        for model in (ReadingList, ReadingListItem, Topic, Paper, Summary)
    ]


def test_a_value_the_database_refuses_is_a_400_problem_not_a_500(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import DataError

    from papershelf.readinglists import services

    def refuse(*args: object) -> None:
        raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")

    monkeypatch.setattr(services, "create_list", refuse)
    answer = api("post", "/lists", {"title": "Fine"})
    assert answer.status_code == 400 and answer["Content-Type"] == "application/problem+json"
