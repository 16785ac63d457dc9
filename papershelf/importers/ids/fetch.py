"""Fetch paper metadata from arXiv, Crossref and OpenReview, by identifier or by title.

Every answer is cached on disk, calls are spaced out per host, and without a
network an import still succeeds: records keep what the list said and a warning
explains that the rest could not be fetched.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

from papershelf import __version__
from papershelf.importers.ids.cache import JsonCache
from papershelf.importers.ids.http import FetchError, HttpPolicy, OfflineError, PoliteSession
from papershelf.importers.ids.responses import (
    ResponseFormatError,
    record_from_crossref_work,
    record_from_openreview_notes,
    records_from_arxiv_feed,
    records_from_crossref_search,
)
from papershelf.importers.records import ImportWarning, PaperRecord, ParsedDocument
from papershelf.lib.identifiers import parse_arxiv_id, parse_doi
from papershelf.lib.titles import normalise_title, plain_title, title_words

__all__ = [
    "Endpoints",
    "FetchError",
    "HttpPolicy",
    "Intervals",
    "MetadataClient",
    "OfflineError",
    "enrich",
    "enrich_document",
    "fetch_arxiv",
    "fetch_crossref",
    "fetch_openreview",
]

T = TypeVar("T")

ARXIV_BATCH_SIZE = 50  # ids per arXiv request; keeps the query URL well under limits
TITLE_SEARCH_ROWS = 5  # candidates per title search: the paper itself ranks near the top
TITLE_SEARCH_SERVICES = ("arxiv", "crossref")
# Fields a better source may replace although a weaker one filled them in.
_PLACEHOLDERS = {"venue": "arXiv", "entry_type": "misc"}


@dataclass(frozen=True)
class Endpoints:
    """Base URLs; tests and mirrors point these elsewhere."""

    arxiv: str = "http://export.arxiv.org/api/query"
    crossref: str = "https://api.crossref.org/works"
    openreview: str = "https://api2.openreview.net/notes"


@dataclass(frozen=True)
class Intervals:
    """Least seconds between two calls to a service's host."""

    arxiv: float = 3.0  # arXiv's API terms: no more than one request every three seconds
    crossref: float = 0.2  # Crossref's public pool allows a handful per second
    openreview: float = 0.5


