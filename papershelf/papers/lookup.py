"""Fill the "Add a paper" form from an arXiv id, a DOI or a link to either or OpenReview.

The importer's MetadataClient does the looking up, with its on-disk cache (a second
look-up of the same id costs nothing) and its manners towards each service. Without a
network the person is told so and types the details; the identifier is kept for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from papershelf.importers.ids.fetch import FetchError, MetadataClient, OfflineError
from papershelf.importers.records import PaperRecord
from papershelf.lib.identifiers import Identifier, identify

SERVICE_NAMES = {"arxiv": "arXiv", "doi": "Crossref", "openreview": "OpenReview"}


@dataclass
class Lookup:
    query: str = ""
    message: str = ""
    level: str = "info"  # "success", "warning" or "error": how the page shows the message
    initial: dict[str, Any] = field(default_factory=dict)


def metadata_client() -> MetadataClient:
    """The client the web form uses; tests point it at recorded responses."""
    return MetadataClient(Path(settings.HOME) / "cache" / "metadata")


def _fetch(identifier: Identifier, client: MetadataClient) -> PaperRecord | None:
    if identifier.kind == "arxiv":
        return client.fetch_arxiv([identifier.value]).get(identifier.value)
    if identifier.kind == "doi":
        return client.fetch_crossref(identifier.value)
    return client.fetch_openreview(identifier.value)


def _identifier_fields(identifier: Identifier) -> dict[str, Any]:
    if identifier.kind == "arxiv":
        version = f"v{identifier.version}" if identifier.version else ""
        return {"arxiv": identifier.value + version}
    return {identifier.kind: identifier.value}


def _record_fields(record: PaperRecord) -> dict[str, Any]:
    values = {
        "title": record.title,
        "authors": "\n".join(record.authors),
        "venue": record.venue if record.venue != "arXiv" else "",
        "year": record.year,
        "abstract": record.abstract,
        "doi": record.doi,
        "openreview": record.openreview_id,
        "pdf_url": record.pdf_url,
        "code_url": record.code_url,
        "project_url": record.project_url,
        "keywords": ", ".join(record.keywords),
    }
    if record.arxiv_id:
        version = f"v{record.arxiv_version}" if record.arxiv_version else ""
        values["arxiv"] = record.arxiv_id + version
    return {name: value for name, value in values.items() if value}


def look_up(query: str, client: MetadataClient | None = None) -> Lookup:
    """What the form should start with for ``query``, and a sentence saying how it went."""
    query = query.strip()
    identifier = identify(query)
    if identifier is None:
        return Lookup(query, "That is not an arXiv id, a DOI or an OpenReview link.", "error")
    service = SERVICE_NAMES[identifier.kind]
    known = _identifier_fields(identifier)
    try:
        record = _fetch(identifier, client or metadata_client())
    except OfflineError:
        message = f"{service} could not be reached (offline?). Type the details below."
        return Lookup(query, message, "warning", known)
    except FetchError as exc:
        return Lookup(
            query, f"{service} did not answer ({exc}). Type the details.", "warning", known
        )
    if record is None:
        return Lookup(query, f"{service} does not know {identifier.value}.", "warning", known)
    filled = {**_record_fields(record), **known}  # the version typed wins over the newest
    return Lookup(
        query, f"Filled in from {service}: check it, then add the paper.", "success", filled
    )
