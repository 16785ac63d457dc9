"""Outlines exported as OPML: nested bullets, notes under them, escaped HTML kept as Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.opml.parse import looks_like_an_outline, parse, to_markdown
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

SHALLOW = """<?xml version="1.0"?>
<opml version="2.0">
  <head><title>Reading list</title></head>
  <body>
    <outline text="&lt;b&gt;Attention Is All You Need&lt;/b&gt;" _note="line one&#10;line two">
      <outline text="see &lt;a href=&quot;https://arxiv.org/abs/1706.03762&quot;&gt;arXiv&lt;/a&gt;" />
    </outline>
    <outline text="Done one" _complete="true" />
  </body>
</opml>
"""  # noqa: E501 -- a WorkFlowy export keeps a bullet on one line

ZOOMED = """<?xml version="1.0"?>
<opml version="2.0">
  <head><ownerEmail>someone@example.org</ownerEmail></head>
  <body>
    <outline text="Lit review" _note="bold = read">
      <outline text="1 Retrieval practice">
        <outline text="&lt;b&gt;Roediger &amp; Karpicke (2006). Test-enhanced learning: Taking memory tests improves long-term retention. Psychological Science, 17(3), 249–255.&lt;/b&gt;" _note="https://doi.org/10.1111/j.1467-9280.2006.01693.x&#10;Testing beats restudy." _complete="true" />
      </outline>
      <outline text="2 Feedback">
        <outline text="Hattie &amp; Timperley 2007 — The Power of Feedback" _note="https://doi.org/10.3102/003465430298487" />
      </outline>
    </outline>
  </body>
</opml>
"""  # noqa: E501 -- a WorkFlowy export keeps a bullet on one line


def test_nested_outlines_become_a_nested_list_with_notes_as_paragraphs_under_their_item() -> None:
    assert to_markdown(SHALLOW) == (
        "# Reading list\n\n"
        "- **Attention Is All You Need**\n"
        "\n"
        "  line one\n"
        "  line two\n"
        "\n"
        "  - see [arXiv](https://arxiv.org/abs/1706.03762)\n"
        "- [x] Done one\n"
    )


def test_a_zoomed_export_is_titled_by_its_root_and_its_sections_become_headings() -> None:
    markdown = to_markdown(ZOOMED)
    assert markdown.startswith("# Lit review\n\nbold = read\n\n## 1 Retrieval practice\n\n- [x] **")
    assert "\n## 2 Feedback\n\n- Hattie & Timperley 2007" in markdown


def test_papers_in_an_outline_are_found_with_their_dois() -> None:
    document = parse(ZOOMED, "Lit review.opml")
    assert (document.format, document.path) == ("opml", "Lit review.opml")
    dois = [entry.paper.doi for entry in document.entries if entry.paper]
    assert dois == ["10.1111/j.1467-9280.2006.01693.x", "10.3102/003465430298487"]


@pytest.mark.parametrize(
    "declaration",
    [
        '<!DOCTYPE opml [<!ENTITY lol "lol">]>',
        '<!DOCTYPE opml SYSTEM "x.dtd" [ ]>',
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
    ],
)
def test_an_outline_declaring_entities_is_refused_before_it_is_parsed(declaration: str) -> None:
    text = SHALLOW.replace("<opml", f"{declaration}\n<opml", 1)
    with pytest.raises(ParseError, match="DTD or entity"):
        parse(text, "bomb.opml")


def test_broken_xml_fails_with_its_line() -> None:
    with pytest.raises(ParseError) as error:
        parse('<?xml version="1.0"?>\n<opml>\n<body>\n<outline text="x">\n</opml>', "bad.opml")
    assert error.value.line == 5
    assert "not a readable OPML file" in error.value.message


def test_an_outline_file_imports_its_papers(tmp_path: Path, alice: User) -> None:
    (tmp_path / "Lit review.opml").write_text(ZOOMED, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1111/j.1467-9280.2006.01693.x",
        "10.3102/003465430298487",
    }


DYNALIST = """<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>Hydrology seminar</title><flavor>dynalist</flavor></head>
  <body>
    <outline text="Week 1 — Runoff generation">
      <outline text="Beven &amp; Kirkby 1979 — A physically based, variable contributing area model of basin hydrology #topmodel #runoff" _note="Hydrol. Sci. Bull. 24(1) · doi 10.1080/02626667909491834&#10;the topographic index" />
      <outline text="Beven &amp; Freer 2001 #glue" _note="Equifinality, data assimilation, and uncertainty estimation in mechanistic modelling of complex environmental systems using the GLUE methodology. J. Hydrol. 249, 11–29" />
      <outline text="print the reading pack" checkbox="true" complete="true" />
    </outline>
    <outline text="Week 2 — Uncertainty">
      <outline text="Beven &amp; Binley (1992) The future of distributed models: model calibration and uncertainty prediction #glue" _note="Hydrol. Process. 6(3)&#10;- GLUE: many behavioural parameter sets, none 'true'" />
      <outline text="Kratzert — Rainfall-runoff modelling using Long Short-Term Memory networks #lstm" _note="[arXiv 1803.09999](https://arxiv.org/abs/1803.09999) · HESS 22, 2018&#10;one LSTM per basin beats SAC-SMA" />
    </outline>
  </body>
