"""The paper page: outbound identifier links, and counting how often papers are read."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper


def test_the_paper_page_links_out_to_every_identifier(client: Client, alice: User) -> None:
    paper = create_paper(
        PaperData(
            title="Some Paper",
            arxiv_id="1706.03762",
            arxiv_version=5,
            doi="10.5555/3295222.3295349",
            openreview_id="BJJsrmfCZ",
            dblp_key="DBLP:conf/nips/VaswaniSPUJGKP17",
            code_url="https://github.com/tensorflow/tensor2tensor",
            pdf_url="https://example.org/paper.pdf",
        ),
        added_by=alice,
    )

    page = client.get(paper.get_absolute_url()).content.decode()

    for href in [
        "https://arxiv.org/abs/1706.03762v5",
        "https://arxiv.org/pdf/1706.03762v5",
        "https://doi.org/10.5555/3295222.3295349",
        "https://openreview.net/forum?id=BJJsrmfCZ",
        "https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17",
        "https://github.com/tensorflow/tensor2tensor",
        "https://example.org/paper.pdf",
    ]:
        assert f'href="{href}"' in page


def test_the_short_paper_address_opens_the_same_page(client: Client, paper: Paper) -> None:
    response = client.get(reverse("papers-detail-short", args=[paper.pk]))
    assert response.status_code == 200
    assert "Attention Is All You Need" in response.content.decode()


def test_a_missing_paper_is_404(client: Client, db: None) -> None:
    assert client.get(reverse("papers-detail-short", args=[999])).status_code == 404


def test_each_visit_counts_as_a_read(client: Client, paper: Paper) -> None:
    for _ in range(3):
        client.get(paper.get_absolute_url())
    paper.refresh_from_db()
    assert paper.view_count == 3


def test_the_home_page_lists_the_most_read_papers_first(client: Client, paper: Paper) -> None:
    other = create_paper(PaperData(title="Deep Residual Learning", year=2016))
    client.get(other.get_absolute_url())
    for _ in range(2):
        client.get(paper.get_absolute_url())

    page = client.get(reverse("home")).content.decode()
    most_read = page[page.index("Most read") :]

    assert most_read.index("Attention Is All You Need") < most_read.index("Deep Residual Learning")


def test_an_unread_paper_is_not_in_most_read(client: Client, paper: Paper) -> None:
    page = client.get(reverse("home")).content.decode()
    assert "Nothing read yet." in page


def test_an_empty_shelf_welcomes_the_visitor(client: Client, db: None) -> None:
    page = client.get(reverse("home")).content.decode()
    assert "Welcome to your shelf" in page
    assert "papershelf demo" in page


def test_the_home_page_counts_a_paper_added_a_moment_ago(client: Client, paper: Paper) -> None:
    assert "1 paper on this shelf" in client.get(reverse("home")).content.decode()
    create_paper(PaperData(title="Deep Residual Learning", year=2016))
    assert "2 papers on this shelf" in client.get(reverse("home")).content.decode()
