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

The format is parsed here with the standard library: lines unfolded (a line break then
a space or tab continues a line, even inside a UTF-8 character), properties split into
name, parameters and value, text values un-escaped.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import safe_name
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.notes.links import is_paper_url
from papershelf.importers.records import ParseError
from papershelf.lib.identifiers import identify

# ---------------------------------------------------------------------------- parsing

# A property's name: IANA's are upper case ("DTSTART"), vendors' start "X-".
_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
_ESCAPE_RE = re.compile(r"\\(.)", re.DOTALL)
_UNESCAPED = {"n": "\n", "N": "\n"}  # "\," "\;" "\\" "\:" stand for the character itself
_TEXT_PROPERTIES = frozenset(
    {"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "X-ALT-DESC", "URL", "ATTACH"}
    | {"X-WR-CALNAME", "X-WR-CALDESC", "CATEGORIES", "X-WR-TIMEZONE", "TZID"}
)


@dataclass
class Property:
    name: str  # upper case
    params: dict[str, str]  # names upper case, values unquoted
    raw: str  # the value as written (escaped)
    line: int

    @property
    def value(self) -> str:
        """The value with its escapes read: "\\n" a line break, "\\," a comma."""
        if self.name not in _TEXT_PROPERTIES:
            return self.raw
        return _ESCAPE_RE.sub(lambda m: _UNESCAPED.get(m[1], m[1]), self.raw)


@dataclass
class Component:
    name: str  # "VCALENDAR", "VEVENT", …
    line: int
    properties: list[Property] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def get(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)

    def text(self, name: str) -> str:
        found = self.get(name)
        return found.value.strip() if found is not None else ""

    def every(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]


def unfold(data: bytes) -> list[tuple[int, str]]:
    """The content lines of a calendar as (line number where each starts, text).

    A line that starts with a space or tab continues the one before, less that one
    character; the bytes are joined before decoding, since a fold may split a UTF-8
    character. CRLF and LF alike end a line, and blank lines are no content."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16").encode("utf-8")
    data = data.removeprefix(b"\xef\xbb\xbf")
    joined: list[tuple[int, bytearray]] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        raw = raw.rstrip(b"\r")
        if raw[:1] in (b" ", b"\t") and joined:
            joined[-1][1].extend(raw[1:])
        elif raw.strip():
            joined.append((number, bytearray(raw)))
    return [(number, _decode(bytes(line))) for number, line in joined]


def _decode(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")  # an old Outlook's export


def split_property(line: str, number: int) -> Property | None:
    """``NAME;PARAM=a;PARAM="b:c":value`` as a Property; None for a line that is none."""
    cut = re.search(r"[;:]", line)
    if cut is None or not _NAME_RE.match(line[: cut.start()]):
        return None
    name, index, params = line[: cut.start()].upper(), cut.start(), {}
    while index < len(line) and line[index] == ";":
        equals = line.find("=", index)
        if equals < 0:
            return None
        key, index, values = line[index + 1 : equals].strip().upper(), equals + 1, []
        while True:
            if line.startswith('"', index):
                close = line.find('"', index + 1)
                close = len(line) if close < 0 else close
                values.append(line[index + 1 : close])
                index = close + 1
            else:
                end = re.compile(r"[;:,]").search(line, index)
                stop = end.start() if end else len(line)
                values.append(line[index:stop])
                index = stop
            if not line.startswith(",", index):
                break
            index += 1
        params[key] = ",".join(values)
    if not line.startswith(":", index):
        return None
    return Property(name, params, line[index + 1 :], number)


# Components that only a VCALENDAR holds.
_TOP_LEVEL = frozenset({"VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE"})


def parse_calendar(data: bytes, name: str) -> list[Component]:
    """The VCALENDAR components of a file (usually one), or ParseError when it is none."""
    lines = unfold(data)
    if not lines:
        raise ParseError(name, None, "not an iCalendar file: it is empty")
    first_number, first = lines[0]
    if first.strip().upper() != "BEGIN:VCALENDAR":
        raise ParseError(
            name, first_number, "not an iCalendar file: it does not open with BEGIN:VCALENDAR"
        )
    calendars: list[Component] = []
    stack: list[Component] = []
    last: Property | None = None
    for number, line in lines:
        prop = split_property(line, number)
        if prop is None:
            if last is None or not stack:
                raise ParseError(name, number, f"not an iCalendar line: {line[:60]!r}")
            _continue_value(last, line)  # a value written with a raw line break in it
            continue
        if prop.name == "BEGIN":
            component = Component(prop.raw.strip().upper(), number)
            if component.name in _TOP_LEVEL:  # what a lost END:VEVENT left open ends here
                while stack and stack[-1].name != "VCALENDAR":
                    stack.pop()
            (stack[-1].children if stack else calendars).append(component)
            stack.append(component)
            last = None
        elif prop.name == "END":
            ending = prop.raw.strip().upper()
            if any(c.name == ending for c in stack):  # an END with no BEGIN is ignored
                while stack and stack.pop().name != ending:
                    pass
            last = None
        elif stack:  # a property after the last END:VCALENDAR belongs to nothing
            stack[-1].properties.append(prop)
            last = prop
    return [c for c in calendars if c.name == "VCALENDAR"]


def _continue_value(prop: Property, line: str) -> None:
    if prop.params.get("ENCODING", "").upper() == "QUOTED-PRINTABLE" and prop.raw.endswith("="):
        prop.raw = prop.raw[:-1] + line  # vCalendar 1.0's soft line break
    else:
        prop.raw += "\\n" + line


# ---------------------------------------------------------------------------- dates

_DATE_RE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?(Z)?)?")


@dataclass(frozen=True)
class When:
    """A moment on the calendar's own clock (naive), and whether it is a whole day."""

    at: datetime
    all_day: bool


class Clock:
    """Reads DATE and DATE-TIME values onto one wall clock: the calendar's time zone
    (X-WR-TIMEZONE, else the zone most events are written in), so that a UTC
    RECURRENCE-ID meets the local occurrence it replaces and sessions sort rightly."""

    def __init__(self, calendar: Component, events: list[Component]) -> None:
        named = calendar.text("X-WR-TIMEZONE")
        zones = Counter(
            p.params["TZID"] for e in events if (p := e.get("DTSTART")) and "TZID" in p.params
        )
        self.zone = _zone(named) or next(
            (z for name, _ in zones.most_common() if (z := _zone(name))), None
        )

    def read(self, prop: Property | None, value: str | None = None) -> When | None:
        if prop is None:
            return None
        match = _DATE_RE.match((value if value is not None else prop.raw).strip())
        if match is None:
            return None
        year, month, day, hour, minute, second, utc = match.groups()
        try:
            if hour is None or prop.params.get("VALUE", "").upper() == "DATE":
                return When(datetime(int(year), int(month), int(day)), True)
            at = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        except ValueError:
            return None
        source = UTC if utc else _zone(prop.params.get("TZID", ""))
        if source is not None and self.zone is not None and source != self.zone:
            at = at.replace(tzinfo=source).astimezone(self.zone).replace(tzinfo=None)
        elif utc and self.zone is None:
            at = at.replace(tzinfo=None)
        return When(at, False)

    def read_list(self, props: list[Property]) -> list[When]:
        """EXDATE and RDATE: comma-separated values, one property or several."""
        found = []
        for prop in props:
            for value in prop.raw.split(","):
                when = self.read(prop, value.split("/")[0])  # an RDATE period's start
                if when is not None:
                    found.append(when)
        return found


def _zone(name: str) -> ZoneInfo | None:
    name = name.strip().strip('"')
    if not name or ("/" not in name and name.upper() not in ("UTC", "GMT")):
        return None  # "W. Europe Standard Time": Windows' names are no zone we know
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return None


_WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_BYDAY_RE = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
MAX_OCCURRENCES = 1000


def occurrences(start: When, rule: str, horizon: datetime, clock: Clock) -> list[datetime]:
    """The dates an RRULE gives from ``start``, up to COUNT, UNTIL or ``horizon``."""
    parts = {}
    for part in rule.upper().split(";"):
        key, _, value = part.partition("=")
        parts[key.strip()] = value.strip()
    freq = parts.get("FREQ", "")
    interval = max(1, _int(parts.get("INTERVAL"), 1))
    count = _int(parts.get("COUNT"), 0)
    until_when = clock.read(Property("UNTIL", {}, parts["UNTIL"], 0)) if "UNTIL" in parts else None
    until = until_when.at if until_when else horizon
    if until_when is not None and (until_when.all_day or start.all_day):
        until = datetime.combine(until.date(), datetime.max.time())
    byday = [
        (m[1], m[2]) for d in parts.get("BYDAY", "").split(",") if (m := _BYDAY_RE.match(d.strip()))
    ]
    bymonthday = [n for d in parts.get("BYMONTHDAY", "").split(",") if (n := _int(d, 0))]
    bymonth = [n for d in parts.get("BYMONTH", "").split(",") if 1 <= (n := _int(d, 0)) <= 12]
    first = start.at
    found: list[datetime] = []
    for period in range(MAX_OCCURRENCES):
        candidates = _period_dates(first, freq, interval * period, byday, bymonthday, bymonth)
        if candidates is None:
            return [first]  # a FREQ we do not know: the event as written
        for at in sorted(candidates):
            if at < first:
                continue
            if at > until or (count and len(found) >= count) or len(found) >= MAX_OCCURRENCES:
                return found
            found.append(at)
        if _period_start(first, freq, interval * period) > until:
            return found
    return found


def _int(text: str | None, default: int) -> int:
    try:
        return int(text or "")
    except ValueError:
        return default


def _period_start(first: datetime, freq: str, step: int) -> datetime:
    if freq == "DAILY":
        return first + timedelta(days=step)
    if freq == "WEEKLY":
        return first - timedelta(days=first.weekday()) + timedelta(weeks=step)
    if freq == "MONTHLY":
        month = first.month - 1 + step
        return first.replace(year=first.year + month // 12, month=month % 12 + 1, day=1)
    return first.replace(year=first.year + step, month=1, day=1)


def _period_dates(
    first: datetime,
    freq: str,
    step: int,
    byday: list[tuple[str | None, str]],
    bymonthday: list[int],
    bymonth: list[int],
) -> list[datetime] | None:
    start = _period_start(first, freq, step) if freq in _FREQS else None
    if start is None:
        return None
    if freq == "DAILY":
        return [start]
    if freq == "WEEKLY":
        days = [_WEEKDAYS[d] for _, d in byday] or [first.weekday()]
        return [start + timedelta(days=d) for d in sorted(set(days))]
    months = [start.month] if freq == "MONTHLY" else (bymonth or [first.month])
    found = []
    for month in months:
        base = start.replace(month=month, day=1)
        if byday:
            found += _weekdays_in_month(base, byday)
        else:
            for day in bymonthday or [first.day]:
                at = _day_of_month(base, day)
                if at is not None:
                    found.append(at)
    return found


_FREQS = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})


