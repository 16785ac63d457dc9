"""A Reddit thread saved as JSON: the post's list of papers with its takes, and the
comments that name what their writers read."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.appjson.reddit import is_reddit_export, reddit_notes
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper


def _comment(body: str, author: str = "reader", replies: object = "", **extra: object) -> dict:
    data = {"body": body, "author": author, "replies": replies, **extra}
    return {"kind": "t1", "data": data}


def _listing(*children: dict) -> dict:
    return {"kind": "Listing", "data": {"children": list(children), "after": None}}


POST = {
    "kind": "t3",
    "data": {
        "title": "[D] What our reading group read this spring, with notes",
        "is_self": True,
        "url": "https://www.reddit.com/r/MachineLearning/comments/abc123/what_our/",
        "selftext": (
            "We met weekly; these are the papers, in order.\n\n"
            '**1. Ho et al. — "Denoising Diffusion Probabilistic Models"** (NeurIPS 2020) — '
            "[arXiv](https://arxiv.org/abs/2006.11239v2)\n\n"
            "Noise, then learn to undo it &amp; the loss is a weighted ELBO.\n\n"
            '**2. Song et al. — "Score-Based Generative Modeling through Stochastic '
            'Differential Equations"** — [ICLR 2021](https://openreview.net/forum?id=PxTIG12RRHS)'
            "\n\nThe SDE view unifies the samplers; we spent the hour on the reverse SDE."
        ),
    },
}
COMMENTS = [
    _comment("Thank you for posting! *I am a bot.*", author="AutoModerator"),
    _comment(
        'We read Karras et al., "Elucidating the Design Space of Diffusion-Based Generative '
        'Models" (NeurIPS 2022), https://arxiv.org/abs/2206.00364 — great for the sampler.',
        replies=_listing(
            _comment(
                'Seconded. Also Nichol & Dhariwal, "Improved Denoising Diffusion Probabilistic '
                "Models\", arXiv:2102.09672 — haven't read it yet though."
            ),
            {"kind": "more", "data": {"count": 3, "children": ["x1", "x2"]}},
        ),
    ),
    _comment("[deleted]", author="[deleted]"),
]
THREAD = [_listing(POST), _listing(*COMMENTS)]


def test_a_thread_is_the_post_then_every_comment_and_reply_without_bots_or_stubs() -> None:
    assert is_reddit_export(THREAD)
    notes = reddit_notes(THREAD)
    assert notes[0].startswith("# What our reading group read this spring, with notes")
    assert "undo it & the loss" in notes[0]  # Reddit's entities undone
    assert len(notes) == 3  # the post, a comment and its reply
    assert not any("I am a bot" in note or note == "[deleted]" for note in notes)


def test_other_json_is_no_reddit_thread() -> None:
    assert not is_reddit_export([{"title": "A page", "children": []}])
    assert not is_reddit_export({"kind": "Listing", "data": {"children": []}})


def test_a_saved_thread_imports_the_posts_papers_with_their_takes_and_what_comments_read(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "abc123.json").write_text(json.dumps(THREAD), encoding="utf-8")
    import_paths([tmp_path / "abc123.json"], ImportOptions(user=alice, fetch_metadata=False))

    papers = {p.title: p for p in Paper.objects.all()}
    assert set(papers) == {
        "Denoising Diffusion Probabilistic Models",
        "Score-Based Generative Modeling through Stochastic Differential Equations",
        "Elucidating the Design Space of Diffusion-Based Generative Models",
    }  # not the one a reply says it has not read
    ddpm = papers["Denoising Diffusion Probabilistic Models"]
    assert ddpm.arxiv_id == "2006.11239"
    assert "weighted ELBO" in ddpm.summaries.get().body
    assert papers["Elucidating the Design Space of Diffusion-Based Generative Models"].arxiv_id
