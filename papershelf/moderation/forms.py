from __future__ import annotations

from django import forms


class ReasonForm(forms.Form):
    reason = forms.CharField(
        max_length=500, widget=forms.Textarea(attrs={"rows": 3}), label="What is wrong?"
    )
