"""A blog's pages copied from the browser as text, when each post carries a byline.

Select-all and copy keeps a post's title on a plain line with its byline under it
("Posted on March 8, 2020 by kim", "By Kim Lee · 12 May 2021", "March 8, 2020"), and
after the post the blog's furniture ("Continue reading →", "Share this:", "Posted in
Methods | Tagged probes | 2 Comments"). The byline is what repeats from post to post, so
it splits the page: each post becomes a note of its own (title, date, categories and
tags in front matter, as a static site's post would be), read by the notes importer
like any other post — a post on two papers, a book review or an announcement is judged
there, by the same evidence. The page's list of categories ("Methods: tools and
probes") becomes a topics page. Pages without bylines are read by
``notes.plaintext``, which splits at a repeated separator line instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames
from papershelf.importers.notes.metadata import LABEL_LINE_RE

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A whole date, with its day: "March 8, 2020", "8 March 2020", "2020-03-08", "Mar 8 2020".
_DATE = (
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)
_BYLINE_RES = [
    # "Posted on March 8, 2020 by kim", "Published 8 March 2020", "Updated on …"
    re.compile(
        rf"^(?:posted|published|written|updated)\s+(?:on\s+)?(?P<date>{_DATE})"
        rf"(?:\s*(?:by|[·|—–-])\s*.{{1,60}})?$",
        re.IGNORECASE,
    ),
    # "By Kim Lee · March 8, 2020", "Posted by kim on March 8, 2020"
    re.compile(
        rf"^(?:(?:posted|written)\s+)?by\s+[^\n]{{1,60}}?\s*(?:on|[·|—–,-])\s*(?P<date>{_DATE})"
        rf"(?:\s*[·|—–]\s*.{{0,40}})?$",
        re.IGNORECASE,
    ),
    # "March 8, 2020", "March 8, 2020 · 6 min read", "2020-03-08 by kim"
    re.compile(
        rf"^(?P<date>{_DATE})(?:\s*(?:by\s+|[·|—–]\s*)[^\n]{{1,60}})?$",
        re.IGNORECASE,
    ),
]
_MIN_POSTS = 2
_TITLE_REACH = 3  # lines above a byline its title may stand (blank lines between)
_MAX_TITLE_WORDS = 30
_MAX_HEADING_WORDS = 10
# Where a post's own text ends on a blog's index page: its "more" link, its share and like
# buttons, its filing line and comment count.
_POST_END_RE = re.compile(
    r"^(?:continue reading|read more|keep reading|read the rest|read full post|"
    r"share this|like this|posted in\b|filed under\b|categories:|tags:|tagged\b|"
    r"leave a comment|\d+\s+comments?$|comments?\s*\(\d+\)|no comments|related posts?$|"
    # Medium's and Substack's: the author's box, the responses, the publication's other posts.
    r"written by\b|responses?\s*\(\d+\)$|no responses yet$|more from\b|recommended from\b|"
    r"published in \S.*|[\d.,]+k? followers$|"
    r"posted by\b.{1,80}\bat\s+\d{1,2}:\d{2}\b)",  # Blogger's "Posted by X at 6:20 PM"
    re.IGNORECASE,
)
# A story's own address on a line of its own ("https://medium.com/pixel-digest/paper-…"):
# what copying a publication's stories one after another leaves between them.
_ADDRESS_RE = re.compile(r"^https?://(?P<site>[^/\s]+/[^/\s]+)/\S+$")
# The buttons and counters around a story's title: never its text.
_FURNITURE_RE = re.compile(
    r"^(?:·|follow|listen|share|published in|\d+\s+min read|[\d.,]+k?|member-only story"
    r"|press enter or click to view image in full size|sign (?:up|in)|get the app)$",
    re.IGNORECASE,
)
_HEADER_REACH = 25  # lines under a story's title where its date and buttons stand
# "Posted in Methods, Lab life | Tagged neuropixels, probes | 2 Comments"
_FILED_RE = re.compile(r"(?:posted in|filed under|categories:)\s*(?P<names>[^|]+)", re.I)
_TAGGED_RE = re.compile(r"(?:tagged(?: with)?|tags:|labels:)\s*(?P<names>[^|]+)", re.I)
_CATEGORY_RE = re.compile(
    r"^(?:\*\*)?(?P<name>[A-Z0-9][^:*|]{1,40}?)(?:\*\*)?\s*[:—–]\s+(?P<description>\S.{4,})$"
)
_NOT_TOPICS = frozenset({"uncategorized", "uncategorised", "general", "misc"})
_TEXT_SUFFIXES = frozenset({".txt", ".text"})
_MAX_SNIFF_BYTES = 5_000_000


@dataclass
class _Post:
    title: int  # line numbers, 0-based
    byline: int
    end: int = 0  # exclusive: where the post's own text stops
    date: str = ""
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def looks_like_text_blog(path: Path) -> bool:
    if path.suffix.lower() not in _TEXT_SUFFIXES or not path.is_file():
        return False
    if path.stat().st_size > _MAX_SNIFF_BYTES:
        return False  # read as a document, whose size limit then speaks
    return len(_posts(_lines(path))) >= _MIN_POSTS


def read_text_blog(path: Path) -> list[Member]:
    lines = _lines(path)
    posts = _posts(lines)
    names = MemberNames()
    members = []
    for post in posts:
        name = names.name_for(lines[post.title])
        members.append((name, _note(lines, post)))
    categories = _categories(lines[: posts[0].title] if posts else [], posts)
    if categories:
        members.append(("topics.md", _categories_page(categories, posts, lines, members)))
    return members


def _lines(path: Path) -> list[str]:
    from papershelf.importers.reading import read_document  # reading opens containers

    text = read_document(path, str(path), path.name).text
    return [line.strip() for line in text.removeprefix("\ufeff").splitlines()]


def _byline_date(line: str) -> str | None:
    for pattern in _BYLINE_RES:
        match = pattern.match(line)
        if match:
            return match["date"]
    return None


def _address_posts(lines: list[str]) -> list[_Post]:
    """Stories each opened by its own address on the same site, a title under it."""
    sites: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if address := _ADDRESS_RE.match(line):
            sites.setdefault(address["site"].casefold(), []).append(index)
    starts = max(sites.values(), key=len, default=[])
    posts: list[_Post] = []
    for start in starts:
        title = next(
            (
                i
                for i in range(start + 1, min(start + 5, len(lines)))
                if lines[i] and not _FURNITURE_RE.match(lines[i])  # "Member-only story"
            ),
            None,
        )
        if title is None or len(lines[title].split()) > _MAX_TITLE_WORDS:
            continue
        header = lines[title + 1 : title + 1 + _HEADER_REACH]
        date = next((d for line in header if (d := _byline_date(line))), "")
        posts.append(_Post(title=title, byline=title, date=date))
    return posts if len(posts) >= _MIN_POSTS else []


def _posts(lines: list[str]) -> list[_Post]:
    if addressed := _address_posts(lines):
        return _ended(addressed, lines)
    posts: list[_Post] = []
    day = ""  # the last date header: a day's second post has none of its own
    for index, line in enumerate(lines):
        if _BLOGGER_FOOTER_RE.match(line) and day and (after := _after_footer(lines, index)):
            posts.append(_Post(title=after, byline=after, date=day))  # the same day's next
            continue
        date = _byline_date(line) if line else None
        if date and _DATE_HEADER_RE.match(line) and (below := _title_below(lines, index)):
            # Blogger's "Monday, March 4, 2019" heads the day's posts: the title is under it
            posts.append(_Post(title=below, byline=below, date=date))
            day = date
            continue
        title = _title_above(lines, index) if date else None
        if date and title is not None and (not posts or title > posts[-1].byline):
            posts.append(_Post(title=title, byline=index, date=date))
    return _ended(posts, lines)


# "Monday, March 4, 2019": a weekday and a whole date, alone on its line.
_DATE_HEADER_RE = re.compile(
    rf"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}$",
    re.IGNORECASE,
)


# "Posted by Dr. Miriam Keane at 6:20 PM No comments: Email This…": a Blogger post's end.
_BLOGGER_FOOTER_RE = re.compile(r"^posted by\b.{1,80}\bat\s+\d{1,2}:\d{2}\b", re.IGNORECASE)
# What follows it before the next post: its filing, and the page's own pager.
_FILING_RE = re.compile(
    r"^(?:labels?|location|reactions)\s*:|^(?:newer posts|older posts|home|subscribe to)\b",
    re.IGNORECASE,
)


def _after_footer(lines: list[str], footer: int) -> int | None:
    """A post that follows another of the same day, under no date header of its own."""
    for index in range(footer + 1, min(footer + 6, len(lines))):
        line = lines[index]
        if not line or _FILING_RE.match(line):
            continue
        if _byline_date(line) or _POST_END_RE.match(line) or len(line.split()) > _MAX_TITLE_WORDS:
            return None
        return index
    return None


def _title_below(lines: list[str], header: int) -> int | None:
    """The first line under a date header, when the line above it ends a post or the
    page's header: the previous post's "Labels: …" or the blog's own title."""
    below = next((i for i in range(header + 1, min(header + 3, len(lines))) if lines[i]), None)
    if below is None or len(lines[below].split()) > _MAX_TITLE_WORDS:
        return None
    return None if _byline_date(lines[below]) or _POST_END_RE.match(lines[below]) else below


