"""A Todoist project exported as CSV: one note per task, and the project's order.

"Export as template → CSV" writes one file per project, named after it ("Macro prelim
reading [2315569832].csv"). The header names the columns, in one of the versions
Todoist has written: ``TYPE,CONTENT,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG``
(+ ``TIMEZONE``) in old exports, ``DESCRIPTION`` after ``CONTENT`` since 2021, then
``DURATION,DURATION_UNIT``, ``DEADLINE,DEADLINE_LANG`` and ``IS_COLLAPSED`` appended or
inserted. Each row is one thing, by its ``TYPE``:

- ``meta``: the project's view (``view_style=list``, ``board``), not a task;
- ``section``: a section's name; the tasks after it are in it;
- ``task``: ``CONTENT`` is the task's name, Markdown allowed (``[Title](https://…)``),
  its ``@labels`` written inside it; ``DESCRIPTION`` the text under the name;
  ``INDENT`` 1 a task of the project, 2–5 a sub-task of the task above it; ``DATE`` when
  it is due (in words: "every friday", "12 Mar");
- ``note``: a comment on the task above, attachments as ``[[file {json}]]``;
- an empty row between groups.

Only open tasks are exported (Todoist leaves completed ones out), so a person who keeps
what they read labels it ("@read") instead of ticking it: in a project that does, a
task with no such label is still to be read. A file that has a column saying a task
was ticked (an exporter that adds one) keeps that state.

Each task of the project becomes a note, as a board's card does (``appjson.apps``): its
name as the heading, the labels as tags and its reading status in front matter, the
description, then its sub-tasks as a checklist and its comments. Which task is a paper
is the notes reader's to decide, from what the note says, as for any folder of notes:
a project of chores names none. One more page links the notes in the project's
order under its sections' headings: named as a site's navigation is (``sitenav``), it is
read as links only, never as a note whose lines name papers themselves, and the notes
reader makes it a reading list in that order (``notes.index_pages``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames, contents_page
from papershelf.importers.containers.sitenav import MEMBER as NAVIGATION
from papershelf.importers.notes.cardtitle import card_heading
from papershelf.importers.notes.status import PART_READ, READ, TO_READ, status_key
from papershelf.importers.records import ParseError

_ROW_TYPES = frozenset({"task", "section", "note", "meta"})
# Columns every Todoist export has had, besides TYPE and CONTENT.
_TODOIST_COLUMNS = frozenset({"PRIORITY", "INDENT", "AUTHOR", "RESPONSIBLE", "DATE", "DATE_LANG"})
# A ticked task, where an exporter writes the state (Todoist's own export has no column).
_DONE_COLUMNS = ("CHECKED", "IS_CHECKED", "COMPLETED", "IS_COMPLETED", "DONE")
_DONE_AT_COLUMNS = ("COMPLETED_AT", "COMPLETED_DATE", "DATE_COMPLETED")
_TRUE = frozenset({"1", "true", "yes", "y", "x", "✓", "✔", "done", "completed", "checked"})
# "@macro", "@to-read": a label, written in the task's name after a space.
_LABEL_RE = re.compile(r"(?:^|(?<=\s))@(?P<label>[^\s@]+)")
# "[[file {…}]]": an attachment of a comment, its file's name and address in JSON.
_ATTACHMENT_RE = re.compile(r"\[\[file\s+(?P<json>\{.*?\})\]\]", re.DOTALL)
# "Macro prelim reading [2315569832]": Todoist names the file after the project and its id.
_PROJECT_ID_RE = re.compile(r"\s*\[[0-9A-Za-z]+\]$")
# "[Title](https://doi.org/10.1016/0167-2231(76)80003-6)": an address may hold brackets.
_LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))+\)")
_UNCOMPLETABLE = "* "  # a task Todoist shows without a checkbox: "* Week 1 readings"
# Labels that say where the reading stands: "@read", "@skimmed", "@to_read".
_READING_LABELS = READ | PART_READ | {key for key in TO_READ if "read" in key}


@dataclass
class Task:
    content: str
    description: str = ""
    indent: int = 1
    due: str = ""
    done: bool = False
    section: int = -1  # the number of its section, -1 before the first
    comments: list[str] = field(default_factory=list)
    children: list[Task] = field(default_factory=list)


def looks_like_todoist_csv(head: str) -> bool:
    """A Todoist export's header (TYPE and CONTENT beside Todoist's own columns), and rows
    whose TYPE is one Todoist writes."""
    lines = head.lstrip("\ufeff").splitlines()
    if not lines:
        return False
    columns = {name.strip().upper() for name in _cells(lines[0])}
    if not {"TYPE", "CONTENT"} <= columns or len(columns & _TODOIST_COLUMNS) < 2:
        return False
    kinds = {cells[0].strip() for line in lines[1:] if (cells := _cells(line)) and cells[0]}
    return not kinds or bool(kinds & _ROW_TYPES)


def _cells(line: str) -> list[str]:
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return []


def read_todoist(path: Path) -> list[Member]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ParseError(path.name, None, "not UTF-8 text") from None
    project = _PROJECT_ID_RE.sub("", path.stem).strip() or "Todoist project"
    sections, tasks = parse_todoist(text, path.name)
    names = MemberNames()
    names.name_for(Path(NAVIGATION).stem)  # taken by the page of the project's order
    members: list[Member] = []
    listed: list[tuple[int, str, str]] = []  # (section number, title, member name)
    # A project that labels the tasks read ("@read"), since ticking one would take it out
    # of the export: its tasks with no such label are still to be read.
    unmarked = "to read" if any(_label_status(t) in READ | PART_READ for t in tasks) else ""
    for task in tasks:
        title = _title(task.content)
        name = names.name_for(title or "Untitled task")
        section = sections[task.section] if task.section >= 0 else ""
        status = "done" if task.done else _label_status(task) or unmarked
        members.append((name, task_note(task, section, status)))
        listed.append((task.section, title, name))
    if len(listed) >= 2:
        members.append((NAVIGATION, _index_page(project, sections, listed)))
    return members


def parse_todoist(text: str, name: str) -> tuple[list[str], list[Task]]:
    """The project's sections in order and its tasks (sub-tasks and comments inside)."""
    reader = csv.reader(io.StringIO(text), strict=True)
    try:
        header = [cell.strip().upper() for cell in next(reader, [])]
        if "TYPE" not in header or "CONTENT" not in header:
            raise ParseError(name, 1, "not a Todoist export: no TYPE and CONTENT columns")
        sections: list[str] = []
        tasks: list[Task] = []
        open_tasks: list[Task] = []  # the task at each depth above the next row
        for row in reader:
            cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
            kind = cells.get("TYPE", "").casefold()
            content = cells.get("CONTENT", "")
            if kind == "section":
                sections.append(content)
                open_tasks = []
            elif kind == "task" and content:
                task = Task(
                    content=content,
                    description=cells.get("DESCRIPTION", ""),
                    indent=_indent(cells.get("INDENT", "")),
                    due=cells.get("DATE", ""),
                    done=_ticked(cells),
                    section=len(sections) - 1,
                )
                open_tasks = [t for t in open_tasks if t.indent < task.indent]
                if open_tasks:
                    open_tasks[-1].children.append(task)
                else:
                    tasks.append(task)
                open_tasks.append(task)
            elif kind == "note" and content and open_tasks:
                open_tasks[-1].comments.append(content)
    except csv.Error as error:
        raise ParseError(name, reader.line_num, f"not valid CSV: {error}") from None
    return sections, tasks


