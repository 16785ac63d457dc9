"""A person's own posts gathered into threads: the notes a social archive holds.

A researcher writes about a paper in one post or in a thread, a chain of replies to
their own posts ("1/ New paper by … 2/ They show … 3/ Caveat: …"). A thread is one note:
its first post names the paper, the next ones say what the person made of it. Replies
to other people are conversation, not notes, and so is what answers such a reply.
"""

from __future__ import annotations

from dataclasses import dataclass

from papershelf.importers.twitter.titles import labelled_note, named_papers


@dataclass(frozen=True)
class Post:
    id: str
    text: str  # Markdown, links expanded
    parent: str = ""  # the post it answers, "" when it starts something
    # Whether the post it answers is the person's own: True, False (someone else's),
    # or None when the archive cannot tell.
    answers_self: bool | None = None


def threads(posts: list[Post]) -> list[list[Post]]:
    """The person's threads in the order they began, each with its posts in order.

    ``posts`` come oldest first. A reply joins the thread of the post it answers when
    that post is here; a reply to one of the person's own posts that is not here (deleted,
    or in another part of the archive) starts a thread; any other reply is dropped, and
    so is every post answering a dropped one.
    """
    thread_of: dict[str, list[Post]] = {}
    dropped: set[str] = set()
    started: list[list[Post]] = []
    for post in posts:
        if post.parent and post.parent in thread_of:
            thread_of[post.parent].append(post)
            thread_of[post.id] = thread_of[post.parent]
        elif post.parent and (post.parent in dropped or post.answers_self is not True):
            dropped.add(post.id)
        else:
            thread: list[Post] = [post]
            started.append(thread)
            thread_of[post.id] = thread
    return started


def thread_notes(thread: list[Post]) -> list[str]:
    """A thread as Markdown notes, one for each paper it links in turn.

    A thread about one paper is one note, wherever its link stands. A thread going
    through several ("papers I liked this month 🧵") starts a note at each post naming
    (by a link, or a title it quotes or cites) a paper that the note before it, which
    named another, did not: what follows is about that paper, until the next one.
    """
    notes: list[list[str]] = []
    linked: set[str] = set()
    for post in thread:
        text = post.text.strip()
        if not text:
            continue
        links = named_papers(text)
        if not notes or (links and linked and not links & linked):
            notes.append([])
            linked = set()
        notes[-1].append(text)
        linked |= links
    return [labelled_note("\n\n".join(posts)) for posts in notes]
