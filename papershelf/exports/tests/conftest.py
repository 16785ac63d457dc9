"""A small shelf alice built: what every export test writes out and reads back.

alice owns everything here; bob's private summary of the first paper must never
appear in anyone's export but bob's.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.services import add_heading, add_paper, create_list
from papershelf.summaries.models import Visibility
from papershelf.summaries.services import SummaryData, attach_image, create_summary
from papershelf.topics.services import create_topic, tag_paper


def png(colour: str) -> bytes:
    picture = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(picture, format="PNG")
    return picture.getvalue()


PAPERS = [
    PaperData(
        title="Attention Is All You Need",
        authors=["Ashish Vaswani", "Noam Shazeer", "Łukasz Kaiser"],
        venue="NeurIPS", year=2017, arxiv_id="1706.03762", arxiv_version=5,
    ),
    PaperData(
        title="Deep Residual Learning for Image Recognition",
        authors=["Kaiming He", "Xiangyu Zhang"], venue="CVPR", year=2016,
        arxiv_id="1512.03385", doi="10.1109/cvpr.2016.90",
    ),
    PaperData(
        title="Learning Kernels with Schölkopf & Smola: 100% of $\\alpha$ {Braces}",
        authors=["Bernhard Schölkopf", "Alexander J. Smola"], venue="MIT Press", year=2002,
        doi="10.7551/mitpress/4175.001.0001",
    ),
]  # fmt: skip


@pytest.fixture
def shelf(alice: User, bob: User) -> list[Paper]:
    papers = [create_paper(data, added_by=alice) for data in PAPERS]
    attention, resnet, kernels = papers
    first = create_summary(
        attention,
        alice,
        SummaryData(body="Self-attention: $QK^T/\\sqrt{d}$.\n\n![Fig](img/fig.png)\n"),
    )
    attach_image(first, "img/fig.png", png("red"), "fig.png")
    create_summary(resnet, alice, SummaryData(body="Learn $F(x) = H(x) - x$.\n", title="ResNet"))
    create_summary(
        kernels, alice, SummaryData(body="My private notes.\n", visibility=Visibility.PRIVATE)
    )
    create_summary(attention, bob, SummaryData(body="Bob's secret.\n", visibility="private"))
    vision = create_topic("Computer vision", "Seeing with *networks*.", created_by=alice)
    deep = create_topic("Deep learning", "Many layers.", created_by=alice)
    for paper in (attention, resnet):
        tag_paper(paper, deep)
    tag_paper(resnet, vision)
    path = create_list(alice, "From kernels to attention", "A short path.")
    add_heading(path, "Before deep learning")
    add_paper(path, kernels)
    add_heading(path, "Deep nets", depth=1)
    add_heading(path, "Vision", depth=2)
    add_paper(path, resnet)
    add_paper(path, attention)
    return papers
