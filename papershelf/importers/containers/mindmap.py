"""A mind map as notes: what the Freeplane/FreeMind (``freeplane``) and XMind (``xmind``)
readers share once they have read a map into a tree of topics.

A person who keeps a reading map puts the subject in the middle, the themes around it
and the papers on the themes' branches, each paper's notes under it (a note, an
attribute, a link, child topics with remarks). Beside the papers the same map holds
questions, to-dos, books and concepts. So:

- each topic that names a paper becomes a note of its own: its text as the title
  (``card_heading`` turns "Title (Author et al. 2020)" into a title and facts), its
  link, attributes, labels and reading mark as front matter and labelled lines, its
  notes and its child topics as the body, the topics it points to (arrows,
  relationships) as a "Related" list;
- the papers' order, under headings of the themes and sub-themes that hold them, is a
  page of links (named as a site's navigation is, ``sitenav.MEMBER``), which the notes
  reader makes a reading list named after the map, its sections the themes, in map order;
- everything else (the centre's note, questions, to-dos, concepts, a "Books" branch) is
  one more note, the map's own outline, so nothing written on the map is lost; the
  notes reader judges it as any other note.

A topic names a paper by its evidence: a link to a paper (DOI, arXiv, a publisher) or an
identifier in its text; or text that reads as a citation ("Vaswani et al. 2017"),
attributes that are a paper's facts, or a title-like text that carries notes. A branch
that holds such topics is a theme, not a paper; a branch whose name says it holds no
papers ("Books", "Questions", "To do") keeps all it holds in the outline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames
from papershelf.importers.containers.sitenav import MEMBER as NAVIGATION
from papershelf.importers.notes.cardtitle import card_heading
from papershelf.importers.notes.citations import (
    NOT_A_PAPER_LABEL_RE,
    names_non_papers,
    names_unread,
    read_citation,
)
from papershelf.importers.notes.links import is_not_paper_url, is_paper_url
from papershelf.importers.notes.text import reads_as_a_chore
from papershelf.lib.identifiers import identify
from papershelf.lib.titles import is_probably_title

MAX_DEPTH = 100  # a map nested deeper than any editor shows is no person's map
# Branches that hold the person's own thoughts and plans, never papers.
_NOTE_BRANCHES = frozenset(
    {"questions", "open questions", "question", "todo", "to do", "to-do", "todos", "tasks"}
    | {"ideas", "concepts", "glossary", "definitions", "terms", "notes", "thoughts", "misc"}
    | {"next steps", "action items", "people", "contacts", "events", "deadlines"}
    | {"问题", "待办", "想法", "概念"}
)
# "Vaswani et al. 2017", "(Kingma & Ba, 2015)", "Hinton, 2006": a citation in the text.
_CITED_RE = re.compile(
    r"\bet al\b|\(\s*[^()]*\b(?:19|20)\d{2}[a-z]?\s*\)"
    r"|\b[A-Z][a-z][\w'’\-]*,? (?:19|20)\d{2}\b"  # "Hinton 2006", never "CVPR 2016"
)
_MAX_TITLE_WORDS = 30  # longer text on a topic is a remark, not a paper's title
# A paper's facts, as people name a topic's attributes; the notes reader's own keys.
_FACT_KEYS = {
    "author": "authors", "authors": "authors", "year": "year", "venue": "venue",
    "journal": "venue", "conference": "venue", "doi": "doi", "arxiv": "arxiv",
    "url": "link", "link": "link", "status": "status", "tags": "tags", "keywords": "tags",
}  # fmt: skip
_PAPER_FACTS = frozenset({"authors", "year", "venue", "doi", "arxiv"})
_IDS = frozenset({"doi", "arxiv", "link"})  # the facts that may hold an identifier
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
_SIGNIFICANT_LETTERS = 4  # "of", "for", "the" stay lower case in a title


@dataclass
class Topic:
    """One topic of a map as its reader found it; ``notes`` is Markdown."""

    title: str
    notes: str = ""
    link: str = ""  # a web address; links into the map or to files are no paper's
    fields: list[tuple[str, str]] = field(default_factory=list)  # attributes, in order
    tags: list[str] = field(default_factory=list)  # labels, keywords
    status: str = ""  # "read", "reading", "to read": a task mark or icon
    id: str = ""
    arrows: list[tuple[str, str]] = field(default_factory=list)  # (target id, label)
    children: list[Topic] = field(default_factory=list)


@dataclass
class _Plan:
    """Where each topic of a map goes: papers in order, the rest in the outline."""

    titles: dict[str, str]  # topic id → title, for the arrows
    judged: dict[int, tuple[bool, bool]]  # id(topic) → (is a paper, papers below it)
    papers: list[tuple[tuple[str, ...], Topic, str]] = field(default_factory=list)

    def is_paper(self, topic: Topic) -> bool:
        return self.judged[id(topic)][0]

    def papers_below(self, topic: Topic) -> bool:
        return self.judged[id(topic)][1]


def map_members(root: Topic, name: str, folder: str = "") -> list[Member]:
    """The notes of one map (an XMind sheet, a Freeplane file); ``name`` names the map
    when its centre has no text, ``folder`` holds them when a file has several maps."""
    title = root.title or name
    plan = _Plan(titles=_titles(root), judged=_judge(root))
    outline = [line for branch in root.children for line in _branch(plan, branch)]
    names = MemberNames()
    names.name_for(NAVIGATION.removesuffix(".md"))
    prefix = f"{folder}/" if folder else ""
    members: list[Member] = []
    listed: list[tuple[tuple[str, ...], str, str]] = []
    for sections, topic, status in plan.papers:
        member = names.name_for(topic.title)
        members.append((prefix + member, _paper_note(topic, status, plan)))
        listed.append((sections, _link_text(topic.title), member))
    if note := _outline_note(root, title, outline):
        members.append((prefix + names.name_for(title), note))
    if len(listed) >= 2:
        members.append((prefix + NAVIGATION, _navigation(title, listed)))
    return members


def _titles(root: Topic) -> dict[str, str]:
    return {topic.id: topic.title for topic in _every_topic(root) if topic.id}


def _every_topic(root: Topic) -> list[Topic]:
    """The map's topics, each after the topics below it."""
    order: list[Topic] = []
    pending = [root]
    while pending:
        topic = pending.pop()
        order.append(topic)
        pending.extend(topic.children)
    return order[::-1]


