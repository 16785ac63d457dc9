"""What every container reader writes: a Markdown note and a file name for it."""

from __future__ import annotations

import re

import yaml

MAX_NAME_CHARS = 80
# Characters no file system takes (or that mean a folder), and control characters.
_UNSAFE_RE = re.compile(r"[\\/:*?\"<>|\x00-\x1f\x7f]+")


def markdown_note(title: str, body: str, tags: list[str], source: str = "") -> str:
    """The note as the notes importer reads it: front matter, its title, its body."""
    front = {key: value for key, value in (("tags", tags), ("source", source)) if value}
    head = f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n" if front else ""
    heading = f"# {' '.join(title.split())}\n\n" if title.strip() else ""
    return f"{head}{heading}{body.strip()}\n"


class MemberNames:
    """Readable, safe file names for a container's notes, unique within it.

    People see these names in the import report, so they keep the title as written
    (a slug would hide it); two notes with one title get " 2", " 3"… as Evernote's
    own exports do. Names are compared case-blind so that they stay distinct when
    the working folder sits on a case-insensitive file system.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def name_for(self, title: str) -> str:
        stem = _safe_stem(title)
        candidate, number = stem, 1
        while candidate.casefold() in self._taken:
            number += 1
            candidate = f"{stem} {number}"
        self._taken.add(candidate.casefold())
        return f"{candidate}.md"


Links = list[tuple[str, str]]  # (the link's text, the member it points to)


def contents_page(
    groups: list[tuple[str, Links]],
    title: str = "",
    *,
    heading: bool = True,
    chapters: bool = False,
) -> str:
    """A page of links to a container's notes in order, under its groups' headings (the
    empty ones left out), which the notes reader takes as a reading list
    (``notes.index_pages``); its ``title`` in front matter names that list. With
    ``chapters`` each link sits under a heading of its own text: a book's chapter is a
    section of the list, whatever papers its page names."""
    front = yaml.safe_dump({"title": title}, allow_unicode=True, width=1000).rstrip("\n")
    lines = ["---", front, "---", ""] if title else []
    lines += [f"# {title or 'Contents'}", ""] if heading else []
    for group, links in groups:
        if not links:
            continue
        lines += [f"## {group}", ""] if group else []
        for text, target in links:
            # "##" when no part holds it: a suffix chapter is not under the last part
            lines += [f"{'###' if group else '##'} {text}", ""] if chapters else []
            lines.append(f"- [{text}](<{target}>)")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def safe_name(name: str, fallback: str = "") -> str:
    """A title as a file or folder name inside a container: no separators or characters
    a file system refuses, at most 120 characters."""
    return _UNSAFE_RE.sub(" ", name).strip()[:120] or fallback


def _safe_stem(title: str) -> str:
    stem = " ".join(_UNSAFE_RE.sub(" ", title).split())
    # A leading dot would make a hidden file, and the import skips hidden files.
    stem = stem.lstrip(". ")
    if len(stem) > MAX_NAME_CHARS:
        cut = stem[: MAX_NAME_CHARS + 1]
        stem = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_NAME_CHARS]
    stem = stem.rstrip(". ")
    return stem or "Untitled"
