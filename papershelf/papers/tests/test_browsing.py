"""Finding papers by year, by venue (with a tab per year) and by author."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.papers.models import Author, Paper, Venue
from papershelf.papers.services import PaperData, create_paper


@pytest.fixture
def shelf(alice: User) -> dict[str, Paper]:
    def add(title: str, venue: str, year: int, authors: list[str]) -> Paper:
        return create_paper(PaperData(title, authors, venue, year), added_by=alice)

    return {
        "attention": add("Attention Is All You Need", "NeurIPS", 2017, ["Ashish Vaswani"]),
        "ddpm": add("Denoising Diffusion", "NeurIPS", 2020, ["Jonathan Ho", "Pieter Abbeel"]),
        "capsules": add("Dynamic Routing Between Capsules", "NeurIPS", 2017, ["Sara Sabour"]),
        "vae": add("Auto-Encoding Variational Bayes", "ICLR", 2014, ["Diederik P. Kingma"]),
    }


def titles(response: Any) -> list[str]:
    return [paper.title for paper in response.context["page"].object_list]


def test_the_years_page_counts_papers_per_year_newest_first(
    client: Client, shelf: dict[str, Paper]
) -> None:
    years = client.get(reverse("papers-years")).context["years"]
    assert [(row["year"], row["count"]) for row in years] == [(2020, 1), (2017, 2), (2014, 1)]


def test_a_year_page_lists_only_that_years_papers(client: Client, shelf: dict[str, Paper]) -> None:
    response = client.get(reverse("papers-year", args=[2017]))
    assert titles(response) == ["Attention Is All You Need", "Dynamic Routing Between Capsules"]
    assert "Denoising Diffusion" not in response.content.decode()


def test_the_venues_page_counts_papers_per_venue(client: Client, shelf: dict[str, Paper]) -> None:
    venues = client.get(reverse("papers-venues")).context["venues"]
    assert [(venue.name, venue.count) for venue in venues] == [("ICLR", 1), ("NeurIPS", 3)]


def test_a_venue_page_has_a_tab_per_year_and_filters_by_it(
    client: Client, shelf: dict[str, Paper]
) -> None:
    venue = Venue.objects.get(name="NeurIPS")

    everything = client.get(venue.get_absolute_url())
    page = everything.content.decode()
    assert titles(everything) == [
        "Denoising Diffusion",
        "Attention Is All You Need",
        "Dynamic Routing Between Capsules",
    ]
    assert 'href="?year=2020"' in page
    assert 'href="?year=2017"' in page
    assert 'href="?year=2014"' not in page

    only_2017 = client.get(venue.get_absolute_url(), {"year": "2017"})
    assert titles(only_2017) == ["Attention Is All You Need", "Dynamic Routing Between Capsules"]
    assert '<a href="?year=2017" class="active">' in only_2017.content.decode()


def test_a_venue_page_ignores_a_year_that_is_not_a_number(
    client: Client, shelf: dict[str, Paper]
) -> None:
    venue = Venue.objects.get(name="NeurIPS")
    assert len(titles(client.get(venue.get_absolute_url(), {"year": "soon"}))) == 3


def test_an_author_page_lists_their_papers(client: Client, shelf: dict[str, Paper]) -> None:
    author = Author.objects.get(name="Pieter Abbeel")
    response = client.get(author.get_absolute_url())
    assert titles(response) == ["Denoising Diffusion"]


def test_the_authors_page_lists_everyone_with_a_paper(
    client: Client, shelf: dict[str, Paper]
) -> None:
    page = client.get(reverse("papers-authors")).content.decode()
    for name in ["Ashish Vaswani", "Jonathan Ho", "Pieter Abbeel", "Sara Sabour"]:
        assert name in page


def test_the_same_author_spelled_differently_is_one_person(alice: User) -> None:
    create_paper(PaperData("One", ["Léon Bottou"]), added_by=alice)
    create_paper(PaperData("Two", ["leon  BOTTOU"]), added_by=alice)
    author = Author.objects.get()
    assert author.papers.count() == 2


def test_the_paper_list_shows_the_newest_additions_first(
    client: Client, shelf: dict[str, Paper]
) -> None:
    assert titles(client.get(reverse("papers-list")))[0] == "Auto-Encoding Variational Bayes"


def test_every_browse_page_answers_a_visitor(client: Client, shelf: dict[str, Paper]) -> None:
    urls = [
        reverse("papers-list"),
        reverse("papers-years"),
        reverse("papers-venues"),
        reverse("papers-authors"),
        reverse("topics-list"),
        reverse("readinglists-index"),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
