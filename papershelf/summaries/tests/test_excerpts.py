"""Every shortened summary or description shows rendered text, never its source."""

from __future__ import annotations

from django.test import Client

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.services import create_topic

BODY = r"""## Summary

The cost is $O(n^2)$ per layer[^1] and **attention** is all:

\[ \begin{aligned} a &= b \end{aligned} \]

[^1]: A footnote.
"""


def _excerpt(page: str) -> str:
    return page.split('class="prose excerpt')[1].split("</div>")[0]


def test_the_home_page_card_shows_rendered_text(client: Client, paper: Paper, alice: User) -> None:
    create_summary(paper, alice, SummaryData(body=BODY))
    excerpt = _excerpt(client.get("/").content.decode())
    assert "<strong>attention</strong>" in excerpt
    assert "$" not in excerpt and "[^1]" not in excerpt and "##" not in excerpt
    assert "Summary" not in excerpt  # the heading is left out


def test_the_topics_index_shows_a_rendered_description(client: Client, alice: User) -> None:
    create_topic("Transformers", r"Models where *attention* costs $O(n^2)$.", created_by=alice)
    excerpt = _excerpt(client.get("/topics/").content.decode())
    assert "<em>attention</em>" in excerpt and "math-inline" in excerpt
    assert "*attention*" not in excerpt and "$" not in excerpt


def test_a_profile_lists_summaries_with_rendered_excerpts(
    client: Client, paper: Paper, alice: User
) -> None:
    create_summary(paper, alice, SummaryData(body=BODY))
    excerpt = _excerpt(client.get(f"/users/{alice.username}/").content.decode())
    assert "<strong>attention</strong>" in excerpt and "$" not in excerpt
