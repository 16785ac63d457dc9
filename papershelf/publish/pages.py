"""The pages of a published site: what each one shows, rendered by templates/publish/.

Views (small dataclasses) hold what a template needs with every link already made
site-relative; templates write ``ROOT`` before each path, which becomes the page's own
way back to the site's root ("", "../") once the page is rendered.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from papershelf.context_processors import katex_static_dir
from papershelf.lib.excerpt import excerpt_html
from papershelf.papers.models import Author, Paper, Venue
from papershelf.publish.content import Content
from papershelf.publish.paths import ROOT, SiteMap, path_of, relative_root
from papershelf.publish.themes import Theme
from papershelf.readinglists.models import ReadingList, ReadingListItem
from papershelf.readinglists.services import TocEntry, heading_anchor, table_of_contents
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic

FEED_LENGTH = 50
EXCERPT_CHARS = 500
SEARCH_TEXT_CHARS = 4000  # of each paper's summaries, in the search index


@dataclass
class SummaryView:
    summary: Summary
    html: str
    excerpt: str

    @property
    def anchor(self) -> str:
        return f"summary-{self.summary.pk}"


@dataclass
class PaperView:
    paper: Paper
    summaries: list[SummaryView]
    figure: str  # site path, or "" when the paper has none the site holds
    lists: list[ReadingList] = field(default_factory=list)


@dataclass
class ItemView:
    item: ReadingListItem
    paper: PaperView | None  # None for a heading, or a paper this site does not hold
    note_html: str
    title: str = ""  # the paper's title even when the site does not hold its page

    @property
    def anchor(self) -> str:
        return heading_anchor(self.item)


@dataclass
class Lesson:
    """A course layout's unit: a heading with its notes and the readings under it."""

    heading: ItemView | None
    readings: list[ItemView] = field(default_factory=list)
    children: list[Lesson] = field(default_factory=list)


@dataclass
class ListView:
    reading_list: ReadingList
    description_html: str
    items: list[ItemView]
    toc: list[TocEntry]

    @property
    def modules(self) -> list[Lesson]:
        """Depth-1 headings as modules, deeper ones as their lessons."""
        modules: list[Lesson] = []
        current: Lesson | None = None
        for view in self.items:
            if view.item.is_heading and view.item.depth <= 1:
                current = Lesson(view)
                modules.append(current)
            elif view.item.is_heading:
                if current is None:
                    current = Lesson(None)
                    modules.append(current)
                current.children.append(Lesson(view))
            else:
                if current is None:
                    current = Lesson(None)
                    modules.append(current)
                target = current.children[-1] if current.children else current
                target.readings.append(view)
        return modules


@dataclass
class PageSpec:
    template: str
    context: dict[str, object]


@dataclass
class Group:
    title: str
    papers: list[PaperView]
    thing: object = None  # what the group's title links to (a year, a topic)
    description_html: str = ""


