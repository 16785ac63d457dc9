from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.datastructures import MultiValueDict

from papershelf.importers.records import ImportWarning, ParseHints
from papershelf.importers.services import Action, FileOutcome, ImportReport
from papershelf.limits import check_upload_size
from papershelf.summaries.models import Visibility

FORMAT_CHOICES = [
    ("auto", "Recognise it"),
    ("bibtex", "BibTeX / BibLaTeX"),
    ("csl", "CSL-JSON"),
    ("ris", "RIS"),
    ("medline", "PubMed / MEDLINE (.nbib)"),
    ("wos", "Web of Science plain text (savedrecs.txt, .ciw)"),
    ("ids", "List of arXiv ids, DOIs, OpenReview links"),
    ("papis", "Papis library (a folder per document: info.yaml and its notes)"),
    ("notes", "Notes document (Markdown / text / Notion / Jekyll / Obsidian / course notes)"),
    ("html", "Web page saved from a browser (.html)"),
    ("org", "Org-mode file (.org)"),
    ("dokuwiki", "DokuWiki page (.txt from data/pages)"),
    ("rtf", "Rich Text Format (.rtf: TextEdit, WordPad, Word, Scrivener)"),
    ("citavi", "Citavi project exported as XML (.xml)"),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self, data: object, initial: object = None) -> list[object]:
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(d, initial) for d in data]
        else:
            files = [single(data, initial)]
        for upload in files:
            check_upload_size(upload.name, upload.size)
        return files


class ImportForm(forms.Form):
    files = MultipleFileField(  # type: ignore[assignment]  # a field named like BaseForm.files
        help_text="BibTeX, CSL-JSON, RIS, identifier lists, Markdown/text notes, or a zip "
        "(a Notion export with its images)."
    )
    format = forms.ChoiceField(choices=FORMAT_CHOICES, initial="auto")
    list_name = forms.CharField(
        label="Reading list", max_length=300, required=False,
        help_text="Put every paper in this list (notes documents make their own list anyway).",
    )  # fmt: skip
    topics = forms.CharField(
        required=False, help_text="Comma-separated topics to tag every paper with."
    )
    visibility = forms.ChoiceField(
        label="Summaries are", choices=Visibility.choices, initial=Visibility.PUBLIC
    )
    fetch_metadata = forms.BooleanField(
        label="Look identifiers up online (arXiv, Crossref, OpenReview)", required=False,
        initial=True,
    )  # fmt: skip

    def topic_names(self) -> list[str]:
        raw: str = self.cleaned_data["topics"]
        return [name.strip() for name in raw.split(",") if name.strip()]


# --- Corrections from the preview -------------------------------------------------------
#
# The preview is one form over every file. A file is known by its index on the page
# (``file-0`` holds its name, as the report shows it); its fields carry that index:
# ``not-paper-0`` (checkboxes, one per entry line), ``title-0-12`` (the paper at line 12),
# ``split-0`` (a heading level) and ``separator-0`` (a line).

SPLIT_LEVELS = range(1, 7)
STRUCTURED_FORMATS = ("notes", "html")  # where a person may say where papers start
MAX_TITLE_LENGTH = 1000  # Paper.title
MAX_SEPARATOR_LENGTH = 200
_FILE_FIELD_RE = re.compile(r"^file-(?P<index>\d{1,4})$")
_TITLE_FIELD_RE = re.compile(r"^title-(?P<index>\d{1,4})-(?P<line>\d{1,9})$")


def read_corrections(data: MultiValueDict[str, str]) -> tuple[dict[str, ParseHints], list[str]]:
    """The corrections a preview form holds, by file name, and what was wrong with it.

    A value that cannot be a correction (level 9, a line that is no number) is left out
    with a message; a line that names no entry is harmless (nothing matches it).
    """
    corrections: dict[str, ParseHints] = {}
    errors: list[str] = []
    for key in data:
        match = _FILE_FIELD_RE.match(key)
        name = data.get(key, "")
        if match and name:
            hints = _read_file_hints(data, match["index"], name, errors)
            if hints != ParseHints():
                corrections[name] = hints
    return corrections, errors


