"""A blog's posts in one XML file — a WordPress export, a Blogger export, a site's RSS or
Atom feed — become one note per published post; pages, drafts and comments do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.feed import looks_like_feed, read_feed
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

POST_HTML = (
    "<p>Kimura, M. (1968). Evolutionary rate at the molecular level. <em>Nature</em>, "
    "217, 624–626. <a href='https://doi.org/10.1038/217624a0'>doi</a></p>"
    "<h2>Summary</h2><p>Most substitutions are neutral; the rate is the mutation rate.</p>"
)


def _wxr_item(title: str, html: str, kind: str = "post", status: str = "publish") -> str:
    return (
        f"<item><title>{title}</title><link>https://blog.example/{len(title)}/</link>"
        "<pubDate>Fri, 14 Apr 2023 10:00:00 +0000</pubDate>"
        f"<content:encoded><![CDATA[{html}]]></content:encoded>"
        "<wp:post_date>2023-04-14 10:00:00</wp:post_date>"
        f"<wp:status>{status}</wp:status><wp:post_type>{kind}</wp:post_type>"
        '<category domain="category" nicename="evolution"><![CDATA[Evolution]]></category>'
        "<wp:comment><wp:comment_content>Read Ohta 1973 next!</wp:comment_content></wp:comment>"
        "</item>"
    )


WXR = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Neutral Notes</title>'
    + _wxr_item("The neutral theory, in one paper", POST_HTML)
    + _wxr_item("About", "<p>I write about papers.</p>", kind="page")
    + _wxr_item("Draft: Ohta 1973", "<p>Nearly neutral…</p>", status="draft")
    + _wxr_item("hero.png", "", kind="attachment")
    + "</channel></rss>"
)

ATOM = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
    'xmlns:blogger="http://schemas.google.com/blogger/2018">'
    "<entry><title>Kimura 1968</title><published>2023-04-14T10:00:00Z</published>"
    f'<content type="html">{POST_HTML.replace("&", "&amp;").replace("<", "&lt;")}</content>'
    "<blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>"
    '<category term="population genetics"/></entry>'
    "<entry><title>Great post!</title><content type='html'>Try Ohta 1973</content>"
    "<blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status></entry>"
    "<entry><title>Next week</title><content type='html'>Ohta 1973</content>"
    "<blogger:type>POST</blogger:type><blogger:status>DRAFT</blogger:status></entry>"
    "</feed>"
)


@pytest.mark.parametrize(("name", "text"), [("export.xml", WXR), ("feed.atom", ATOM)])
def test_each_published_post_is_one_note_and_nothing_else_is(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert looks_like_feed(text)

    members = read_feed(path)

    assert len(members) == 1
    [(member, note)] = members
    assert member.startswith("2023-04-14 ") and member.endswith(".md")
    assert "Most substitutions are neutral" in note
    assert "Ohta" not in note  # not the comment, the draft or the page


def test_a_feed_with_a_doctype_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss/>')
    with pytest.raises(ParseError, match="DOCTYPE"):
        read_feed(path)


def test_a_wordpress_export_imports_the_paper_its_post_cites(tmp_path: Path, alice: User) -> None:
    (tmp_path / "neutralnotes.WordPress.2024-05-12.xml").write_text(WXR, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    [paper] = Paper.objects.all()
    assert (paper.title, paper.doi) == (
        "Evolutionary rate at the molecular level",
        "10.1038/217624a0",
    )
    assert "the rate is the mutation rate" in paper.summaries.get().body
