from __future__ import annotations

import json
from pathlib import Path

import pytest

from papershelf.importers import registry
from papershelf.importers.records import ParseError
from papershelf.importers.twitter.parse import parse
from papershelf.importers.twitter.threads import Post, thread_notes, threads

ARCHIVE = Path(__file__).parent / "archive"


def _tweets_js(*tweets: dict[str, object], part: str = "tweets.part0") -> str:
    return f"window.YTD.{part} = " + json.dumps([{"tweet": t} for t in tweets], indent=2)


def _tweet(ident: str, text: str, **fields: object) -> dict[str, object]:
    return {"id_str": ident, "full_text": text, "entities": {"urls": []}, **fields}


def _entries(text: str) -> list[tuple[str, str, str]]:
    document = parse(text, "data/tweets.js")
    return [(e.paper.title, e.paper.arxiv_id, e.paper.doi) for e in document.entries if e.paper]


def test_a_self_thread_is_one_note_whose_t_co_links_are_the_addresses_they_stand_for() -> None:
    document = parse((ARCHIVE / "data" / "tweets.js").read_text(), "data/tweets.js")
    papers = [entry.paper for entry in document.entries if entry.paper]
    first = papers[0]
    assert first.title == "Epidemic spreading in scale-free networks"
    assert first.arxiv_id == "cond-mat/0010317"
    assert first.year == 2001
    summary = document.entries[0].summary
    assert summary is not None
    # The thread's next tweet is a note on the same paper, its entities unescaped.
    assert "the threshold is set by <k²>/<k>" in summary.markdown
    assert "t.co" not in summary.markdown  # the photo's link is gone, the paper's expanded


def test_a_thread_going_through_several_papers_gives_each_its_own_note() -> None:
    document = parse((ARCHIVE / "data" / "tweets.js").read_text(), "data/tweets.js")
    dois = [entry.paper.doi for entry in document.entries if entry.paper]
    # "journals.aps.org/pre/abstract/10.1103/…": the publisher's page names the DOI.
    assert "10.1103/physreve.66.016128" in dois
    newman = next(e.paper for e in document.entries if e.paper and e.paper.doi.endswith("016128"))
    assert newman.authors == ["Newman"]
    assert newman.year == 2002


def test_retweets_replies_to_other_people_and_software_news_are_not_paper_notes() -> None:
    document = parse((ARCHIVE / "data" / "tweets.js").read_text(), "data/tweets.js")
    identifiers = {(e.paper.arxiv_id, e.paper.doi) for e in document.entries if e.paper}
    assert ("2302.11111", "") not in identifiers  # retweeted
    assert ("", "10.1038/nphys2160") not in identifiers  # a reply to @kimosei
    assert len(document.entries) == 2


def test_a_quoted_title_beside_the_link_is_the_papers_title_however_short() -> None:
    text = _tweets_js(
        _tweet(
            "1500000000000000001",
            'Just re-read "Temporal networks" by Holme & Saramäki https://t.co/x1',
            entities={
                "urls": [
                    {"url": "https://t.co/x1", "expanded_url": "https://arxiv.org/abs/1108.1780"}
                ]
            },
        )
    )
    assert _entries(text) == [("Temporal networks", "1108.1780", "")]


def test_a_link_alone_still_names_its_paper_by_identifier() -> None:
    text = _tweets_js(
        _tweet(
            "1500000000000000001",
            "New paper by Karrer et al. on degree-corrected blockmodels https://t.co/x1",
            entities={
                "urls": [
                    {"url": "https://t.co/x1", "expanded_url": "https://arxiv.org/abs/1008.3926"}
                ]
            },
        )
    )
    document = parse(text, "data/tweets.js")
    paper = document.entries[0].paper
    assert paper is not None
    assert paper.arxiv_id == "1008.3926"
    summary = document.entries[0].summary
    assert summary is not None and "degree-corrected blockmodels" in summary.markdown


