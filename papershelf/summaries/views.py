from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from papershelf.lib.markdown import render_markdown
from papershelf.lib.worddiff import counts as diff_counts
from papershelf.lib.worddiff import word_diff
from papershelf.moderation.decorators import rate_limited
from papershelf.papers.models import Paper
from papershelf.summaries import services
from papershelf.summaries.forms import SummaryForm
from papershelf.summaries.models import Summary
from papershelf.votes.services import record_read

PREVIEW_LIMIT = 200_000  # characters: a preview is for a summary, not a book


def _show_summary(request: HttpRequest, summary: Summary) -> HttpResponse:
    can_edit = summary.author_id == request.user.pk
    if not can_edit:
        record_read(summary)  # the home page's Popular tab (issue 11); authors do not count
    share_url = request.build_absolute_uri(summary.get_absolute_url()) if can_edit else ""
    context = {"summary": summary, "can_edit": can_edit, "share_url": share_url}
    return render(request, "summaries/detail.html", context)


def summary_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _show_summary(request, services.get_summary_for_user(pk, request.user))  # type: ignore[arg-type]


def summary_shared(request: HttpRequest, token: str) -> HttpResponse:
    return _show_summary(request, services.get_shared_summary(token, request.user))  # type: ignore[arg-type]


def _attachment_response(summary: Summary, filename: str) -> FileResponse:
    attachment = services.get_attachment(summary, filename)
    response = FileResponse(attachment.file.open("rb"))
    # The page's visibility rules apply to its images: no shared cache may keep them.
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def summary_file(request: HttpRequest, pk: int, filename: str) -> FileResponse:
    summary = services.get_summary_for_user(pk, request.user)  # type: ignore[arg-type]
    return _attachment_response(summary, filename)


def shared_summary_file(request: HttpRequest, token: str, filename: str) -> FileResponse:
    summary = services.get_shared_summary(token, request.user)  # type: ignore[arg-type]
    return _attachment_response(summary, filename)


@login_required
@rate_limited("post")
def summary_new(request: HttpRequest, paper_pk: int) -> HttpResponse:
    paper = get_object_or_404(Paper, pk=paper_pk)
    own = services.existing_summary(paper, request.user)  # type: ignore[arg-type]
    if own is not None:
        messages.info(request, "You have a summary of this paper already; edit it here.")
        return redirect("summaries-edit", own.pk)
    form = SummaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        summary = services.create_summary(
            paper,
            request.user,  # type: ignore[arg-type]
            form.to_data(),
            form.cleaned_data["message"],
        )
        messages.success(request, _saved_message(summary, "published"))
        return redirect(summary)
    return render(request, "summaries/form.html", {"form": form, "paper": paper, "summary": None})


def _saved_message(summary: Summary, done: str) -> str:
    if summary.hidden:
        return "Summary saved. It waits for a moderator before others can see it."
    return f"Summary {done}." if summary.visibility == "public" else "Summary saved."


@login_required
def summary_edit(request: HttpRequest, pk: int) -> HttpResponse:
    summary = services.get_own_summary(pk, request.user)  # type: ignore[arg-type]
    initial = {
        "title": summary.title,
        "body": summary.body,
        "visibility": summary.visibility,
        "anonymous": summary.anonymous,
    }
    form = SummaryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_summary(
            summary,
            form.to_data(),
            request.user,  # type: ignore[arg-type]
            form.cleaned_data["message"],
        )
        messages.success(
            request, _saved_message(summary, "saved; the old text is kept as a revision")
        )
        return redirect(summary)
    context = {"form": form, "paper": summary.paper, "summary": summary}
    return render(request, "summaries/form.html", context)


@require_POST
@login_required
def summary_delete(request: HttpRequest, pk: int) -> HttpResponse:
    summary = services.get_own_summary(pk, request.user)  # type: ignore[arg-type]
    paper = summary.paper
    services.delete_summary(summary)
    messages.success(request, "Summary deleted.")
    return redirect(paper)


@login_required
def summary_history(request: HttpRequest, pk: int) -> HttpResponse:
    summary = services.get_own_summary(pk, request.user)  # type: ignore[arg-type]
    revisions = summary.revisions.select_related("editor")
    return render(request, "summaries/history.html", {"summary": summary, "revisions": revisions})


@login_required
def revision_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    summary = services.get_own_summary(pk, request.user)  # type: ignore[arg-type]
    revision = get_object_or_404(summary.revisions, number=number)
    context = {"summary": summary, "revision": revision, "html": render_markdown(revision.body)}
    return render(request, "summaries/revision.html", context)


@login_required
def revision_compare(request: HttpRequest, pk: int) -> HttpResponse:
    """What changed between two revisions (?a=older&b=newer), word by word."""
    summary = services.get_own_summary(pk, request.user)  # type: ignore[arg-type]
    numbers = [request.GET.get(key, "") for key in ("a", "b")]
    if not all(n.isdigit() for n in numbers):
        raise Http404("Choose two revisions")
    old, new = (get_object_or_404(summary.revisions, number=int(n)) for n in numbers)
    changes = word_diff(old.body, new.body)
    added, removed = diff_counts(changes)
    context = {"summary": summary, "old": old, "new": new, "changes": changes}
    return render(
        request, "summaries/compare.html", {**context, "added": added, "removed": removed}
    )


@require_POST
@login_required
def revision_restore(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    summary = services.get_own_summary(pk, request.user)  # type: ignore[arg-type]
    revision = get_object_or_404(summary.revisions, number=number)
    services.restore_revision(summary, revision, request.user)  # type: ignore[arg-type]
    messages.success(request, f"Revision {number} restored as the newest revision.")
    return redirect(summary)


@require_POST
@login_required
def preview(request: HttpRequest) -> HttpResponse:
    """Render Markdown for the live preview: the same renderer and sanitiser as on save."""
    text = request.POST.get("body", "")[:PREVIEW_LIMIT]
    return HttpResponse(render_markdown(text), content_type="text/html; charset=utf-8")
