"""Every main page, as a visitor and as a member, at a laptop's and a phone's width.

On each: nothing wider than the window (no sideways scrolling of the whole page), no
TeX or Markdown source in the visible text (math is typeset, excerpts are rendered), no
text cut off where it cannot be scrolled to, no unstyled button, and nothing logged as an
error. With PAPERSHELF_SCREENSHOTS=1 a full-page picture of each is
saved in docs/screenshots/ to look at.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.conftest import PASSWORD
from papershelf.jobs.models import Job
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.services import add_heading, add_paper, create_list
from papershelf.summaries.services import SummaryData, create_summary, update_summary
from papershelf.topics.services import create_topic, tag_paper

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDTHS = {"wide": (1280, 900), "phone": (390, 844)}

# A long display formula and a wide table: on a phone they scroll inside the summary.
SUMMARY = r"""## Summary

Self-attention relates every pair of positions at a cost of $O(n^2)$ per layer[^1],
with **no recurrence** at all:

\[ \begin{aligned} \mathrm{Attention}(Q, K, V) &=
\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right) V
\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)
\\ \mathrm{head}_i &= \mathrm{Attention}(QW_i^Q, KW_i^K, VW_i^V) + \sum_{j=1}^{n} \alpha_{ij} v_j
\end{aligned} \]

| model | params | BLEU EN-DE | BLEU EN-FR | training cost (FLOPs) | notes on the setup used |
|-------|-------:|-----------:|-----------:|----------------------:|-------------------------|
| base  | 65M    | 27.3       | 38.1       | 3.3e18                | eight P100 GPUs, 12 hours |
| big   | 213M   | 28.4       | 41.8       | 2.3e19                | eight P100 GPUs, 3.5 days |

```python
def attention(q, k, v):
    return softmax(q @ k.T / math.sqrt(k.shape[-1])) @ v
```

