"""The web's ``papershelf publish``: which public content, in which layout."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q

from papershelf.accounts.models import User
from papershelf.publish.themes import THEMES
from papershelf.readinglists.models import ListVisibility, ReadingList
from papershelf.topics.models import Topic


class PublishForm(forms.Form):
    topics = forms.CharField(
        required=False,
        max_length=500,
        help_text="Only the papers of these topics: names or slugs, separated by commas.",
    )
    reading_list = forms.ModelChoiceField(
        queryset=ReadingList.objects.none(),
        required=False,
        help_text="Only this reading list and its papers. Only public lists are published.",
    )
    mine = forms.BooleanField(
        required=False,
        initial=True,
        label="Only my summaries and lists",
        help_text="A personal site: your signed public summaries and public lists, and the "
        "papers they concern. Unticked: everyone's public summaries.",
    )
    theme = forms.ChoiceField(
        choices=[(theme.name, f"{theme.name}: {theme.description}") for theme in THEMES.values()],
        initial="shelf",
        label="Layout",
    )
    title = forms.CharField(required=False, max_length=200, help_text="The site's title.")
    base_url = forms.URLField(
        required=False,
        assume_scheme="https",
        label="Where it will be hosted",
        help_text="For the sitemap and the feed; the site's own links stay relative.",
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The person's own public lists, and the one asked for: all public lists of a big
        # shelf would be a menu nobody can use.
        chosen = _int(self.data.get("reading_list")) or _int(self.initial.get("reading_list"))
        field = self.fields["reading_list"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101  (narrows the type)
        field.queryset = ReadingList.objects.filter(
            Q(owner=user) | Q(pk=chosen or 0), visibility=ListVisibility.PUBLIC
        ).order_by("title", "pk")

    def clean_topics(self) -> list[str]:
        names = [name.strip() for name in self.cleaned_data["topics"].split(",") if name.strip()]
        for name in names:
            if not Topic.objects.filter(Q(slug=name) | Q(name__iexact=name)).exists():
                raise forms.ValidationError(f"There is no topic “{name}”.")
        return names

    def job_params(self) -> dict[str, Any]:
        data = self.cleaned_data
        reading_list = data["reading_list"]
        return {
            "topics": data["topics"],
            "list_ids": [reading_list.pk] if reading_list else [],
            "mine": data["mine"],
            "theme": data["theme"],
            "title": data["title"],
            "base_url": data["base_url"],
        }

    def job_title(self) -> str:
        data = self.cleaned_data
        parts = [f"topic “{name}”" for name in data["topics"]]
        if data["reading_list"]:
            parts.append(f"the reading list “{data['reading_list'].title}”")
        what = " and ".join(parts) or "the shelf"
        whose = "your public content" if data["mine"] else "public content"
        return f"Website of {whose} of {what} ({data['theme']} layout)"


def _int(value: object) -> int | None:
    text = str(value or "")
    return int(text) if text.isdigit() else None