</opml>
"""  # noqa: E501 -- Dynalist keeps a bullet on one line

DYNALIST_TEXT = """- Week 1 — Runoff generation
    - Beven & Kirkby 1979 — A physically based, variable contributing area model of basin hydrology #topmodel #runoff
      Hydrol. Sci. Bull. 24(1) · doi 10.1080/02626667909491834
      the topographic index
    - Beven & Freer 2001 #glue
      Equifinality, data assimilation, and uncertainty estimation in mechanistic modelling of complex environmental systems using the GLUE methodology. J. Hydrol. 249, 11–29
    - [x] print the reading pack
- Week 2 — Uncertainty
    - Beven & Binley (1992) The future of distributed models: model calibration and uncertainty prediction #glue
      Hydrol. Process. 6(3)
      - GLUE: many behavioural parameter sets, none 'true'
    - Kratzert — Rainfall-runoff modelling using Long Short-Term Memory networks #lstm
      [arXiv 1803.09999](https://arxiv.org/abs/1803.09999) · HESS 22, 2018
      one LSTM per basin beats SAC-SMA
    - read the GLUE critique later
    - ask about the field trip
"""  # noqa: E501


def test_an_item_note_is_not_read_as_more_of_its_title_and_its_tags_are_its_topics() -> None:
    document = parse(DYNALIST, "seminar.opml")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [(p.title, p.year, p.doi) for p in papers] == [
        (
            "A physically based, variable contributing area model of basin hydrology",
            1979,
            "10.1080/02626667909491834",
        ),
        (
            "Equifinality, data assimilation, and uncertainty estimation in mechanistic "
            "modelling of complex environmental systems using the GLUE methodology",
            2001,
            "",
        ),
        (
            "The future of distributed models: model calibration and uncertainty prediction",
            1992,
            "",
        ),
        ("Rainfall-runoff modelling using Long Short-Term Memory networks", 2018, ""),
    ]
    # A bullet naming who and what over a note giving its link: the link is its identifier.
    assert papers[-1].arxiv_id == "1803.09999"
    assert document.entry_topics[0][-2:] == ["topmodel", "runoff"]
    assert document.entry_topics[2][-1:] == ["glue"]


def test_an_outliners_plain_text_export_reads_as_its_opml_would() -> None:
    assert looks_like_an_outline(DYNALIST_TEXT)
    assert not looks_like_an_outline("Notes\n\n- one\n- two\n  - three\n" * 3)
    from_text = parse(DYNALIST_TEXT, "Hydrology seminar.txt")
    from_opml = parse(DYNALIST, "Hydrology seminar.opml")
    assert [e.paper.title for e in from_text.entries if e.paper] == [
        e.paper.title for e in from_opml.entries if e.paper
    ]
    assert from_text.title == "Hydrology seminar"
    assert [e.sections for e in from_text.entries if e.paper][-1] == ("Week 2 — Uncertainty",)


def test_a_plain_text_export_beside_its_opml_is_skipped_for_it(tmp_path: Path, alice: User) -> None:
    (tmp_path / "seminar.opml").write_text(DYNALIST, encoding="utf-8")
    (tmp_path / "seminar.txt").write_text(DYNALIST_TEXT, encoding="utf-8")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    (skipped,) = report.files_with("skipped")
    assert skipped.name == "seminar.txt" and "seminar.opml" in skipped.detail
    assert Paper.objects.count() == 4


OMNIOUTLINER = """<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>Hydrology quals</title></head>
  <body>
    <outline text="Runoff">
      <outline text="A physically based, variable contributing area model of basin hydrology" Authors="Beven, K. J. &amp; Kirkby, M. J." Year="1979" Venue="Hydrol. Sci. Bull." Status="Read" _note="TOPMODEL.&#10;doi:10.1080/02626667909491834"/>
      <outline text="Freeze &amp; Harlan (1969) — the blueprint" Authors="Freeze, R. A. &amp; Harlan, R. L." Year="1969" Venue="J. Hydrol." Status="Skimmed" _note="Blueprint for a physically-based, digitally-simulated hydrologic response model&#10;the paper everyone cites for distributed models"/>
      <outline text="Dunne &amp; Black (1970) — saturation overland flow" Authors="Dunne, T. &amp; Black, R. D." Year="1970" Venue="WRR" Status="To read" _note="Partial area contributions to storm runoff in a small New England watershed"/>
      <outline text="Chow, Applied Hydrology, ch. 5" Authors="Chow, V. T." Year="1988" Venue="McGraw-Hill (book)" Status="Read"/>
    </outline>
  </body>
</opml>
"""  # noqa: E501 -- OmniOutliner keeps a row on one line


def test_an_outliners_columns_give_each_rows_facts_and_its_status_says_if_it_was_read() -> None:
    markdown = to_markdown(OMNIOUTLINER)
    assert "  Authors: Beven, K. J. & Kirkby, M. J.  \n  Year: 1979  \n" in markdown
    papers = [entry.paper for entry in parse(OMNIOUTLINER, "quals.opml").entries if entry.paper]
    assert [(p.title, p.year, p.doi) for p in papers] == [
        (
            "A physically based, variable contributing area model of basin hydrology",
            1979,
            "10.1080/02626667909491834",
        ),
        # A row titled by who and when takes the title its note opens with.
        (
            "Blueprint for a physically-based, digitally-simulated hydrologic response model",
            1969,
            "",
        ),
    ]  # "To read" is not read; the book's chapter is no paper
    assert papers[1].authors == ["R. A. Freeze", "R. L. Harlan"]
