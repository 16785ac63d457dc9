"""A shared calendar's export (.ics, iCalendar, RFC 5545): a reading group's sessions.

Journal clubs and reading groups keep their schedule in a calendar, and its export
(Google Calendar's "Export", Outlook's "Save calendar", Apple Calendar's) is their
reading list: one event a session, the summary "JC: Okafor et al. 2019" or "Reading
group — <title>", the description holding the presenter, the paper's citation and its
links (Google writes HTML there, its links wrapped in google.com/url?q=… redirects).

Each session becomes a note named by its date and summary as written. Its heading is
the summary less the series' label ("JC:", "Reading group —", a prefix several sessions
share), which names the group, not the session; then the description as Markdown (a
line the calendar shows stays a line), the event's URL and attachments, and last what
is the session's own: when, where and who presents, since the notes reader looks for
the paper's citation right under the heading. Whether a note names a paper is for the
notes importer to decide, from the evidence in it; dropped here is only what is plainly
no session: cancelled events, "Canceled:" and "No meeting" entries, weeks the calendar
says have no paper ("Bird walk (no JC this week)", "No paper. Plan the spring…"),
all-day markers (a break, a holiday) beside timed sessions, a recurring placeholder
slot ("Journal club", every Wednesday) whose sessions are its overrides, and a calendar
of days (public holidays) that holds no session at all.

A recurring series is read as calendars mean it: an override (RECURRENCE-ID) replaces
its occurrence, an EXDATE removes one, and a series that stays is one note (the same
text on every date names the same thing). The calendar is an ordered reading path:
one more page links the sessions in date order under the terms they fall in ("Fall
2023", "Spring 2024") when runs of sessions are clearly apart, and the notes importer
reads it as a reading list named after the calendar (``notes.index_pages``).

The format itself is read by ``containers.icalendar``, with the standard library.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from papershelf.importers.containers import Member
from papershelf.importers.containers.icalendar import (
    Clock,
    Component,
    Property,
    When,
    int_or,
    occurrences,
    parse_calendar,
)
from papershelf.importers.containers.members import contents_page, safe_name
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.notes.links import is_paper_url
from papershelf.lib.identifiers import REDIRECT_RE, identify, unwrap_redirect

# Outlook titles a cancelled meeting "Canceled: …"; a group marks a week without one:
# "No meeting — fall break", "Bird walk (no JC this week)", "Careers chat (no paper)".
_NO_WORDS = (
    r"no\s+(?:meeting|session|class|jc|journal\s+club|reading\s+group|seminar|lecture"
    r"|discussion|paper)s?(?:\s+(?:this\s+week|today))?(?=\s*(?:[.;,:!)\]]|\s[—–-]\s|$))"
)
_NO_SESSION_RE = re.compile(
    r"^\W*cancel+ed\b|(?:[(\[]|\s[—–\-:]\s*)(?:cancel+ed|postponed)\W*$"
    rf"|(?:^|[(\[,;]|\s[—–\-:])\W*{_NO_WORDS}",
    re.IGNORECASE,
)
# A description line that says so as it opens: "No paper. Pick the spring theme…",
# "Book chapter week, no paper."
_NO_PAPER_RE = re.compile(
    rf"^(?:[^.\n]{{0,40}}?[(,;:.—–]\s*)?{_NO_WORDS}", re.IGNORECASE | re.MULTILINE
)
# Calendars of days, not of sessions: Google's "Holidays in Germany", a school's
# "Feiertage", Office Holidays' and CalendarLabs' feeds.
_HOLIDAYS_RE = re.compile(
    r"\bholidays?\b|\bobservances\b|feiertage|jours\s+f[ée]ri[ée]s|\bfestivos\b|\bferiados\b"
    r"|\bfeestdagen\b|\bhelgdagar\b|\bhelligdage\b|\bfestivit[àa]\b|\bświęta\b",
    re.IGNORECASE,
)
# Video-meeting blocks the calendar appends to a description: Google's between
# "-::~:~::~…::-" lines, Outlook's under a line of underscores.
_GOOGLE_MEET_RE = re.compile(r"-::~[:~]{10,}::-.*?(?:-::~[:~]{10,}::-|\Z)", re.DOTALL)
_UNDERSCORES_RE = re.compile(
    r"^_{16,}\s*$.*?(?:microsoft teams|zoom|webex|join)[\s\S]*?(?:^_{16,}\s*$|\Z)",
    re.IGNORECASE | re.MULTILINE | re.DOTALL,
)
_HTML_RE = re.compile(
    r"<(?:a\s|br\s*/?>|p[\s>]|/p>|div[\s>]|b>|i>|u>|strong>|em>|ul>|ol>|li>|span[\s>]|html-blob>)"
    r"|&(?:nbsp|amp|lt|gt|quot|#\d+);",
    re.IGNORECASE,
)
_BLOCK_TAG_RE = re.compile(r"<(?:br|p|div|li|ul|ol|h[1-6]|table|tr)\b", re.IGNORECASE)
_URL_RE = re.compile(r"https?://[^\s<>\"')\]]+")
# What names a paper, enough to tell a session from a placeholder slot.
_LABELS_RE = re.compile(
    r"^\W*(?:paper|title|reading|article|reference|citation|doi|arxiv|pmid|preprint"
    r"|authors?)\s*[:：]",
    re.IGNORECASE | re.MULTILINE,
)
_NOT_A_NAME = (
    r"(?!(?i:spring|summer|fall|autumn|winter|term|semester|week|session|january|february"
    r"|march|april|may|june|july|august|september|october|november|december|jan|feb|mar"
    r"|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b)"
)
_CITED_RE = re.compile(
    rf"\b(?i:et\s+al)\b|\b{_NOT_A_NAME}[A-Z][\w'’\-]+(?:\s*(?:&|and)\s*[A-Z][\w'’\-]+)?,?\s*"
    r"\(?(?:19|20)\d{2}[a-z]?\)?(?!\d)"
)
# What a group calls its sessions, before the session's own name: "JC:", "Neuro journal
# club —", "Reading group |", "Week 3:", "Session 12 –", "Lena presents:".
_SERIES = (
    r"(?:[\w&.'’\-]+\s+){0,3}?(?:jc|journal\s+club|reading\s+group|reading\s+club|paper\s+club"
    r"|paper\s+reading|discussion\s+group|seminar|colloquium)(?:\s*#?\d+)?"
    r"|(?:session|week|wk|meeting|part|class)\s*#?\d+|#\d+"
    r"|[\w.'’\-]+(?:\s+[\w.'’\-]+)?\s+presents?"
)
_SERIES_LABEL_RE = re.compile(rf"^\W*(?:{_SERIES})\s*(?::|\s[—–\-|·]\s|[—–|·])\s*", re.I)
_SERIES_ONLY_RE = re.compile(rf"^\W*(?:{_SERIES})\W*$", re.IGNORECASE)
_LABEL_SPLIT_RE = re.compile(r"^(?P<head>.+?)(?::\s+|\s+[—–\-|·]\s+|\s*[—–|·]\s*)(?P<rest>\S.*)$")
_MAX_LABEL_WORDS = 4
# Who leads the session: "Presenter: Ana", "**Speakers:** …", "Led by Dr. Halvorsen."
_WHO_RE = re.compile(
    r"^[*_\s]*(?:(?:presented|led|hosted|chaired|moderated)\s+by\b"
    r"|(?:presenters?|presenting|speakers?|leads?|discussion\s+lead(?:er)?s?|discussants?"
    r"|facilitators?|hosts?|chair|moderators?)[*_\s]*[:：])",
    re.IGNORECASE,
)
_GAP_DAYS = 35  # a longer break between sessions ends a term
# English names, whatever the machine's locale.
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
_MONTHS += ["September", "October", "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SEASONS = {**dict.fromkeys(range(1, 6), "Spring"), **dict.fromkeys(range(6, 9), "Summer")}


@dataclass
class Session:
    event: Component
    when: When | None
    last: When | None = None  # a series kept as one note: its last date
    count: int = 1  # and how many dates it holds
    heading: str = ""  # the summary less the series' label

    @property
    def summary(self) -> str:
        return " ".join(self.event.text("SUMMARY").split())


def read_ics(path: Path) -> list[Member]:
    members: list[Member] = []
    taken: set[str] = set()
    for calendar in parse_calendar(path.read_bytes(), path.name):
        events = [c for c in calendar.children if c.name == "VEVENT"]
        clock = Clock(calendar, events)
        sessions = _sessions(calendar, events, clock)
        if not sessions:
            continue
        labels = series_labels([s.summary for s in sessions])
        for session in sessions:
            session.heading = heading(session.summary, labels)
        notes = [(_member_name(s, taken), _note(s)) for s in sessions]
        members += notes
        if len(notes) >= 2:
            title = calendar.text("X-WR-CALNAME") or path.stem.replace("_", " ")
            members.append(_reading_path(title, sessions, [n for n, _ in notes], taken))
    return members


def _sessions(calendar: Component, events: list[Component], clock: Clock) -> list[Session]:
    if _is_calendar_of_days(calendar, events, clock):
        return []
    latest = [w.at for e in events if (w := clock.read(e.get("DTSTART")))]
    horizon = max(latest, default=datetime(2000, 1, 1)) + timedelta(days=1)
    masters: dict[str, Component] = {}
    overrides: dict[str, dict[When, Component]] = {}
    singles: list[Component] = []
    for event in events:
        uid = event.text("UID")
        recurrence = clock.read(event.get("RECURRENCE-ID"))
        if not uid:
            singles.append(event)
        elif recurrence is not None:
            kept = overrides.setdefault(uid, {})
            if _newer(event, kept.get(recurrence)):
                kept[recurrence] = event
        elif _newer(event, masters.get(uid)):
            masters[uid] = event  # the same event exported twice: its latest SEQUENCE
    sessions = [Session(e, clock.read(e.get("DTSTART"))) for e in singles]
    for uid, master in masters.items():
        moved = overrides.pop(uid, {})
        sessions += _series(master, moved, clock, horizon)
        sessions += [Session(e, clock.read(e.get("DTSTART"))) for e in moved.values()]
    for moved in overrides.values():  # an override exported without its series
        sessions += [Session(e, clock.read(e.get("DTSTART"))) for e in moved.values()]
    timed = any(s.when is not None and not s.when.all_day for s in sessions)
    sessions = [s for s in sessions if _is_session(s, timed)]
    return sorted(sessions, key=lambda s: (s.when is None, s.when.at if s.when else 0, s.summary))


def _newer(event: Component, than: Component | None) -> bool:
    return than is None or int_or(event.text("SEQUENCE"), 0) >= int_or(than.text("SEQUENCE"), 0)


def _series(
    master: Component, moved: dict[When, Component], clock: Clock, horizon: datetime
) -> list[Session]:
    """What stays of a series once its overrides and EXDATEs are taken out: one session
    for the dates left, or none when they are a placeholder slot that its overrides fill."""
    start = clock.read(master.get("DTSTART"))
    rules = master.every("RRULE")
    if start is None or not (rules or master.get("RDATE")):
        return [Session(master, start)]
    dates = {start.at}
    for rule in rules:
        dates.update(
            occurrences(start, rule.raw, max(horizon, start.at + timedelta(days=366)), clock)
        )
    dates.update(w.at for w in clock.read_list(master.every("RDATE")))
    for gone in [*clock.read_list(master.every("EXDATE")), *moved]:
        dates = _without(dates, gone)
    if not dates or (moved and not _names_something(master)):
        return []
    ordered = sorted(dates)
    first, last = When(ordered[0], start.all_day), When(ordered[-1], start.all_day)
    return [Session(master, first, last if len(ordered) > 1 else None, len(ordered))]


def _without(dates: set[datetime], gone: When) -> set[datetime]:
    """The dates less one occurrence: the same moment, or failing that the same day (an
    all-day series' RECURRENCE-ID written at midnight in some zone)."""
    if gone.at in dates:
        return dates - {gone.at}
    return {d for d in dates if d.date() != gone.at.date()}


def _is_session(session: Session, timed: bool) -> bool:
    event = session.event
    if event.text("STATUS").upper() == "CANCELLED" or _NO_SESSION_RE.search(session.summary):
        return False
    if _NO_PAPER_RE.search(_plain(_description(event))):
        return False
    if not (session.summary or _description(event).strip()):
        return False
    # Beside timed sessions, an all-day entry is a break, a holiday or a deadline,
    # unless it names a paper itself.
    all_day = session.when is not None and session.when.all_day
    return not (timed and all_day and not _names_something(event))


def _is_calendar_of_days(calendar: Component, events: list[Component], clock: Clock) -> bool:
    """A calendar of holidays or observances: whole days, each naming no paper."""
    whens = [clock.read(e.get("DTSTART")) for e in events]
    if not events or not all(w is not None and w.all_day for w in whens):
        return False
    about = " ".join(calendar.text(n) for n in ("X-WR-CALNAME", "X-WR-CALDESC", "PRODID"))
    return bool(_HOLIDAYS_RE.search(about)) or not any(_names_something(e) for e in events)


def _names_something(event: Component) -> bool:
    """Whether an event states a paper: a paper's link or identifier, a "Paper:" or
    "Title:" line, or a citation ("Okafor et al. 2019", "Lindqvist (2004)")."""
    text = f"{event.text('SUMMARY')}\n{_plain(_description(event))}"
    links = _URL_RE.findall(text) + [unwrap_redirect(p.value) for p in _links(event)]
    if any(is_paper_url(unwrap_redirect(link)) for link in links):
        return True
    if any(identify(word) for word in text.split() if "/" in word or "." in word):
        return True
    return bool(_LABELS_RE.search(text) or _CITED_RE.search(text))


def _links(event: Component) -> list[Property]:
    found = event.every("URL") + event.every("ATTACH")
    return [p for p in found if p.value.startswith(("http://", "https://"))]


def _description(event: Component) -> str:
    """The description as written; Outlook's HTML copy (X-ALT-DESC) when it is empty."""
    text = event.text("DESCRIPTION")
    alternative = event.get("X-ALT-DESC")
    if not text.strip() and alternative is not None:
        text = alternative.value.strip()
    text = _GOOGLE_MEET_RE.sub("", text)
    return _UNDERSCORES_RE.sub("", text).strip()


def _plain(text: str) -> str:
    if not _HTML_RE.search(text):
        return text
    return html.unescape(re.sub(r"<[^>]+>", " ", REDIRECT_RE.sub(_redirected, text)))


def _redirected(match: re.Match[str]) -> str:
    url, tail = match[0], ""
    while url[-1:] in ").]" and (
        url[-1] == "." or url.count(url[-1]) > url.count("(["[url[-1] == "]"])
    ):
        url, tail = url[:-1], url[-1] + tail  # "(see https://…)": the bracket is the text's
    return unwrap_redirect(url) + tail


def _markdown(text: str) -> str:
    """A description as Markdown: HTML converted (its links kept), plain text as it is.
    A line break the calendar shows stays one (Markdown's hard break, two spaces at the
    end of the line), and a blank line a new paragraph."""
    text = REDIRECT_RE.sub(_redirected, text)
    if _HTML_RE.search(text):
        if not _BLOCK_TAG_RE.search(text):
            text = text.replace("\n", "<br>\n")  # HTML inline, line breaks written as text
        text = to_markdown(re.sub(r"</?html-blob>", "", text))
    else:
        text = re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)", "  \n", text.strip())
    lines = [
        line if line.endswith("  ") and line.strip() else line.rstrip() for line in text.split("\n")
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _without_who(markdown: str) -> tuple[str, list[str]]:
    """The description less its lines on who leads the session, and those lines."""
    who: list[str] = []
    kept: list[str] = []
    for line in markdown.split("\n"):
        if _WHO_RE.match(line):
            who.append(line.strip())
        else:
            kept.append(line)
    paragraphs = [p.strip().removesuffix("  ").rstrip() for p in "\n".join(kept).split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p), who


def series_labels(summaries: list[str]) -> set[str]:
    """Labels a calendar puts on its sessions: what opens several summaries before a
    separator ("Bird JC: …", "Bird JC: …"), or a short summary several sessions share."""
    heads: Counter[str] = Counter()
    for summary in summaries:
        split = _LABEL_SPLIT_RE.match(summary)
        if split and len(split["head"].split()) <= _MAX_LABEL_WORDS:
            heads[split["head"].casefold()] += 1
    wholes = Counter(s.casefold() for s in summaries if len(s.split()) < _MAX_LABEL_WORDS)
    return {h for h, n in heads.items() if n >= 2} | {w for w, n in wholes.items() if n >= 2}


def heading(summary: str, labels: set[str]) -> str:
    """The session's own name: "JC: Okafor et al. 2019" → "Okafor et al. 2019"; none for
    a summary that is the series' label alone ("Journal club", "Week 4")."""
    if summary.casefold() in labels or _SERIES_ONLY_RE.match(summary):
        return ""
    label = _SERIES_LABEL_RE.match(summary)
    if label and summary[label.end() :].strip():
        return heading(summary[label.end() :].strip(), labels)
    split = _LABEL_SPLIT_RE.match(summary)
    if split and split["head"].casefold() in labels:
        return heading(split["rest"].strip(), labels)
    return summary


def _when_line(session: Session) -> str:
    when, last = session.when, session.last
    if when is None:
        return ""
    line = _date_text(when)
    if last is not None:
        line += f" to {_date_text(last)} ({session.count} sessions)"
    return line


def _date_text(when: When) -> str:
    at = when.at
    day = f"{_DAYS[at.weekday()]} {at.day} {_MONTHS[at.month - 1]} {at.year}"
    return day if when.all_day else f"{day}, {at:%H:%M}"


def _note(session: Session) -> str:
    """The session as a note: its name, what the description says of the paper, its
    links, and last what is the session's own (when, where, who presents): the notes
    reader looks for the paper's citation in the first lines under the heading."""
    event = session.event
    parts = [f"# {session.heading}"] if session.heading else []
    description, own = _without_who(_markdown(_description(event)))
    if description:
        parts.append(description)
    links = []
    for prop in _links(event):
        url = unwrap_redirect(prop.value)
        if url in description:
            continue
        name = prop.params.get("FILENAME", "") or prop.params.get("X-FILENAME", "")
        links.append(f"- [{name}]({url})" if name else f"- <{url}>")
    if links:
        parts.append("\n".join(dict.fromkeys(links)))
    # "When:" labelled, never a date alone: the notes reader would take that for the title
    # of a paper only a DOI identifies.
    where = " ".join(event.text("LOCATION").split())
    place = " · ".join(p for p in (_when_line(session), where) if p)
    parts += ([f"When: {place}"] if place else []) + own
    return "\n\n".join(parts) + "\n"


def _member_name(session: Session, taken: set[str]) -> str:
    when = f"{session.when.at:%Y-%m-%d}" if session.when else ""
    stem = safe_name(" · ".join(p for p in (when, session.summary) if p), "event")
    return _unique(stem, taken)


def _unique(stem: str, taken: set[str]) -> str:
    candidate, number = stem, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem} {number}"
    taken.add(candidate.casefold())
    return f"{candidate}.md"