def _ended(posts: list[_Post], lines: list[str]) -> list[_Post]:
    """Each post's own text stops at its blog's furniture ("Share this:", "Written by")."""
    for number, post in enumerate(posts):
        stop = posts[number + 1].title if number + 1 < len(posts) else len(lines)
        post.end = next(
            (i for i in range(post.byline + 1, stop) if _POST_END_RE.match(lines[i])), stop
        )
        _filing(lines[post.end : stop], post)
    return posts


def _title_above(lines: list[str], byline: int) -> int | None:
    for index in range(byline - 1, max(-1, byline - 1 - _TITLE_REACH), -1):
        line = lines[index]
        if not line:
            continue
        if _byline_date(line) or _POST_END_RE.match(line) or len(line.split()) > _MAX_TITLE_WORDS:
            return None
        return index
    return None


def _filing(footer: list[str], post: _Post) -> None:
    for line in footer:
        filed, tagged = _FILED_RE.search(line), _TAGGED_RE.search(line)
        if filed:
            post.categories += _names(filed["names"])
        if tagged:
            post.tags += _names(tagged["names"])


def _names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r",|\s+·\s+", text) if n.strip() and len(n.split()) <= 5]


def _note(lines: list[str], post: _Post) -> str:
    front: dict[str, object] = {"title": lines[post.title], "date": post.date}
    categories = [c for c in post.categories if c.casefold() not in _NOT_TOPICS]
    if categories:
        front["categories"] = categories
    if post.tags:
        front["tags"] = post.tags
    body = [line for line in lines[post.byline + 1 : post.end] if line]
    # "Priya Raman" twice over "Follow", "6 min read", "312": the story's buttons, no notes
    body = [
        line
        for number, line in enumerate(body)
        if not _FURNITURE_RE.match(line) and not (number and body[number - 1] == line)
    ]
    facts, body = _paper_block(body)
    if not facts:
        facts, body = _closing_citations(body)
    # One line of copied text is one paragraph (or list item, its bullet lost); a short
    # line without a full stop over a paragraph was a sub-heading ("What they found"). A
    # "#" that opens a line is the text's own (a code comment copied), no heading.
    blocks = ["\n".join(facts)] if facts else []
    for line, following in zip(body, [*body[1:], ""], strict=True):
        if blocks and LABEL_LINE_RE.match(line) and LABEL_LINE_RE.match(blocks[-1].split("\n")[-1]):
            blocks[-1] += f"\n{line}"  # "Paper: …" / "Authors: …" / "Venue: …": one block
        else:
            text = re.sub(r"^#", r"\\#", line)
            blocks.append(f"### {line}" if _was_heading(line, following) else text)
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n\n" + "\n\n".join(blocks) + "\n"