def _days_in_month(base: datetime) -> int:
    following = (base.replace(day=28) + timedelta(days=4)).replace(day=1)
    return (following - timedelta(days=1)).day


def _day_of_month(base: datetime, day: int) -> datetime | None:
    length = _days_in_month(base)
    day = day if day > 0 else length + 1 + day
    return base.replace(day=day) if 1 <= day <= length else None


def _weekdays_in_month(base: datetime, byday: list[tuple[str | None, str]]) -> list[datetime]:
    """ "2TU": the month's second Tuesday; "-1FR" its last Friday; "WE" every Wednesday."""
    days = [base.replace(day=d) for d in range(1, _days_in_month(base) + 1)]
    found = []
    for ordinal, name in byday:
        matching = [d for d in days if d.weekday() == _WEEKDAYS[name]]
        if not ordinal:
            found += matching
        elif 1 <= abs(int(ordinal)) <= len(matching):
            number = int(ordinal)
            found.append(matching[number - 1 if number > 0 else number])
    return found


# ---------------------------------------------------------------------------- sessions

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
# Google Calendar sends each link in a description through google.com/url?q=<target>.
_REDIRECT_RE = re.compile(r"https?://(?:www\.)?google\.[a-z.]+/url\?[^\s\"'<>]*", re.IGNORECASE)
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
    return than is None or _int(event.text("SEQUENCE"), 0) >= _int(than.text("SEQUENCE"), 0)


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
    links = _URL_RE.findall(text) + [_unwrapped(p.value) for p in _links(event)]
    if any(is_paper_url(_unwrapped(link)) for link in links):
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
    return html.unescape(re.sub(r"<[^>]+>", " ", _REDIRECT_RE.sub(_redirected, text)))


