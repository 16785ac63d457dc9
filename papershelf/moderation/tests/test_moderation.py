"""Reporting, the queue, hiding, restoring, banning, and the audit log."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.conftest import PASSWORD
from papershelf.moderation.models import AuditEntry, Report
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary


def _summary(paper: Paper, author: User, body: str = "Attention replaces recurrence.") -> Summary:
    return create_summary(paper, author, SummaryData(body=body))


def test_a_member_reports_a_summary_and_it_waits_in_the_queue(
    paper: Paper, alice: User, bob_client: Client, moderator_client: Client
) -> None:
    summary = _summary(paper, alice)
    url = reverse("moderation-report", args=["summary", summary.pk])
    response = bob_client.post(url, {"reason": "copied from a blog"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reporter, report.reason) == (
        User.objects.get(username="bob"),
        "copied from a blog",
    )

    queue = moderator_client.get(reverse("moderation-queue")).content.decode()
    assert "copied from a blog" in queue and "bob" in queue


def test_nobody_can_report_what_they_cannot_see(
    paper: Paper, alice: User, bob_client: Client
) -> None:
    private = create_summary(paper, alice, SummaryData(body="mine", visibility="private"))
    url = reverse("moderation-report", args=["summary", private.pk])
    assert bob_client.post(url, {"reason": "x"}).status_code == 404
    assert not Report.objects.exists()


def test_a_hidden_summary_is_gone_for_others_and_shown_to_its_author_and_moderators(
    paper: Paper, alice: User, alice_client: Client, bob_client: Client,
    moderator: User, moderator_client: Client, client: Client,
) -> None:  # fmt: skip
    summary = _summary(paper, alice, "A summary with a rare word: zyzzogeton.")
    response = moderator_client.post(
        reverse("moderation-hide", args=["summary", summary.pk]), {"reason": "off-topic"}
    )
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.hidden

    for reader in (bob_client, client):
        assert reader.get(summary.get_absolute_url()).status_code == 404
        assert "zyzzogeton" not in reader.get(paper.get_absolute_url()).content.decode()
        assert "zyzzogeton" not in reader.get(reverse("home")).content.decode()
        profile = reader.get(reverse("accounts-profile", args=["alice"])).content.decode()
        assert summary.get_absolute_url() not in profile
    for insider in (alice_client, moderator_client):
        page = insider.get(summary.get_absolute_url()).content.decode()
        assert "zyzzogeton" in page and "Hidden by a moderator" in page

    entry = AuditEntry.objects.get()
    assert (entry.moderator, entry.action, entry.reason) == (moderator, "hide", "off-topic")
    assert entry.target_user == alice


def test_restoring_shows_it_again_and_closes_its_reports(
    paper: Paper, alice: User, bob: User, moderator_client: Client, client: Client
) -> None:
    from papershelf.moderation.services import hide, report

    summary = _summary(paper, alice)
    report(summary, bob, "spam?")
    hide(summary, User.objects.get(username="maud"), "looks like spam")
    moderator_client.post(reverse("moderation-restore", args=["summary", summary.pk]))
    summary.refresh_from_db()
    assert not summary.hidden
    assert client.get(summary.get_absolute_url()).status_code == 200
    assert not Report.objects.filter(resolved_at=None).exists()
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["restore", "hide"]


def test_banning_hides_every_post_and_refuses_the_login_with_the_reason(
    paper: Paper, alice: User, moderator_client: Client, client: Client
) -> None:
    summary = _summary(paper, alice)
    response = moderator_client.post(
        reverse("moderation-ban", args=["alice"]), {"reason": "spam links"}
    )
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.hidden
    assert client.get(summary.get_absolute_url()).status_code == 404

    login = client.post(reverse("accounts-login"), {"username": "alice", "password": PASSWORD})
    assert login.status_code == 200
    assert "banned by a moderator (spam links)" in login.content.decode()
    assert "_auth_user_id" not in client.session

    log = moderator_client.get(reverse("moderation-log")).content.decode()
    assert "banned" in log and "spam links" in log and "alice" in log


def test_a_session_from_before_the_ban_can_post_nothing(banned_client: Client) -> None:
    response = banned_client.get(reverse("papers-new"))
    assert response.status_code == 302
    assert reverse("accounts-login") in response["Location"]


def test_lifting_a_ban_lets_them_in_and_shows_what_the_ban_hid(
    paper: Paper, alice: User, moderator: User, moderator_client: Client, client: Client
) -> None:
    from papershelf.moderation.services import ban

    summary = _summary(paper, alice)
    ban(alice, moderator, "mistake")
    moderator_client.post(reverse("moderation-unban", args=["alice"]), {"reason": "appeal"})
    summary.refresh_from_db()
    alice.refresh_from_db()
    assert alice.is_active and not summary.hidden
    login = client.post(reverse("accounts-login"), {"username": "alice", "password": PASSWORD})
    assert login.status_code == 302


def test_a_moderator_cannot_ban_an_administrator_or_themselves(
    admin_user: User, moderator: User, moderator_client: Client
) -> None:
    moderator_client.post(reverse("moderation-ban", args=["admin"]), {"reason": "x"})
    moderator_client.post(reverse("moderation-ban", args=["maud"]), {"reason": "x"})
    admin_user.refresh_from_db()
    moderator.refresh_from_db()
    assert admin_user.is_active and moderator.is_active
    assert not AuditEntry.objects.exists()


def test_the_queue_and_the_log_are_404_to_members_and_send_visitors_to_log_in(
    bob_client: Client, client: Client
) -> None:
    for name in ("moderation-queue", "moderation-log"):
        assert bob_client.get(reverse(name)).status_code == 404
        assert client.get(reverse(name)).status_code == 302


def test_the_queue_link_shows_for_moderators_only(
    bob_client: Client, moderator_client: Client, admin_client_: Client
) -> None:
    queue = reverse("moderation-queue")
    assert queue not in bob_client.get(reverse("home")).content.decode()
    assert queue in moderator_client.get(reverse("home")).content.decode()
    assert queue in admin_client_.get(reverse("home")).content.decode()
