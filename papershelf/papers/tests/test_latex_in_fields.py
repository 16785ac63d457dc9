"""LaTeX pasted into the paper form never turns a save into an error page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from papershelf.accounts.models import User
from papershelf.lib.tests.latex_strategies import LATEX_SETTINGS, latex_like_text
from papershelf.papers import services
from papershelf.papers.forms import PaperForm
from papershelf.papers.models import Paper

LINKED_TITLE = r"Layer Normalization \href{https://arxiv.org/abs/1607.06450}{(arXiv)}"


def test_a_title_with_a_latex_link_saves_and_shows(alice_client: Client) -> None:
    response = alice_client.post(
        reverse("papers-new"),
        {
            "title": LINKED_TITLE,
            "authors": r"Jimmy Lei Ba \href{https://example.org}",
            "year": 2016,
        },
    )

    paper = Paper.objects.get()
    assert response.status_code == 302
    assert paper.title == LINKED_TITLE
    assert [a.name for a in paper.ordered_authors()] == [r"Jimmy Lei Ba \href{https://example.org}"]
    assert alice_client.get(paper.get_absolute_url()).status_code == 200


def test_editing_a_paper_to_a_title_with_a_broken_latex_link_saves(
    alice_client: Client, paper: Paper
) -> None:
    title = r"Attention Is All You Need \href{https://arxiv.org/abs/1706.03762}"
    response = alice_client.post(
        reverse("papers-edit", args=[paper.pk]),
        {"title": title, "authors": "Ashish Vaswani", "year": "2017", "arxiv": "1706.03762"},
    )

    paper.refresh_from_db()
    assert response.status_code == 302
    assert paper.title == title


@pytest.mark.django_db
# Every example adds a paper to the same test transaction; the fixture is only alice.
@settings(LATEX_SETTINGS, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=latex_like_text, authors=latex_like_text, abstract=latex_like_text)
def test_whatever_latex_the_form_gets_it_saves_or_explains(
    alice: User, title: str, authors: str, abstract: str
) -> None:
    form = PaperForm(data={"title": title, "authors": authors, "abstract": abstract})
    if form.is_valid():  # an empty or NUL-holding title is a form error, not a crash
        paper = services.create_paper(form.to_data(), added_by=alice)
        assert paper.title == " ".join(title.split())
