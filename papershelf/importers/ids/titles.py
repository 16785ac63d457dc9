"""Confirm papers that notes name only by title, through a title search on arXiv and Crossref.

A catalogue's answer is taken only when it is certain: its title and the note's agree
once both are normalised, what the note says about authors and year does not
contradict it, and exactly one paper fits. Anything less keeps the paper as the note
wrote it, with a warning that no catalogue confirmed it. Searches are cached and a
run stops asking after a set number, so a folder of notes never hammers a service.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from papershelf.importers.ids.fetch import FetchError, MetadataClient
from papershelf.importers.records import Entry, ImportWarning, PaperRecord, ParsedDocument
from papershelf.lib.titles import is_probably_title, normalise_title, title_variants
from papershelf.papers.identity import family_name_key

# arXiv first: most papers in notes are machine-learning preprints, and an arXiv id is
# the strongest identity. Crossref next, for what is published but not on arXiv.
SERVICES = (("arxiv", "arXiv"), ("crossref", "Crossref"))
YEAR_TOLERANCE = 1  # a preprint and its conference version are often a year apart
FILLED_FIELDS = ("arxiv_id", "arxiv_version", "doi", "authors", "year", "venue")
_NOT_NAMES = frozenset({"al", "others"})  # "et al." that a parser left in


def unconfirmed_message(title: str) -> str:
    return f"“{title}” is not confirmed by any catalogue; kept as written"


@dataclass
class TitleLookups:
    """One import run's title searches: the client (None offline), what is left of the
    request budget, and the services that failed and are not asked again this run."""

    client: MetadataClient | None
    budget: int
    failed: dict[str, str] = field(default_factory=dict)  # service label -> why
    budget_warned: bool = False

    def confirm_document(self, document: ParsedDocument) -> None:
        """Fill title-only papers of ``document`` from a certain match, or warn."""
        for entry in document.entries:
            record = entry.paper
            if record is None or not record.title.strip() or _has_identifier(record):
                continue
            confirmed_by, problems = self._confirm(record, document)
            if confirmed_by:
                _add_evidence(entry, f"title confirmed by {confirmed_by}")
                continue
            reason = f" ({_explain(problems)})" if problems else ""
            message = unconfirmed_message(record.title.strip()) + reason
            document.warnings.append(ImportWarning(document.path, entry.line, message))
            _add_evidence(entry, "not confirmed by any catalogue")

    def _confirm(
        self, record: PaperRecord, document: ParsedDocument
    ) -> tuple[str, list[tuple[str, str]]]:
        """The service that confirmed the record, or why some could not be asked."""
        if self.client is None or not _searchable(record):
            return "", []
        problems: list[tuple[str, str]] = []
        for service, label in SERVICES:
            if label in self.failed:
                problems.append((label, self.failed[label]))
                continue
            candidates = self._search(service, record.title, document)
            if isinstance(candidates, str):
                problems.append((label, candidates))
                continue
            match = certain_match(record, candidates)
            if match is not None:
                fill_from_match(record, match)
                return label, []
        return "", problems

    def _search(
        self, service: str, title: str, document: ParsedDocument
    ) -> list[PaperRecord] | str:
        """The candidates, or why there are none to look at."""
        if self.client is None:
            return "offline"
        cached = self.client.cached_title_search(service, title)
        if cached is not None:
            return cached
        if self.budget <= 0:
            self._warn_budget_spent(document)
            return "not searched: this import's title lookups are spent"
        self.budget -= 1
        try:
            return self.client.search_title(service, title)
        except FetchError as error:
            # One failure is enough to stop asking: a service that timed out or
            # refused once would only cost every later note the same wait.
            self.failed[dict(SERVICES)[service]] = str(error)
            return str(error)

    def _warn_budget_spent(self, document: ParsedDocument) -> None:
        if self.budget_warned:
            return
        self.budget_warned = True
        message = (
            "stopped looking titles up online: this import's lookups are spent "
            "(PAPERSHELF_IMPORT_TITLE_LOOKUPS); the remaining papers are kept as written, "
            "and importing again continues where this run stopped"
        )
        document.warnings.append(ImportWarning(document.path, None, message))


def certain_match(record: PaperRecord, candidates: list[PaperRecord]) -> PaperRecord | None:
    """The one candidate that is surely the paper ``record`` names, or None."""
    fitting = [
        candidate
        for candidate in candidates
        if titles_agree(record.title, candidate.title)
        and not contradicts(record, candidate)
        and (is_probably_title(record.title) or _same_people_and_year(record, candidate))
    ]
    papers = {_identity(candidate) for candidate in fitting}
    return fitting[0] if len(papers) == 1 else None  # two papers with one title: unsure


def titles_agree(written: str, catalogued: str) -> bool:
    """The same title once normalised, or one is the other without an acronym prefix,
    a trailing annotation or a leading "The" (``lib.titles.title_variants``)."""
    written_key, catalogued_key = normalise_title(written), normalise_title(catalogued)
    if not written_key or not catalogued_key:
        return False
    return catalogued_key in title_variants(written) or written_key in title_variants(catalogued)


def contradicts(record: PaperRecord, candidate: PaperRecord) -> bool:
    """True when the note's year or authors rule the candidate out."""
    if record.year and candidate.year and abs(record.year - candidate.year) > YEAR_TOLERANCE:
        return True
    stated = {family_name_key(name) for name in record.authors} - _NOT_NAMES - {""}
    catalogued = {family_name_key(name) for name in candidate.authors}
    # Every author the note names must be one of the paper's; notes list fewer, not others.
    return bool(stated and candidate.authors and not stated <= catalogued)


def _same_people_and_year(record: PaperRecord, candidate: PaperRecord) -> bool:
    # A short title decides nothing alone: the catalogue must state what the note does.
    return bool(candidate.authors and candidate.year)


def fill_from_match(record: PaperRecord, match: PaperRecord) -> None:
    """Identifiers, authors, year and venue the note left out; the title stays as written."""
    for name in FILLED_FIELDS:
        if not getattr(record, name) and getattr(match, name):
            setattr(record, name, copy.copy(getattr(match, name)))


def _searchable(record: PaperRecord) -> bool:
    # A short title ("Layer Normalization", or a heading like "Attention") names a paper
    # only together with its first author and year, so only then is it worth a search.
    return is_probably_title(record.title) or bool(
        normalise_title(record.title) and record.authors and record.year
    )


def _explain(problems: list[tuple[str, str]]) -> str:
    reasons = list(dict.fromkeys(reason for _, reason in problems))
    if len(reasons) == 1 and len(problems) > 1:
        return reasons[0]  # "offline", or the lookups are spent: once is enough
    return "; ".join(f"{label}: {reason}" for label, reason in problems)


def _has_identifier(record: PaperRecord) -> bool:
    return bool(record.arxiv_id or record.doi or record.openreview_id)


def _identity(record: PaperRecord) -> str:
    return record.arxiv_id or record.doi or f"{normalise_title(record.title)}:{record.year}"


def _add_evidence(entry: Entry, note: str) -> None:
    entry.evidence = f"{entry.evidence}; {note}" if entry.evidence else note