def _indent(value: str) -> int:
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _ticked(cells: dict[str, str]) -> bool:
    if any(cells.get(column, "").casefold() in _TRUE for column in _DONE_COLUMNS):
        return True
    return any(cells.get(column) for column in _DONE_AT_COLUMNS)


def split_labels(content: str) -> tuple[str, list[str]]:
    """ "[Title](https://…) @macro @to_read" → ("[Title](https://…)", ["macro", "to_read"])."""
    labels = [match["label"] for match in _LABEL_RE.finditer(content)]
    return " ".join(_LABEL_RE.sub("", content).split()), labels


def _title(content: str) -> str:
    """The task's name as read: without labels, the "* " of a task with no checkbox, or
    the address of a link."""
    name, _ = split_labels(content)
    name = name.removeprefix(_UNCOMPLETABLE).strip()
    return _LINK_RE.sub(r"\1", name)


def _label_status(task: Task) -> str:
    """What a label says of the reading ("@read", "@to_read", "@skimmed"), or "". A
    label of a plan that is no reading's ("@next", "@someday") says nothing of it."""
    _, labels = split_labels(task.content)
    keys = [status_key(label) for label in labels]
    return next((key for key in keys if key in _READING_LABELS), "")


def task_note(task: Task, section: str = "", status: str = "") -> str:
    """A task as a note, as a board's card is one (``appjson.apps``): front matter (labels
    as tags, its section, the due date, its reading status: ticked, or as its labels
    say), its name as the heading, then its description, sub-tasks as a checklist, and
    its comments."""
    name, labels = split_labels(task.content)
    front: dict[str, object] = {}
    if labels:
        front["tags"] = list(dict.fromkeys(labels))
    if section:
        front["section"] = section
    if task.due:
        front["due"] = task.due
    if status or task.done:
        front["status"] = status or "done"
    head = f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\n"
    name = name.removeprefix(_UNCOMPLETABLE).strip()
    # "Read: Kydland & Prescott (1982) Time to Build …": what to do and who, as a card's.
    blocks = [card_heading(name) or f"# {name}", task.description]
    if task.children:
        blocks.append("\n".join(line for child in task.children for line in _checklist(child)))
    blocks += map(_comment, task.comments)
    body = "\n\n".join(block.strip() for block in blocks if block.strip())
    return (head if front else "") + body + "\n"