def test_a_reply_to_ones_own_deleted_tweet_still_starts_a_thread() -> None:
    own_reply = _tweet(
        "1500000000000000009",
        '@me 2/ Fortunato, "Community detection in graphs" (2010) https://t.co/x1',
        in_reply_to_status_id_str="1500000000000000008",
        in_reply_to_screen_name="me",
        entities={
            "urls": [{"url": "https://t.co/x1", "expanded_url": "https://arxiv.org/abs/0906.0612"}]
        },
    )
    # Whom the archive's replies answer, among its own tweets, is the archive's owner.
    first = _tweet("1500000000000000001", "1/ a thread")
    second = _tweet(
        "1500000000000000002",
        "@me 2/ more",
        in_reply_to_status_id_str="1500000000000000001",
        in_reply_to_screen_name="me",
    )
    titles = [title for title, *_ in _entries(_tweets_js(first, second, own_reply))]
    assert titles == ["Community detection in graphs"]


def test_threads_keep_replies_to_the_persons_posts_and_drop_conversations() -> None:
    posts = [
        Post("1", "start"),
        Post("2", "reply to someone", parent="x", answers_self=False),
        Post("3", "continues 1", parent="1", answers_self=True),
        Post("4", "answers the dropped reply", parent="2", answers_self=True),
    ]
    assert [[post.id for post in thread] for thread in threads(posts)] == [["1", "3"]]


def test_a_thread_about_one_paper_keeps_its_link_wherever_it_stands() -> None:
    thread = [
        Post("1", "1/ Our new preprint 🧵"),
        Post("2", "2/ We show thresholds vanish."),
        Post("3", "3/ Read it here: https://arxiv.org/abs/2101.00001"),
    ]
    notes = thread_notes(thread)
    assert len(notes) == 1
    assert notes[0].startswith("Link: https://arxiv.org/abs/2101.00001\n\n1/ Our new preprint")


def test_older_archives_tweet_js_and_bare_tweets_are_read_too() -> None:
    tweet = _tweet(
        "500000000000000001",
        "Watts & Strogatz (1998). Collective dynamics of small-world networks. Nature.",
    )
    text = "window.YTD.tweet.part0 = " + json.dumps([tweet])
    assert _entries(text)[0][0] == "Collective dynamics of small-world networks"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("like.js", "liked tweets"),
        ("account.js", "account data"),
        ("manifest.js", "manifest"),
    ],
)
def test_the_archives_other_files_are_skipped_with_their_reason(name: str, reason: str) -> None:
    document = parse((ARCHIVE / "data" / name).read_text(), f"data/{name}")
    assert document.entries == []
    assert reason in document.warnings[0].message


def test_a_script_that_is_no_archive_data_is_skipped_not_read_as_notes() -> None:
    text = (ARCHIVE / "assets" / "js" / "ondemand.s.a3b2c1.js").read_text()
    document = parse(text, "assets/js/ondemand.s.a3b2c1.js")
    assert document.entries == []
    assert document.warnings[0].message == "a script, not notes"


def test_a_truncated_tweets_file_is_a_parse_error_at_its_line() -> None:
    text = (ARCHIVE / "data" / "tweets.js").read_text()[:900]
    with pytest.raises(ParseError) as error:
        parse(text, "data/tweets.js")
    assert error.value.path == "data/tweets.js"
    assert error.value.line is not None and error.value.line > 1


def test_a_tweets_file_of_another_shape_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="list of tweets"):
        parse('window.YTD.tweets.part0 = {"tweet": 1}', "data/tweets.js")
    with pytest.raises(ParseError, match="full_text"):
        parse('window.YTD.tweets.part0 = [{"tweet": {"full_text": 3}}]', "data/tweets.js")


def test_a_js_file_is_read_as_a_twitter_archive_file() -> None:
    path = ARCHIVE / "data" / "tweets.js"
    assert registry.detect(path, path.read_text()).name == "twitter"


def test_a_cited_title_loses_the_venue_cut_off_after_it() -> None:
    text = _tweets_js(
        _tweet(
            "1500000000000000001",
            "Day 5: Newman, The structure and function of complex networks (SIAM Review 2003). "
            "Read §1–4 first. https://t.co/x1",
            entities={
                "urls": [
                    {
                        "url": "https://t.co/x1",
                        "expanded_url": "https://arxiv.org/abs/cond-mat/0303516",
                    }
                ]
            },
        )
    )
    titles = [title for title, *_ in _entries(text)]
    assert titles == ["The structure and function of complex networks"]