def _reading_path(title: str, sessions: list[Session], names: list[str], taken: set[str]) -> Member:
    """A page of links to the session notes, in date order, under their terms. It has
    no heading of its own (the notes reader would take one for a paper's title): the
    reading list is named by the page's file name, the calendar's."""
    groups = [
        (term, [(_link_text(sessions[i]), names[i]) for i in at]) for term, at in terms(sessions)
    ]
    return _unique(safe_name(title, "Calendar"), taken), contents_page(groups, heading=False)


def _link_text(session: Session) -> str:
    return f"{session.when.at:%Y-%m-%d}" if session.when else "undated"


def terms(sessions: list[Session]) -> list[tuple[str, list[int]]]:
    """The sessions (indexes, in date order) in runs apart by more than five weeks, each
    named by its season and year; one unnamed run when they are not clearly apart."""
    runs: list[list[int]] = []
    previous: datetime | None = None
    for index, session in enumerate(sessions):
        at = session.when.at if session.when else None
        if not runs or (at and previous and (at - previous).days > _GAP_DAYS):
            runs.append([])
        runs[-1].append(index)
        previous = at or previous
    named: list[tuple[str, list[int]]] = []
    for run in runs:
        name = _season([sessions[i].when.at.date() for i in run if sessions[i].when])  # type: ignore[union-attr]
        if named and named[-1][0] == name:
            named[-1][1].extend(run)  # a long break within one term
        else:
            named.append((name, run))
    return named if len(named) > 1 else [("", [i for _, run in named for i in run])]


def _season(days: list[date]) -> str:
    """ "Fall 2023": the season most of a run's sessions fall in (Jan–May Spring, Jun–Aug
    Summer, Sep–Dec Fall), the earlier one on a tie."""
    names = [f"{_SEASONS.get(d.month, 'Fall')} {d.year}" for d in days]
    counts = Counter(names)
    return max(names, key=lambda name: (counts[name], -names.index(name)), default="")
