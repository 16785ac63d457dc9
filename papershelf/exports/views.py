"""Download buttons: a paper, a list, a topic, a search, or the whole shelf."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from papershelf.exports.selection import Selection
from papershelf.exports.services import FORMATS, ExportError, export_bytes


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def download(request: HttpRequest, format_name: str) -> HttpResponse:
    """?paper=ID, ?list=ID, ?topic=slug or ?q=query; nothing for the whole shelf."""
    if format_name not in FORMATS:
        raise Http404("No such export format")
    user = request.user if request.user.is_authenticated else None
    selection = Selection(
        viewer=user,  # type: ignore[arg-type]
        paper_id=_int(request.GET.get("paper")),
        list_id=_int(request.GET.get("list")),
        topic=request.GET.get("topic", "")[:200],
        query=request.GET.get("q", "")[:500],
    )
    try:
        content = export_bytes(format_name, selection)
    except ExportError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    fmt = FORMATS[format_name]
    response = HttpResponse(content, content_type=fmt.content_type)
    response["Content-Disposition"] = f'attachment; filename="papershelf{fmt.extension}"'
    return response
