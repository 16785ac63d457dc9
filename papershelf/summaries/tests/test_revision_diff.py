"""What changed between two revisions, word by word, for the summary's author alone."""

from __future__ import annotations

from django.test import Client

from papershelf.accounts.models import User
from papershelf.lib.worddiff import Change, word_diff
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, update_summary


def test_a_word_diff_marks_only_the_changed_words() -> None:
    changes = word_diff("Attention replaces recurrence.", "Attention replaces convolution.")
    assert changes == [
        Change("same", "Attention replaces "),
        Change("removed", "recurrence."),
        Change("added", "convolution."),
    ]


def test_the_author_sees_the_changes_between_two_revisions(
    alice_client: Client, summary: Summary, alice: User
) -> None:
    update_summary(summary, SummaryData(body="Attention replaces convolution too."), alice, "")
    history = alice_client.get(f"/summaries/{summary.pk}/history/").content.decode()
    assert "Show changes" in history
    page = alice_client.get(f"/summaries/{summary.pk}/history/compare?a=1&b=2").content.decode()
    diff = page.split('class="word-diff"')[1].split("</div>")[0]
    assert "<del>recurrence.</del>" in diff
    assert "<ins>convolution too.</ins>" in diff
    assert "2 words added, 1 removed" in page


def test_others_cannot_compare_revisions(bob_client: Client, summary: Summary) -> None:
    assert bob_client.get(f"/summaries/{summary.pk}/history/compare?a=1&b=1").status_code == 404


def test_a_missing_revision_is_a_404(alice_client: Client, summary: Summary) -> None:
    assert alice_client.get(f"/summaries/{summary.pk}/history/compare?a=1&b=9").status_code == 404
    assert alice_client.get(f"/summaries/{summary.pk}/history/compare?a=x").status_code == 404
