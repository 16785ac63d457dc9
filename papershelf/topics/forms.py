from __future__ import annotations

from django import forms

from papershelf.topics.models import Topic


class TopicForm(forms.Form):
    name = forms.CharField(max_length=200)
    slug = forms.SlugField(max_length=200, required=False, help_text="Made from the name if empty.")
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), required=False, help_text="Markdown."
    )

    def __init__(self, *args: object, topic: Topic | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.topic = topic

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = Topic.objects.filter(name__iexact=name)
        if self.topic is not None:
            clash = clash.exclude(pk=self.topic.pk)
        if clash.exists():
            raise forms.ValidationError("A topic with this name exists.")
        return name

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        clash = Topic.objects.filter(slug=slug)
        if self.topic is not None:
            clash = clash.exclude(pk=self.topic.pk)
        if slug and clash.exists():
            raise forms.ValidationError("A topic with this slug exists.")
        return slug
