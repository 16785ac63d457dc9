"""``papershelf publish``: a site of the public content whose every link resolves."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from papershelf.accounts.models import User
from papershelf.cli import main
from papershelf.papers.models import Paper
from papershelf.publish.services import PublishOptions, publish_site
from papershelf.publish.tests.conftest import SECRET
from papershelf.publish.writer import MANIFEST, SiteFolderError
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary, update_summary

# Marked so that pytest-django creates the test database the module's fixture fills.
pytestmark = pytest.mark.django_db

LAYOUTS = ["shelf", "bookmarks", "blog", "path", "course"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src"} and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text())
    return parser


def broken_links(site: Path) -> list[str]:
    """Every relative href/src of every page that names no file, or no anchor, in the site."""
    broken, root = [], site.resolve()
    for page in sorted(site.rglob("*.html")):
        for link in parse(page).links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if root not in target.parents or not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif parts.fragment and parts.fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(site)} -> {link} (no such anchor)")
    return broken


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_relative_link_of_every_page_resolves_to_a_file_of_the_site(
    published: dict[str, Path], layout: str
) -> None:
    site = published[layout]
    pages = list(site.rglob("*.html"))
    assert len(pages) > 100
    assert broken_links(site) == []
    for page in pages:
        for link in parse(page).links:
            assert not link.startswith("/"), f"{page}: {link} is not relative"


def test_no_private_unlisted_or_hidden_content_reaches_any_site(
    published: dict[str, Path],
) -> None:
    for site in published.values():
        for file in site.rglob("*"):
            if file.is_file() and file.suffix in {".html", ".js", ".json", ".atom", ".xml"}:
                assert SECRET not in file.read_text(), file


def test_the_site_holds_its_pages_feed_sitemap_search_index_and_katex(
    published: dict[str, Path],
) -> None:
    site = published["shelf"]
    for page in ["index.html", "years/index.html", "venues/index.html", "authors/index.html",
                 "topics/vision.html", "lists/index.html", "search.html"]:  # fmt: skip
        assert (site / page).is_file(), page
    assert list(site.glob("assets/katex/*/fonts/KaTeX_Main-Regular.woff2"))
    assert list(site.glob("assets/katex/*/LICENSE"))
    feed = ET.parse(site / "feed.atom").getroot()  # noqa: S314 - our own output
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert entries and all(e.find(f"{atom}id") is not None for e in entries)
    for entry in entries:
        href = str(entry.find(f"{atom}link").get("href"))  # type: ignore[union-attr]
        assert (site / urlsplit(href).path).is_file()
    sitemap = ET.parse(site / "sitemap.xml").getroot()  # noqa: S314 - our own output
    locations = [loc.text for loc in sitemap.iter() if loc.text]
    assert "papers/index.html" in locations and "topics/vision.html" in locations
    index = json.loads((site / "search.json").read_text())
    resnet = next(e for e in index if "Residuals" in e["x"])
    assert (site / resnet["u"]).is_file() and resnet["y"] and resnet["a"]
    assert (site / "search-index.js").read_text().startswith("window.PAPERSHELF_SEARCH = [")


def test_figures_and_stored_images_are_copied_and_missing_ones_become_text(
    published: dict[str, Path],
) -> None:
    site = published["bookmarks"]
    assert len(list(site.glob("media/figures/*/*.png"))) == 1
    assert len(list(site.glob("media/attachments/*.png"))) == 1
    home = (site / "index.html").read_text()
    assert 'src="media/figures/' in home and 'src="media/attachments/' in home
    assert "../images/Screenshot" not in home and 'class="missing-image"' in home


def test_each_layout_shows_what_the_page_it_replaces_shows(published: dict[str, Path]) -> None:
    bookmarks = (published["bookmarks"] / "index.html").read_text()
    assert bookmarks.count('class="bookmark-year"') >= 8 and 'class="figure"' in bookmarks
    blog = (published["blog"] / "index.html").read_text()
    assert 'class="category"' in blog and "Images as" in blog and "Read more" in blog
    path = (published["path"] / "index.html").read_text()
    assert 'class="toc"' in path and path.count('class="summary"') >= 38
    course = (published["course"] / "index.html").read_text()
    assert '<section class="module"' in course and '<section class="lesson"' in course
    assert "kernels" in course and "in mind" in course  # module and lesson notes


def test_republishing_rewrites_only_what_changed_and_removes_what_is_gone(
    paper: Paper, alice: User, tmp_path: Path
) -> None:
    summary = create_summary(paper, alice, SummaryData(body="Attention: $QK^T$."))
    other = Paper.objects.create(title="Deep Residual Learning for Image Recognition", year=2016)
    out = tmp_path / "site"
    first = publish_site(PublishOptions(out))
    assert first.files.written > 30 and first.files.unchanged == 0

    again = publish_site(PublishOptions(out))
    assert (again.files.written, again.files.removed) == (0, 0)
    assert again.files.unchanged == first.files.written

    update_summary(summary, SummaryData(body="Attention: $\\mathrm{softmax}(QK^T)V$."), alice)
    other.delete()
    changed = publish_site(PublishOptions(out))
    assert 0 < changed.files.written < 15
    assert changed.files.removed >= 2  # the paper's page and its year's page
    assert not list(out.glob("papers/*residual*")) and not (out / "years/2016.html").exists()
    manifest = json.loads((out / MANIFEST).read_text())
    assert set(manifest) == {p.relative_to(out).as_posix() for p in out.rglob("*")
                             if p.is_file() and p.name != MANIFEST}  # fmt: skip


def test_it_never_writes_into_a_folder_it_did_not_make(db: None, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(SiteFolderError, match="not empty"):
        publish_site(PublishOptions(tmp_path))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_the_command_publishes_a_persons_site_and_reports_counts(
    paper: Paper, alice: User, bob: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("papershelf.cli.setup_django", lambda migrate=True: None)
    create_summary(paper, alice, SummaryData(body="Alice's notes."))
    anonymous = SummaryData(body="Bob, unnamed.", anonymous=True)
    create_summary(Paper.objects.create(title="Another paper on attention"), bob, anonymous)
    result = CliRunner().invoke(
        main, ["publish", str(tmp_path / "site"), "--user", "alice", "--theme", "blog"]
    )
    assert result.exit_code == 0, result.output
    assert "1 papers, 1 summaries" in result.output and "written, 0 unchanged" in result.output
    assert "Alice's notes" in (tmp_path / "site/index.html").read_text()
    assert not list((tmp_path / "site/papers").glob("*another*"))
    assert Summary.objects.count() == 2

    unknown = CliRunner().invoke(main, ["publish", str(tmp_path / "x"), "--topic", "nope"])
    assert unknown.exit_code == 1 and "Error: no topic 'nope'" in unknown.output
