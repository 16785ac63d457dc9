from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from papershelf.readinglists.models import ListVisibility


class ReadingListForm(forms.Form):
    title = forms.CharField(max_length=300)
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, help_text="Markdown."
    )
    visibility = forms.ChoiceField(choices=ListVisibility.choices, initial=ListVisibility.PUBLIC)


class AddHeadingForm(forms.Form):
    heading = forms.CharField(max_length=300)
    depth = forms.IntegerField(min_value=1, max_value=6, initial=1)


class AddPaperForm(forms.Form):
    paper = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    reading_list = forms.IntegerField(required=False)
    # A heading of the chosen list; left out, the paper goes at the end of the list.
    section = forms.IntegerField(required=False)


class ItemIdsField(forms.Field):
    """Item numbers sent as repeated ``order`` fields, in their new order."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        if not value:
            return []
        try:
            return [int(each) for each in value]
        except (TypeError, ValueError):
            raise ValidationError("An order is a list of item numbers.") from None


class ReorderForm(forms.Form):
    order = ItemIdsField()


class ItemForm(forms.Form):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    heading = forms.CharField(max_length=300, required=False)
    depth = forms.IntegerField(min_value=1, max_value=6, required=False)
