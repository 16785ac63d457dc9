from __future__ import annotations

from django import forms

from papershelf.discussions.services import MAX_BODY_CHARS

_HELP = "Markdown. Math with $…$, $$…$$, \\(…\\) or \\[…\\]."


def _body_field(label: str, rows: int = 5) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=MAX_BODY_CHARS,
        widget=forms.Textarea(attrs={"rows": rows, "class": "markdown-input"}),
        help_text=_HELP,
    )


class CommentForm(forms.Form):
    body = _body_field("Comment")
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class QuestionForm(forms.Form):
    title = forms.CharField(max_length=300)
    body = _body_field("Details", rows=8)


class AnswerForm(forms.Form):
    body = _body_field("Your answer", rows=8)
