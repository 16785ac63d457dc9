"""A summary switched away from public leaves every index at once, queue or no queue.

Personas as in papershelf/conftest.py: alice wrote the summary; bob and a visitor who is
not signed in must never find or read its words once it is private.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.search import indexing
from papershelf.search.embedding import Embedder
from papershelf.search.models import DirtyPaper, Embedding, PendingEmbedding
from papershelf.search.semantic import process_pending
from papershelf.search.tests.conftest import add_paper, add_summary
from papershelf.summaries.models import Summary, Visibility
from papershelf.summaries.services import SummaryData, delete_summary, update_summary

pytestmark = pytest.mark.django_db

NOTE = (
    "The quokka ablation shows that the marsupial regulariser halves the error. "
    "Quokka weights decay slowly because the regulariser pulls them to zero."
)
SECRET_WORDS = ("quokka", "marsupial")


@pytest.fixture
def public_note(alice: User, embedder: Embedder) -> Summary:
    """A public summary, indexed everywhere: full text and vectors."""
    paper = add_paper("Regularising Small Networks", abstract="We study weight decay.")
    add_paper("Generative Adversarial Networks", abstract="A generator and a discriminator.")
    summary = add_summary(paper, alice, NOTE)
    process_pending()
    assert Embedding.objects.filter(summary=summary).exists()
    return summary


def indexer_is_down() -> None:
    """As if the process's after-commit indexing never ran: nothing drains any queue."""
    indexing._pending().clear()


def visible_text(client: Client, query: str, mode: str) -> str:
    """Everything the results show (not the query, which the page echoes back)."""
    response = client.get("/search.json", {"q": query, "mode": mode})
    assert response.status_code == 200
    return json.dumps(response.json()["results"]).casefold()


def assert_nobody_else_reads_it(paper: Paper, bob_client: Client) -> None:
    for client in (bob_client, Client()):
        for mode in ("keyword", "semantic", "hybrid"):
            for query in ("quokka marsupial regulariser", "marsupial regulariser halves error"):
                text = visible_text(client, query, mode)
                assert not any(word in text for word in SECRET_WORDS), (mode, query)
        keyword = client.get("/search.json", {"q": "quokka", "mode": "keyword"}).json()
        assert keyword["results"] == []


def test_a_public_note_is_found_by_everyone_before_it_turns_private(
    public_note: Summary, bob_client: Client
) -> None:
    for mode in ("keyword", "semantic", "hybrid"):
        assert "quokka" in visible_text(Client(), "quokka marsupial regulariser", mode), mode


def test_a_note_made_private_is_gone_from_every_search_before_any_queue_drains(
    public_note: Summary, alice: User, bob_client: Client
) -> None:
    update_summary(public_note, SummaryData(body=NOTE, visibility=Visibility.PRIVATE), alice)
    indexer_is_down()
    assert_nobody_else_reads_it(public_note.paper, bob_client)
    assert not Embedding.objects.filter(summary=public_note).exists()
    # Nothing was drained: the rows the indexer would work from are still waiting.
    assert DirtyPaper.objects.filter(paper_id=public_note.paper_id).exists()
    assert PendingEmbedding.objects.filter(paper_id=public_note.paper_id).exists()


def test_a_note_made_unlisted_is_gone_from_search_too(
    public_note: Summary, alice: User, bob_client: Client
) -> None:
    update_summary(public_note, SummaryData(body=NOTE, visibility=Visibility.UNLISTED), alice)
    indexer_is_down()
    assert_nobody_else_reads_it(public_note.paper, bob_client)


def test_a_deleted_public_note_is_gone_from_search_at_once(
    public_note: Summary, bob_client: Client
) -> None:
    delete_summary(public_note)
    indexer_is_down()
    assert_nobody_else_reads_it(public_note.paper, bob_client)


def test_its_author_still_finds_the_private_note(
    public_note: Summary, alice: User, alice_client: Client
) -> None:
    update_summary(public_note, SummaryData(body=NOTE, visibility=Visibility.PRIVATE), alice)
    indexer_is_down()
    found = alice_client.get("/search.json", {"q": "quokka", "mode": "keyword"}).json()
    assert [r["id"] for r in found["results"]] == [public_note.paper_id]


def test_a_note_made_private_behind_the_services_back_never_shows_through_its_vectors(
    public_note: Summary, bob_client: Client
) -> None:
    # A bulk update sends no signal: the vectors stay, and search must still not show them.
    Summary.objects.filter(pk=public_note.pk).update(visibility=Visibility.PRIVATE)
    assert Embedding.objects.filter(summary=public_note).exists()
    for client in (bob_client, Client()):
        assert "quokka" not in visible_text(client, "quokka marsupial regulariser", "semantic")
