"""Comments on summaries and questions on papers: who sees them, who changes them.

A summary's comments are exactly as visible as the summary: the views reach the summary
through the summaries services first (404 for whoever may not see it), so a private
summary's thread is its owner's alone and an unlisted one's is for whoever has the link.
Hidden posts (hidden by moderators, or held for review by the spam and first-posts
rules of ``moderation.services.screen_post``) are shown to moderators and their author
only, and a held post notifies nobody.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from papershelf.accounts.models import User
from papershelf.accounts.roles import is_moderator
from papershelf.discussions.models import Answer, Comment, Post, Question
from papershelf.lib.markdown import render_markdown
from papershelf.moderation.services import screen_post
from papershelf.notifications.services import Event, notify
from papershelf.papers.models import Paper
from papershelf.summaries import services as summary_services
from papershelf.summaries.models import Summary, Visibility

MAX_BODY_CHARS = 20_000  # a comment or an answer, not a second summary

P = TypeVar("P", bound=Post)


def summary_at(user: User | None, pk: int | None = None, token: str | None = None) -> Summary:
    """The summary an address names (its number or its share token), as the user may see it."""
    if token is not None:
        return summary_services.get_shared_summary(token, user)
    if pk is None:
        raise Http404("No such summary")
    return summary_services.get_summary_for_user(pk, user)


def shown_to(posts: QuerySet[P], user: User | None) -> QuerySet[P]:
    """Leave out hidden posts, except for moderators and for their own author."""
    if is_moderator(user):
        return posts
    if user is not None and user.is_authenticated:
        return posts.filter(Q(hidden=False) | Q(author=user))
    return posts.filter(hidden=False)


def _check_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ValidationError({"body": "Write something first."})
    if len(body) > MAX_BODY_CHARS:
        raise ValidationError({"body": f"At most {MAX_BODY_CHARS:,} characters, please."})
    return body


def _render(post: Post, prefix: str) -> None:
    # The id keeps footnote ids apart from the summary's and other posts' on one page.
    post.body_html = render_markdown(post.body, doc_id=f"{prefix}{post.pk}")
    type(post)._default_manager.filter(pk=post.pk).update(body_html=post.body_html)


def _screen(post: Post, *, new: bool) -> bool:
    """Hold the post if the shelf's rules flag it; True when others may see it now.

    A comment on a private summary is read by its owner alone, so, like the private
    summary itself, nothing holds it."""
    if isinstance(post, Comment) and post.summary.visibility == Visibility.PRIVATE:
        return True
    text = f"{post.title}\n{post.body}" if isinstance(post, Question) else post.body
    screen_post(post, text, new=new)
    return not post.hidden


# --- Comments on a summary --------------------------------------------------------------


@dataclass
class CommentNode:
    comment: Comment
    replies: list[CommentNode] = field(default_factory=list)


def comment_url(comment: Comment) -> str:
    return f"{comment.summary.get_absolute_url()}#comment-{comment.pk}"


def thread(summary: Summary, user: User | None) -> list[CommentNode]:
    """The summary's comments as a tree; a reply under a hidden comment goes with it."""
    comments = shown_to(summary.comments.select_related("author"), user)
    nodes = {comment.pk: CommentNode(comment) for comment in comments}
    roots: list[CommentNode] = []
    for node in nodes.values():
        parent_id = node.comment.parent_id
        if parent_id is None:
            roots.append(node)
        elif parent_id in nodes:
            nodes[parent_id].replies.append(node)
    return roots


def comment_count(summary: Summary, user: User | None) -> int:
    return shown_to(summary.comments.filter(deleted=False), user).count()


@transaction.atomic
def add_comment(
    summary: Summary, author: User, body: str, parent: Comment | None = None
) -> Comment:
    body = _check_body(body)
    if parent is not None and (parent.summary_id != summary.pk or parent.deleted):
        raise ValidationError("That comment cannot be replied to.")
    comment = Comment.objects.create(summary=summary, author=author, body=body, parent=parent)
    _render(comment, "c")
    if _screen(comment, new=True):
        announce_comment(comment)
    return comment


