"""App exports (Trello, Discord, Hypothes.is, Google Keep) read one note at a time."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.importers import registry
from papershelf.importers.appjson.parse import looks_like_app_export, parse


def _titles(text: str, path: str) -> list[tuple[str, str]]:
    document = parse(text, path)
    return [(e.paper.title, e.paper.doi or e.paper.arxiv_id) for e in document.entries if e.paper]


def _card(card_id: str, name: str, desc: str, **fields: object) -> dict[str, object]:
    return {"id": card_id, "name": name, "desc": desc, "idList": "L1", "closed": False, **fields}


def test_a_trello_boards_cards_are_papers_and_archived_cards_and_errands_are_not() -> None:
    board = {
        "name": "PhD lit",
        "lists": [{"id": "L1", "name": "Read", "closed": False}],
        "cards": [
            _card(
                "c1",
                "Kamaya 2011 — LGPS",
                "**N. Kamaya, K. Homma, R. Kanno**\n*A lithium superionic conductor.* "
                "Nature Materials 10, 682–686 (2011)\nhttps://doi.org/10.1038/nmat3066",
                labels=[{"name": "Sulfide SE"}],
            ),
            _card(
                "c2",
                "Tarascon & Armand 2001",
                "Tarascon, J.-M. & Armand, M. Issues and challenges facing rechargeable lithium "
                "batteries. Nature 414, 359–367 (2001). DOI: 10.1038/35104644",
            ),
            _card(
                "c3",
                "Goodenough & Park",
                "Goodenough, J. B.; Park, K.-S. The Li-Ion Rechargeable Battery: A Perspective. "
                "J. Am. Chem. Soc. 2013, 135 (4), 1167–1176. doi:10.1021/ja3091438",
            ),
            _card("c4", "LGPS paper (Kanno group)", "dup of the Kamaya card", closed=True),
            _card("c5", "Order: Swagelok cells and Celgard separators", "ask Tom"),
            _card(
                "c6",
                "Attia 2020",
                "Attia, P.M., Grover, A., Jin, N. et al. Closed-loop optimization of "
                "fast-charging protocols for batteries with machine learning. Nature 578, "
                "397–402 (2020). doi:10.1038/s41586-020-1994-5",
            ),
        ],
        "actions": [],
        "checklists": [],
    }
    text = json.dumps(board)
    assert looks_like_app_export(text)
    assert _titles(text, "board.json") == [
        ("A lithium superionic conductor", "10.1038/nmat3066"),
        ("Issues and challenges facing rechargeable lithium batteries", "10.1038/35104644"),
        ("The Li-Ion Rechargeable Battery: A Perspective", "10.1021/ja3091438"),
        (
            "Closed-loop optimization of fast-charging protocols for batteries with machine "
            "learning",
            "10.1038/s41586-020-1994-5",
        ),
    ]


def test_hypothesis_annotations_on_one_page_are_one_paper_titled_by_the_page() -> None:
    def annotation(uri: str, title: str, text: str, quote: str = "") -> dict[str, object]:
        selector = [{"type": "TextQuoteSelector", "exact": quote}] if quote else []
        return {
            "uri": uri,
            "text": text,
            "tags": ["recordings"],
            "document": {"title": [title]},
            "target": [{"source": uri, "selector": selector}],
        }

    page = "https://www.science.org/doi/10.1126/science.aav7893"
    title = "Spontaneous behaviors drive multidimensional, brainwide activity | Science"
    export = {
        "export_date": "2024-03-08",
        "annotations": [
            annotation(page, title, "Page note: Stringer et al. 2019."),
            annotation(page, title, "", quote="facial movements predict activity"),
            annotation(
                "https://en.wikipedia.org/wiki/Principal_component_analysis",
                "Principal component analysis - Wikipedia",
                "refresher on PCA before the bootcamp",
            ),
        ],
    }
    assert _titles(json.dumps(export), "hypothesis.json") == [
        (
            "Spontaneous behaviors drive multidimensional, brainwide activity",
            "10.1126/science.aav7893",
        )
    ]


def test_a_discord_channel_keeps_people_and_leaves_out_bots() -> None:
    def message(mid: str, content: str, bot: bool = False, **fields: object) -> dict[str, object]:
        author = {"name": "kes", "isBot": bot}
        return {"id": mid, "type": "Default", "content": content, "author": author, **fields}

    channel = {
        "guild": {"name": "Interp Reading Club"},
        "channel": {"name": "papers-we-read"},
        "messages": [
            message(
                "1",
                "📌 **Week 3** — IOI: *Interpretability in the Wild: a Circuit for Indirect "
                "Object Identification in GPT-2 small* https://arxiv.org/abs/2211.00593",
            ),
            message(
                "2",
                "take: the name mover heads are the cleanest part",
                type="Reply",
                reference={"messageId": "1"},
            ),
            message(
                "3",
                "new on arXiv",
                bot=True,
                embeds=[
                    {
                        "title": "[2310.01405] Representation Engineering",
                        "url": "https://arxiv.org/abs/2310.01405",
                    }
                ],
            ),
        ],
    }
    assert [arxiv for _, arxiv in _titles(json.dumps(channel), "papers-we-read.json")] == [
        "2211.00593"
    ]


def test_a_keep_note_in_the_bin_is_left_out_and_a_kept_one_is_read() -> None:
    note = {
        "title": "Winn review",
        "textContent": "Josh Winn — Transits and Occultations (2010)\n"
        "https://arxiv.org/abs/1001.2010\nBEST intro to transit geometry.",
        "isTrashed": False,
        "labels": [{"name": "transits"}],
    }
    assert [arxiv for _, arxiv in _titles(json.dumps(note), "Keep/Winn review.json")] == [
        "1001.2010"
    ]
    binned = json.dumps({**note, "isTrashed": True})
    assert parse(binned, "Keep/Winn review.json").entries == []


def test_app_exports_are_detected_by_content_and_other_json_is_not() -> None:
    keep = json.dumps({"title": "x", "textContent": "y", "isTrashed": False})
    csl = json.dumps([{"id": "x", "type": "article-journal", "title": "A paper"}])
    assert registry.detect(Path("Keep/x.json"), keep).name == "app-json"
    assert registry.detect(Path("library.json"), csl).name == "csl"
    assert not looks_like_app_export(json.dumps({"some": "settings"}))


def test_a_page_title_loses_the_sites_name_but_keeps_its_own_dashes() -> None:
    from papershelf.importers.notes.pagetitle import page_own_title as _page_own_title

    assert _page_own_title("A Jupiter-mass companion to a solar-type star | Nature") == (
        "A Jupiter-mass companion to a solar-type star"
    )
    assert _page_own_title("Frontiers | Representational similarity analysis") == (
        "Representational similarity analysis"
    )
    assert _page_own_title("Principal component analysis - Wikipedia") == (
        "Principal component analysis"
    )
    title = "Representational similarity analysis – connecting the branches of neuroscience"
    assert _page_own_title(title) == title
    assert _page_own_title("Social Conditions As Fundamental Causes of Disease on JSTOR") == (
        "Social Conditions As Fundamental Causes of Disease"
    )


def test_a_chat_message_sharing_a_papers_own_page_counts_where_others_give_ids() -> None:
    def message(mid: str, content: str) -> dict[str, object]:
        return {"id": mid, "type": "Default", "content": content, "author": {"isBot": False}}

    shares = [
        message(str(n), f"Week {n}: [{title}](https://arxiv.org/abs/{arxiv})")
        for n, (title, arxiv) in enumerate(
            [
                ("Toy Models of Superposition", "2209.10652"),
                ("In-context Learning and Induction Heads", "2209.11895"),
                ("Locating and Editing Factual Associations in GPT", "2202.05262"),
            ]
        )
    ]
    zoom_in = message(
        "9",
        "Week 1 — Zoom In: An Introduction to Circuits\n\n"
        "[Zoom In: An Introduction to Circuits](https://distill.pub/2020/circuits/zoom-in/)",
    )
    channel = {"guild": {}, "messages": [zoom_in, *shares]}
    titles = [title for title, _ in _titles(json.dumps(channel), "papers.json")]
    assert titles[0] == "Zoom In: An Introduction to Circuits"
    assert len(titles) == 4


def test_a_telegram_chat_shares_each_paper_a_message_cites_line_by_line() -> None:
    chat = {
        "name": "AP reading group",
        "type": "private_group",
        "messages": [
            {"id": 1, "type": "service", "action": "create_group", "text": ""},
            {
                "id": 2,
                "type": "message",
                "from": "Dmitri",
                "text": [
                    {"type": "bold", "text": "Session 5"},
                    " #read\n1) Engle (1982) ",
                    {"type": "italic", "text": "Autoregressive Conditional Heteroscedasticity"},
                    ", Econometrica 50(4) — doi:10.2307/1912773\n2) Kyle (1985) ",
                    {"type": "bold", "text": "Continuous Auctions and Insider Trading"},
                    ", Econometrica 53(6)",
                ],
            },
            {
                "id": 3,
                "type": "message",
                "from": "Priya",
                "text": "Summary (Engle): conditional variance of past squared errors.",
                "reply_to_message_id": 2,
            },
        ],
    }
    titles = {title for title, _ in _titles(json.dumps(chat), "result.json")}
    assert titles == {
        "Autoregressive Conditional Heteroscedasticity",
        "Continuous Auctions and Insider Trading",
    }


def test_a_day_one_journal_entry_is_read_without_its_markdown_escapes() -> None:
    journal = {
        "metadata": {"version": "1.0"},
        "entries": [
            {
                "creationDate": "2023-10-02T19:00:00Z",
                "text": "# Hulse\\–Taylor\n\nHulse, R\\. A\\. & Taylor, J\\. H\\. "
                "\\(1975\\)\\. Discovery of a pulsar in a binary system\\. ApJ 195, "
                "L51\\. doi:10\\.1086/181708",
                "tags": ["reading"],
            },
            {"creationDate": "2023-10-03T19:00:00Z", "text": "Lunch with the group\\."},
        ],
    }
    [(title, doi)] = _titles(json.dumps(journal), "Journal.json")
    assert (title, doi) == ("Discovery of a pulsar in a binary system", "10.1086/181708")


def test_an_obsidian_canvas_reads_its_text_cards_and_leaves_books_out() -> None:
    canvas = {
        "nodes": [
            {"id": "g", "type": "group", "label": "Minimum wage"},
            {
                "id": "a",
                "type": "text",
                "text": "## Neumark & Wascher (2000) ✔ read\n**Minimum Wages and Employment: A "
                "Case Study of the Fast-Food Industry in New Jersey and Pennsylvania: "
                "Comment**\nAER 90(5): 1362–1396\n\n- payroll records",
            },
            {
                "id": "b",
                "type": "text",
                "text": "**AK91** — Angrist & Krueger, *Does Compulsory School Attendance "
                "Affect Schooling and Earnings?* QJE 106(4), 1991 ✔ read",
            },
            {"id": "c", "type": "text", "text": "Book: *Monopsony in Motion* (Manning 2003)"},
            {"id": "d", "type": "file", "file": "Lit/Card Krueger 1994.md"},
        ],
        "edges": [{"id": "e", "fromNode": "a", "toNode": "b"}],
    }
    titles = [title for title, _ in _titles(json.dumps(canvas), "map.canvas")]
    assert titles == [
        "Minimum Wages and Employment: A Case Study of the Fast-Food Industry in New Jersey "
        "and Pennsylvania: Comment",
        "Does Compulsory School Attendance Affect Schooling and Earnings?",
    ]
