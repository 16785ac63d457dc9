"""A reader finds words of their own private summaries; nobody else ever does."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from papershelf.papers.models import Paper

pytestmark = pytest.mark.django_db


def _titles(client: Client, query: str) -> list[str]:
    response = client.get(reverse("search-json"), {"q": query, "mode": "keyword"})
    return [hit["title"] for hit in response.json()["results"]]


def test_the_owner_finds_a_paper_by_words_of_their_private_summary(
    shelf: dict[str, Paper], alice_client: Client
) -> None:
    response = alice_client.get(reverse("search-json"), {"q": "zanzibar", "mode": "hybrid"})
    [hit] = response.json()["results"]
    assert hit["title"] == shelf["resnet"].title
    assert hit["matched_in"] == "your summary"
    assert "<mark>zanzibar</mark>" in hit["snippet_html"]


def test_another_reader_and_a_visitor_never_see_those_words(
    shelf: dict[str, Paper], bob_client: Client, client: Client
) -> None:
    assert _titles(bob_client, "zanzibar") == []
    assert _titles(client, "zanzibar") == []
    page = bob_client.get(reverse("search"), {"q": "zanzibar shortcut"}).content.decode()
    assert "identity mapping" not in page  # words of the note that the query does not echo


def test_private_matches_honour_exclusions_and_years(
    shelf: dict[str, Paper], alice_client: Client
) -> None:
    assert _titles(alice_client, "zanzibar -identity") == []
    assert _titles(alice_client, "zanzibar year:2016") == [shelf["resnet"].title]
    assert _titles(alice_client, "zanzibar year:2010..2012") == []