[^1]: Linear-time variants came later.
"""

# Delimiters and markers that mean source leaked into a page's visible text.
RAW_SOURCE = re.compile(r"\$|\\\(|\\\[|\\begin|\*\*|\[\^\d+\]|^#{1,6} ", re.MULTILINE)
SHOWS_SOURCE = "code, pre, textarea, kbd, .help, .word-diff"


# What a person sees as broken though nothing overflows the page: text cut off with no
# way to scroll to it, a scroller with no shadow to say there is more, a browser's bare
# grey button or menu beside styled ones, a label ending in a colon where no other does,
# a remove button that has left the tag it removes.
LOOKS_BROKEN = """() => {
  const out = [];
  const shown = e => e.getClientRects().length > 0;
  const scrolls = v => v === 'auto' || v === 'scroll';
  for (const e of document.querySelectorAll('.excerpt, .math-display, .prose table, .table')) {
    const s = getComputedStyle(e);
    const what = e.tagName.toLowerCase() + '.' + [...e.classList].join('.');
    if (e.scrollWidth > e.clientWidth + 1 && !scrolls(s.overflowX)) out.push('cut off: ' + what);
    else if (e.scrollWidth > e.clientWidth + 1 && !s.backgroundImage.includes('gradient'))
      out.push('scrolls with no cue: ' + what);
    if (e.scrollHeight > e.clientHeight + 1 && !scrolls(s.overflowY) && s.overflowY !== 'visible')
      out.push('cut at the bottom: ' + what);
  }
  for (const r of document.querySelectorAll('.excerpt hr'))
    if (shown(r)) out.push('a rule in an excerpt');
  for (const b of document.querySelectorAll('button:not([class])'))
    if (shown(b)) out.push('unstyled button: ' + b.textContent.trim());
  for (const f of document.querySelectorAll('main select'))  // a browser's own is square
    if (shown(f) && getComputedStyle(f).borderRadius === '0px')
      out.push('unstyled menu: ' + f.name);
  for (const l of document.querySelectorAll('main label'))
    if (shown(l) && l.textContent.trim().endsWith(':'))
      out.push('label with a colon: ' + l.textContent.trim());
  for (const b of document.querySelectorAll('[aria-label^="Remove topic"]'))
    if (!b.closest('.tag')) out.push('remove button outside its tag: ' + b.ariaLabel);
  return out;
}"""


@dataclass
class Shelf:
    alice: User
    paper_url: str
    summary_pk: int
    list_pk: int
    topic_url: str


def _seed_venue_aliases() -> None:
    """The alias table the migrations made: a transactional test before this one flushed
    it. (serialized_rollback would restore it, but reloads content types that the flush
    has made again: a UNIQUE error whenever another transactional test ran first.)"""
    from django.apps import apps

    from papershelf.papers.models import VenueAlias

    if not VenueAlias.objects.exists():
        import_module(
            "papershelf.papers.migrations.0004_venue_aliases_year_unknown_last"
        ).seed_aliases(apps, None)


@pytest.fixture
def shelf(transactional_db: None) -> Shelf:
    _seed_venue_aliases()
    alice = create_user("alice", PASSWORD, "alice@example.org")
    paper = create_paper(
        PaperData(
            title="Attention Is All You Need",
            authors=["Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit"],
            venue="Advances in Neural Information Processing Systems",
            year=2017,
            arxiv_id="1706.03762",
            abstract="The dominant sequence transduction models are based on complex "
            "recurrent or convolutional neural networks. " * 6,
        ),
        added_by=alice,
    )
    undated = create_paper(PaperData(title="A paper nobody dated"), added_by=alice)
    summary = create_summary(paper, alice, SummaryData(body=SUMMARY))
    revised = SUMMARY.replace("no recurrence", "no recurrence or convolution")
    update_summary(summary, SummaryData(body=revised), alice, "convolution too")
    topic = create_topic(
        "Transformers", r"Models where *attention* costs $O(n^2)$.", created_by=alice
    )
    tag_paper(paper, topic)
    reading_list = create_list(alice, "Sequence models", description="From RNNs on.")
    add_heading(reading_list, "Foundations", 1)
    add_paper(reading_list, paper, note="Read *this* first.")
    add_paper(reading_list, undated)
    return Shelf(
        alice, paper.get_absolute_url(), summary.pk, reading_list.pk, topic.get_absolute_url()
    )


def log_in(page: Page, live_server: LiveServer, user: User) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _public_pages(shelf: Shelf) -> dict[str, str]:
    return {
        "home": "/",
        "papers": "/papers/",
        "paper": shelf.paper_url,
        "summary": f"/summaries/{shelf.summary_pk}/",
        "years": "/years/",
        "venues": "/venues/",
        "authors": "/authors/",
        "topics": "/topics/",
        "topic": shelf.topic_url,
        "lists": "/lists/",
        "list": f"/lists/{shelf.list_pk}/",
        "search": "/search?q=attention",
        "year-unknown": "/years/unknown/",
        "profile": "/users/alice/",
        "login": "/accounts/login/",
        "signup": "/accounts/signup/",
        "not-found": "/papers/999999/",
    }


def _member_pages(shelf: Shelf) -> dict[str, str]:
    return {
        "editor": f"/summaries/{shelf.summary_pk}/edit",
        "paper-form": "/papers/new/",
        "list-editor": f"/lists/{shelf.list_pk}/edit",
        "history": f"/summaries/{shelf.summary_pk}/history/",
        "compare": f"/summaries/{shelf.summary_pk}/history/compare?a=1&b=2",
        "paper-member": shelf.paper_url,  # with the forms to tag it and add it to a list
        "settings": "/settings/tokens/",
        "import": "/import/",
        "export-start": "/export/bibtex/job",  # a whole-shelf download's confirmation
        "publish": "/publish/",
    }


def _check(page: Page, name: str, url: str, width: str, problems: list[str]) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # KaTeX typesets on DOMContentLoaded
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll > inner:
        wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                 .slice(0, 5).map(e => e.tagName + '.' + e.className)"""
        )
        problems.append(f"{name} at {width}: {scroll}px wide in a {inner}px window {wide}")
    if os.environ.get("PAPERSHELF_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    problems.extend(f"{name} at {width}: {p}" for p in page.evaluate(LOOKS_BROKEN))
    # Code, the editor's text, its help on math syntax and a diff of it show source on purpose.
    page.evaluate(
        "s => document.querySelectorAll(s).forEach(e => { e.style.display = 'none'; })",
        SHOWS_SOURCE,
    )
    leaked = RAW_SOURCE.findall(page.locator("body").inner_text())
    if leaked:
        problems.append(f"{name} at {width}: source in the text {leaked[:5]}")


@pytest.mark.parametrize("width", list(WIDTHS))
def test_main_pages_fit_the_window_and_show_no_source(
    page: Page, live_server: LiveServer, shelf: Shelf, width: str, console_errors: list[str]
) -> None:
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    problems: list[str] = []
    for name, url in _public_pages(shelf).items():
        _check(page, name, url, width, problems)
    log_in(page, live_server, shelf.alice)
    waiting = Job.objects.create(kind="export", owner=shelf.alice, title="BibTeX of the shelf")
    job_page = {"job": f"/jobs/{waiting.pk}/"}
    for name, url in {**_member_pages(shelf), **job_page, "home-member": "/"}.items():
        _check(page, name, url, width, problems)
    assert problems == [], "\n".join(problems)
    # The shelf's venue was given by its proceedings name; the alias table files it short.
    page.goto(shelf.paper_url)
    assert page.locator("p.paper-meta.dotted").inner_text().startswith("NeurIPS")
    # The 404 page is asked for on purpose; everything else must be quiet.
    assert [e for e in console_errors if "404" not in e] == []
