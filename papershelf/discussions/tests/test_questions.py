"""Questions and answers on a paper: anyone signed in asks and answers; only the
question's author accepts an answer; only an author edits or deletes their own."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.discussions.models import Answer, Question
from papershelf.discussions.services import answer_question, ask_question
from papershelf.papers.models import Paper


def test_a_member_asks_and_another_answers_with_math(
    alice_client: Client, bob_client: Client, client: Client, paper: Paper
) -> None:
    response = alice_client.post(
        reverse("discussions-question-new", args=[paper.pk]),
        {"title": "Why scale by sqrt(d)?", "body": r"Why divide by $\sqrt{d_k}$?"},
    )
    question = Question.objects.get()
    assert response["Location"] == reverse("discussions-question", args=[paper.pk, question.pk])
    url = response["Location"]
    bob_client.post(url + "answers", {"body": r"To keep $q \cdot k$ at unit variance."})
    page = client.get(url).content.decode()
    assert r'<span class="math math-inline">\sqrt{d_k}</span>' in page
    assert r'<span class="math math-inline">q \cdot k</span>' in page
    assert "Why scale by sqrt(d)?" in client.get(paper.get_absolute_url()).content.decode()


def test_only_the_questions_author_accepts_an_answer_and_can_take_it_back(
    alice_client: Client, bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    question = ask_question(paper, alice, "Is it causal?", "Masked?")
    answer = answer_question(question, bob, "Yes, in the decoder.")
    url = reverse("discussions-answer-accept", args=[paper.pk, question.pk, answer.pk])
    assert bob_client.post(url).status_code == 404
    question.refresh_from_db()
    assert question.accepted_answer is None
    assert alice_client.post(url).status_code == 302
    question.refresh_from_db()
    assert question.accepted_answer == answer
    page = alice_client.get(reverse("discussions-question", args=[paper.pk, question.pk]))
    assert "✓ accepted" in page.content.decode()
    alice_client.post(url)
    question.refresh_from_db()
    assert question.accepted_answer is None


def test_only_authors_edit_and_delete_questions_and_answers(
    alice_client: Client, bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    question = ask_question(paper, alice, "Title", "Body")
    answer = answer_question(question, bob, "An answer.")
    q_args = [paper.pk, question.pk]
    a_args = [*q_args, answer.pk]
    assert (
        bob_client.post(
            reverse("discussions-question-edit", args=q_args), {"title": "X", "body": "X"}
        ).status_code
        == 404
    )
    assert bob_client.post(reverse("discussions-question-delete", args=q_args)).status_code == 404
    assert (
        alice_client.post(
            reverse("discussions-answer-edit", args=a_args), {"body": "X"}
        ).status_code
        == 404
    )
    assert alice_client.post(reverse("discussions-answer-delete", args=a_args)).status_code == 404
    assert Question.objects.get().body == "Body" and Answer.objects.get().body == "An answer."

    bob_client.post(reverse("discussions-answer-edit", args=a_args), {"body": "Better."})
    answer.refresh_from_db()
    assert answer.body == "Better." and answer.edited_at is not None
    bob_client.post(reverse("discussions-answer-delete", args=a_args))
    alice_client.post(reverse("discussions-question-delete", args=q_args))
    assert not Question.objects.exists() and not Answer.objects.exists()


def test_a_hidden_question_is_a_404_to_everyone_but_its_author_and_moderators(
    alice_client: Client,
    bob_client: Client,
    admin_client_: Client,
    client: Client,
    paper: Paper,
    alice: User,
) -> None:
    question = ask_question(paper, alice, "Spammy title", "Body")
    Question.objects.filter(pk=question.pk).update(hidden=True)
    url = reverse("discussions-question", args=[paper.pk, question.pk])
    assert client.get(url).status_code == 404
    assert bob_client.get(url).status_code == 404
    assert bob_client.post(url + "answers", {"body": "Hi"}).status_code == 404
    assert "Spammy title" not in client.get(paper.get_absolute_url()).content.decode()
    assert alice_client.get(url).status_code == 200
    assert admin_client_.get(url).status_code == 200


def test_hidden_answers_are_not_counted_for_others(
    client: Client, paper: Paper, alice: User, bob: User
) -> None:
    question = ask_question(paper, alice, "Counted?", "Body")
    answer = answer_question(question, bob, "Spam.")
    Answer.objects.filter(pk=answer.pk).update(hidden=True)
    page = client.get(paper.get_absolute_url()).content.decode()
    assert "0 answers" in page
    assert (
        "Spam."
        not in client.get(
            reverse("discussions-question", args=[paper.pk, question.pk])
        ).content.decode()
    )


def test_a_question_on_a_missing_paper_is_a_404(alice_client: Client, db: None) -> None:
    response = alice_client.post("/papers/999/questions/new", {"title": "T", "body": "B"})
    assert response.status_code == 404
    assert not Question.objects.exists()
