"""Slide decks: PowerPoint (.pptx, .pptm, .ppsx; Google Slides and Keynote download
as .pptx) and LibreOffice Impress (.odp), one Markdown deck each.

A journal club keeps one deck per meeting: a title slide that cites the paper (its
title, or a nickname with the citation under it), slides of methods, results and
discussion, perhaps a "Related work" or "References" slide, and the presenter's
speaker notes. The deck is written in the shape ``notes/slides.py`` reads a Marp deck
in: front matter that marks it a deck (``slide_deck:``, the file's name), slides
between ``---`` lines, the title slide's title as ``# Title`` with its subtitle's
paragraphs under it, every other slide's title as ``## Title``, its text as
paragraphs, nested bullets and pipe tables, and its speaker notes after a
"Speaker notes:" line. Which paper the deck presents, and that the papers of a
related-work slide are not it, the notes importer decides as for any deck.

Hidden slides are left out: a presenter hides what they took out of the talk, most
often the slides of an older deck the new one was copied from (last month's title
slide would name a paper nobody presented this time) or backups never shown.

PowerPoint keeps an owner file (``~$name.pptx``, a few bytes naming who has the deck
open) beside a deck while it is open; it is no deck and gives no note. LibreOffice's
(``.~lock.name.odp#``) is hidden, so never read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames
from papershelf.importers.containers.office import Block, render

OWNER_FILE_PREFIX = "~$"
# What a reader would take for Markdown of its own in a line of slide text: a heading
# ("# 1 finding"), a slide break or a heading's underline ("---", "==="), a fence.
_MARKUP_START_RE = re.compile(r"^(?=#|[-*_=+]{3,}[ \t]*$)", re.MULTILINE)
_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\((\S+?)\)")
_SCHEME_RE = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)
_MAX_PROMOTED_TITLE = 200  # a first slide's first line taken as its title: a line, no more


@dataclass
class Slide:
    """One slide as read: its title (one line), its text, its speaker notes."""

    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)


@dataclass
class Deck:
    slides: list[Slide]
    tags: list[str] = field(default_factory=list)


def read_slides(path: Path) -> list[Member]:
    """A deck as one Markdown note; PowerPoint's owner file, and a deck of pictures with
    no text on any slide, as none."""
    if path.name.startswith(OWNER_FILE_PREFIX):
        return []
    if path.suffix.lower() == ".odp":
        from papershelf.importers.containers.odp import read_odp_deck

        deck = read_odp_deck(path)
    else:
        from papershelf.importers.containers.pptx import read_pptx_deck

        deck = read_pptx_deck(path)
    text = deck_markdown(deck, path.name)
    return [(MemberNames().name_for(path.stem), text)] if text else []


def deck_markdown(deck: Deck, name: str) -> str:
    """The deck as a Markdown deck: front matter, then its slides between ``---``; ""
    when no slide has any text."""
    slides = [text for text in _slide_texts(deck.slides) if text]
    if not slides:
        return ""
    front = {"slide_deck": name, **({"tags": deck.tags} if deck.tags else {})}
    head = f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n"
    return head + "\n" + "\n\n---\n\n".join(slides) + "\n"


def _slide_texts(slides: list[Slide]) -> list[str]:
    texts = []
    for number, slide in enumerate(slides):
        title, blocks = slide.title, slide.blocks
        if number == 0 and not title:
            title, blocks = _promoted_title(blocks)
        parts = [f"{'#' if number == 0 else '##'} {title}"] if title else []
        parts.append(_bare_addresses(escaped(render(blocks, []))))
        notes = _bare_addresses(escaped(render(slide.notes, [])))
        if notes:
            parts.append(f"Speaker notes:\n\n{notes}")
        texts.append("\n\n".join(part.strip() for part in parts if part.strip()))
    return texts


def _promoted_title(blocks: list[Block]) -> tuple[str, list[Block]]:
    """A first slide made of text boxes alone: its first line is its title, as a person
    reading the slide takes the big line at its top."""
    if not blocks or blocks[0].kind != "paragraph":
        return "", blocks
    first, _, rest = blocks[0].text.partition("\n")
    if not first.strip() or len(first) > _MAX_PROMOTED_TITLE:
        return "", blocks
    remaining = [Block("paragraph", rest)] if rest.strip() else []
    return first.strip(), remaining + blocks[1:]


def frame_blocks(blocks: list[Block]) -> list[Block]:
    """One text frame's plain paragraphs as the lines of one paragraph: a frame is read
    as a unit ("A programmable DNA endonuclease" / "Jinek M, Chylinski K, …" /
    "Science 2012" is one citation), where separate frames are separate paragraphs.
    A frame of one bullet is a paragraph: a body placeholder bullets whatever is typed
    in it, and one point alone (the paper's citation on its slide) is no list."""
    if len(blocks) == 1 and blocks[0].kind == "item" and blocks[0].marker == "-":
        return [Block("paragraph", blocks[0].text)]
    joined: list[Block] = []
    for block in blocks:
        if block.kind == "paragraph" and joined and joined[-1].kind == "paragraph":
            joined[-1] = Block("paragraph", f"{joined[-1].text}\n{block.text}")
        else:
            joined.append(block)
    return joined


def _bare_addresses(markdown: str) -> str:
    """A link that shows its own address ("doi.org/10.1038/…" linking to
    "https://doi.org/10.1038/…") as the address alone, as a reader of the slide sees it."""

    def bare(link: re.Match[str]) -> str:
        shown, address = link[1].strip(), link[2]
        same = _SCHEME_RE.sub("", shown).rstrip("/") == _SCHEME_RE.sub("", address).rstrip("/")
        return address if same else link[0]

    return _LINK_RE.sub(bare, markdown)


def escaped(markdown: str) -> str:
    """A slide's text with what would read as Markdown structure at a line's start
    ("# 1 finding", "---") escaped, so that a slide never splits or heads the deck."""
    return _MARKUP_START_RE.sub("\\\\", markdown)