def _judge(root: Topic) -> dict[int, tuple[bool, bool]]:
    """For each topic: whether it is a paper, and whether papers are below it (outside
    the branches that hold none): a title-like topic over papers is their theme."""
    judged: dict[int, tuple[bool, bool]] = {}
    paperish: dict[int, bool] = {}
    for topic in _every_topic(root):
        if _is_note_branch(topic):
            judged[id(topic)] = (False, False)
            paperish[id(topic)] = False
            continue
        below = any(paperish[id(child)] or judged[id(child)][1] for child in topic.children)
        named = _names_a_paper(topic)
        reads = _reads_as_paper(topic)
        judged[id(topic)] = (named or (reads and not below), below)
        paperish[id(topic)] = named or reads
    return judged


def _branch(plan: _Plan, branch: Topic) -> list[str]:
    """A branch of the centre: a paper, or a theme whose outline is under its heading."""
    status = _branch_status(branch.title)
    # A branch of the centre with topics under it is a theme unless it names its paper
    # or cites it: "Open Problems in Causal Discovery" over questions is a theme.
    named = _names_a_paper(branch) or _cites(branch.title)
    if plan.is_paper(branch) and (named or not branch.children):
        _add_paper(plan, branch, (), status)
        return []
    lines: list[str] = []
    for child in branch.children:
        if _is_note_branch(branch):
            lines += _outline_lines(child, 0, 1)
        else:
            lines += _walk(plan, child, (branch.title,), status, 0)
    if not lines and not branch.notes.strip() and not branch.fields and branch.children:
        return []  # a theme of papers alone: the reading list's section says it all
    fields = "\n".join(f"- **{key}**: {value}" for key, value in branch.fields)
    blocks = [f"## {_linked(branch)}", branch.notes.strip(), fields, "\n".join(lines)]
    return ["\n\n".join(block for block in blocks if block), ""]


