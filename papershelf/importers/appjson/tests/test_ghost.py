"""A Ghost blog of paper summaries, exported as JSON: each published post or emailed
issue is a note on its paper, wherever Ghost kept its text (rendered HTML, Lexical or
Mobiledoc), and pages, drafts, scheduled posts and Ghost's sample post are not."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.appjson.ghost import ghost_notes, is_ghost_export
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.topics.models import Topic


def _post(key: str, title: str, **fields: object) -> dict:
    post = {
        "id": key,
        "uuid": f"uuid-{key}",
        "title": title,
        "slug": title.lower().replace(" ", "-").replace(",", ""),
        "type": "post",
        "status": "published",
        "visibility": "public",
        "html": None,
        "lexical": None,
        "mobiledoc": None,
        "plaintext": "",
        "published_at": "2024-03-04T09:00:00.000Z",
    }
    return {**post, **fields}


def _lexical(*children: dict) -> str:
    root = {"children": list(children), "direction": "ltr", "format": "", "indent": 0}
    return json.dumps({"root": {**root, "type": "root", "version": 1}})


def _paragraph(*children: dict) -> dict:
    return {"children": list(children), "type": "paragraph", "version": 1, "format": ""}


def _text(text: str, format_bits: int = 0) -> dict:
    return {"text": text, "type": "extended-text", "format": format_bits, "version": 1}


def _bookmark(url: str, title: str) -> dict:
    metadata = {"title": title, "description": "", "icon": "", "thumbnail": "", "author": ""}
    return {"type": "bookmark", "version": 1, "url": url, "metadata": metadata, "caption": ""}


PAGERANK = _post(
    "p1",
    "Notes on the PageRank paper",
    html=(
        "<p><strong>Paper:</strong> "
        '<a href="https://doi.org/10.1016/S0169-7552(98)00110-X">The Anatomy of a '
        "Large-Scale Hypertextual Web Search Engine</a> — Brin &amp; Page, 1998.</p>"
        "<h2>What stayed with me</h2><p>Links as votes, damped by a random surfer.</p>"
    ),
)
CODD_ISSUE = _post(
    "p2",
    "Issue 7: where tables came from",
    status="sent",  # sent by email only, never put on the site
    html=(
        "<p>Codd's <em>A Relational Model of Data for Large Shared Data Banks</em> "
        "(CACM 1970), "
        '<a href="https://doi.org/10.1145/362384.362685">doi:10.1145/362384.362685</a>.</p>'
        "<p>Data independence is the whole argument.</p>"
    ),
)
BM25_LEXICAL = _post(
    "p3",
    "Why the old ranking function keeps winning",
    lexical=_lexical(
        _paragraph(_text("Every few years a new ranker loses to this one "), _text("again", 2)),
        _bookmark(
            "https://doi.org/10.1561/1500000019",
            "The Probabilistic Relevance Framework: BM25 and Beyond",
        ),
        _paragraph(_text("Saturation and length normalisation do most of the work.")),
    ),
)
MAPREDUCE_MOBILEDOC = _post(
    "p4",
    "Map, shuffle, reduce",
    mobiledoc=json.dumps(
        {
            "version": "0.3.1",
            "atoms": [],
            "markups": [["em"]],
            "cards": [
                [
                    "bookmark",
                    {
                        "url": "https://dl.acm.org/doi/10.1145/1327452.1327492",
                        "metadata": {
                            "title": "MapReduce: simplified data processing on large clusters "
                            "| Communications of the ACM",
                            "publisher": "Communications of the ACM",
                        },
                    },
                ]
            ],
            "sections": [
                [1, "p", [[0, [], 0, "Two functions and a "], [0, [0], 1, "shuffle"]]],
                [10, 0],
                [1, "p", [[0, [], 0, "Stragglers get backup tasks near the end."]]],
            ],
        }
    ),
)
DRAFT = _post(
    "p5",
    "Half-written: columnar nested data",
    status="draft",
    html="<p>Melnik et al., Dremel: Interactive Analysis of Web-Scale Datasets (VLDB 2010).</p>",
)
SCHEDULED = _post(
    "p6",
    "Next week: clocks",
    status="scheduled",
    html="<p>Corbett et al., Spanner: Google's Globally-Distributed Database (OSDI 2012).</p>",
)
ABOUT_PAGE = _post(
    "p7",
    "About",
    type="page",
    html=(
        "<p>I started this after reading Bigtable: A Distributed Storage System for "
        "Structured Data (OSDI 2006).</p>"
    ),
)
COMING_SOON = _post(
    "p8",
    "Coming soon",
    slug="coming-soon",
    html="<p>This is a brand new site that's just getting started.</p>",
)
EXPORT = {
    "db": [
        {
            "meta": {"exported_on": 1709542800000, "version": "5.80.0"},
            "data": {
                "posts": [
                    PAGERANK,
                    CODD_ISSUE,
                    BM25_LEXICAL,
                    MAPREDUCE_MOBILEDOC,
                    DRAFT,
                    SCHEDULED,
                    ABOUT_PAGE,
                    COMING_SOON,
                ],
                "users": [
                    {"id": "1", "name": "Ghost", "slug": "ghost"},
                    {"id": "u2", "name": "Ada Reader", "slug": "ada"},
                ],
                "posts_authors": [
                    *({"post_id": f"p{n}", "author_id": "u2"} for n in range(1, 8)),
                    {"post_id": "p8", "author_id": "1"},
                ],
                "tags": [
                    {"id": "t1", "name": "Web search", "slug": "web-search"},
                    {
                        "id": "t2",
                        "name": "#weekly",
                        "slug": "hash-weekly",
                        "visibility": "internal",
                    },
                    {"id": "t3", "name": "Databases", "slug": "databases"},
                    {"id": "t4", "name": "Information retrieval", "slug": "ir"},
                ],
                "posts_tags": [
                    {"post_id": "p1", "tag_id": "t4", "sort_order": 1},
                    {"post_id": "p1", "tag_id": "t1", "sort_order": 0},
                    {"post_id": "p1", "tag_id": "t2", "sort_order": 2},
                    {"post_id": "p2", "tag_id": "t3", "sort_order": 0},
                ],
            },
        }
    ]
}


def test_each_published_post_and_emailed_issue_is_a_note_titled_by_the_post() -> None:
    assert is_ghost_export(EXPORT)
    notes = ghost_notes(EXPORT)
    assert [note.splitlines()[0] for note in notes] == [
        "# Notes on the PageRank paper",
        "# Issue 7: where tables came from",
        "# Why the old ranking function keeps winning",
        "# Map, shuffle, reduce",
    ]  # no draft, scheduled post, page or sample post
    assert "[The Anatomy of a Large-Scale Hypertextual Web Search Engine](" in notes[0]
    assert "## What stayed with me" in notes[0]


def test_a_posts_tags_are_its_tags_line_in_ghosts_order_without_internal_tags() -> None:
    notes = ghost_notes(EXPORT)
    assert "\nTags: Web search, Information retrieval\n" in notes[0]
    assert "Tags: Databases" in notes[1]
    assert "#weekly" not in notes[0]


def test_a_lexical_bookmark_card_is_a_link_to_its_page_titled_by_it() -> None:
    note = ghost_notes(EXPORT)[2]
    assert (
        "[The Probabilistic Relevance Framework: BM25 and Beyond]"
        "(https://doi.org/10.1561/1500000019)"
    ) in note
    assert "loses to this one *again*" in note
    assert note.index("BM25 and Beyond") < note.index("Saturation")


def test_a_mobiledoc_bookmark_card_is_a_link_titled_by_the_page_without_the_site() -> None:
    note = ghost_notes(EXPORT)[3]
    assert (
        "[MapReduce: simplified data processing on large clusters]"
        "(https://dl.acm.org/doi/10.1145/1327452.1327492)"
    ) in note
    assert "Two functions and a *shuffle*" in note


def test_a_bookmark_card_in_ghosts_rendered_html_is_one_link_not_its_whole_preview() -> None:
    card = (
        '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" '
        'href="https://arxiv.org/abs/1706.03762"><div class="kg-bookmark-content">'
        '<div class="kg-bookmark-title">[1706.03762] Attention Is All You Need</div>'
        '<div class="kg-bookmark-description">The dominant sequence models…</div>'
        '<div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="https://a/i.png">'
        '<span class="kg-bookmark-author">arXiv.org</span></div></div>'
        '<div class="kg-bookmark-thumbnail"><img src="https://a/t.png"></div></a>'
        "<figcaption>The one that started it.</figcaption></figure>"
    )
    export = {"db": [{"meta": {}, "data": {"posts": [_post("x", "Attention", html=card)]}}]}
    export["db"][0]["data"]["posts_tags"] = []
    note = ghost_notes(export)[0]
    assert "[Attention Is All You Need](https://arxiv.org/abs/1706.03762)" in note
    assert "The one that started it." in note
    assert "dominant sequence" not in note and "i.png" not in note


def test_the_sample_post_handed_to_the_owner_is_left_out_but_one_they_rewrote_is_read() -> None:
    stock = (
        "<p>This is Reading Notes, a brand new site by Ada Reader that's just getting "
        'started. Things will be up and running here shortly, but you can <a href="#/portal/">'
        "subscribe</a> in the meantime.</p>"
    )
    rewritten = "<p>Next: the Dynamo paper, once I have read it twice.</p>"
    data = {
        "posts": [_post("y", "Coming soon", slug="coming-soon", html=html) for html in (stock,)],
        "users": [{"id": "1", "name": "Ada Reader", "slug": "ada"}],
        "posts_authors": [{"post_id": "y", "author_id": "1"}],
        "posts_tags": [],
    }
    assert ghost_notes({"db": [{"meta": {}, "data": data}]}) == []
    data["posts"] = [_post("y", "Coming soon", slug="coming-soon", html=rewritten)]
    assert len(ghost_notes({"db": [{"meta": {}, "data": data}]})) == 1


def test_other_json_with_posts_is_no_ghost_export() -> None:
    assert not is_ghost_export({"posts": [{"title": "A"}]})
    assert not is_ghost_export({"db": [{"data": {"posts": [{"title": "A"}]}}]})


def test_a_ghost_export_imports_the_papers_its_posts_summarise_and_no_others(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "reading-notes.ghost.2024-03-04.json").write_text(
        json.dumps(EXPORT), encoding="utf-8"
    )
    import_paths(
        [tmp_path / "reading-notes.ghost.2024-03-04.json"],
        ImportOptions(user=alice, fetch_metadata=False),
    )

    papers = {p.title: p for p in Paper.objects.all()}
    assert set(papers) == {
        "The Anatomy of a Large-Scale Hypertextual Web Search Engine",
        "A Relational Model of Data for Large Shared Data Banks",
        "The Probabilistic Relevance Framework: BM25 and Beyond",
        "MapReduce: simplified data processing on large clusters",
    }  # not Dremel (a draft), Spanner (scheduled) or Bigtable (a page)
    codd = papers["A Relational Model of Data for Large Shared Data Banks"]
    assert codd.doi == "10.1145/362384.362685"
    assert "Data independence" in codd.summaries.get().body
    pagerank = papers["The Anatomy of a Large-Scale Hypertextual Web Search Engine"]
    assert {t.name for t in pagerank.topics.all()} == {"Web search", "Information retrieval"}
    assert not Topic.objects.filter(name__contains="weekly").exists()
