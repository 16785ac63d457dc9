from __future__ import annotations

import json
from pathlib import Path

from papershelf.importers import registry
from papershelf.importers.slack.mrkdwn import convert_mrkdwn
from papershelf.importers.slack.parse import (
    METADATA_WARNING,
    Message,
    looks_like_slack,
    parse,
    to_markdown,
)

NAMES = {"U1": "maya.k"}


def _message(ts: str, text: str, **fields: object) -> Message:
    return {"type": "message", "user": "U1", "text": text, "ts": ts, **fields}


def test_it_turns_slack_links_into_markdown_links_and_bare_urls() -> None:
    text = "see <https://arxiv.org/abs/2303.04137|the paper> and <https://example.org/a_b_c>"
    assert convert_mrkdwn(text, NAMES) == (
        "see [the paper](https://arxiv.org/abs/2303.04137) and https://example.org/a_b_c"
    )


def test_it_names_mentioned_people_and_channels() -> None:
    text = "<@U1> and <@U9> in <#C1|paper-reading>"
    assert convert_mrkdwn(text, NAMES) == "maya.k and someone in #paper-reading"


def test_it_converts_emphasis_and_undoes_slacks_escapes() -> None:
    text = "*bold* _italic_ ~gone~ snake_case_name Q&amp;A &lt;3 &gt; :eyes:"
    assert convert_mrkdwn(text, NAMES) == "**bold** *italic* ~~gone~~ snake_case_name Q&A <3 > "


def test_it_leaves_code_alone() -> None:
    assert convert_mrkdwn("run `a_b_c *x*`", NAMES) == "run `a_b_c *x*`"


def test_thread_replies_follow_their_message_and_joins_are_dropped() -> None:
    messages: list[Message] = [
        _message("2.0", "a reply", thread_ts="1.0"),
        _message("1.0", "the parent\n• first point", thread_ts="1.0"),
        _message("3.0", "<@U2> has joined the channel", subtype="channel_join"),
        {"type": "message", "subtype": "bot_message", "bot_id": "B1", "text": "hi", "ts": "4.0"},
    ]
    assert to_markdown(messages) == "the parent\n\n- first point\n\na reply\n"


def test_a_papers_link_preview_becomes_a_titled_link_after_its_message() -> None:
    preview = {
        "title": "[2303.04137] Diffusion Policy: Visuomotor Policy Learning via Action Diffusion",
        "title_link": "https://arxiv.org/abs/2303.04137",
        "service_name": "arXiv.org",
    }
    blog = {"title": "Our blog", "title_link": "https://example.com/blog"}
    markdown = to_markdown([_message("1.0", "big one", attachments=[preview, blog])])
    assert markdown == (
        "big one\n\n[Diffusion Policy: Visuomotor Policy Learning via Action Diffusion]"
        "(https://arxiv.org/abs/2303.04137)\n"
    )


def test_a_day_file_imports_the_paper_its_preview_names() -> None:
    preview = {
        "title": "[2303.04137] Diffusion Policy: Visuomotor Policy Learning via Action Diffusion",
        "title_link": "https://arxiv.org/abs/2303.04137",
    }
    text = json.dumps([_message("1.0", "big one <https://arxiv.org/abs/2303.04137>")])
    text = text.replace('"ts"', '"attachments": ' + json.dumps([preview]) + ', "ts"')
    document = parse(text, "paper-reading/2023-03-09.json")
    assert document.format == "slack"
    assert [entry.paper.arxiv_id for entry in document.entries if entry.paper] == ["2303.04137"]


def test_the_exports_users_and_channels_files_are_metadata_with_no_entries() -> None:
    users = json.dumps([{"id": "U1", "name": "maya", "profile": {"display_name": "maya.k"}}])
    assert looks_like_slack(users)
    document = parse(users, "users.json")
    assert document.entries == []
    assert [warning.message for warning in document.warnings] == [METADATA_WARNING]


def test_day_files_are_detected_as_slack_and_csl_json_stays_csl() -> None:
    day = json.dumps([_message("1.0", "hello")])
    csl = json.dumps([{"id": "x", "type": "article-journal", "title": "A paper"}])
    assert registry.detect(Path("general/2024-01-01.json"), day).name == "slack"
    assert registry.detect(Path("library.json"), csl).name == "csl"


def test_each_message_of_a_day_is_read_apart_so_a_reading_list_and_a_share_both_count() -> None:
    reading_list = (
        "Reading list for the new students:\n"
        "1. Levine, Finn, Darrell, Abbeel. End-to-End Training of Deep Visuomotor Policies. "
        "JMLR 2016. <https://arxiv.org/abs/1504.00702>\n"
        "2. Kalashnikov et al. QT-Opt: Scalable Deep Reinforcement Learning for Vision-Based "
        "Robotic Manipulation. CoRL 2018. <https://arxiv.org/abs/1806.10293>"
    )
    share = "presenting RT-1 on Thursday, please skim sections 3-4"
    preview = {
        "title": "[2212.06817] RT-1: Robotics Transformer for Real-World Control at Scale",
        "title_link": "https://arxiv.org/abs/2212.06817",
    }
    day = [
        _message("1.0", reading_list),
        _message("2.0", "lunch at noon?"),
        _message("3.0", share, attachments=[preview]),
    ]
    document = parse(json.dumps(day), "paper-reading/2023-03-14.json")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [(paper.arxiv_id, paper.title) for paper in papers] == [
        ("1504.00702", "End-to-End Training of Deep Visuomotor Policies"),
        (
            "1806.10293",
            "QT-Opt: Scalable Deep Reinforcement Learning for Vision-Based Robotic Manipulation",
        ),
        ("2212.06817", "RT-1: Robotics Transformer for Real-World Control at Scale"),
    ]
    markdown = to_markdown(day).splitlines()
    assert [markdown[entry.line - 1] for entry in document.entries if entry.line][2].startswith(
        ("presenting RT-1", "[RT-1")
    )