def _walk(
    plan: _Plan, topic: Topic, sections: tuple[str, ...], status: str, level: int
) -> list[str]:
    """Places the papers of a theme's topic; returns what is no paper as outline lines (a
    list item at ``level``, what is below it nested)."""
    status = _branch_status(topic.title) or status
    if level > MAX_DEPTH:
        return []
    if plan.is_paper(topic):
        _add_paper(plan, topic, sections, status)
        return []
    if _is_note_branch(topic) or not plan.papers_below(topic):
        return _outline_lines(topic, level, level + 1)
    inner = (*sections, topic.title)
    below = [
        line for child in topic.children for line in _walk(plan, child, inner, status, level + 1)
    ]
    if not below and not topic.notes.strip():
        return []
    return [*_item_lines(topic, level), *below]


def _add_paper(plan: _Plan, topic: Topic, sections: tuple[str, ...], status: str) -> None:
    plan.papers.append((sections, topic, topic.status or status))
    for child in topic.children:
        if _names_a_paper(child):  # a follow-up paper hung on this one: listed after it
            plan.papers.append((sections, child, child.status or status))


def _is_note_branch(topic: Topic) -> bool:
    """ "Questions", "To do", "Books", "Concepts": a branch of no papers."""
    key = " ".join(topic.title.casefold().strip(" :：#*").split())
    return key in _NOTE_BRANCHES or names_non_papers(topic.title)


def _branch_status(title: str) -> str:
    """ "To read", "Backlog": the papers under the branch are not read yet."""
    return "to read" if names_unread(title) else ""


def _names_a_paper(topic: Topic) -> bool:
    """A link to a paper, or an identifier in the topic's text or its attributes."""
    if topic.link and is_paper_url(topic.link):
        return True
    values = [value for key, value in topic.fields if _FACT_KEYS.get(key.casefold()) in _IDS]
    return any(identify(text) is not None for text in (topic.title, *values))


def _reads_as_paper(topic: Topic) -> bool:
    """Text that reads as a citation, a paper's facts as attributes, or a title (one with
    notes of its own, or set in a title's capitals); never a question, a chore, a book
    or a blog post."""
    title = topic.title.strip()
    if not title or title.endswith(("?", "？")) or len(title.split()) > _MAX_TITLE_WORDS:
        return False
    if reads_as_a_chore(title) or NOT_A_PAPER_LABEL_RE.match(title):
        return False
    if _OUTLINE_ENTRY_RE.search(title):
        return False  # "2.3 The gap → Levine 1983, Chalmers 1995": a plan's section
    if topic.link and is_not_paper_url(topic.link):
        return False  # a blog post, a video, an encyclopaedia's page: about papers
    if any(_FACT_KEYS.get(key.casefold()) in _PAPER_FACTS for key, _ in topic.fields):
        return True
    if _cites(title):
        return True
    if title.endswith(".") or not is_probably_title(title):
        return False
    return bool(topic.notes.strip() or topic.fields or topic.link) or _in_title_case(title)


# A numbered section of an outline ("2.1 Identity theory"), or an arrow from a theme to
# the papers it will discuss.
_OUTLINE_ENTRY_RE = re.compile(r"^\d+(?:\.\d+)+\.?\s|\s(?:→|->|⇒)\s")


def _cites(title: str) -> bool:
    """ "Vaswani et al. 2017 — …", "Hinton (2006) …": who and when, as a citation says."""
    cited = read_citation(title)
    return bool(cited is not None and cited.authors and cited.year) or bool(_CITED_RE.search(title))


def _in_title_case(title: str) -> bool:
    """ "Scaling Laws for Neural Language Models": a title's capitals on its longer words,
    not a remark's lower case ("self-attention costs quadratic memory")."""
    words = [word for word in _WORD_RE.findall(title) if len(word) >= _SIGNIFICANT_LETTERS]
    capitals = sum(word[0].isupper() for word in words)
    return len(words) >= 2 and capitals * 4 >= len(words) * 3


def _paper_note(topic: Topic, status: str, plan: _Plan) -> str:
    """Front matter (link, facts, tags, status), the title, notes, attributes, the child
    topics as a list, the topics it points to."""
    front: dict[str, object] = {}
    lines: list[str] = []
    tags = list(topic.tags)
    for key, value in topic.fields:
        fact = _FACT_KEYS.get(key.casefold())
        if fact == "tags":
            tags += [tag.strip() for tag in re.split(r"[;,]", value) if tag.strip()]
        elif fact and fact not in front:
            front[fact] = value
        else:
            lines.append(f"- **{key}**: {value}")
    if topic.link and "link" not in front:
        front["link"] = topic.link
    if tags:
        front["tags"] = list(dict.fromkeys(tags))
    if status and "status" not in front:
        front["status"] = status
    children = [line for child in topic.children for line in _outline_lines(child, 0, 1)]
    blocks = [
        card_heading(topic.title) or f"# {topic.title}",
        topic.notes,
        "\n".join(lines),
        "\n".join(children),
        _related(topic, plan),
    ]
    body = "\n\n".join(block.strip() for block in blocks if block.strip())
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return (f"---\n{head}---\n\n" if front else "") + body + "\n"


