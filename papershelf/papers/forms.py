from __future__ import annotations

import re
from typing import Any

from django import forms

from papershelf.lib.identifiers import parse_arxiv_id, parse_doi, parse_openreview_id
from papershelf.limits import check_abstract, check_upload_size
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData

# Names of authors and venues, as the database stores them (Author.name, Venue.name).
NAME_MAX_LENGTH = 300

# What openreview.net uses as forum ids (e.g. "BJJsrmfCZ", "r1Ue8Hcxg").
_OPENREVIEW_ID_RE = re.compile(r"[\w\-]{1,100}")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _comma_list(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class PaperForm(forms.Form):
    title = forms.CharField(max_length=1000)
    authors = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="One per line, in order.",
    )
    venue = forms.CharField(max_length=300, required=False, help_text="e.g. NeurIPS, ICML, JMLR")
    year = forms.IntegerField(min_value=1600, max_value=2100, required=False)
    abstract = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False)
    arxiv = forms.CharField(
        label="arXiv id", required=False, help_text="1706.03762v5, hep-th/9901001 or an arXiv URL"
    )
    doi = forms.CharField(label="DOI", required=False, help_text="10.… or a doi.org URL")
    bibtex_key = forms.CharField(label="BibTeX key", max_length=300, required=False)
    dblp_key = forms.CharField(label="DBLP key", max_length=300, required=False)
    openreview = forms.CharField(label="OpenReview id or URL", required=False)
    pdf_url = forms.URLField(
        label="PDF link", max_length=1000, required=False, assume_scheme="https"
    )
    code_url = forms.URLField(label="Code", max_length=1000, required=False, assume_scheme="https")
    project_url = forms.URLField(
        label="Project page", max_length=1000, required=False, assume_scheme="https"
    )
    url = forms.URLField(label="Other link", max_length=1000, required=False, assume_scheme="https")
    organisations = forms.CharField(required=False, help_text="Comma-separated.")
    keywords = forms.CharField(required=False, help_text="Comma-separated.")
    figure = forms.ImageField(required=False, help_text="A key figure (PNG, JPEG, GIF, WebP).")

    # The form's sections, in order: what the paper is, who wrote it where, where to read it.
    GROUPS = (
        ("Identity", ("title", "arxiv", "doi", "openreview", "bibtex_key", "dblp_key")),
        ("People and venue", ("authors", "organisations", "venue", "year")),
        ("About", ("abstract", "keywords")),
        ("Links", ("pdf_url", "code_url", "project_url", "url")),
        ("Figure", ("figure",)),
    )

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]

    def clean_authors(self) -> str:
        raw: str = self.cleaned_data["authors"]
        for name in _lines(raw):
            if len(name) > NAME_MAX_LENGTH:
                raise forms.ValidationError(
                    f"An author's name may be {NAME_MAX_LENGTH} characters long; "
                    f"“{name[:40]}…” has {len(name):,}. Put one author per line."
                )
        return raw

    def clean_abstract(self) -> str:
        abstract: str = self.cleaned_data["abstract"]
        try:
            check_abstract(abstract)
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["abstract"]) from exc
        return abstract

    def clean_figure(self) -> Any:
        figure = self.cleaned_data["figure"]
        if figure and hasattr(figure, "size"):
            check_upload_size(figure.name, figure.size)
        return figure

    def clean_arxiv(self) -> tuple[str, int | None]:
        raw = self.cleaned_data["arxiv"].strip()
        if not raw:
            return ("", None)
        parsed = parse_arxiv_id(raw)
        if parsed is None:
            raise forms.ValidationError("This is not an arXiv id or arXiv link.")
        return parsed

    def clean_doi(self) -> str:
        raw = self.cleaned_data["doi"].strip()
        if not raw:
            return ""
        doi = parse_doi(raw)
        if doi is None:
            raise forms.ValidationError("This is not a DOI (they start with 10.).")
        return doi

    def clean_openreview(self) -> str:
        raw = self.cleaned_data["openreview"].strip()
        if not raw:
            return ""
        parsed = parse_openreview_id(raw)
        if parsed is None and not _OPENREVIEW_ID_RE.fullmatch(raw):
            raise forms.ValidationError("This is not an OpenReview id or openreview.net link.")
        return parsed or raw

    def to_data(self) -> PaperData:
        data = self.cleaned_data
        arxiv_id, arxiv_version = data["arxiv"]
        return PaperData(
            title=" ".join(data["title"].split()),
            authors=_lines(data["authors"]),
            venue=data["venue"].strip(),
            year=data["year"],
            abstract=data["abstract"].strip(),
            arxiv_id=arxiv_id,
            arxiv_version=arxiv_version,
            doi=data["doi"],
            bibtex_key=data["bibtex_key"].strip(),
            dblp_key=data["dblp_key"].strip(),
            openreview_id=data["openreview"],
            pdf_url=data["pdf_url"],
            code_url=data["code_url"],
            project_url=data["project_url"],
            url=data["url"],
            organisations=_comma_list(data["organisations"]),
            keywords=_comma_list(data["keywords"]),
        )

    @classmethod
    def initial_for(cls, paper: Paper, data: PaperData) -> dict[str, Any]:
        arxiv = f"{data.arxiv_id}v{data.arxiv_version}" if data.arxiv_version else data.arxiv_id
        return {
            **data.__dict__,
            "authors": "\n".join(data.authors),
            "arxiv": arxiv,
            "openreview": data.openreview_id,
            "organisations": ", ".join(data.organisations),
            "keywords": ", ".join(data.keywords),
        }
