from __future__ import annotations

from django import forms

from papershelf.limits import check_summary_body
from papershelf.summaries.models import Visibility
from papershelf.summaries.services import SummaryData


class SummaryForm(forms.Form):
    title = forms.CharField(max_length=300, required=False, help_text="Optional.")
    body = forms.CharField(
        label="Summary",
        strip=False,  # a summary may open with an indented code block
        widget=forms.Textarea(attrs={"rows": 22, "class": "markdown-input", "spellcheck": "true"}),
        help_text="Markdown. Math with $…$, $$…$$, \\(…\\) or \\[…\\]; code in ``` fences.",
    )
    visibility = forms.ChoiceField(choices=Visibility.choices, initial=Visibility.PUBLIC)
    anonymous = forms.BooleanField(required=False, label="Post anonymously")
    message = forms.CharField(
        max_length=200, required=False, label="What changed?", help_text="Kept with the revision."
    )

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        if not body.strip():
            # strip=False keeps an opening indented code block, so blank text gets here.
            raise forms.ValidationError("Write something: a summary cannot be blank.")
        try:
            check_summary_body(body)
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["body"]) from exc
        return body

    def to_data(self) -> SummaryData:
        data = self.cleaned_data
        return SummaryData(
            body=data["body"].replace("\r\n", "\n").rstrip(),
            title=data["title"].strip(),
            visibility=data["visibility"],
            anonymous=data["anonymous"],
        )
