"""Topics: named, described groups of papers."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import Http404

from papershelf.accounts.models import User
from papershelf.lib.markdown import render_markdown
from papershelf.papers.models import Paper
from papershelf.slugs import unique_slug
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic


def create_topic(
    name: str, description: str = "", slug: str = "", created_by: User | None = None
) -> Topic:
    return Topic.objects.create(
        name=name.strip(),
        slug=slug or unique_slug(Topic.objects.all(), name, 200, "topic"),
        description=description,
        description_html=render_markdown(description),
        created_by=created_by,
    )


def update_topic(topic: Topic, name: str, description: str, slug: str = "") -> Topic:
    topic.name = name.strip()
    topic.slug = slug or topic.slug
    topic.description = description
    topic.description_html = render_markdown(description)
    topic.save()
    return topic


def get_or_create_topic(name: str, description: str = "", created_by: User | None = None) -> Topic:
    topic = Topic.objects.filter(name__iexact=name.strip()).first()
    if topic is None:
        topic = create_topic(name, description, created_by=created_by)
    elif description and not topic.description:
        update_topic(topic, topic.name, description)
    return topic


def can_change_paper_topics(user: User, paper: Paper, *, has_summary: bool | None = None) -> bool:
    """Who may put topics on a paper, take them off, and accept or reject suggestions:
    its contributors (whoever added it or wrote a summary of it) and staff.

    Topics are shared by the whole shelf, so a passing reader may not retag a paper.
    has_summary says whether the user wrote a summary of it, when the caller knows.
    """
    if not user.is_authenticated:
        return False
    if user.is_staff or paper.added_by_id == user.pk:
        return True
    if has_summary is not None:
        return has_summary
    return Summary.objects.filter(paper=paper, author=user).exists()


def get_paper_for_topic_change(pk: int, user: User) -> Paper:
    """A paper whose topics the user may change; any other answers 404, not 403."""
    paper = Paper.objects.filter(pk=pk).first()
    if paper is None or not can_change_paper_topics(user, paper):
        raise Http404("No such paper")
    return paper


def tag_paper(paper: Paper, topic: Topic) -> None:
    topic.papers.add(paper)


def untag_paper(paper: Paper, topic: Topic) -> None:
    topic.papers.remove(paper)


def can_edit_topic(user: User, topic: Topic) -> bool:
    return bool(user.is_authenticated and (user.is_staff or topic.created_by_id == user.pk))


def topics_with_counts() -> QuerySet[Topic]:
    return Topic.objects.annotate(count=Count("papers")).order_by("name")
