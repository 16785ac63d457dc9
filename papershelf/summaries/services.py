"""Writing, revising and reading summaries, with who-may-see-what in one place."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.http import Http404

from papershelf.accounts.models import User
from papershelf.accounts.roles import is_moderator
from papershelf.lib.markdown import render_markdown
from papershelf.lib.tokens import new_share_token
from papershelf.limits import check_summary_body
from papershelf.papers.models import Paper
from papershelf.summaries.models import Attachment, Revision, Summary, Visibility
from papershelf.summaries.signals import summary_created


@dataclass
class SummaryData:
    body: str
    title: str = ""
    visibility: str = Visibility.PUBLIC
    anonymous: bool = False


def _shown(user: User | None, visibilities: list[str]) -> Q:
    """Summaries of these visibilities that are not hidden; hidden ones (by a moderator,
    or held for review) to moderators too; and all of the user's own."""
    shown = Q(visibility__in=visibilities)
    if not is_moderator(user):
        shown &= Q(hidden=False)
    if user is not None and user.is_authenticated:
        shown |= Q(author=user)
    return shown


def visible_summaries(user: User | None) -> QuerySet[Summary]:
    """Summaries a user may open: public and unlisted ones, and their own."""
    shown = _shown(user, [Visibility.PUBLIC, Visibility.UNLISTED])
    return Summary.objects.filter(shown).select_related("paper", "author")


def listed_summaries(user: User | None) -> QuerySet[Summary]:
    """Summaries a page may list: public ones, and the user's own (unlisted stays unlisted)."""
    shown = _shown(user, [Visibility.PUBLIC])
    return Summary.objects.filter(shown).select_related("paper", "author")


def _is_author(summary: Summary, user: User | None) -> bool:
    return bool(user is not None and user.is_authenticated and summary.author_id == user.pk)


def _hidden_from(summary: Summary, user: User | None) -> bool:
    return summary.hidden and not (_is_author(summary, user) or is_moderator(user))


def get_summary_for_user(pk: int, user: User | None) -> Summary:
    """A summary by its number: public ones, and the author's own.

    An unlisted summary answers 404 here to everyone else: numbers can be counted, so
    "anyone with the link" means its token address (``get_shared_summary``).
    """
    summary = Summary.objects.filter(pk=pk).select_related("paper", "author").first()
    if (
        summary is None
        or not (summary.visibility == Visibility.PUBLIC or _is_author(summary, user))
        or _hidden_from(summary, user)
    ):
        raise Http404("No such summary")
    return summary


def get_shared_summary(token: str, user: User | None) -> Summary:
    """A summary by its share token: anyone with the link, unless it has become private."""
    summary = Summary.objects.filter(share_token=token).select_related("paper", "author").first()
    if (
        summary is None
        or (summary.visibility == Visibility.PRIVATE and not _is_author(summary, user))
        or _hidden_from(summary, user)
    ):
        raise Http404("No such summary")
    return summary


def get_own_summary(pk: int, user: User) -> Summary:
    """A summary the user may change; others' summaries answer 404, not 403."""
    summary = Summary.objects.filter(pk=pk, author=user).select_related("paper").first()
    if summary is None:
        raise Http404("No such summary")
    return summary


def summary_by(paper: Paper, user: User) -> Summary | None:
    """A summary the user wrote of the paper (their first), if any."""
    return Summary.objects.filter(paper=paper, author=user).first()


def existing_summary(paper: Paper, user: User) -> Summary | None:
    """The summary a new one would repeat, where each person has one per paper."""
    if not settings.ONE_SUMMARY_PER_USER:
        return None
    return summary_by(paper, user)


def _add_revision(summary: Summary, editor: User | None, message: str) -> Revision:
    last = summary.revisions.aggregate(n=Max("number"))["n"] or 0
    return Revision.objects.create(
        summary=summary,
        number=last + 1,
        title=summary.title,
        body=summary.body,
        editor=editor,
        message=message,
    )


@transaction.atomic
def create_summary(paper: Paper, author: User, data: SummaryData, message: str = "") -> Summary:
    check_summary_body(data.body)  # the same limit for forms, the CLI and importers
    summary = Summary(
        paper=paper,
        author=author,
        title=data.title,
        body=data.body,
        visibility=data.visibility,
        anonymous=data.anonymous,
    )
    summary.save()
    # Rendered once the summary has its id, which keeps its footnote ids unique on a page.
    summary.body_html = render_summary(summary)
    summary.save(update_fields=["body_html"])
    _add_revision(summary, author, message or "Created")
    _screen(summary, published_now=True)
    summary_created.send(sender=Summary, instance=summary)  # screened: held ones say so
    return summary


