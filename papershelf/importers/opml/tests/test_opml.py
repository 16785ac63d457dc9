"""Outlines exported as OPML: nested bullets, notes under them, escaped HTML kept as Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.opml.parse import parse, to_markdown
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


def test_nested_outlines_become_a_nested_list_with_notes_indented_under_their_item() -> None:
    assert to_markdown(SHALLOW) == (
        "# Reading list\n\n"
        "- **Attention Is All You Need**\n"
        "  line one\n"
        "  line two\n"
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