def _redirected(match: re.Match[str]) -> str:
    url, tail = match[0], ""
    while url[-1:] in ").]" and (
        url[-1] == "." or url.count(url[-1]) > url.count("(["[url[-1] == "]"])
    ):
        url, tail = url[:-1], url[-1] + tail  # "(see https://…)": the bracket is the text's
    return _unwrapped(url) + tail


def _unwrapped(url: str) -> str:
    """A Google redirect's target: "https://www.google.com/url?q=https://doi.org/…&sa=D"."""
    if not _REDIRECT_RE.fullmatch(url):
        return url
    query = parse_qs(urlsplit(html.unescape(url)).query)
    target = (query.get("q") or query.get("url") or [""])[0]
    return target if target.startswith(("http://", "https://")) else url


def _markdown(text: str) -> str:
    """A description as Markdown: HTML converted (its links kept), plain text as it is.
    A line break the calendar shows stays one (Markdown's hard break, two spaces at the
    end of the line), and a blank line a new paragraph."""
    text = _REDIRECT_RE.sub(_redirected, text)
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
        url = _unwrapped(prop.value)
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
    lines = []
    for term, indexes in terms(sessions):
        if term:
            lines += [f"## {term}", ""]
        lines += [f"- [{_link_text(sessions[i])}](<{names[i]}>)" for i in indexes]
        lines.append("")
    return _unique(safe_name(title, "Calendar"), taken), "\n".join(lines).rstrip() + "\n"


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