def announce_comment(comment: Comment) -> None:
    """Tell the summary's author, and the author of the comment replied to."""
    summary, author, parent = comment.summary, comment.author, comment.parent
    paper = summary.paper.title
    url = comment_url(comment)
    if parent is not None:
        text = f"{author} replied to your comment on “{paper}”"
        notify(parent.author, Event("reply", text, url, summary=summary), actor=author)
    if parent is None or parent.author != summary.author:
        text = f"{author} commented on your summary of “{paper}”"
        notify(summary.author, Event("reply", text, url, summary=summary), actor=author)


def get_own_comment(summary: Summary, pk: int, user: User) -> Comment:
    """A comment of this summary that the user wrote; any other answers 404."""
    comment = summary.comments.filter(pk=pk, author=user, deleted=False).first()
    if comment is None:
        raise Http404("No such comment")
    return comment


def get_comment(summary: Summary, pk: int, user: User | None) -> Comment:
    """A comment of this summary the user may see (to reply to it or vote on it)."""
    comment = shown_to(summary.comments.filter(pk=pk, deleted=False), user).first()
    if comment is None:
        raise Http404("No such comment")
    return comment


def edit_post(post: P, body: str) -> P:
    post.body = _check_body(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "edited_at"])
    _render(post, {Comment: "c", Question: "q", Answer: "a"}[type(post)])
    _screen(post, new=False)
    return post


@transaction.atomic
def delete_comment(comment: Comment) -> None:
    """Delete a comment; one that has replies leaves a placeholder so the thread holds.

    A placeholder whose last reply goes is removed too.
    """
    parent = comment.parent
    if comment.replies.exists():
        comment.deleted = True
        comment.body = comment.body_html = ""
        comment.save(update_fields=["deleted", "body", "body_html"])
        return
    comment.delete()
    if parent is not None and parent.deleted and not parent.replies.exists():
        delete_comment(parent)


# --- Questions and answers on a paper ---------------------------------------------------


def question_url(question: Question) -> str:
    return reverse("discussions-question", args=[question.paper_id, question.pk])


def questions_of(paper: Paper, user: User | None) -> QuerySet[Question]:
    return shown_to(paper.questions.select_related("author"), user)


def get_question(paper_pk: int, pk: int, user: User | None) -> Question:
    questions = Question.objects.filter(paper_id=paper_pk, pk=pk).select_related("paper")
    question = shown_to(questions, user).first()
    if question is None:
        raise Http404("No such question")
    return question


def get_own_question(paper_pk: int, pk: int, user: User) -> Question:
    question = Question.objects.filter(paper_id=paper_pk, pk=pk, author=user).first()
    if question is None:
        raise Http404("No such question")
    return question


def answers_to(question: Question, user: User | None) -> QuerySet[Answer]:
    return shown_to(question.answers.select_related("author"), user)


def get_answer(question: Question, pk: int, user: User | None) -> Answer:
    answer = answers_to(question, user).filter(pk=pk).first()
    if answer is None:
        raise Http404("No such answer")
    return answer


def get_own_answer(question: Question, pk: int, user: User) -> Answer:
    answer = question.answers.filter(pk=pk, author=user).first()
    if answer is None:
        raise Http404("No such answer")
    return answer


@transaction.atomic
def ask_question(paper: Paper, author: User, title: str, body: str) -> Question:
    title = title.strip()
    if not title:
        raise ValidationError({"title": "A question needs a title."})
    question = Question.objects.create(
        paper=paper, author=author, title=title[:300], body=_check_body(body)
    )
    _render(question, "q")
    _screen(question, new=True)
    return question


@transaction.atomic
def answer_question(question: Question, author: User, body: str) -> Answer:
    answer = Answer.objects.create(question=question, author=author, body=_check_body(body))
    _render(answer, "a")
    if _screen(answer, new=True):
        announce_answer(answer)
    return answer


def announce_answer(answer: Answer) -> None:
    question = answer.question
    text = f"{answer.author} answered your question “{question.title}”"
    url = f"{question_url(question)}#answer-{answer.pk}"
    notify(question.author, Event("answer", text, url, question=question), actor=answer.author)


def accept_answer(question: Question, answer: Answer | None) -> None:
    """The question's author marks one answer accepted (or, with None, none)."""
    if answer is not None and answer.question_id != question.pk:
        raise Http404("No such answer")
    question.accepted_answer = answer
    question.save(update_fields=["accepted_answer"])


def delete_question(question: Question) -> None:
    question.delete()


def delete_answer(answer: Answer) -> None:
    answer.delete()  # the question's accepted answer goes with it (SET_NULL)