def _screen(summary: Summary, published_now: bool) -> None:
    """Hold spam-shaped text, and a new account's first posts, for a moderator (issue 11).
    A private summary is read by nobody else, so nothing holds it until it is shared."""
    if summary.visibility == Visibility.PRIVATE:
        return
    from papershelf.moderation.services import screen_post

    screen_post(summary, f"{summary.title}\n{summary.body}", new=published_now)


@transaction.atomic
def update_summary(
    summary: Summary, data: SummaryData, editor: User | None, message: str = ""
) -> Summary:
    """Save new text as a new revision; an unchanged save adds no revision."""
    check_summary_body(data.body)
    changed_text = (summary.body, summary.title) != (data.body, data.title)
    was_private = summary.visibility == Visibility.PRIVATE
    visibility_changed = summary.visibility != data.visibility
    if data.visibility == Visibility.UNLISTED != summary.visibility:
        # A link shared before it was made private (or public) stays dead when it is
        # unlisted again: each spell of being unlisted has its own link.
        summary.share_token = new_share_token()
    summary.title = data.title
    summary.body = data.body
    summary.visibility = data.visibility
    summary.anonymous = data.anonymous
    # After the visibility: image addresses follow the summary's own address.
    summary.body_html = render_summary(summary)
    summary.save()
    if changed_text:
        _add_revision(summary, editor, message or "Edited")
    if changed_text or was_private:
        _screen(summary, published_now=was_private)
    if visibility_changed:
        # Who may see its news changed: their cached unread counts are stale.
        from papershelf.notifications.services import forget_unread_about

        forget_unread_about(summary)
    return summary


def restore_revision(summary: Summary, revision: Revision, editor: User) -> Summary:
    """Bring an old text back as the newest revision; history is never rewritten."""
    data = SummaryData(
        body=revision.body,
        title=revision.title,
        visibility=summary.visibility,
        anonymous=summary.anonymous,
    )
    return update_summary(summary, data, editor, f"Restored revision {revision.number}")


@transaction.atomic
def delete_summary(summary: Summary) -> None:
    summary.delete()


def render_summary(summary: Summary) -> str:
    """Render the body, pointing relative images at the summary's stored attachments."""
    if summary.pk is None:
        return render_markdown(summary.body)
    doc_id = f"s{summary.pk}"
    urls: dict[str, str] = {}
    for attachment in summary.attachments.all():
        # The renderer may hand back "a b.png" as "a%20b.png": both spellings find it.
        urls[attachment.name] = urls[unquote(attachment.name)] = attachment.url()
    if not urls:
        return render_markdown(summary.body, doc_id=doc_id)

    def image_url(src: str) -> str:
        return urls.get(src) or urls.get(unquote(src), src)

    return render_markdown(summary.body, image_url=image_url, doc_id=doc_id)


def attachment_storage_name(content: bytes, filename: str) -> str:
    """Where an image is kept: its SHA-256 and suffix, never the name it came with."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"attachments/{hashlib.sha256(content).hexdigest()}{suffix}"


def _check_is_image(content: bytes) -> None:
    """Only pictures are kept: a "png" that Pillow cannot read is refused."""
    import io

    from django.core.exceptions import ValidationError
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError("not a readable image") from exc


def attach_image(summary: Summary, name: str, content: bytes, filename: str) -> Attachment:
    """Store an image the summary refers to as ``name`` and render the summary again."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    attachment = Attachment.objects.filter(summary=summary, name=name).first()
    if attachment is None:
        attachment = Attachment(summary=summary, name=name)
    _check_is_image(content)
    stored = attachment_storage_name(content, filename)
    # The same bytes are the same file: one copy however many summaries show it.
    if not default_storage.exists(stored):
        stored = default_storage.save(stored, ContentFile(content))
    attachment.file.name = stored
    attachment.full_clean(exclude=["summary"])
    attachment.save()
    Summary.objects.filter(pk=summary.pk).update(body_html=render_summary(summary))
    return attachment


def get_attachment(summary: Summary, filename: str) -> Attachment:
    """One of the summary's images by its stored file name; whoever may see the summary
    may see it, and nobody else learns it exists."""
    for attachment in summary.attachments.all():
        if attachment.filename == filename:
            return attachment
    raise Http404("No such attachment")
