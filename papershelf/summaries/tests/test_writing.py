"""Writing a summary: math, code and tables render; one summary per person; safe HTML."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary

BODY = r"""The ELBO in one line:

\[ \mathbb{E}_{q}[\log p(x|z)] \]

Self-attention costs $O(n^2)$ in the sequence length.

```python
def attention(q, k, v):
    return softmax(q @ k.T) @ v
```

| model | BLEU |
|-------|-----:|
| base  | 27.3 |
| big   | 28.4 |
"""


def write(client: Client, paper: Paper, body: str = BODY, **fields: str) -> Any:
    data = {"body": body, "visibility": "public", "title": "", "message": "", **fields}
    return client.post(reverse("summaries-new", args=[paper.pk]), data)


def test_a_summary_renders_display_math_inline_math_code_and_a_table(
    alice_client: Client, paper: Paper
) -> None:
    response = write(alice_client, paper)

    summary = Summary.objects.get()
    assert response["Location"] == summary.get_absolute_url()
    page = alice_client.get(summary.get_absolute_url()).content.decode()
    assert re.search(r'class="math math-display">\s*\\mathbb\{E\}_\{q\}\[\\log p\(x\|z\)\]', page)
    assert '<span class="math math-inline">O(n^2)</span>' in page
    assert '<div class="highlight">' in page
    assert '<span class="k">def</span>' in page  # Pygments marked the keyword
    assert "<table>" in page
    assert re.search(r"<td[^>]*>28\.4</td>", page)


def test_the_page_loads_katex_to_typeset_the_math(alice_client: Client, paper: Paper) -> None:
    write(alice_client, paper)
    page = alice_client.get(Summary.objects.get().get_absolute_url()).content.decode()
    assert "katex.min.js" in page
    assert "katex.min.css" in page
    assert "papershelf/math.js" in page


def test_the_summary_shows_on_the_paper_page(alice_client: Client, paper: Paper) -> None:
    write(alice_client, paper, title="The gist")
    page = alice_client.get(paper.get_absolute_url()).content.decode()
    assert "The gist" in page
    assert '<span class="math math-inline">O(n^2)</span>' in page
    assert "by alice" in page


def test_the_first_save_keeps_the_given_message_as_revision_one(
    alice_client: Client, paper: Paper
) -> None:
    write(alice_client, paper, message="First pass")
    revision = Summary.objects.get().revisions.get()
    assert (revision.number, revision.message, revision.body) == (1, "First pass", BODY.strip())


def test_an_empty_summary_is_a_form_error(alice_client: Client, paper: Paper) -> None:
    response = write(alice_client, paper, body="")
    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    assert not Summary.objects.exists()


@pytest.mark.parametrize("blank", ["   ", "\n\n\t \n", "\u00a0"])
def test_a_summary_of_only_whitespace_is_refused_and_no_empty_card_appears(
    alice_client: Client, paper: Paper, blank: str
) -> None:
    response = write(alice_client, paper, body=blank)
    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    assert not Summary.objects.exists()
    assert "No summaries yet" in alice_client.get("/").content.decode()


def test_a_second_summary_of_the_same_paper_opens_the_first_for_editing(
    alice_client: Client, paper: Paper
) -> None:
    write(alice_client, paper)
    first = Summary.objects.get()

    again = alice_client.get(reverse("summaries-new", args=[paper.pk]))
    posted = write(alice_client, paper, body="A second take")

    assert again.status_code == 302
    assert again["Location"] == reverse("summaries-edit", args=[first.pk])
    assert posted["Location"] == reverse("summaries-edit", args=[first.pk])
    assert Summary.objects.count() == 1
    assert Summary.objects.get().body == BODY.strip()


def test_the_paper_page_offers_to_edit_your_summary_instead_of_writing_another(
    alice_client: Client, paper: Paper
) -> None:
    write(alice_client, paper)
    page = alice_client.get(paper.get_absolute_url()).content.decode()
    assert "Edit your summary" in page
    assert reverse("summaries-new", args=[paper.pk]) not in page


def test_with_the_rule_off_a_person_may_write_two_summaries(
    alice_client: Client, paper: Paper, settings: Settings
) -> None:
    settings.ONE_SUMMARY_PER_USER = False
    write(alice_client, paper)
    write(alice_client, paper, body="A second take")
    assert Summary.objects.count() == 2


def test_a_visitor_is_sent_to_log_in_to_write_a_summary(client: Client, paper: Paper) -> None:
    response = write(client, paper)
    assert response["Location"].startswith(reverse("accounts-login"))
    assert not Summary.objects.exists()


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert('x')</script>",
        '<img src="x" onerror="alert(1)">',
        "[click me](javascript:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        "![pic](javascript:alert(1))",
        '<iframe src="https://evil.example"></iframe>',
    ],
)
def test_script_in_a_summary_is_never_stored_as_markup(
    alice_client: Client, paper: Paper, attack: str
) -> None:
    write(alice_client, paper, body=f"Before\n\n{attack}\n\nAfter")

    html = Summary.objects.get().body_html
    assert "<script" not in html
    assert "<iframe" not in html
    assert not re.search(r"<[^>]*\son\w+\s*=", html)  # no event-handler attribute on any tag
    assert not re.search(r"""<[^>]*\s(href|src)\s*=\s*["']?\s*javascript:""", html, re.I)
    assert "After" in html


def test_a_summary_of_only_spaces_is_refused(alice_client: Client, paper: Paper) -> None:
    from papershelf.summaries.models import Summary as _Summary

    response = alice_client.post(
        f"/papers/{paper.pk}/summaries/new", {"body": "   \n\t\n  ", "visibility": "public"}
    )
    assert response.status_code == 200
    assert "a summary cannot be blank" in response.content.decode()
    assert not _Summary.objects.exists()


def test_saving_a_summary_says_so(alice_client: Client, paper: Paper) -> None:
    response = alice_client.post(
        f"/papers/{paper.pk}/summaries/new",
        {"body": "Attention replaces recurrence.", "visibility": "public"},
        follow=True,
    )
    assert "Summary published." in response.content.decode()