def _item(name: str, done: bool) -> str:
    """ "- [ ] name"; a task Todoist shows with no checkbox ("* Week 1") has none."""
    if name.startswith(_UNCOMPLETABLE):
        return f"- {name.removeprefix(_UNCOMPLETABLE).strip()}"
    return f"- {'[x]' if done else '[ ]'} {name}"


def _indented(text: str, depth: int = 1) -> str:
    pad = "  " * depth
    return "\n".join(f"{pad}{line}" if line.strip() else "" for line in text.splitlines())


def _checklist(task: Task, depth: int = 0) -> list[str]:
    lines = [("  " * depth) + _item(task.content, task.done)]
    for text in (task.description, *map(_comment, task.comments)):
        if text.strip():
            lines += _indented(text.strip(), depth + 1).splitlines()
    for child in task.children:
        lines += _checklist(child, depth + 1)
    return lines


def _comment(text: str) -> str:
    """A comment's text, an attachment as a link to its file."""
    return _ATTACHMENT_RE.sub(_attachment, text).strip()


def _attachment(match: re.Match[str]) -> str:
    try:
        data = json.loads(match["json"])
    except json.JSONDecodeError:
        return ""
    if not isinstance(data, dict):
        return ""
    url = str(data.get("file_url") or data.get("url") or "")
    name = str(data.get("file_name") or url).replace("[", "(").replace("]", ")")
    return f"[{name}]({url})" if url else name


def _index_page(project: str, sections: list[str], listed: list[tuple[int, str, str]]) -> str:
    """The project's tasks in order, under the headings of the sections that hold any;
    its title (the reading list's) in front matter, as a page's own."""
    groups = [
        (
            section,
            [(_link_text(title), _target(name)) for at, title, name in listed if at == i],
        )
        for i, section in [(-1, ""), *enumerate(sections)]
    ]
    return contents_page(groups, project)


def _target(name: str) -> str:
    """A member's name as a link: "%" and "#" would read as an escape and a fragment."""
    return name.replace("%", "%25").replace("#", "%23")


def _link_text(title: str) -> str:
    return " ".join(title.replace("[", "(").replace("]", ")").split()) or "Untitled task"
