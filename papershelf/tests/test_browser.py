"""The issue's "Done when", in a real headless chromium against a live server.

A new user signs up, adds a paper, writes a summary with display and inline math, code
and a table, watches the live preview typeset the math, files the paper under a topic
and a reading list section, and finds it again by year, venue and author.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOT = Path("/tmp/papershelf-summary.png")  # noqa: S108 - a fixed place for a human to look

SUMMARY = r"""The variational bound rests on one expectation:

\[ \mathbb{E}_{q}[\log p(x|z)] \]

```python
def attention(q, k, v):
    return softmax(q @ k.T) @ v
```

| model | BLEU |
|-------|-----:|
| base  | 27.3 |
| big   | 28.4 |

Self-attention costs """
TYPED = "$O(n^2)$ per layer."


def submit(page: Page, button: str, *, within: str = "main") -> None:
    with page.expect_navigation():
        page.locator(within).get_by_role("button", name=button, exact=True).click()


@pytest.mark.parametrize("width", [1280, 390])  # a laptop, and the everyday loop on a phone
def test_the_whole_path_from_sign_up_to_a_typeset_summary_filed_and_found(
    page: Page, console_errors: list[str], width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    # Sign up through the form.
    page.goto("/accounts/signup/")
    page.fill("input[name=username]", "carol")
    page.fill("input[name=email]", "carol@example.org")
    page.fill("input[name=password1]", "correct-horse-battery")
    page.fill("input[name=password2]", "correct-horse-battery")
    submit(page, "Sign up")
    # Open sign-up confirms the e-mail address first (issue 11): follow the link sent.
    expect(page.locator("h1")).to_have_text("Check your e-mail")
    from django.core import mail

    link = next(w for w in mail.outbox[-1].body.split() if "/accounts/confirm/" in w)
    page.goto(link)
    expect(page.locator("nav")).to_contain_text("carol")
    expect(page.locator(".messages")).to_contain_text("Welcome")

    # Add a paper by hand.
    page.goto("/papers/new/")
    page.fill("input[name=title]", "Attention Is All You Need")
    page.fill("textarea[name=authors]", "Ashish Vaswani\nNoam Shazeer\nNiki Parmar")
    page.fill("input[name=venue]", "NeurIPS")
    page.fill("input[name=year]", "2017")
    page.fill("input[name=arxiv]", "https://arxiv.org/abs/1706.03762v5")
    submit(page, "Add paper")
    expect(page.locator("h1")).to_have_text("Attention Is All You Need")
    expect(page.locator(".messages")).to_contain_text("Paper added.")
    paper_url = page.url
    expect(page.locator("a.pill", has_text="arXiv").first).to_have_attribute(
        "href", "https://arxiv.org/abs/1706.03762v5"
    )

    # Write a summary; the live preview typesets math while typing.
    page.get_by_role("link", name="Write a summary").click()
    body = page.locator("textarea[name=body]")
    body.fill(SUMMARY)
    body.press("End")
    body.press_sequentially(TYPED)
    preview = page.locator("#preview")
    expect(preview.locator(".katex-display")).to_have_count(1)
    expect(preview.locator(".math-inline .katex")).to_have_count(1)
    expect(preview.locator(".highlight")).to_have_count(1)
    expect(preview.locator("table")).to_have_count(1)
    submit(page, "Save")

    # The saved summary: KaTeX math, highlighted code, a table, and no errors.
    assert re.search(r"/summaries/\d+/$", page.url)
    prose = page.locator("article.summary .prose")
    expect(prose.locator(".math-display .katex-display")).to_have_count(1)
    expect(prose.locator(".math-inline .katex")).to_have_count(1)
    expect(prose.locator(".katex-error")).to_have_count(0)
    tex = prose.locator(".math-display annotation").text_content() or ""
    assert tex.strip() == r"\mathbb{E}_{q}[\log p(x|z)]"
    expect(prose.locator(".math-display .katex-html .mathbb")).to_have_count(1)  # the 𝔼
    expect(prose.locator(".highlight .k", has_text="def")).to_have_count(1)
    expect(prose.locator("table td", has_text="28.4")).to_have_css("text-align", "right")
    if width == 1280:
        page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert console_errors == []

    # A topic, and the paper tagged with it.
    page.goto("/topics/new")
    page.fill("input[name=name]", "Sequence models")
    page.fill("textarea[name=description]", "From RNNs to *attention*.")
    submit(page, "Save")
    expect(page.locator(".topic-description em")).to_have_text("attention")
    page.goto(paper_url)
    page.select_option("#id_topic", label="Sequence models")
    submit(page, "Add", within=".topics-box")
    expect(page.locator(".topics-box .tag")).to_contain_text("Sequence models")

    # A reading list with a section, and the paper added from its page.
    page.goto("/lists/new")
    page.fill("input[name=title]", "Transformers reading group")
    submit(page, "Create")
    page.fill("input[name=heading]", "Foundations")
    page.fill("input[name=depth]", "1")
    submit(page, "Add section")
    page.goto(paper_url)
    page.select_option("#id_list", label="Transformers reading group")
    submit(page, "Add", within=".lists-box")
    expect(page.locator(".lists-box")).to_contain_text("Transformers reading group")
    page.locator(".lists-box a", has_text="Transformers reading group").click()
    expect(page.locator("nav.toc li")).to_have_text(re.compile(r"Foundations\s+1"))
    expect(page.locator(".reading-list .list-paper")).to_contain_text("Attention Is All You Need")

    # Find it again by year, by venue and by author.
    page.goto("/years/2017/")
    expect(page.locator(".paper-list")).to_contain_text("Attention Is All You Need")
    page.goto("/venues/")
    page.get_by_role("link", name="NeurIPS").click()
    page.locator("nav.tabs").get_by_role("link", name=re.compile(r"^2017")).click()
    expect(page.locator("nav.tabs a.active")).to_contain_text("2017")
    expect(page.locator(".paper-list")).to_contain_text("Attention Is All You Need")
    page.goto("/authors/")
    page.get_by_role("link", name="Noam Shazeer").click()
    expect(page.locator("h1")).to_have_text("Noam Shazeer")
    expect(page.locator(".paper-list")).to_contain_text("Attention Is All You Need")

    assert console_errors == []
