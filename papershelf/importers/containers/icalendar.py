"""iCalendar (RFC 5545) with the standard library: components, properties, recurrences.

Lines are unfolded (a line break then a space or tab continues a line, even inside a
UTF-8 character), properties split into name, parameters and value, text values
un-escaped; dates read in their zones, and recurrence rules expanded to the dates a
calendar shows. Only what an export of meetings uses is read (``containers.ics``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from papershelf.importers.records import ParseError

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
    interval = max(1, int_or(parts.get("INTERVAL"), 1))
    count = int_or(parts.get("COUNT"), 0)
    until_when = clock.read(Property("UNTIL", {}, parts["UNTIL"], 0)) if "UNTIL" in parts else None
    until = until_when.at if until_when else horizon
    if until_when is not None and (until_when.all_day or start.all_day):
        until = datetime.combine(until.date(), datetime.max.time())
    byday = [
        (m[1], m[2]) for d in parts.get("BYDAY", "").split(",") if (m := _BYDAY_RE.match(d.strip()))
    ]
    bymonthday = [n for d in parts.get("BYMONTHDAY", "").split(",") if (n := int_or(d, 0))]
    bymonth = [n for d in parts.get("BYMONTH", "").split(",") if 1 <= (n := int_or(d, 0)) <= 12]
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


def int_or(text: str | None, default: int) -> int:
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
