"""An unzipped Twitter archive and a Mastodon outbox import as the person's paper notes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

pytestmark = pytest.mark.django_db

ARCHIVE = Path(__file__).parent / "archive"
ACTOR = "https://fediscience.org/users/lena"


def test_an_unzipped_archive_imports_its_tweets_papers_and_skips_its_other_files(
    tmp_path: Path, alice: User
) -> None:
    archive = tmp_path / "twitter-2023-05-01"
    shutil.copytree(ARCHIVE, archive)
    report = import_paths([archive], ImportOptions(user=alice, fetch_metadata=False))
    skipped = {outcome.name: outcome.detail for outcome in report.files_with("skipped")}
    assert set(skipped) == {
        "data/like.js",
        "data/account.js",
        "data/manifest.js",
        "assets/js/ondemand.s.a3b2c1.js",
    }
    assert not report.files_with("failed")
    spreading = Paper.objects.get(arxiv_id="cond-mat/0010317")
    assert spreading.title == "Epidemic spreading in scale-free networks"
    assert Paper.objects.filter(doi="10.1103/physreve.66.016128").exists()
    # The liked tweet's paper and the retweeted preprint are not the person's notes.
    assert not Paper.objects.filter(arxiv_id="2302.11111").exists()
    assert Paper.objects.count() == 2


def _create(ident: str, html: str, *, reply_to: str | None = None) -> dict[str, object]:
    note = {
        "id": f"{ACTOR}/statuses/{ident}",
        "type": "Note",
        "summary": None,
        "inReplyTo": reply_to,
        "published": f"2023-03-0{ident[-1]}T10:00:00Z",
        "url": f"https://fediscience.org/@lena/{ident}",
        "attributedTo": ACTOR,
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "cc": [f"{ACTOR}/followers"],
        "sensitive": False,
        "content": html,
        "attachment": [],
        "tag": [],
    }
    return {
        "id": f"{ACTOR}/statuses/{ident}/activity",
        "type": "Create",
        "actor": ACTOR,
        "published": note["published"],
        "to": note["to"],
        "cc": note["cc"],
        "object": note,
    }


def _arxiv_anchor(arxiv_id: str) -> str:
    # How Mastodon shows a link: the address cut short, all of it in the anchor's href.
    return (
        f'<a href="https://arxiv.org/abs/{arxiv_id}" target="_blank" '
        'rel="nofollow noopener noreferrer" translate="no">'
        '<span class="invisible">https://</span>'
        f'<span class="ellipsis">arxiv.org/abs/{arxiv_id[:6]}</span>'
        f'<span class="invisible">{arxiv_id[6:]}</span></a>'
    )


def test_a_mastodon_outbox_imports_own_threads_and_leaves_boosts_and_replies_to_others(
    tmp_path: Path, alice: User
) -> None:
    outbox = {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": "outbox.json",
        "type": "OrderedCollection",
        "totalItems": 4,
        "orderedItems": [
            _create(
                "1001",
                "<p>Reading Karrer &amp; Newman 2011, &quot;Stochastic blockmodels and "
                "community structure in networks&quot; "
                + _arxiv_anchor("1008.3926")
                + ' <a href="https://fediscience.org/tags/NetSci" class="mention hashtag" '
                'rel="tag">#<span>NetSci</span></a></p>',
            ),
            _create(
                "1002",
                "<p>Degree correction is what makes it work on real data.</p>",
                reply_to=f"{ACTOR}/statuses/1001",
            ),
            _create(
                "1003",
                '<p><span class="h-card"><a href="https://mastodon.social/@sam" '
                'class="u-url mention">@<span>sam</span></a></span> see also '
                + _arxiv_anchor("2302.11111")
                + "</p>",
                reply_to="https://mastodon.social/users/sam/statuses/99",
            ),
            {
                "id": f"{ACTOR}/statuses/1004/activity",
                "type": "Announce",
                "actor": ACTOR,
                "published": "2023-03-04T10:00:00Z",
                "object": "https://mastodon.social/users/sam/statuses/100",
            },
        ],
    }
    path = tmp_path / "outbox.json"
    path.write_text(json.dumps(outbox))
    import_paths([path], ImportOptions(user=alice, fetch_metadata=False))
    paper = Paper.objects.get()
    assert paper.arxiv_id == "1008.3926"
    assert paper.title == "Stochastic blockmodels and community structure in networks"
    summary = paper.summaries.get()
    assert "Degree correction is what makes it work" in summary.body
