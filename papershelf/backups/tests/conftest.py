"""A small shelf with something in every part a backup holds: rows, revisions, media."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.api.tokens import create_token
from papershelf.papers.models import Paper
from papershelf.readinglists import services as lists
from papershelf.summaries.models import Revision, Visibility
from papershelf.summaries.services import (
    SummaryData,
    attach_image,
    create_summary,
    update_summary,
)
from papershelf.topics.models import Topic


def png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def shelf(alice: User, paper: Paper) -> None:
    bob = create_user("bob", "a-long-test-password-1", "bob@example.org")
    paper.figure.save("attention.png", ContentFile(png("green")))
    summary = create_summary(paper, alice, SummaryData(body="First: $QK^T$.\n\n![a](a.png)"))
    attach_image(summary, "a.png", png("white"), "a.png")
    update_summary(summary, SummaryData(body="Second: $\\mathrm{softmax}(QK^T)V$."), alice)
    create_summary(paper, bob, SummaryData(body="Bob's own.", visibility=Visibility.PRIVATE))
    topic = Topic.objects.create(name="Attention", slug="attention", description="*Heads*.")
    topic.papers.add(paper)
    reading_list = lists.create_list(alice, "Transformers", "A path.")
    lists.add_heading(reading_list, "Foundations")
    lists.add_paper(reading_list, paper, note="Read twice.")
    create_token(alice, "laptop", read_only=True)
    assert Revision.objects.count() == 3  # two of alice's summary, one of bob's