def _paper_block(body: list[str]) -> tuple[list[str], list[str]]:
    """ "Title: …" / "Authors: …" / "Published at: …" a few lines into a story on one
    paper (under its subtitle and a first paragraph): the facts the post states of its
    paper, moved to its top where a note states them. Two such blocks (a story on two
    papers): each stays under its part."""
    titled = [i for i, line in enumerate(body) if _PAPER_LABEL_RE.match(line)]
    if len(titled) != 1 or titled[0] >= _HEADER_REACH:
        return [], body
    start = end = titled[0]
    while start > 0 and LABEL_LINE_RE.match(body[start - 1]):
        start -= 1
    while end + 1 < len(body) and LABEL_LINE_RE.match(body[end + 1]):
        end += 1
    return body[start : end + 1], [*body[:start], *body[end + 1 :]]


_CLOSING_REACH = 4  # the last lines of a post where its references stand


def _closing_citations(body: list[str]) -> tuple[list[str], list[str]]:
    """The references a post ends with (Blogger posts close on the paper's citation,
    "Hafting, T., …, & Moser, E. I. (2005). Microstructure of … https://doi.org/…"),
    moved to its top where a note states its paper: one as its lead, several as the
    list of papers it covers. A citation without an identifier may be one in passing."""
    from papershelf.importers.notes.citations import read_citation
    from papershelf.importers.notes.metadata import identifier_of

    def cites(line: str) -> bool:
        paper = read_citation(line)
        return paper is not None and bool(identifier_of(paper))

    start = len(body)
    while start > max(0, len(body) - _CLOSING_REACH) and cites(body[start - 1]):
        start -= 1
    closing, before = body[start:], body[:start]
    if not closing or any(cites(line) for line in before):
        # none end the post, or it cites its papers as it goes ("Paper 1: …", "Paper 2: …")
        return [], body
    facts = closing if len(closing) == 1 else ["**Papers:**", *(f"- {c}" for c in closing)]
    return facts, before


