"""Large exports as background jobs: the file is written by the worker, then downloaded.

A small selection is still exported inside the request (exports.views.download); this
is for the whole shelf, a big topic or list, a wide search.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.text import slugify

from papershelf.accounts.models import User
from papershelf.exports.selection import Selection, find_topic
from papershelf.exports.services import ExportError, download_name, export_to_path, get_format
from papershelf.jobs.files import job_folder, put_in_place, remove_old_files, unfinished_path
from papershelf.jobs.models import Job
from papershelf.jobs.progress import FileProgress, forget_progress
from papershelf.jobs.tasks import KINDS, JobFailed, as_sentence, start_job_once
from papershelf.readinglists.services import get_list_for_user


def start_export(owner: User, format_name: str, selection: Selection) -> Job:
    """Queue an export of the selection as ``owner`` sees it (private things included)."""
    fmt = get_format(format_name)
    what, stem = _describe(selection, owner)
    params = {"format": fmt.name, "selection": _selection_as_json(selection), "stem": stem}
    return start_job_once(owner, "export", f"{fmt.description} of {what}", params)


def run_export(job: Job) -> dict[str, Any]:
    remove_old_files()
    try:
        fmt = get_format(str(job.params.get("format", "")))
    except ExportError as exc:
        raise JobFailed(as_sentence(exc)) from exc
    final = job_folder(job.pk) / download_name(fmt.name, slugify(job.params.get("stem", "")))
    written = unfinished_path(final)
    progress = FileProgress(job.pk)
    progress.start(0, "Choosing the papers")
    try:
        papers = export_to_path(fmt.name, _selection_of(job), written, progress)
    except ExportError as exc:
        raise JobFailed(as_sentence(exc)) from exc
    except Http404 as exc:
        raise JobFailed(f"Nothing to export: {exc}; it was deleted or made private.") from exc
    # A rerun (a worker killed after this line) writes the same file over this one.
    put_in_place(written, final)
    forget_progress(job.pk)
    return {
        "file": final.name,
        "content_type": fmt.content_type,
        "format": fmt.description,
        "papers": papers,
        "size": final.stat().st_size,
    }


def _describe(selection: Selection, viewer: User) -> tuple[str, str]:
    """What the job page calls the selection, and the stem of the file's name. A list or
    topic the viewer may not see is a 404 here, before anything is queued."""
    if selection.paper_id is not None:
        return f"paper #{selection.paper_id}", f"paper-{selection.paper_id}"
    if selection.list_id is not None:
        reading_list = get_list_for_user(selection.list_id, viewer)
        return f"the reading list “{reading_list.title}”", slugify(reading_list.title)
    if selection.topic:
        topic = find_topic(selection.topic)
        return f"the topic “{topic.name}”", topic.slug
    if selection.query:
        return f"the search “{selection.query}”", "search"
    return "the whole shelf", "papershelf"


def _selection_as_json(selection: Selection) -> dict[str, Any]:
    return {
        "paper_id": selection.paper_id,
        "list_id": selection.list_id,
        "topic": selection.topic,
        "query": selection.query,
    }


def _selection_of(job: Job) -> Selection:
    data = job.params.get("selection") or {}
    return Selection(
        viewer=job.owner,
        paper_id=data.get("paper_id"),
        list_id=data.get("list_id"),
        topic=str(data.get("topic") or ""),
        query=str(data.get("query") or ""),
    )


KINDS["export"] = run_export