class SiteBuilder:
    def __init__(self, content: Content, theme: Theme, title: str, base_url: str) -> None:
        self.content, self.theme, self.title, self.base_url = content, theme, title, base_url
        self.site = SiteMap()
        self.years = sorted({p.year for p in content.papers if p.year}, reverse=True)
        for thing in [
            *content.papers, *content.authors, *content.venues, *content.topics,
            *content.lists, *self.years,
        ]:  # fmt: skip
            self.site.pages.add(path_of(thing))
        self.site.papers = {paper.pk: path_of(paper) for paper in content.papers}
        self.papers = [self._paper_view(paper) for paper in content.papers]
        self.by_id = {view.paper.pk: view for view in self.papers}
        self.lists = [self._list_view(reading_list) for reading_list in content.lists]
        for list_view in self.lists:
            for item in list_view.items:
                if item.paper and list_view.reading_list not in item.paper.lists:
                    item.paper.lists.append(list_view.reading_list)

    # --- views ---------------------------------------------------------------------------

    def _paper_view(self, paper: Paper) -> PaperView:
        summaries = []
        for summary in self.content.summaries.get(paper.pk, []):
            body = self.site.rewrite_summary(summary)
            summaries.append(SummaryView(summary, body, excerpt_html(body, EXCERPT_CHARS)))
        figure = self.site.media_path(paper.figure.name) if paper.figure else None
        return PaperView(paper, summaries, figure or "")

    def _list_view(self, reading_list: ReadingList) -> ListView:
        items = []
        for item in self.content.items[reading_list.pk]:
            paper = self.by_id.get(item.paper_id) if item.paper_id else None
            title = str(item.paper) if item.paper_id else ""
            items.append(ItemView(item, paper, self.site.rewrite_html(item.note_html), title))
        description = self.site.rewrite_html(reading_list.description_html)
        toc = table_of_contents([view.item for view in items])
        return ListView(reading_list, description, items, toc)

    def _topic_group(self, topic: Topic) -> Group:
        papers = [self.by_id[p.pk] for p in self.content.papers_of_topic(topic)]
        return Group(topic.name, papers, topic, self.site.rewrite_html(topic.description_html))

    def _year_groups(self, papers: list[PaperView]) -> list[Group]:
        by_year: dict[int | None, list[PaperView]] = defaultdict(list)
        for view in papers:
            by_year[view.paper.year].append(view)
        years = sorted((y for y in by_year if y), reverse=True)
        groups = [Group(str(year), by_year[year], year) for year in years]
        if None in by_year:
            groups.append(Group("Undated", by_year[None]))
        return groups

    # --- pages ---------------------------------------------------------------------------

    def plan(self) -> dict[str, PageSpec]:
        """Every page, as a path and how to render it."""
        year_counts = self._year_counts()
        pages: dict[str, PageSpec] = {
            "index.html": self._page(self.theme.home_template, self._home_context()),
            "papers/index.html": self._page(
                "publish/papers.html",
                {"heading": "All papers", "groups": self._year_groups(self.papers)},
            ),
            "years/index.html": self._index("Years", [(y, year_counts[y]) for y in self.years]),
            "venues/index.html": self._index("Venues", self._counted(self.content.venues)),
            "authors/index.html": self._index("Authors", self._counted(self.content.authors)),
            "topics/index.html": self._page(
                "publish/topics.html",
                {"groups": [self._topic_group(topic) for topic in self.content.topics]},
            ),
            "search.html": self._page("publish/search.html", {}),
        }
        if self.lists:
            pages["lists/index.html"] = self._page("publish/lists.html", {"lists": self.lists})
        for view in self.papers:
            pages[path_of(view.paper)] = self._page("publish/paper.html", {"view": view})
        for year in self.years:
            papers = [view for view in self.papers if view.paper.year == year]
            pages[path_of(year)] = self._listing(str(year), papers, year)
        for venue in self.content.venues:
            papers = [view for view in self.papers if view.paper.venue_id == venue.pk]
            pages[path_of(venue)] = self._listing(venue.name, papers, venue)
        for author in self.content.authors:
            papers = [view for view in self.papers if _by(view.paper, author)]
            pages[path_of(author)] = self._listing(author.name, papers, author)
        for topic in self.content.topics:
            group = self._topic_group(topic)
            pages[path_of(topic)] = self._page("publish/topic.html", {"group": group})
        for list_view in self.lists:
            pages[path_of(list_view.reading_list)] = self._page(
                "publish/list.html", {"list": list_view}
            )
        return pages

    def extra_files(self, pages: list[str]) -> dict[str, bytes]:
        entries = self._search_entries()
        data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
        return {
            # A page opened from disk may not fetch() a JSON file: the index is a script too.
            "search-index.js": f"window.PAPERSHELF_SEARCH = {data};\n".encode(),
            "search.json": (data + "\n").encode(),
            "feed.atom": self._feed(),
            "sitemap.xml": self._sitemap(pages),
        }

    def _context(self, path: str, extra: dict[str, object]) -> dict[str, object]:
        return {
            "site": self.site,
            "site_title": self.title,
            "theme": self.theme,
            "has_lists": bool(self.lists),
            "katex": f"assets/katex/{katex_static_dir().rsplit('/', 1)[-1]}",
            "path": path,
            **extra,
        }

    def _page(self, template: str, extra: dict[str, object]) -> PageSpec:
        return PageSpec(template, extra)

    def render(self, path: str, page: PageSpec) -> bytes:
        text = render_to_string(page.template, self._context(path, page.context))
        return text.replace(ROOT, relative_root(path)).encode()

    def _listing(self, heading: str, papers: list[PaperView], thing: object) -> PageSpec:
        groups = [Group(heading, papers, thing)]
        return self._page("publish/papers.html", {"heading": heading, "groups": groups})

    def _index(self, heading: str, things: list[tuple[object, int]]) -> PageSpec:
        return self._page("publish/index_of.html", {"heading": heading, "things": things})

    def _counted(self, things: list[Author] | list[Venue]) -> list[tuple[object, int]]:
        counts: dict[object, int] = defaultdict(int)
        for view in self.papers:
            paper = view.paper
            keys = [link.author for link in paper.author_links.all()] + [paper.venue]
            for key in keys:
                if key is not None:
                    counts[key] += 1
        return [(thing, counts[thing]) for thing in things]

    def _year_counts(self) -> dict[int, int]:
        counts: dict[int, int] = defaultdict(int)
        for view in self.papers:
            if view.paper.year:
                counts[view.paper.year] += 1
        return counts

    def _home_context(self) -> dict[str, object]:
        summaries = sorted(
            (s for view in self.papers for s in view.summaries),
            key=lambda s: (s.summary.created_at, s.summary.pk),
            reverse=True,
        )
        categories = [self._topic_group(topic) for topic in self.content.topics]
        categorised = {view.paper.pk for group in categories for view in group.papers}
        return {
            "recent": [(self.by_id[s.summary.paper_id], s) for s in summaries[:20]],
            "groups": self._year_groups(self.papers),
            "categories": categories,
            "uncategorised": [
                view for view in self.papers if view.summaries and view.paper.pk not in categorised
            ],
            "lists": self.lists,
            "topics": self.content.topics,
            "papers": self.papers,
        }

    # --- feed, sitemap, search index -----------------------------------------------------

    def _feed(self) -> bytes:
        summaries = sorted(
            (s for view in self.papers for s in view.summaries),
            key=lambda s: (s.summary.updated_at, s.summary.pk),
            reverse=True,
        )[:FEED_LENGTH]
        entries = [(self.by_id[s.summary.paper_id], s) for s in summaries]
        updated = max((s.summary.updated_at for s in summaries), default=None)
        feed_id = (
            self.base_url + "/" if self.base_url else f"tag:papershelf,2024:{_slug(self.title)}"
        )
        text = render_to_string(
            "publish/feed.atom",
            {
                "site": self.site, "site_title": self.title, "entries": entries,
                "updated": updated, "feed_id": feed_id, "base_url": self.base_url,
            },
        )  # fmt: skip
        return text.replace(ROOT, "").encode()

    def _sitemap(self, pages: list[str]) -> bytes:
        paths = sorted(pages)
        locations = [f"{self.base_url}/{path}" if self.base_url else path for path in paths]
        text = render_to_string("publish/sitemap.xml", {"locations": locations})
        return text.encode()

    def _search_entries(self) -> list[dict[str, object]]:
        entries: list[dict[str, object]] = []
        for view in self.papers:
            paper = view.paper
            text = " ".join(_text(s.summary.body_html) for s in view.summaries)
            entries.append(
                {
                    "u": path_of(paper),
                    "t": paper.title,
                    "a": ", ".join(link.author.name for link in paper.author_links.all()),
                    "v": paper.venue.name if paper.venue else "",
                    "y": paper.year or "",
                    "k": ", ".join(topic.name for topic in paper.topics.all()),
                    "x": text[:SEARCH_TEXT_CHARS],
                }
            )
        return entries


def _by(paper: Paper, author: Author) -> bool:
    return any(link.author_id == author.pk for link in paper.author_links.all())


_TAG = re.compile(r"<[^>]+>")


def _text(body_html: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", body_html)).split())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "site"