def _related(topic: Topic, plan: _Plan) -> str:
    lines = []
    for target, label in topic.arrows:
        if other := plan.titles.get(target):
            lines.append(f"- {other}" + (f" ({label})" if label else ""))
    return "Related:\n\n" + "\n".join(lines) if lines else ""


def _outline_lines(topic: Topic, level: int, depth: int) -> list[str]:
    """A topic and all below it as a nested list, notes indented under their item."""
    if depth > MAX_DEPTH:
        return []
    lines = _item_lines(topic, level)
    for child in topic.children:
        lines += _outline_lines(child, level + 1, depth + 1)
    return lines


def _item_lines(topic: Topic, level: int) -> list[str]:
    """A topic as a list item (ticked when marked read), its notes and attributes under it."""
    indent = "  " * level
    done = "[x] " if topic.status == "read" else ""
    lines = [f"{indent}- {done}{_linked(topic)}".rstrip()]
    lines += [f"{indent}  {line}".rstrip() for line in topic.notes.strip().splitlines()]
    lines += [f"{indent}  - **{key}**: {value}" for key, value in topic.fields]
    return lines


def _linked(topic: Topic) -> str:
    return f"[{_link_text(topic.title)}]({topic.link})" if topic.link else topic.title


def _outline_note(root: Topic, title: str, outline: list[str]) -> str:
    """The map's centre and all that is no paper, under the themes' headings."""
    body = "\n".join(outline).strip()
    if not body and not root.notes.strip():
        return ""
    front = yaml.safe_dump({"tags": root.tags}, allow_unicode=True) if root.tags else ""
    head = f"---\n{front}---\n\n" if front else ""
    blocks = [f"# {title}", root.notes.strip(), body]
    return head + "\n\n".join(block for block in blocks if block) + "\n"


def _navigation(title: str, listed: list[tuple[tuple[str, ...], str, str]]) -> str:
    """The papers in map order under the headings of their themes and sub-themes; the
    map's papers that hang on no theme come first, before any heading."""
    ordered = [item for item in listed if not item[0]] + [item for item in listed if item[0]]
    front = yaml.safe_dump({"title": title}, allow_unicode=True, width=1000).rstrip("\n")
    lines = ["---", front, "---", "", f"# {title}", ""]
    current: tuple[str, ...] = ()
    for sections, text, member in ordered:
        same = 0
        while same < min(len(sections), len(current)) and sections[same] == current[same]:
            same += 1
        if sections != current:
            lines += ["", *_headings(sections, same)]
        current = sections
        lines.append(f"- [{text}](<{_target(member)}>)")
    return "\n".join(line for line in _single_blank(lines)).rstrip() + "\n"


def _headings(sections: tuple[str, ...], start: int) -> list[str]:
    lines: list[str] = []
    for depth, name in enumerate(sections[start:], start=start):
        lines += [f"{'#' * min(depth + 2, 6)} {name}", ""]
    return lines


def _single_blank(lines: list[str]) -> list[str]:
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return kept


def _target(name: str) -> str:
    """A member's name as a link: "%" and "#" would read as an escape and a fragment."""
    return name.replace("%", "%25").replace("#", "%23")


def _link_text(title: str) -> str:
    return " ".join(title.replace("[", "(").replace("]", ")").split()) or "Untitled"


def topic_title(text: str) -> tuple[str, str]:
    """A topic's text as its title and the rest: a wrapped title is one line; a long
    text (code, a paragraph) is its first line over the others."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line.strip()] or [""]
    joined = " ".join(" ".join(lines).split())
    if len(lines) <= 3 and len(joined) <= 300:
        return joined, ""
    return " ".join(lines[0].split()), "\n".join(lines[1:])