class MetadataClient:
    """Looks papers up by identifier, through the on-disk cache and a polite session."""

    def __init__(
        self,
        cache_dir: Path | str | None = None,
        *,
        endpoints: Endpoints | None = None,
        intervals: Intervals | None = None,
        policy: HttpPolicy | None = None,
        contact: str = "",
    ) -> None:
        self.endpoints = endpoints or Endpoints()
        self._cache = JsonCache(cache_dir)
        self._contact = contact
        self._http = PoliteSession(
            _user_agent(contact),
            policy or HttpPolicy(),
            _intervals_by_host(self.endpoints, intervals or Intervals()),
        )

    @property
    def offline(self) -> bool:
        return self._http.offline

    def fetch_arxiv(self, ids: Iterable[str]) -> dict[str, PaperRecord]:
        """Records by arXiv id (no version) for the ids arXiv knows; batched requests."""
        wanted = _unique_arxiv_ids(ids)
        found = self.cached_arxiv(wanted)
        missing = [arxiv_id for arxiv_id in wanted if arxiv_id not in found]
        for start in range(0, len(missing), ARXIV_BATCH_SIZE):
            batch = missing[start : start + ARXIV_BATCH_SIZE]
            params = {"id_list": ",".join(batch), "max_results": str(len(batch))}
            response = self._http.get(self.endpoints.arxiv, params)
            for arxiv_id, record in _read(records_from_arxiv_feed, response.text).items():
                if arxiv_id in batch:
                    self._cache.put("arxiv", arxiv_id, dataclasses.asdict(record))
                    found[arxiv_id] = record
        return found

    def cached_arxiv(self, ids: Iterable[str]) -> dict[str, PaperRecord]:
        cached = ((arxiv_id, self._cached_record("arxiv", arxiv_id)) for arxiv_id in ids)
        return {arxiv_id: record for arxiv_id, record in cached if record is not None}

    def fetch_crossref(self, doi: str) -> PaperRecord | None:
        """The Crossref record for a DOI, or None when Crossref does not know it."""
        doi = _required(parse_doi(doi), f"not a DOI: {doi!r}")
        cached = self._cached_record("crossref", doi)
        if cached is not None:
            return cached
        params = {"mailto": self._contact} if self._contact else None
        response = self._http.get(f"{self.endpoints.crossref}/{quote(doi, safe='/')}", params)
        if not response.ok:
            return None
        record = _read(record_from_crossref_work, _json(response.text, "Crossref"))
        self._cache.put("crossref", doi, dataclasses.asdict(record))
        return record

    def fetch_openreview(self, note_id: str) -> PaperRecord | None:
        """The OpenReview record for a forum id, or None when there is no such note."""
        cached = self._cached_record("openreview", note_id)
        if cached is not None:
            return cached
        response = self._http.get(self.endpoints.openreview, {"id": note_id})
        if not response.ok:
            return None
        payload = _json(response.text, "OpenReview")
        record = _read(record_from_openreview_notes, payload, note_id)
        if record is not None:
            self._cache.put("openreview", note_id, dataclasses.asdict(record))
        return record

    def search_title(self, service: str, title: str) -> list[PaperRecord]:
        """Up to TITLE_SEARCH_ROWS candidates, best first, from a title search on
        ``service`` ("arxiv" or "crossref"). Cached by normalised title, "none" too."""
        cached = self.cached_title_search(service, title)
        if cached is not None:
            return cached
        if service == "arxiv":
            found = self._search_arxiv_title(title)
        elif service == "crossref":
            found = self._search_crossref_title(title)
        else:
            raise ValueError(f"no title search on {service!r}")
        records = [dataclasses.asdict(record) for record in found]
        self._cache.put(f"{service}-title", normalise_title(title), records)
        return found

    def cached_title_search(self, service: str, title: str) -> list[PaperRecord] | None:
        """What an earlier :meth:`search_title` found, or None when it never asked."""
        data = self._cache.get(f"{service}-title", normalise_title(title))
        if not isinstance(data, list):
            return None
        try:
            return [PaperRecord(**item) for item in data]
        except TypeError:
            return None  # written by an older Papershelf with other fields: ask again

    def _search_arxiv_title(self, title: str) -> list[PaperRecord]:
        # The words as one phrase in the title field; quotes and colons would be syntax.
        phrase = " ".join(title_words(title))
        params = {"search_query": f'ti:"{phrase}"', "max_results": str(TITLE_SEARCH_ROWS)}
        response = self._http.get(self.endpoints.arxiv, params)
        if not response.ok:
            raise FetchError(f"arXiv answered HTTP {response.status_code} to a title search")
        return list(_read(records_from_arxiv_feed, response.text).values())

    def _search_crossref_title(self, title: str) -> list[PaperRecord]:
        params = {"query.bibliographic": plain_title(title), "rows": str(TITLE_SEARCH_ROWS)}
        if self._contact:
            params["mailto"] = self._contact
        response = self._http.get(self.endpoints.crossref, params)
        if not response.ok:
            raise FetchError(f"Crossref answered HTTP {response.status_code} to a title search")
        return _read(records_from_crossref_search, _json(response.text, "Crossref"))

    def _cached_record(self, namespace: str, key: str) -> PaperRecord | None:
        data = self._cache.get(namespace, key)
        if not isinstance(data, dict):
            return None
        try:
            return PaperRecord(**data)
        except TypeError:
            return None  # written by an older Papershelf with other fields: fetch again


def fetch_arxiv(ids: Iterable[str], client: MetadataClient | None = None) -> dict[str, PaperRecord]:
    return (client or MetadataClient()).fetch_arxiv(ids)


def fetch_crossref(doi: str, client: MetadataClient | None = None) -> PaperRecord | None:
    return (client or MetadataClient()).fetch_crossref(doi)


def fetch_openreview(note_id: str, client: MetadataClient | None = None) -> PaperRecord | None:
    return (client or MetadataClient()).fetch_openreview(note_id)


def enrich(
    records: Sequence[PaperRecord],
    cache_dir: Path | str | None,
    offline_ok: bool = True,
    *,
    client: MetadataClient | None = None,
    path: str = "",
) -> list[ImportWarning]:
    """Fill the empty fields of ``records`` in place from arXiv, Crossref and OpenReview.

    Offline (or when a service fails) the records keep what they had and each one
    left incomplete gets a warning; with ``offline_ok=False`` OfflineError is raised.
    """
    client = client or MetadataClient(cache_dir)
    problems = _Enrichment(client, offline_ok).run(records)
    return [ImportWarning(path, None, message) for _, message in problems]


def enrich_document(
    document: ParsedDocument,
    cache_dir: Path | str | None,
    offline_ok: bool = True,
    *,
    client: MetadataClient | None = None,
) -> list[ImportWarning]:
    """:func:`enrich` for a parsed identifier list; warnings name the list's lines."""
    client = client or MetadataClient(cache_dir)
    entries = [entry for entry in document.entries if entry.paper is not None]
    records = [entry.paper for entry in entries if entry.paper is not None]
    problems = _Enrichment(client, offline_ok).run(records)
    warnings = [
        ImportWarning(document.path, entries[index].line, message) for index, message in problems
    ]
    document.warnings.extend(warnings)
    return warnings


