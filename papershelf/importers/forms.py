from __future__ import annotations

from django import forms

from papershelf.limits import check_upload_size
from papershelf.summaries.models import Visibility

FORMAT_CHOICES = [
    ("auto", "Recognise it"),
    ("bibtex", "BibTeX / BibLaTeX"),
    ("csl", "CSL-JSON"),
    ("ris", "RIS"),
    ("ids", "List of arXiv ids, DOIs, OpenReview links"),
    ("notes", "Notes document (Markdown / text / Notion / Jekyll / Obsidian / course notes)"),
    ("html", "Web page saved from a browser (.html)"),
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
