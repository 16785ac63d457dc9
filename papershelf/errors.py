"""The 500 page in the site's layout, and a bare one when even that cannot be drawn.

Django's own handler renders 500.html without context processors (no user, no site
name), so base.html would lose its navigation. This renders it with the request; the
navigation reads the database, which may be what failed, so any error while rendering
falls back to a page that needs nothing.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

from papershelf.ops.logs import current_request_id

logger = logging.getLogger(__name__)

_BARE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Server error</title>"
    "</head><body><h1>Something went wrong on our side</h1><p>The error has been logged. "
    "<a href='/'>Back to the shelf</a></p></body></html>"
)


def server_error(request: HttpRequest) -> HttpResponse:
    html: str
    try:
        html = render_to_string("500.html", {"request_id": current_request_id()}, request=request)
    except Exception:  # the layout itself failed: still answer, in plain HTML
        logger.exception("the 500 page could not be rendered")
        html = _BARE
    return HttpResponseServerError(html)