def _read_file_hints(
    data: MultiValueDict[str, str], index: str, name: str, errors: list[str]
) -> ParseHints:
    not_papers = set()
    for value in data.getlist(f"not-paper-{index}"):
        if value.isdigit() and int(value) > 0:
            not_papers.add(int(value))
        else:
            errors.append(f"{name}: “{value}” is not a line number; ignored.")
    titles = {}
    for key in data:
        match = _TITLE_FIELD_RE.match(key)
        title = " ".join(data.get(key, "").split())
        if match and match["index"] == index and title:
            if len(title) > MAX_TITLE_LENGTH:
                errors.append(f"{name}:{match['line']}: the title is too long; ignored.")
            else:
                titles[int(match["line"])] = title
    return ParseHints(
        not_papers=frozenset(not_papers),
        titles=titles,
        split_level=_read_split_level(data.get(f"split-{index}", ""), name, errors),
        separator=_read_separator(data.get(f"separator-{index}", ""), name, errors),
    )


def _read_split_level(value: str, name: str, errors: list[str]) -> int | None:
    if not value:
        return None
    if value.isdigit() and int(value) in SPLIT_LEVELS:
        return int(value)
    errors.append(f"{name}: papers start at a heading level from 1 to 6, not “{value}”; ignored.")
    return None


def _read_separator(value: str, name: str, errors: list[str]) -> str:
    value = value.strip()
    if len(value) > MAX_SEPARATOR_LENGTH:
        errors.append(f"{name}: the separator line is too long; ignored.")
        return ""
    return value


def corrections_to_session(corrections: dict[str, ParseHints]) -> dict[str, dict[str, Any]]:
    """Corrections as JSON the session can hold (its keys must be strings)."""
    return {
        name: {
            "not_papers": sorted(hints.not_papers),
            "titles": {str(line): title for line, title in hints.titles.items()},
            "split_level": hints.split_level,
            "separator": hints.separator,
        }
        for name, hints in corrections.items()
    }


def corrections_from_session(stored: dict[str, dict[str, Any]]) -> dict[str, ParseHints]:
    return {
        name: ParseHints(
            not_papers=frozenset(int(line) for line in value.get("not_papers", [])),
            titles={int(line): str(title) for line, title in value.get("titles", {}).items()},
            split_level=value.get("split_level"),
            separator=str(value.get("separator", "")),
        )
        for name, value in stored.items()
    }


@dataclass
class PreviewRow:
    action: Action
    title: str  # the title a person gave this entry, if any


@dataclass
class PreviewFile:
    """One file on the preview page, with what a person may correct about it."""

    index: int
    outcome: FileOutcome
    hints: ParseHints
    rows: list[PreviewRow] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)

    @property
    def structured(self) -> bool:
        return self.outcome.format in STRUCTURED_FORMATS

    @property
    def not_papers(self) -> list[int]:
        return sorted(self.hints.not_papers)


def preview_files(report: ImportReport, corrections: dict[str, ParseHints]) -> list[PreviewFile]:
    """The report grouped by file, each file with its corrections so far."""
    files = {
        outcome.name: PreviewFile(index, outcome, corrections.get(outcome.name, ParseHints()))
        for index, outcome in enumerate(report.files)
    }
    for action in report.actions:
        if action.file in files:
            title = files[action.file].hints.titles.get(action.line or 0, "")
            files[action.file].rows.append(PreviewRow(action, title))
    for warning in report.warnings:
        if warning.path in files:
            files[warning.path].warnings.append(warning)
    return list(files.values())


def other_warnings(report: ImportReport) -> list[ImportWarning]:
    """Warnings that belong to no file of the report (a collection's, a folder's)."""
    names = {outcome.name for outcome in report.files}
    return [warning for warning in report.warnings if warning.path not in names]
