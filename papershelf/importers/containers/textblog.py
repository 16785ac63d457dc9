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
    r"leave a comment|\d+\s+comments?$|comments?\s*\(\d+\)|no comments|related posts?$)",
    re.IGNORECASE,
)
# "Posted in Methods, Lab life | Tagged neuropixels, probes | 2 Comments"
_FILED_RE = re.compile(r"(?:posted in|filed under|categories:)\s*(?P<names>[^|]+)", re.I)
_TAGGED_RE = re.compile(r"(?:tagged(?: with)?|tags:)\s*(?P<names>[^|]+)", re.I)
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


def _posts(lines: list[str]) -> list[_Post]:
    posts: list[_Post] = []
    for index, line in enumerate(lines):
        date = _byline_date(line) if line else None
        title = _title_above(lines, index) if date else None
        if date and title is not None and (not posts or title > posts[-1].byline):
            posts.append(_Post(title=title, byline=index, date=date))
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
    # One line of copied text is one paragraph (or list item, its bullet lost); a short
    # line without a full stop over a paragraph was a sub-heading ("What they found").
    blocks = [
        f"### {line}" if _was_heading(line, following) else line
        for line, following in zip(body, [*body[1:], ""], strict=True)
    ]
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n\n" + "\n\n".join(blocks) + "\n"


def _was_heading(line: str, following: str) -> bool:
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