_SHORT_DATE_RE = re.compile(rf"^{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?$", re.IGNORECASE)
_PAPER_LABEL_RE = re.compile(r"^(?:paper(?: title)?|title)\s*:\s+\S", re.IGNORECASE)


def _was_heading(line: str, following: str) -> bool:
    if LABEL_LINE_RE.match(line) or _SHORT_DATE_RE.match(line):
        return False  # "Venue: CVPR 2022", "Jan 9": a fact of the post, no sub-heading
    return (
        len(line.split()) <= _MAX_HEADING_WORDS
        and line[0].isupper()
        and line[-1] not in ".,;:!"
        and len(following) > 2 * len(line)
    )


def _categories(header: list[str], posts: list[_Post]) -> dict[str, str]:
    """The page's list of categories with their descriptions: two or more lines running
    together, "Name: what it holds". Where posts say what they were filed under, a name
    must be one of those."""
    filed = {c.casefold() for post in posts for c in post.categories}
    found: dict[str, str] = {}
    run: dict[str, str] = {}
    for line in [*header, ""]:
        match = _CATEGORY_RE.match(line)
        if match:
            run[match["name"].strip()] = match["description"].strip()
            continue
        if len(run) >= _MIN_POSTS:
            found.update(run)
        run = {}
    if filed:
        found = {name: text for name, text in found.items() if name.casefold() in filed}
    return found


def _categories_page(
    categories: dict[str, str], posts: list[_Post], lines: list[str], members: list[Member]
) -> str:
    """A topics page (``notes.collection.read_topics_page``): each category a heading,
    its description, and links to the posts filed under it."""
    parts = []
    for name, description in categories.items():
        parts += [f"## {name}", "", description, ""]
        for post, (member, _) in zip(posts, members, strict=False):
            if name.casefold() in {c.casefold() for c in post.categories}:
                parts.append(f"- [[{member.removesuffix('.md')}]]")
        parts.append("")
    return "\n".join(parts)
