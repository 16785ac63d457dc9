"""Links between summaries: a summary of A that links to B relates A and B, both ways."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.search.discovery import related_papers
from papershelf.search.links import links_in_markdown
from papershelf.search.models import SummaryLink
from papershelf.search.tests.conftest import add_paper, add_summary
from papershelf.summaries.models import Visibility
from papershelf.summaries.services import SummaryData, delete_summary, update_summary

pytestmark = pytest.mark.django_db

LINKED = "linked from a summary"
LINKS_HERE = "links here from its summary"


def reasons(paper: Paper, user: User | None = None) -> dict[str, list[str]]:
    return {r.paper.title: r.reasons for r in related_papers(paper, user)}


@pytest.fixture
def bn(shelf: dict[str, Paper]) -> Paper:
    shelf["bn"].arxiv_id = "1502.03167"
    shelf["bn"].save()
    return shelf["bn"]


def test_it_recognises_every_kind_of_link_a_summary_may_hold() -> None:
    text = (
        "Builds on [batch norm](https://arxiv.org/abs/1502.03167v3) and "
        "<https://doi.org/10.1038/NATURE14539>; see https://openreview.net/forum?id=BJJsrmfCZ.\n\n"
        "Compare [our notes](/papers/12/some-slug/) and the [PDF][ref].\n\n"
        "[ref]: https://arxiv.org/pdf/1706.03762.pdf\n"
    )
    assert links_in_markdown(text) == {
        ("arxiv", "1502.03167"),
        ("doi", "10.1038/nature14539"),
        ("openreview", "BJJsrmfCZ"),
        ("paper", "12"),
        ("arxiv", "1706.03762"),
    }


def test_it_finds_links_in_footnotes_and_publisher_urls() -> None:
    text = "As shown before.[^1]\n\n[^1]: https://dl.acm.org/doi/10.1145/3065386 (2017)."
    assert links_in_markdown(text) == {("doi", "10.1145/3065386")}


def test_prose_around_a_bare_url_is_not_part_of_it() -> None:
    text = (
        "(See https://doi.org/10.1016/S0140-6736(20)30183-5). Or http://arxiv.org/abs/1502.03167!"
    )
    assert links_in_markdown(text) == {
        ("doi", "10.1016/s0140-6736(20)30183-5"),
        ("arxiv", "1502.03167"),
    }


def test_code_and_other_sites_are_not_links_to_papers() -> None:
    text = (
        "`https://arxiv.org/abs/1502.03167`\n\n"
        "```\nhttps://doi.org/10.1038/nature14539\n```\n\n"
        "[home](https://example.org/papers/12/) [edit](/papers/12/edit) [top](#top) "
        "[mail](mailto:someone@example.org) 1502.03167 arXiv:1706.03762"
    )
    assert links_in_markdown(text) == set()


def test_a_link_to_this_shelf_by_its_full_address_counts() -> None:
    assert links_in_markdown("See http://localhost:8000/papers/7/.") == {("paper", "7")}


def test_a_summary_link_relates_both_papers_with_their_reasons(
    shelf: dict[str, Paper], bn: Paper, alice: User
) -> None:
    add_summary(shelf["gan"], alice, "Like [BN](https://arxiv.org/abs/1502.03167), it helps.")
    assert LINKED in reasons(shelf["gan"])[bn.title]
    assert LINKS_HERE in reasons(bn)[shelf["gan"].title]


def test_a_link_to_a_paper_page_on_this_shelf_relates_them(
    shelf: dict[str, Paper], alice: User
) -> None:
    gan, resnet = shelf["gan"], shelf["resnet"]
    add_summary(gan, alice, f"Residual blocks as in [ResNet]({resnet.get_absolute_url()}).")
    assert reasons(gan)[resnet.title] == [LINKED]
    assert reasons(resnet)[gan.title] == [LINKS_HERE]


def test_private_and_unlisted_summaries_relate_nothing(
    shelf: dict[str, Paper], bn: Paper, alice: User
) -> None:
    for visibility in (Visibility.PRIVATE, Visibility.UNLISTED):
        add_summary(shelf["gan"], alice, "https://arxiv.org/abs/1502.03167", visibility)
    assert shelf["gan"].title not in reasons(bn, alice)
    assert bn.title not in reasons(shelf["gan"], alice)


def test_making_a_summary_private_unlinks_its_papers(
    shelf: dict[str, Paper], bn: Paper, alice: User
) -> None:
    summary = add_summary(shelf["gan"], alice, "https://arxiv.org/abs/1502.03167")
    update_summary(summary, SummaryData(summary.body, visibility=Visibility.PRIVATE), alice)
    assert shelf["gan"].title not in reasons(bn)


def test_editing_or_deleting_a_summary_updates_its_links(
    shelf: dict[str, Paper], bn: Paper, alice: User
) -> None:
    summary = add_summary(shelf["gan"], alice, "https://arxiv.org/abs/1502.03167")
    text = f"Now about [ResNet]({shelf['resnet'].get_absolute_url()}) instead."
    update_summary(summary, SummaryData(text), alice)
    assert set(reasons(shelf["gan"])) >= {shelf["resnet"].title}
    assert bn.title not in reasons(shelf["gan"])
    delete_summary(summary)
    assert not SummaryLink.objects.exists()


def test_a_paper_added_after_the_summary_is_linked_when_it_arrives(
    shelf: dict[str, Paper], alice: User
) -> None:
    add_summary(shelf["gan"], alice, "Next: https://arxiv.org/abs/1701.07875 (WGAN).")
    wgan = add_paper("Wasserstein GAN", arxiv_id="1701.07875")
    assert reasons(wgan)[shelf["gan"].title] == [LINKS_HERE]


def test_a_summary_linking_to_its_own_paper_relates_nothing(
    shelf: dict[str, Paper], bn: Paper, alice: User
) -> None:
    add_summary(bn, alice, "The paper: https://arxiv.org/abs/1502.03167")
    assert bn.title not in reasons(bn)


def test_the_paper_page_shows_the_link_reasons(
    client: Client, shelf: dict[str, Paper], bn: Paper, alice: User
) -> None:
    add_summary(shelf["gan"], alice, "Like [BN](https://arxiv.org/abs/1502.03167).")
    html = client.get(bn.get_absolute_url()).content.decode()
    assert shelf["gan"].title in html and LINKS_HERE in html


def _page_queries(client: Client, paper: Paper) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(paper.get_absolute_url()).status_code == 200
    return len(queries)


def test_the_paper_page_asks_as_many_queries_with_hundreds_of_linking_papers(
    client: Client, shelf: dict[str, Paper], bn: Paper, alice: User
) -> None:
    add_summary(shelf["gan"], alice, "https://arxiv.org/abs/1502.03167")
    own = add_summary(bn, alice, f"See [ResNet]({shelf['resnet'].get_absolute_url()}).")
    few = _page_queries(client, bn)
    for i in range(300):
        paper = add_paper(f"Normalisation variant number {i}", arxiv_id=f"1801.{i:05d}")
        add_summary(
            paper, alice, f"Compare https://arxiv.org/abs/1502.03167 or [it](/papers/{bn.pk}/)."
        )
    everything = " ".join(f"https://arxiv.org/abs/1801.{i:05d}" for i in range(300))
    update_summary(own, SummaryData(everything), alice)
    assert _page_queries(client, bn) == few
    assert len(reasons(bn)) == 8  # the page's limit, not every linked paper


def test_summaries_written_before_links_were_stored_get_theirs_on_migrate(
    shelf: dict[str, Paper], bn: Paper, alice: User
) -> None:
    add_summary(shelf["gan"], alice, "Like https://arxiv.org/abs/1502.03167 says.")
    SummaryLink.objects.all().delete()
    migration = import_module("papershelf.search.migrations.0005_store_existing_summary_links")
    migration.store_existing_links(django_apps, None)
    assert LINKS_HERE in reasons(bn)[shelf["gan"].title]
