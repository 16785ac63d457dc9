"""An issue tracker's CSV export, read one issue at a time: Jira, Linear, GitLab,
YouTrack, GitHub Projects.

People keep a reading queue as tickets ("Read: Conformer … (Gulati et al. 2020)"), with
their notes in the description and the comments, labels for topics and the status
saying how far they got. Each issue becomes one Markdown note, read on its own
(``parse_each``): its Summary or Title as the heading (``card_heading``), the
description, each comment, columns naming a paper's facts ("Custom field (DOI)",
"Authors") as labelled lines, and its labels and components as tags. Jira writes
descriptions and comments in its wiki markup and repeats a column once per value
(Comment, Labels, Sprint…); the other trackers write Markdown and list labels in one
cell. An issue whose status says it was never done (To Do, Won't Do, Backlog) is a
paper not read unless its notes say something; an epic is a theme: a topic for its
issues, not a note.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from papershelf.importers.csvtable.jiramarkup import jira_to_markdown
from papershelf.importers.notes.cardtitle import card_heading, names_a_reading
from papershelf.importers.notes.citations import says_not_read
from papershelf.importers.notes.converted import parse_each
from papershelf.importers.records import ParsedDocument

FORMAT = "csv"
_TITLES = ("summary", "title", "issue summary", "name")
_STATUSES = ("status", "state", "status category")
# Columns only a tracker has: a sheet of papers may keep a Status and a Priority too.
_TRACKER_MARKS = frozenset(
    {"issue key", "issue id", "issue type", "key", "id", "issue", "project key", "team"}
    | {"assignee", "assignees", "reporter", "creator", "milestone", "sprint", "cycle name"}
)
# The columns that make a Jira export, whose text is in Jira's wiki markup.
_JIRA_MARKS = frozenset({"issue key", "issue id", "issue type"})
_BODIES = ("description", "body", "content")
_COMMENTS = ("comment", "comments")
_TAGS = ("labels", "label", "tags", "tag", "component/s", "components", "component")
_PARENTS = ("parent", "parent id", "parent key", "custom field (epic link)", "epic link")
# A custom column that states a paper's fact, and the label the notes reader knows.
_FACT_LABELS = {
    **dict.fromkeys(("doi", "arxiv", "arxiv id", "paper", "paper url", "paper link"), "Link"),
    **dict.fromkeys(("link", "pdf", "source", "reference", "citation"), "Link"),
    **dict.fromkeys(("authors", "author"), "Authors"),
    **dict.fromkeys(("venue", "journal", "conference"), "Venue"),
    **dict.fromkeys(("year", "publication year", "published"), "Year"),
}
# A status or resolution that says the paper was never read.
_NEVER_DONE = frozenset(
    {"to do", "todo", "to read", "backlog", "open", "new", "won't do", "wont do", "won't fix"}
    | {"cancelled", "canceled", "duplicate", "rejected", "declined", "abandoned", "dropped"}
    | {"not started", "triage", "icebox", "someday", "selected for development"}
)
# "17/Jun/24 9:41 AM;557058:4b2…;text" or "2024-06-17 09:41;alice;text": who and when.
_COMMENT_HEAD_RE = re.compile(
    r"^\s*\d[\d/.\-\w]{4,12}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?;[^;\n]*;"
)
_CUSTOM_RE = re.compile(r"^custom field \((?P<name>.+)\)$")
_TAG_SPLIT_RE = re.compile(r"\s*[,;]\s*")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)|<?https?://\S+>?|\b10\.\d{4,9}/\S+|\d{4}\.\d{4,5}")
_READING_TYPES = frozenset({"paper", "reading", "article", "literature", "publication"})
_MIN_WORDS_OF_NOTES = 4  # fewer, beside the paper's link: the ticket says nothing of it


@dataclass
class Issue:
    line: int  # where its row starts in the file
    cells: dict[str, list[str]]  # column name (folded) -> its values, in column order

    def first(self, names: tuple[str, ...]) -> str:
        return next((value for name in names for value in self.all(name) if value), "")

    def all(self, name: str) -> list[str]:
        return [value.strip() for value in self.cells.get(name, []) if value.strip()]


def is_issue_export(header: list[str]) -> bool:
    """A title and a status beside what only a tracker has: a key, an assignee, a team."""
    names = {_folded(cell) for cell in header}
    return bool(names & set(_TITLES) and names & set(_STATUSES) and (names & _TRACKER_MARKS))


def parse_issues(text: str, path: str) -> ParsedDocument:
    header, issues = read_rows(text)
    jira = bool({_folded(cell) for cell in header} & _JIRA_MARKS)
    themes = _epic_names(issues)
    kept = [i for i in issues if not (_is_epic(i) or _never_done_and_silent(i))]
    return parse_each(
        [_note(issue, jira, themes) for issue in kept],
        path,
        FORMAT,
        "names no paper (an issue tracker's export)",
        starts=[issue.line for issue in kept],
        # A ticket is a task (set up a recipe, fix a bug) unless it says it is a reading
        # or states the facts of a paper.
        needs_facts=[not _is_reading(issue) for issue in kept],
    )


def read_rows(text: str) -> tuple[list[str], list[Issue]]:
    """The header and each non-empty row, with the line where the row starts."""
    sample = text.lstrip("\ufeff")
    first = sample.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    header = next(reader, [])
    names = [_folded(cell) for cell in header]
    issues, start = [], reader.line_num + 1
    for row in reader:
        cells: dict[str, list[str]] = {}
        for name, value in zip(names, row, strict=False):
            cells.setdefault(name, []).append(value)
        if any(value.strip() for value in row):
            issues.append(Issue(start, cells))
        start = reader.line_num + 1
    return header, issues


def _folded(name: str) -> str:
    return " ".join(name.strip().casefold().split())


def _note(issue: Issue, jira: bool, themes: dict[str, str]) -> str:
    as_markdown = jira_to_markdown if jira else str.strip
    # Facts and tags under the heading: the notes reader looks for fields near the top.
    blocks = [card_heading(issue.first(_TITLES)), "\n".join(_fact_lines(issue))]
    blocks.append(_tags(issue, themes))
    blocks += [_paper_first(as_markdown(body)) for name in _BODIES for body in issue.all(name)]
    blocks += [as_markdown(_COMMENT_HEAD_RE.sub("", c)) for n in _COMMENTS for c in issue.all(n)]
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


def _tags(issue: Issue, themes: dict[str, str]) -> str:
    """Labels and components, and the epic the issue belongs to."""
    tags = [tag for name in _TAGS for cell in issue.all(name) for tag in _TAG_SPLIT_RE.split(cell)]
    tags += [themes[key] for key in _parent_keys(issue) if key in themes][:1]
    tags = [tag for tag in dict.fromkeys(tag.strip() for tag in tags) if tag]
    return f"Tags: {', '.join(tags)}" if tags else ""


def _fact_lines(issue: Issue) -> list[str]:
    """ "Custom field (DOI)", a GitHub project's "Paper" field: the paper's facts."""
    lines = []
    for name in issue.cells:
        custom = _CUSTOM_RE.match(name)
        label = _FACT_LABELS.get(custom["name"] if custom else name)
        lines += [f"{label}: {value}" for value in issue.all(name)] if label else []
    return lines


def _is_reading(issue: Issue) -> bool:
    kind = _folded(issue.first(("issue type", "type")))
    return names_a_reading(issue.first(_TITLES)) or kind in _READING_TYPES


def _never_done_and_silent(issue: Issue) -> bool:
    states = {_folded(issue.first((name,))) for name in (*_STATUSES, "resolution")}
    if not states & _NEVER_DONE:
        return False
    said = [issue.first(_BODIES), *(c for n in _COMMENTS for c in issue.all(n))]
    text = _LINK_RE.sub(" ", " ".join(_COMMENT_HEAD_RE.sub("", part) for part in said))
    return says_not_read(text) or len(_WORD_RE.findall(text)) < _MIN_WORDS_OF_NOTES


def _is_epic(issue: Issue) -> bool:
    return _folded(issue.first(("issue type", "type"))) == "epic"


def _epic_names(issues: list[Issue]) -> dict[str, str]:
    """An epic's key and id -> its name, the topic of the issues under it."""
    names = {}
    for issue in filter(_is_epic, issues):
        name = issue.first(("custom field (epic name)", *_TITLES))
        for key in (issue.first(("issue key", "key")), issue.first(("issue id", "id"))):
            if key and name:
                names[key] = name
    return names


def _parent_keys(issue: Issue) -> list[str]:
    return [value for name in _PARENTS for value in issue.all(name)]


# "h3. Paper" over the citation, then "h3. Why", "h3. Notes": a ticket's description
# sets its paper apart under a heading of its own.
_PAPER_HEADING_RE = re.compile(
    r"^#{1,6}\s+\**(?:the\s+)?(?:paper|reference|citation|source|article)s?\**:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_ANY_HEADING_RE = re.compile(r"^#{1,6}\s", re.MULTILINE)


def _paper_first(markdown: str) -> str:
    """The section that holds the paper, first and without its heading: what a note
    cites at its top is its paper."""
    heading = _PAPER_HEADING_RE.search(markdown)
    if heading is None:
        return markdown
    following = _ANY_HEADING_RE.search(markdown, heading.end())
    end = following.start() if following else len(markdown)
    paper = markdown[heading.end() : end].strip()
    rest = (markdown[: heading.start()] + markdown[end:]).strip()
    return f"{paper}\n\n{rest}".strip()