class _Enrichment:
    """One enrichment run: asks arXiv once for all ids, then Crossref and OpenReview."""

    def __init__(self, client: MetadataClient, offline_ok: bool) -> None:
        self._client = client
        self._offline_ok = offline_ok
        self._problems: dict[int, str] = {}

    def run(self, records: Sequence[PaperRecord]) -> list[tuple[int, str]]:
        self._from_arxiv(records)
        for index, record in enumerate(records):
            if record.doi:
                label, doi = f"DOI {record.doi}", record.doi
                self._from_one(index, record, label, "Crossref", self._client.fetch_crossref, doi)
            if record.openreview_id:
                label, note_id = f"OpenReview {record.openreview_id}", record.openreview_id
                fetch = self._client.fetch_openreview
                self._from_one(index, record, label, "OpenReview", fetch, note_id)
        return sorted(self._problems.items())

    def _from_arxiv(self, records: Sequence[PaperRecord]) -> None:
        # Records from other parsers are normalised already; this guards the odd one out.
        keys = {index: parse_arxiv_id(r.arxiv_id) for index, r in enumerate(records) if r.arxiv_id}
        wanted = [key[0] for key in keys.values() if key]
        if not keys:
            return
        error: FetchError | None = None
        try:
            fetched = self._client.fetch_arxiv(wanted)
        except FetchError as exc:
            self._raise_if_offline_not_ok(exc)
            error, fetched = exc, self._client.cached_arxiv(wanted)
        for index, key in keys.items():
            label = f"arXiv {records[index].arxiv_id}"
            if key is None:
                self._note(index, label, None, "not an arXiv id")
            elif key[0] in fetched:
                _fill_missing(records[index], fetched[key[0]])
            else:
                self._note(index, label, error, "not found on arXiv")

    def _from_one(
        self,
        index: int,
        record: PaperRecord,
        label: str,
        service: str,
        fetch: Callable[[str], PaperRecord | None],
        key: str,
    ) -> None:
        try:
            fetched = fetch(key)
        except FetchError as exc:
            self._raise_if_offline_not_ok(exc)
            self._note(index, label, exc, "")
            return
        except ValueError as exc:  # a record from elsewhere with a malformed identifier
            self._note(index, label, None, str(exc))
            return
        if fetched is None:
            self._note(index, label, None, f"not found on {service}")
        else:
            _fill_missing(record, fetched)

    def _raise_if_offline_not_ok(self, error: FetchError) -> None:
        if isinstance(error, OfflineError) and not self._offline_ok:
            raise error

    def _note(self, index: int, label: str, error: FetchError | None, missing: str) -> None:
        reason = f"metadata could not be fetched ({error}); kept what the list says"
        message = f"{label}: {reason if error else missing}"
        # One line per record is enough: the first problem explains the rest.
        self._problems.setdefault(index, message)


def _fill_missing(record: PaperRecord, fetched: PaperRecord) -> None:
    for field in dataclasses.fields(PaperRecord):
        current = getattr(record, field.name)
        better = getattr(fetched, field.name)
        placeholder = _PLACEHOLDERS.get(field.name)
        if better and (not current or (current == placeholder and better != placeholder)):
            setattr(record, field.name, copy.copy(better))


def _unique_arxiv_ids(ids: Iterable[str]) -> list[str]:
    parsed = [_required(parse_arxiv_id(text), f"not an arXiv id: {text!r}")[0] for text in ids]
    return list(dict.fromkeys(parsed))


def _required(value: T | None, message: str) -> T:
    if not value:
        raise ValueError(message)
    return value


def _read(reader: Callable[..., T], *args: object) -> T:
    try:
        return reader(*args)
    except ResponseFormatError as error:
        raise FetchError(str(error)) from error


def _json(text: str, service: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as error:
        raise FetchError(f"{service} did not return JSON") from error


def _user_agent(contact: str) -> str:
    # Crossref routes requests that name a contact to its "polite" pool.
    details = "self-hosted research-paper library"
    if contact:
        details += f"; mailto:{contact}"
    return f"Papershelf/{__version__} ({details})"


def _intervals_by_host(endpoints: Endpoints, intervals: Intervals) -> dict[str, float]:
    by_host: dict[str, float] = {}
    for url, seconds in (
        (endpoints.arxiv, intervals.arxiv),
        (endpoints.crossref, intervals.crossref),
        (endpoints.openreview, intervals.openreview),
    ):
        host = urlsplit(url).hostname or url
        by_host[host] = max(seconds, by_host.get(host, 0.0))
    return by_host
