from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from papershelf.discussions import services
from papershelf.discussions.forms import AnswerForm, CommentForm, QuestionForm
from papershelf.moderation.decorators import rate_limited
from papershelf.papers.models import Paper


def _refused(request: HttpRequest, exc: ValidationError, back: str) -> HttpResponse:
    messages.error(request, " ".join(exc.messages))
    return redirect(back)


# --- Comments on a summary (reached by its number or its share token) -------------------


@require_POST
@login_required
@rate_limited("comment")
def comment_new(
    request: HttpRequest, pk: int | None = None, token: str | None = None
) -> HttpResponse:
    summary = services.summary_at(request.user, pk, token)  # type: ignore[arg-type]
    form = CommentForm(request.POST)
    back = summary.get_absolute_url() + "#comments"
    if not form.is_valid():
        messages.error(request, "A comment needs some text (at most 20,000 characters).")
        return redirect(back)
    parent_pk = form.cleaned_data["parent"]
    parent = services.get_comment(summary, parent_pk, request.user) if parent_pk else None  # type: ignore[arg-type]
    try:
        comment = services.add_comment(summary, request.user, form.cleaned_data["body"], parent)  # type: ignore[arg-type]
    except ValidationError as exc:
        return _refused(request, exc, back)
    return redirect(services.comment_url(comment))


@login_required
@rate_limited("comment")  # an edit posts text too
def comment_edit(
    request: HttpRequest, comment_pk: int, pk: int | None = None, token: str | None = None
) -> HttpResponse:
    summary = services.summary_at(request.user, pk, token)  # type: ignore[arg-type]
    comment = services.get_own_comment(summary, comment_pk, request.user)  # type: ignore[arg-type]
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        services.edit_post(comment, form.cleaned_data["body"])
        return redirect(services.comment_url(comment))
    context = {"form": form, "summary": summary, "what": "comment"}
    return render(request, "discussions/edit.html", context)


@require_POST
@login_required
def comment_delete(
    request: HttpRequest, comment_pk: int, pk: int | None = None, token: str | None = None
) -> HttpResponse:
    summary = services.summary_at(request.user, pk, token)  # type: ignore[arg-type]
    comment = services.get_own_comment(summary, comment_pk, request.user)  # type: ignore[arg-type]
    services.delete_comment(comment)
    messages.success(request, "Comment deleted.")
    return redirect(summary.get_absolute_url() + "#comments")


# --- Questions and answers on a paper ----------------------------------------------------


@login_required
@rate_limited("comment")
def question_new(request: HttpRequest, paper_pk: int) -> HttpResponse:
    paper = get_object_or_404(Paper, pk=paper_pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        question = services.ask_question(paper, request.user, data["title"], data["body"])  # type: ignore[arg-type]
        return redirect(services.question_url(question))
    return render(request, "discussions/question_form.html", {"form": form, "paper": paper})


def question_detail(request: HttpRequest, paper_pk: int, pk: int) -> HttpResponse:
    question = services.get_question(paper_pk, pk, request.user)  # type: ignore[arg-type]
    context = {
        "question": question,
        "paper": question.paper,
        "answers": services.answers_to(question, request.user),  # type: ignore[arg-type]
        "form": AnswerForm(),
    }
    return render(request, "discussions/question.html", context)


@login_required
@rate_limited("comment")  # an edit posts text too
def question_edit(request: HttpRequest, paper_pk: int, pk: int) -> HttpResponse:
    question = services.get_own_question(paper_pk, pk, request.user)  # type: ignore[arg-type]
    initial = {"title": question.title, "body": question.body}
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        question.title = form.cleaned_data["title"].strip()
        question.save(update_fields=["title"])
        services.edit_post(question, form.cleaned_data["body"])
        return redirect(services.question_url(question))
    context = {"form": form, "paper": question.paper, "question": question}
    return render(request, "discussions/question_form.html", context)


@require_POST
@login_required
def question_delete(request: HttpRequest, paper_pk: int, pk: int) -> HttpResponse:
    question = services.get_own_question(paper_pk, pk, request.user)  # type: ignore[arg-type]
    paper = question.paper
    services.delete_question(question)
    messages.success(request, "Question deleted.")
    return redirect(paper)


@require_POST
@login_required
@rate_limited("comment")
def answer_new(request: HttpRequest, paper_pk: int, pk: int) -> HttpResponse:
    question = services.get_question(paper_pk, pk, request.user)  # type: ignore[arg-type]
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "An answer needs some text (at most 20,000 characters).")
        return redirect(services.question_url(question))
    answer = services.answer_question(question, request.user, form.cleaned_data["body"])  # type: ignore[arg-type]
    return redirect(f"{services.question_url(question)}#answer-{answer.pk}")


@login_required
@rate_limited("comment")  # an edit posts text too
def answer_edit(request: HttpRequest, paper_pk: int, pk: int, answer_pk: int) -> HttpResponse:
    question = services.get_question(paper_pk, pk, request.user)  # type: ignore[arg-type]
    answer = services.get_own_answer(question, answer_pk, request.user)  # type: ignore[arg-type]
    form = AnswerForm(request.POST or None, initial={"body": answer.body})
    if request.method == "POST" and form.is_valid():
        services.edit_post(answer, form.cleaned_data["body"])
        return redirect(f"{services.question_url(question)}#answer-{answer.pk}")
    context = {"form": form, "question": question, "what": "answer"}
    return render(request, "discussions/edit.html", context)


@require_POST
@login_required
def answer_delete(request: HttpRequest, paper_pk: int, pk: int, answer_pk: int) -> HttpResponse:
    question = services.get_question(paper_pk, pk, request.user)  # type: ignore[arg-type]
    services.delete_answer(services.get_own_answer(question, answer_pk, request.user))  # type: ignore[arg-type]
    messages.success(request, "Answer deleted.")
    return redirect(services.question_url(question))


@require_POST
@login_required
def answer_accept(request: HttpRequest, paper_pk: int, pk: int, answer_pk: int) -> HttpResponse:
    """The question's author marks an answer accepted; posting it again takes that back."""
    question = services.get_own_question(paper_pk, pk, request.user)  # type: ignore[arg-type]
    answer = services.get_answer(question, answer_pk, request.user)  # type: ignore[arg-type]
    if answer.hidden:
        raise Http404("No such answer")
    chosen = None if question.accepted_answer_id == answer.pk else answer
    services.accept_answer(question, chosen)
    return redirect(f"{services.question_url(question)}#answer-{answer.pk}")
