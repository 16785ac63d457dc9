"""Every change to a summary is kept; old text can be brought back without losing any."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from papershelf.summaries.models import Summary


def edit(client: Client, summary: Summary, body: str, message: str = "", **fields: str) -> Any:
    data = {"body": body, "title": "", "visibility": "public", "message": message, **fields}
    return client.post(reverse("summaries-edit", args=[summary.pk]), data)


def test_every_save_keeps_a_revision(alice_client: Client, summary: Summary) -> None:
    edit(alice_client, summary, "Second version", "Tightened")
    edit(alice_client, summary, "Third version")

    revisions = list(summary.revisions.order_by("number").values_list("number", "body", "message"))
    assert revisions == [
        (1, "Attention replaces recurrence.", "Created"),
        (2, "Second version", "Tightened"),
        (3, "Third version", "Edited"),
    ]
    summary.refresh_from_db()
    assert summary.body == "Third version"
    assert "Third version" in summary.body_html


def test_saving_unchanged_text_adds_no_revision(alice_client: Client, summary: Summary) -> None:
    response = edit(alice_client, summary, "Attention replaces recurrence.")
    assert response.status_code == 302
    assert summary.revisions.count() == 1


def test_changing_only_the_visibility_adds_no_revision_but_is_saved(
    alice_client: Client, summary: Summary
) -> None:
    edit(alice_client, summary, "Attention replaces recurrence.", visibility="private")
    summary.refresh_from_db()
    assert summary.visibility == "private"
    assert summary.revisions.count() == 1


def test_the_edit_form_is_prefilled_with_the_current_text(
    alice_client: Client, summary: Summary
) -> None:
    form = alice_client.get(reverse("summaries-edit", args=[summary.pk])).context["form"]
    assert form["body"].value() == "Attention replaces recurrence."


def test_the_history_lists_every_revision_newest_first(
    alice_client: Client, summary: Summary
) -> None:
    edit(alice_client, summary, "Second version", "Tightened")

    page = alice_client.get(reverse("summaries-history", args=[summary.pk])).content.decode()

    assert page.index(">r2</a>") < page.index(">r1</a>")
    assert "Tightened" in page
    assert "Created" in page
    assert page.count(">Restore</button>") == 1  # only the old one can be restored


def test_an_old_revision_can_be_read(alice_client: Client, summary: Summary) -> None:
    edit(alice_client, summary, "Second version")
    page = alice_client.get(reverse("summaries-revision", args=[summary.pk, 1])).content.decode()
    assert "Attention replaces recurrence." in page
    assert "Second version" not in page


def test_restoring_an_old_revision_makes_it_the_newest_and_keeps_all(
    alice_client: Client, summary: Summary
) -> None:
    edit(alice_client, summary, "Second version")

    response = alice_client.post(reverse("summaries-restore", args=[summary.pk, 1]))

    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.body == "Attention replaces recurrence."
    assert "Attention replaces recurrence." in summary.body_html
    revisions = list(summary.revisions.values_list("number", "body", "message"))
    assert revisions == [
        (3, "Attention replaces recurrence.", "Restored revision 1"),
        (2, "Second version", "Edited"),
        (1, "Attention replaces recurrence.", "Created"),
    ]


def test_restoring_needs_a_post(alice_client: Client, summary: Summary) -> None:
    edit(alice_client, summary, "Second version")
    response = alice_client.get(reverse("summaries-restore", args=[summary.pk, 1]))
    assert response.status_code == 405
    assert summary.revisions.count() == 2


def test_a_revision_that_does_not_exist_is_404(alice_client: Client, summary: Summary) -> None:
    assert alice_client.get(reverse("summaries-revision", args=[summary.pk, 9])).status_code == 404
    assert alice_client.post(reverse("summaries-restore", args=[summary.pk, 9])).status_code == 404
