"""The three seed documents, imported once per module and published in every layout.

The database work runs in one transaction that is rolled back: what the tests look at
is the published folders on disk. Beside the seeds, alice adds topics with described
math, a course list with module and lesson notes, a figure and a stored image, and
things no site may show: a private and an unlisted summary, one a moderator hid, and
a private and an unlisted list (each carrying the marker SECRET).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.lib.markdown import render_markdown
from papershelf.papers.models import Paper
from papershelf.publish.services import PublishOptions, publish_site
from papershelf.publish.themes import THEMES
from papershelf.readinglists import services as lists
from papershelf.readinglists.models import ListVisibility
from papershelf.summaries.models import Summary, Visibility
from papershelf.summaries.services import SummaryData, attach_image, create_summary, render_summary
from papershelf.topics.models import Topic

SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "seeds"
SECRET = "SECRET-c0ffee"


def png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def published(django_db_setup: None, django_db_blocker, tmp_path_factory) -> dict[str, Path]:
    """One site per layout, published from the imported seeds."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not at {SEEDS.resolve()} (CI has them at ../shared)")
    root = tmp_path_factory.mktemp("sites")
    sites = {}
    with django_db_blocker.unblock(), transaction.atomic():
        alice = create_user("alice", "a-long-test-password-1", "alice@example.org")
        import_paths(sorted(SEEDS.iterdir()), ImportOptions(user=alice, fetch_metadata=False))
        add_extras(alice)
        for name in THEMES:
            sites[name] = root / name
            publish_site(PublishOptions(sites[name], theme=name))
        transaction.set_rollback(True)
    return sites


def add_extras(alice: User) -> None:
    resnet = Paper.objects.get(arxiv_id="1512.03385")
    vit = Paper.objects.get(arxiv_id="2010.11929")
    gan = Paper.objects.get(arxiv_id="1406.2661")
    resnet.figure.save("resnet.png", ContentFile(png("red")))
    description = "Images as $x \\in \\mathbb{R}^{H \\times W}$."
    vision = Topic.objects.create(
        name="Vision", slug="vision", description=description,
        description_html=render_markdown(description),
    )  # fmt: skip
    vision.papers.add(resnet, vit)
    generative = Topic.objects.create(name="Generative models", slug="generative-models")
    generative.papers.add(gan)

    bob = create_user("bob", "a-long-test-password-1", "bob@example.org")
    with_image = create_summary(
        resnet, bob, SummaryData(body="Residuals: $y = F(x) + x$.\n\n![plot](plot.png)")
    )
    attach_image(with_image, "plot.png", png("blue"), "plot.png")
    Summary.objects.filter(pk=with_image.pk).update(body_html=render_summary(with_image))

    carol = create_user("carol", "a-long-test-password-1", "carol@example.org")
    for visibility in (Visibility.PRIVATE, Visibility.UNLISTED):
        create_summary(
            gan, carol, SummaryData(body=f"{SECRET} {visibility}", visibility=visibility)
        )
    dave = create_user("dave", "a-long-test-password-1", "dave@example.org")
    hidden = create_summary(vit, dave, SummaryData(body=f"{SECRET} hidden"))
    Summary.objects.filter(pk=hidden.pk).update(hidden=True)
    for list_visibility in (ListVisibility.PRIVATE, ListVisibility.UNLISTED):
        secret = lists.create_list(alice, f"{SECRET} {list_visibility} list", "", list_visibility)
        lists.add_paper(secret, gan)

    course = lists.create_list(alice, "Deep learning course", "Twelve weeks.", "public")
    for heading, depth, note in [
        ("Module 1: Convolutions", 1, "Why $3 \\times 3$ kernels."),
        ("Lesson 1.1: Residual networks", 2, "Read with $$\\sum_i x_i$$ in mind."),
    ]:
        item = lists.add_heading(course, heading, depth)
        item.note, item.note_html = note, lists.render_note(note)
        item.save()
    lists.add_paper(course, resnet)
    lists.add_paper(course, vit)
