"""Who may change a paper: the person who added it and administrators; others get 404."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from papershelf.papers.models import Paper


def edit_form(**changes: str) -> dict[str, str]:
    return {
        "title": "Attention Is All You Need",
        "authors": "Ashish Vaswani\nNoam Shazeer\nNiki Parmar",
        "venue": "NeurIPS",
        "year": "2017",
        "arxiv": "1706.03762v5",
        **changes,
    }


def test_the_edit_form_is_prefilled_with_the_paper(alice_client: Client, paper: Paper) -> None:
    form = alice_client.get(reverse("papers-edit", args=[paper.pk])).context["form"]
    assert form["title"].value() == "Attention Is All You Need"
    assert form["arxiv"].value() == "1706.03762v5"
    assert form["authors"].value() == "Ashish Vaswani\nNoam Shazeer\nNiki Parmar"
    assert form["venue"].value() == "NeurIPS"


def test_the_person_who_added_a_paper_can_edit_it(alice_client: Client, paper: Paper) -> None:
    response = alice_client.post(
        reverse("papers-edit", args=[paper.pk]),
        edit_form(authors="Niki Parmar\nAshish Vaswani", year="2018", venue="NIPS"),
    )
    paper.refresh_from_db()
    assert response.status_code == 302
    assert [a.name for a in paper.ordered_authors()] == ["Niki Parmar", "Ashish Vaswani"]
    assert paper.year == 2018
    assert paper.venue is not None and paper.venue.name == "NeurIPS"  # the alias table's name


def test_another_user_cannot_see_or_use_the_edit_form(bob_client: Client, paper: Paper) -> None:
    url = reverse("papers-edit", args=[paper.pk])
    assert bob_client.get(url).status_code == 404
    assert bob_client.post(url, edit_form(title="Defaced")).status_code == 404
    paper.refresh_from_db()
    assert paper.title == "Attention Is All You Need"
    assert len(paper.ordered_authors()) == 3


def test_another_user_sees_no_edit_link_on_the_paper_page(bob_client: Client, paper: Paper) -> None:
    page = bob_client.get(paper.get_absolute_url()).content.decode()
    assert reverse("papers-edit", args=[paper.pk]) not in page


def test_a_visitor_is_sent_to_log_in_and_changes_nothing(client: Client, paper: Paper) -> None:
    response = client.post(reverse("papers-edit", args=[paper.pk]), edit_form(title="Defaced"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts-login"))
    paper.refresh_from_db()
    assert paper.title == "Attention Is All You Need"


def test_an_administrator_can_edit_anyones_paper(admin_client_: Client, paper: Paper) -> None:
    page = admin_client_.get(paper.get_absolute_url()).content.decode()
    assert reverse("papers-edit", args=[paper.pk]) in page
    response = admin_client_.post(
        reverse("papers-edit", args=[paper.pk]), edit_form(title="Attention is all you need")
    )
    paper.refresh_from_db()
    assert response.status_code == 302
    assert paper.title == "Attention is all you need"


def test_editing_to_another_papers_arxiv_id_is_a_form_error(
    alice_client: Client, paper: Paper
) -> None:
    alice_client.post(reverse("papers-new"), {"title": "ResNet", "arxiv": "1512.03385"})
    resnet = Paper.objects.get(arxiv_id="1512.03385")
    response = alice_client.post(
        reverse("papers-edit", args=[resnet.pk]), edit_form(title="ResNet", arxiv="1706.03762")
    )
    assert response.status_code == 200
    assert "already has the arXiv id" in " ".join(response.context["form"].errors["arxiv"])
    resnet.refresh_from_db()
    assert resnet.arxiv_id == "1512.03385"


def test_saving_a_paper_unchanged_keeps_its_own_identifiers(
    alice_client: Client, paper: Paper
) -> None:
    response = alice_client.post(reverse("papers-edit", args=[paper.pk]), edit_form())
    assert response.status_code == 302
