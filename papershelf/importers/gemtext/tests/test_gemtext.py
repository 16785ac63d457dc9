"""Gemini capsules (gemtext): line-typed pages read as Markdown notes."""

# ruff: noqa: E501 -- gemtext keeps a paragraph on one line

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.gemtext.parse import parse, to_markdown
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

POST = """# Reading notes: Milner, A Theory of Type Polymorphism in Programming\r
\r
2023-01-14\r
\r
## The paper\r
* Robin Milner. A Theory of Type Polymorphism in Programming. Journal of Computer and System Sciences 17(3):348–375, 1978.\r
=> https://doi.org/10.1016/0022-0000(78)90014-4 DOI\r
\r
```ascii art of the unifier\r
  t1 ~ t2\r
```\r
> Well-typed programs cannot "go wrong".\r
Algorithm W, let-polymorphism, and the soundness theorem.\r
=> index.gmi ← back to the gemlog\r
=> ../index.gmi ← home\r
"""

LIST_PAGE = """# Papers

## Read, with notes
=> gemlog/2023-01-14-milner.gmi Milner (1978) A Theory of Type Polymorphism in Programming
=> gemlog/2023-03-11-moggi.gmi Moggi (1991) Notions of Computation and Monads

## Queue (maybe later)
* Hughes (1989) Why Functional Programming Matters
* Damas & Milner (1982) Principal type-schemes for functional programs
"""


def test_each_kind_of_line_becomes_its_markdown_block() -> None:
    markdown = to_markdown(POST)
    assert "- Robin Milner. A Theory of Type Polymorphism" in markdown
    # A link alone is a line of its own; links in a row are a list.
    assert "\n\n[DOI](<https://doi.org/10.1016/0022-0000(78)90014-4>)\n\n" in markdown
    assert "- [← back to the gemlog](<index.gmi>)\n- [← home](<../index.gmi>)" in markdown
    assert "```\n  t1 ~ t2\n```" in markdown  # alt text is no language
    assert '> Well-typed programs cannot "go wrong".\n\n' in markdown
    assert "\nAlgorithm W, let-polymorphism, and the soundness theorem.\n\n" in markdown


def test_a_reading_notes_post_names_its_paper_with_authors_and_doi() -> None:
    [entry] = parse(POST, "gemlog/2023-01-14-milner.gmi").entries
    assert entry.paper is not None
    assert entry.paper.title == "A Theory of Type Polymorphism in Programming"
    assert entry.paper.doi == "10.1016/0022-0000(78)90014-4"
    assert entry.paper.authors == ["Robin Milner"]


def test_a_capsule_imports_its_posts_but_not_its_queue_or_its_feed_copies(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "gemlog").mkdir()
    (tmp_path / "gemlog" / "2023-01-14-milner.gmi").write_text(POST, encoding="utf-8")
    (tmp_path / "papers.gmi").write_text(LIST_PAGE, encoding="utf-8")
    (tmp_path / "robots.txt").write_text("# robots.txt for Gemini\nUser-agent: *\n", "utf-8")
    (tmp_path / "gemlog" / "atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>gemlog</title><entry><title>Reading notes: Milner, A Theory of Type "
        "Polymorphism in Programming</title><published>2023-01-14T09:00:00Z</published>"
        '<link rel="alternate" href="gemini://example.org/gemlog/2023-01-14-milner.gmi"/>'
        "<summary>Algorithm W.</summary></entry></feed>",
        encoding="utf-8",
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.values_list("title", flat=True)) == [
        "A Theory of Type Polymorphism in Programming"
    ]
