"""A paper without a year: listed under "Year unknown", and last wherever papers are in
year order (PostgreSQL would put it first in a descending sort, SQLite last)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.exports.selection import Selection, select_papers
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.topics.services import create_topic, tag_paper


@pytest.fixture
def shelf(alice: User) -> dict[str, Paper]:
    def add(title: str, year: int | None) -> Paper:
        return create_paper(PaperData(title, ["Ada Lovelace"], "NeurIPS", year), added_by=alice)

    # The undated paper is added last, so it is also the newest addition.
    return {
        "old": add("An Old Paper", 2014),
        "new": add("A New Paper", 2020),
        "undated": add("A Paper Nobody Dated", None),
    }


def titles(response: Any) -> list[str]:
    return [paper.title for paper in response.context["page"].object_list]


def test_the_years_page_lists_year_unknown_last(client: Client, shelf: dict[str, Paper]) -> None:
    response = client.get(reverse("papers-years"))
    years = [(row["year"], row["count"]) for row in response.context["years"]]
    assert years == [(2020, 1), (2014, 1), (None, 1)]
    page = response.content.decode()
    assert f'<a href="{reverse("papers-year-unknown")}">Year unknown</a>' in page
    assert page.index("Year unknown") > page.index(">2014<")


def test_the_year_unknown_page_lists_the_papers_without_a_year(
    client: Client, shelf: dict[str, Paper]
) -> None:
    response = client.get(reverse("papers-year-unknown"))
    assert response.status_code == 200
    assert titles(response) == ["A Paper Nobody Dated"]
    assert "Papers of unknown year" in response.content.decode()


def test_newest_first_puts_the_paper_without_a_year_last(
    client: Client, shelf: dict[str, Paper]
) -> None:
    newest = client.get(reverse("papers-list"), {"order": "year"})
    assert titles(newest) == ["A New Paper", "An Old Paper", "A Paper Nobody Dated"]
    assert '<a href="?order=year" class="active" aria-current="page">Newest first</a>' in (
        newest.content.decode()
    )
    # "Recently added" (the default) is by when papers arrived: the undated one came last.
    assert titles(client.get(reverse("papers-list")))[0] == "A Paper Nobody Dated"


def test_venue_author_and_topic_pages_put_the_paper_without_a_year_last(
    client: Client, shelf: dict[str, Paper]
) -> None:
    topic = create_topic("Generative models")
    for paper in shelf.values():
        tag_paper(paper, topic)
    venue, author = shelf["old"].venue, shelf["old"].ordered_authors()[0]
    assert venue is not None
    expected = ["A New Paper", "An Old Paper", "A Paper Nobody Dated"]
    for url in (venue.get_absolute_url(), author.get_absolute_url(), topic.get_absolute_url()):
        assert titles(client.get(url)) == expected, url


def test_a_venue_page_has_a_year_unknown_tab(client: Client, shelf: dict[str, Paper]) -> None:
    venue = shelf["old"].venue
    assert venue is not None
    page = client.get(venue.get_absolute_url()).content.decode()
    assert page.index('href="?year=2014"') < page.index('href="?year=unknown"')
    unknown = client.get(venue.get_absolute_url(), {"year": "unknown"})
    assert titles(unknown) == ["A Paper Nobody Dated"]


def test_an_export_of_the_shelf_lists_the_paper_without_a_year_last(
    shelf: dict[str, Paper],
) -> None:
    papers = select_papers(Selection())
    assert [paper.title for paper in papers][-1] == "A Paper Nobody Dated"
