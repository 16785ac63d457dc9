"""A calendar export (.ics) as a reading group's schedule: one note a session, in order."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.icalendar import (
    Clock,
    Component,
    When,
    occurrences,
    parse_calendar,
    split_property,
    unfold,
)
from papershelf.importers.containers.ics import Session, heading, read_ics, series_labels, terms
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList


def _fold(line: str, width: int = 75) -> bytes:
    """A content line folded as exporters do: every 75 octets, whatever they split."""
    data = line.encode("utf-8")
    parts = [data[:width]]
    data = data[width:]
    while data:
        parts.append(b" " + data[: width - 1])
        data = data[width - 1 :]
    return b"\r\n".join(parts)


def _ics(lines: list[str], newline: bytes = b"\r\n") -> bytes:
    return newline.join(_fold(line).replace(b"\r\n", newline) for line in lines) + newline


def _event(*lines: str) -> list[str]:
    return ["BEGIN:VEVENT", *lines, "END:VEVENT"]


GOOGLE_REDIRECT = (
    "https://www.google.com/url?q={}&amp;sa=D&amp;source=calendar&amp;usd=2&amp;usg=AOvVaw3kq"
)
BERLIN = "DTSTART;TZID=Europe/Berlin:"

# A neuroscience journal club in Google Calendar: a weekly placeholder slot whose
# sessions are its overrides, a social, a public holiday, and a spring term after a break.
NEURO_JC = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Systems neuro journal club",
    "X-WR-TIMEZONE:Europe/Berlin",
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
    *_event(
        f"{BERLIN}20231004T160000",
        "DTEND;TZID=Europe/Berlin:20231004T170000",
        "RRULE:FREQ=WEEKLY;UNTIL=20231213T150000Z;BYDAY=WE",
        "EXDATE;TZID=Europe/Berlin:20231101T160000",
        "UID:7c1slot@google.com",
        "SUMMARY:Journal club",
        "DESCRIPTION:Weekly slot. Seminar room 2.14\\, bring your lunch.",
        "LOCATION:Seminar room 2.14",
        "STATUS:CONFIRMED",
    ),
    *_event(
        f"{BERLIN}20231004T160000",
        "RECURRENCE-ID;TZID=Europe/Berlin:20231004T160000",
        "UID:7c1slot@google.com",
        "SEQUENCE:2",
        "SUMMARY:JC: Schultz\\, Dayan & Montague 1997",
        "DESCRIPTION:Presenter: Lena<br><br>Schultz W\\, Dayan P\\, Montague PR (1997). <i>A "
        'Neural Substrate of Prediction and Reward</i>. Science 275\\, 1593–1599.<br><a href="'
        + GOOGLE_REDIRECT.format("https://doi.org/10.1126/science.275.5306.1593")
        + '" target="_blank">https://doi.org/10.1126/science.275.5306.1593</a>',
        "LOCATION:Seminar room 2.14",
    ),
    *_event(  # its RECURRENCE-ID in UTC, the session moved half an hour
        f"{BERLIN}20231011T163000",
        "RECURRENCE-ID:20231011T140000Z",
        "UID:7c1slot@google.com",
        "SUMMARY:Journal club",
        "DESCRIPTION:Presenter: Tomás\\nPaper: Neuronal population coding of movement "
        "direction\\ndoi:10.1126/science.3749885",
    ),
    *_event(
        f"{BERLIN}20231018T160000",
        "RECURRENCE-ID;TZID=Europe/Berlin:20231018T160000",
        "UID:7c1slot@google.com",
        "SUMMARY:JC: Marr 1969",
        "STATUS:CANCELLED",
    ),
    *_event(
        f"{BERLIN}20231025T160000",
        "RECURRENCE-ID;TZID=Europe/Berlin:20231025T160000",
        "UID:7c1slot@google.com",
        "SUMMARY:JC: place cells",
        "DESCRIPTION:<b>O'Keefe J\\, Dostrovsky J (1971).</b> The hippocampus as a spatial map. "
        "Preliminary evidence from unit activity in the freely-moving rat. <i>Brain Res</i> 34"
        '(1):171–175. <a href="'
        + GOOGLE_REDIRECT.format("https://doi.org/10.1016/0006-8993(71)90358-1")
        + '">full text</a>',
    ),
    *_event(
        f"{BERLIN}20231108T160000",
        "RECURRENCE-ID;TZID=Europe/Berlin:20231108T160000",
        "UID:7c1slot@google.com",
        "SUMMARY:JC: dopamine meets deep RL",
        'DESCRIPTION:Paper: <a href="https://arxiv.org/abs/1312.5602">Playing Atari with Deep '
        "Reinforcement Learning</a><br>Mnih et al. 2013",
    ),
    *_event("DTSTART:20231020T170000Z", "UID:social9@google.com", "SUMMARY:Lab social — bowling"),
    *_event(
        "DTSTART;VALUE=DATE:20231003",
        "DTEND;VALUE=DATE:20231004",
        "UID:day3@google.com",
        "SUMMARY:Tag der Deutschen Einheit",
        "TRANSP:TRANSPARENT",
    ),
    *_event(
        f"{BERLIN}20240417T160000",
        "UID:s1@google.com",
        "SUMMARY:JC — Hubel & Wiesel 1962",
        "DESCRIPTION:Hubel DH\\, Wiesel TN (1962). Receptive fields\\, binocular interaction and "
        "functional architecture in the cat's visual cortex. J Physiol 160(1):106–154. "
        "doi:10.1113/jphysiol.1962.sp006837",
    ),
    *_event(
        f"{BERLIN}20240424T160000",
        "UID:s2@google.com",
        "SUMMARY:Planning the summer schedule",
        "DESCRIPTION:Bring suggestions!",
    ),
    *_event(
        f"{BERLIN}20240508T160000",
        "UID:s3@google.com",
        "SUMMARY:Journal club: Rescorla–Wagner",
        "DESCRIPTION:Presenter: Zoë Müller-Łukasiewicz\\n\\nRescorla RA\\, Wagner AR (1972). A "
        "theory of Pavlovian conditioning: Variations in the effectiveness of reinforcement "
        "and nonreinforcement. In Classical Conditioning II\\, pp. 64–99.",
    ),
    "END:VCALENDAR",
]

HOLIDAYS = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "VERSION:2.0",
    "X-WR-CALNAME:Holidays in Germany",
    "X-WR-CALDESC:Holidays and Observances in Germany",
    *_event(
        "DTSTART;VALUE=DATE:20231003",
        "DTEND;VALUE=DATE:20231004",
        "UID:20231003_abc@google.com",
        "DESCRIPTION:Public holiday",
        "SUMMARY:Day of German Unity",
        "TRANSP:TRANSPARENT",
    ),
    *_event(
        "DTSTART;VALUE=DATE:20231225",
        "UID:20231225_def@google.com",
        "DESCRIPTION:Observance\\nTo hide observances\\, go to Google Calendar Settings",
        "SUMMARY:Christmas Day",
        "TRANSP:TRANSPARENT",
    ),
    "END:VCALENDAR",
]

TEAMS = (
    "\\n\\n________________________________________________________________________________"
    "\\nMicrosoft Teams meeting\\nJoin on your computer\\, mobile app or room device\\n"
    "Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_x>"
    "\\nMeeting ID: 318 442 907\\n________________________________________________________"
)
EASTERN = 'DTSTART;TZID="Eastern Standard Time":'

# A development-economics reading group in Outlook: Windows' zone names, Teams blocks,
# a "Canceled:" meeting, a skipped week, and a description only in HTML.
DEV_ECON = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    "VERSION:2.0",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Development economics reading group",
    "BEGIN:VTIMEZONE",
    "TZID:Eastern Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16011104T020000",
    "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
    "TZOFFSETFROM:-0400",
    "TZOFFSETTO:-0500",
    "END:STANDARD",
    "END:VTIMEZONE",
    *_event(
        f"{EASTERN}20230912T120000",
        "UID:040000008200E00074C5B7101A82E0080000000001",
        "SUMMARY;LANGUAGE=en-us:Reading group — Worms: Identifying Impacts on Education and "
        "Health in the Presence of Treatment Externalities",
        "DESCRIPTION:Presenter: Priya\\n\\nhttps://doi.org/10.1111/j.1468-0262.2004.00481.x"
        + TEAMS,
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
    ),
    *_event(
        f"{EASTERN}20230919T120000",
        "UID:040000008200E00074C5B7101A82E0080000000002",
        "SUMMARY:Canceled: Reading group — Card & Krueger",
        "STATUS:CONFIRMED",
    ),
    *_event(
        f"{EASTERN}20230926T120000",
        "UID:040000008200E00074C5B7101A82E0080000000003",
        "SUMMARY:Reading group — Card & Krueger (rescheduled)",
        "DESCRIPTION:Card\\, D.\\, & Krueger\\, A. B. (1994). Minimum Wages and Employment: A "
        "Case Study of the Fast-Food Industry in New Jersey and Pennsylvania. American "
        "Economic Review\\, 84(4)\\, 772–793." + TEAMS,
    ),
    *_event(
        f"{EASTERN}20231003T120000",
        "UID:040000008200E00074C5B7101A82E0080000000004",
        "SUMMARY:Reading group — Banerjee et al.",
        "DESCRIPTION:https://doi.org/10.1126/science.1260799",
    ),
    *_event(
        f"{EASTERN}20231010T120000",
        "UID:040000008200E00074C5B7101A82E0080000000005",
        "SUMMARY:Reading group — microcredit",
        "DESCRIPTION:",
        "X-ALT-DESC;FMTTYPE=text/html:<html><body><p>Banerjee\\, Duflo\\, Glennerster &amp; "
        'Kinnan (2015). <a href="https://doi.org/10.1257/app.20130533">The Miracle of '
        "Microfinance? Evidence from a Randomized Evaluation</a>. AEJ: Applied 7(1).</p>"
        "</body></html>",
    ),
    *_event(
        f"{EASTERN}20231017T120000",
        "UID:040000008200E00074C5B7101A82E0080000000006",
        "SUMMARY:No meeting — fall break",
    ),
    "END:VCALENDAR",
]

# A condensed-matter group in Apple Calendar, saved with LF line ends and a BOM, its
# papers in the event's URL and attachments, and the END line lost.
CONDENSED = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Apple Inc.//macOS 14.2//EN",
    "X-WR-CALNAME:CM reading",
    *_event(
        "DTSTART;TZID=America/Chicago:20240206T150000",
        "UID:A1B2-1",
        "SUMMARY:Novoselov et al. 2004",
        "DESCRIPTION:Electric Field Effect in Atomically Thin Carbon Films",
        "LOCATION:Physics bldg\\, room 4\\; upstairs",
        "URL;VALUE=URI:https://doi.org/10.1126/science.1102896",
    ),
    *_event(
        "DTSTART;TZID=America/Chicago:20240213T150000",
        "UID:A1B2-2",
        "SUMMARY:Reading: MgB2",
        "DESCRIPTION:Title: Superconductivity at 39 K in magnesium diboride\\nAuthors: "
        "Nagamatsu\\, Nakagawa\\, Muranaka\\, Zenitani\\, Akimitsu\\nNature 410\\, 63 (2001)",
        "ATTACH;FMTTYPE=application/pdf;FILENAME=MgB2 letter.pdf:https://example.org/f/mgb2.pdf",
    ),
    *_event(
        "DTSTART;TZID=America/Chicago:20240220T150000",
        "UID:A1B2-3",
        "SUMMARY:Topological insulators",
        "DESCRIPTION:Hasan & Kane (2010) Colloquium: Topological insulators. Rev. Mod. Phys. "
        "82\\, 3045. https://arxiv.org/abs/1002.3895",
    ),
]


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def _list_items(reading_list: ReadingList) -> list[str]:
    items = reading_list.items.select_related("paper").order_by("position")
    return [f"## {i.heading}" if i.paper is None else i.paper.title for i in items]


# ------------------------------------------------------------------- end to end


def test_a_journal_clubs_google_calendar_imports_its_papers_in_term_order_and_leaves_the_holidays(
    tmp_path: Path, alice: User
) -> None:
    folder = tmp_path / "calendars"
    _write(folder, "neuro-jc.ics", _ics(NEURO_JC))
    _write(folder, "holidays.ics", _ics(HOLIDAYS))
    report = import_paths([folder], ImportOptions(user=alice, fetch_metadata=False))
    papers = {p.title: p for p in Paper.objects.all()}
    assert set(papers) == {
        "A Neural Substrate of Prediction and Reward",
        "Neuronal population coding of movement direction",
        "The hippocampus as a spatial map. Preliminary evidence from unit activity in the "
        "freely-moving rat",  # both sentences of its title
        "Playing Atari with Deep Reinforcement Learning",
        "Receptive fields, binocular interaction and functional architecture in the cat's "
        "visual cortex",
        "A theory of Pavlovian conditioning: Variations in the effectiveness of reinforcement "
        "and nonreinforcement",
    }
    # The redirect Google wraps around a link, folded in two, is the paper's DOI.
    assert papers["A Neural Substrate of Prediction and Reward"].doi == (
        "10.1126/science.275.5306.1593"
    )
    [reading_list] = ReadingList.objects.all()
    assert reading_list.title == "Systems neuro journal club"
    assert _list_items(reading_list) == [
        "## Fall 2023",
        "A Neural Substrate of Prediction and Reward",
        "Neuronal population coding of movement direction",
        "The hippocampus as a spatial map. Preliminary evidence from unit activity in the "
        "freely-moving rat",
        "Playing Atari with Deep Reinforcement Learning",
        "## Spring 2024",
        "Receptive fields, binocular interaction and functional architecture in the cat's "
        "visual cortex",
        "A theory of Pavlovian conditioning: Variations in the effectiveness of reinforcement "
        "and nonreinforcement",
    ]
    names = [outcome.name for outcome in report.files]
    assert not [o for o in report.files if o.status == "failed"]
    assert not [name for name in names if "holidays.ics" in name]  # no session in it
    assert not [name for name in names if "Marr" in name or "Deutschen" in name]
    assert not [name for name in names if name.endswith("· Journal club.md") and "10-04" in name]


def test_an_outlook_export_drops_cancelled_and_skipped_weeks_and_reads_html_only_descriptions(
    tmp_path: Path, alice: User
) -> None:
    path = _write(tmp_path / "econ", "Dev econ.ics", _ics(DEV_ECON))
    report = import_paths([path.parent], ImportOptions(user=alice, fetch_metadata=False))
    papers = {p.doi: p.title for p in Paper.objects.all()}
    assert papers["10.1111/j.1468-0262.2004.00481.x"] == (  # the paper named in the summary
        "Worms: Identifying Impacts on Education and Health in the Presence of Treatment "
        "Externalities"
    )
    assert (
        "Minimum Wages and Employment: A Case Study of the Fast-Food Industry in New Jersey "
        "and Pennsylvania"
    ) in papers.values()
    assert "10.1126/science.1260799" in papers  # a DOI alone
    assert "10.1257/app.20130533" in papers  # in Outlook's HTML copy only
    assert len(papers) == 4
    names = " ".join(outcome.name for outcome in report.files)
    assert "Canceled" not in names and "No meeting" not in names
    [reading_list] = ReadingList.objects.all()
    assert not [item for item in _list_items(reading_list) if item.startswith("##")]


def test_an_apple_export_with_lf_lines_a_bom_and_no_end_line_gives_its_urls_and_attachments(
    tmp_path: Path, alice: User
) -> None:
    data = b"\xef\xbb\xbf" + _ics(CONDENSED, newline=b"\n")
    _write(tmp_path / "cm", "CM reading.ics", data)
    import_paths([tmp_path / "cm"], ImportOptions(user=alice, fetch_metadata=False))
    papers = {p.doi or p.arxiv_id: p.title for p in Paper.objects.all()}
    assert "10.1126/science.1102896" in papers  # the event's URL
    assert "Superconductivity at 39 K in magnesium diboride" in papers.values()
    assert papers["1002.3895"] == "Colloquium: Topological insulators"


def test_a_file_that_is_no_calendar_fails_with_its_line_and_the_rest_of_the_folder_imports(
    tmp_path: Path, alice: User
) -> None:
    folder = tmp_path / "mixed"
    _write(folder, "export.ics", b"\n\nSubject,Start Date,Description\nJC,10/04/2023,Smith\n")
    _write(folder, "cm.ics", _ics(CONDENSED))
    with pytest.raises(ParseError) as raised:
        read_ics(folder / "export.ics")
    assert raised.value.line == 3 and "BEGIN:VCALENDAR" in raised.value.message
    report = import_paths([folder], ImportOptions(user=alice, fetch_metadata=False))
    [failed] = [o for o in report.files if o.status == "failed"]
    assert failed.name == "export.ics" and ":3:" in failed.detail
    assert Paper.objects.count() == 3


# ------------------------------------------------------------------- the reader alone


def test_each_session_is_a_note_named_by_its_date_with_its_place_description_and_links() -> None:
    members = dict(read_ics_bytes(_ics(CONDENSED)))
    note = members["2024-02-06 · Novoselov et al. 2004.md"]
    assert note == (
        "# Novoselov et al. 2004\n\n"
        "Electric Field Effect in Atomically Thin Carbon Films\n\n"
        "- <https://doi.org/10.1126/science.1102896>\n\n"
        "When: Tuesday 6 February 2024, 15:00 · Physics bldg, room 4; upstairs\n"
    )
    assert (
        "- [MgB2 letter.pdf](https://example.org/f/mgb2.pdf)"
        in members["2024-02-13 · Reading  MgB2.md"]
    )


def test_the_reading_path_page_links_the_sessions_in_date_order_under_their_terms() -> None:
    members = read_ics_bytes(_ics(NEURO_JC))
    name, page = members[-1]
    assert name == "Systems neuro journal club.md"
    assert page.split("\n")[:4] == [
        "## Fall 2023",
        "",
        "- [2023-10-04](<2023-10-04 · JC  Schultz, Dayan & Montague 1997.md>)",
        "- [2023-10-11](<2023-10-11 · Journal club.md>)",
    ]
    assert "## Spring 2024" in page
    # The placeholder slot's own dates (15 November…) and the cancelled week are gone.
    assert [n[:10] for n, _ in members[:-1]] == [
        "2023-10-04", "2023-10-11", "2023-10-20", "2023-10-25", "2023-11-08",
        "2024-04-17", "2024-04-24", "2024-05-08",
    ]  # fmt: skip


def test_html_descriptions_keep_their_links_with_google_redirects_undone() -> None:
    members = dict(read_ics_bytes(_ics(NEURO_JC)))
    note = members["2023-10-25 · JC  place cells.md"]
    assert note.startswith("# place cells\n\n**O'Keefe J, Dostrovsky J (1971).** The hippo")
    assert "[full text](https://doi.org/10.1016/0006-8993(71)90358-1)" in note
    assert "google.com/url" not in note and "&amp;" not in note
    # A line the calendar shows stays a line; who presents goes with when and where.
    assert members["2023-10-11 · Journal club.md"] == (
        "Paper: Neuronal population coding of movement direction  \n"
        "doi:10.1126/science.3749885\n\n"
        "When: Wednesday 11 October 2023, 16:30\n\n"
        "Presenter: Tomás\n"
    )


def test_a_calendar_of_holidays_or_of_whole_days_naming_nothing_holds_no_sessions() -> None:
    assert read_ics_bytes(_ics(HOLIDAYS)) == []
    out_of_office = [
        "BEGIN:VCALENDAR",
        "X-WR-CALNAME:Team availability",
        *_event("DTSTART;VALUE=DATE:20240102", "UID:1", "SUMMARY:Ana away", "TRANSP:TRANSPARENT"),
        *_event("DTSTART;VALUE=DATE:20240109", "UID:2", "SUMMARY:Conference travel"),
        "END:VCALENDAR",
    ]
    assert read_ics_bytes(_ics(out_of_office)) == []


def test_whole_day_sessions_that_name_their_papers_are_kept() -> None:
    days = [
        "BEGIN:VCALENDAR",
        *_event("DTSTART;VALUE=DATE:20240102", "UID:1", "SUMMARY:Lakoff & Johnson 1980"),
        *_event(
            "DTSTART;VALUE=DATE:20240109",
            "UID:2",
            "SUMMARY:Reading",
            "DESCRIPTION:Paper: Three models for the description of language",
        ),
        "END:VCALENDAR",
    ]
    assert [name for name, _ in read_ics_bytes(_ics(days), "days.ics")] == [
        "2024-01-02 · Lakoff & Johnson 1980.md",
        "2024-01-09 · Reading.md",
        "days.md",
    ]


def test_a_series_that_names_its_paper_is_one_note_over_its_dates() -> None:
    series = [
        "BEGIN:VCALENDAR",
        *_event(
            "DTSTART:20240305T100000",
            "RRULE:FREQ=WEEKLY;COUNT=3",
            "UID:ser",
            "SUMMARY:Reading group: Chomsky 1956",
            "DESCRIPTION:Three models for the description of language\\, in three sittings",
        ),
        "END:VCALENDAR",
    ]
    [(name, note)] = read_ics_bytes(_ics(series))
    assert name == "2024-03-05 · Reading group  Chomsky 1956.md"
    assert "When: Tuesday 5 March 2024, 10:00 to Tuesday 19 March 2024, 10:00 (3 sessions)" in note


def test_a_presenter_line_over_the_citation_does_not_hide_the_paper(
    tmp_path: Path, alice: User
) -> None:
    calendar = [
        "BEGIN:VCALENDAR",
        "X-WR-CALNAME:Soil ecology JC",
        *_event(
            "DTSTART:20240912T150000Z",
            "UID:1",
            "SUMMARY:JC: Fierer & Jackson 2006",
            "DESCRIPTION:Presenter: Ines (swapped with Kofi)\\nFierer N & Jackson RB. The "
            "diversity and biogeography of soil bacterial communities. PNAS 103: 626-631 "
            "(2006). doi:10.1073/pnas.0507535103\\nRead the methods closely.",
        ),
        *_event(
            "DTSTART:20240919T150000Z",
            "UID:2",
            "SUMMARY:JC: van der Heijden 1998",
            "DESCRIPTION:<b>Led by</b> Kofi<br>van der Heijden MGA et al. Mycorrhizal fungal "
            "diversity determines plant biodiversity\\, ecosystem variability and productivity. "
            "Nature 396: 69-72 (1998). doi:10.1038/23932",
        ),
        "END:VCALENDAR",
    ]
    _write(tmp_path / "soil", "soil.ics", _ics(calendar))
    import_paths([tmp_path / "soil"], ImportOptions(user=alice, fetch_metadata=False))
    papers = {p.doi: p.title for p in Paper.objects.all()}
    assert papers == {
        "10.1073/pnas.0507535103": "The diversity and biogeography of soil bacterial communities",
        "10.1038/23932": "Mycorrhizal fungal diversity determines plant biodiversity, ecosystem "
        "variability and productivity",
    }


def test_weeks_the_calendar_says_have_no_paper_or_no_meeting_are_no_sessions() -> None:
    calendar = [
        "BEGIN:VCALENDAR",
        *_event("DTSTART:20240110T150000Z", "UID:1", "SUMMARY:JC: Fierer & Jackson 2006"),
        *_event("DTSTART:20240117T150000Z", "UID:2", "SUMMARY:Hike + tacos (no JC this week)"),
        *_event("DTSTART:20240124T150000Z", "UID:3", "SUMMARY:Alumni panel (no paper)"),
        *_event(
            "DTSTART:20240131T150000Z",
            "UID:4",
            "SUMMARY:JC planning",
            "DESCRIPTION:No paper. Vote on the spring theme\\, fill in the sign-up sheet.",
        ),
        *_event(
            "DTSTART:20240207T150000Z",
            "UID:5",
            "SUMMARY:Reading group — Brady & Weil ch. 4",
            "DESCRIPTION:Textbook week\\, no paper. Chapter 4 scan is in the shared folder.",
        ),
        *_event(
            "DTSTART:20240214T150000Z",
            "UID:6",
            "SUMMARY:JC: Bardgett & van der Putten 2014",
            "DESCRIPTION:Also: no paper copies this time\\, bring a laptop.",
        ),
        "END:VCALENDAR",
    ]
    names = [name for name, _ in read_ics_bytes(_ics(calendar))]
    assert names == [
        "2024-01-10 · JC  Fierer & Jackson 2006.md",
        "2024-02-14 · JC  Bardgett & van der Putten 2014.md",
        "calendar.md",
    ]


def test_an_event_exported_twice_keeps_its_latest_version_and_no_meeting_link_block() -> None:
    meet = "-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-"
    calendar = [
        "BEGIN:VCALENDAR",
        *_event("DTSTART:20240124T150000", "UID:x", "SEQUENCE:0", "SUMMARY:RG: to be decided"),
        *_event(
            "DTSTART:20240124T150000",
            "UID:x",
            "SEQUENCE:3",
            "SUMMARY:RG: Hale 2001",
            f"DESCRIPTION:<html-blob>A probabilistic Earley parser<br>NAACL 2001</html-blob>"
            f"\\n{meet}\\nJoin with Google Meet: https://meet.google.com/abc-defg-hij\\n{meet}",
        ),
        "END:VCALENDAR",
    ]
    [(name, note)] = read_ics_bytes(_ics(calendar))
    assert name == "2024-01-24 · RG  Hale 2001.md"
    assert note == (
        "# RG: Hale 2001\n\nA probabilistic Earley parser  \nNAACL 2001\n\n"
        "When: Wednesday 24 January 2024, 15:00\n"
    )


# ------------------------------------------------------------------- the format


def test_unfolding_joins_continuations_even_inside_a_character_and_a_url() -> None:
    data = "DESCRIPTION:Zoë https://doi.org/10.1000/xyz".encode()
    cut = data.index("ë".encode()) + 1  # between the two bytes of "ë"
    folded = data[:cut] + b"\r\n " + data[cut:30] + b"\n\t" + data[30:] + b"\r\nSUMMARY:x\r\n"
    assert unfold(folded) == [(1, "DESCRIPTION:Zoë https://doi.org/10.1000/xyz"), (4, "SUMMARY:x")]


def test_text_values_are_unescaped_and_parameters_may_be_quoted() -> None:
    prop = split_property('ATTENDEE;CN="Ruiz, Ana: PI";ROLE=CHAIR:mailto:ana@example.org', 1)
    assert prop is not None
    assert prop.params == {"CN": "Ruiz, Ana: PI", "ROLE": "CHAIR"}
    assert prop.raw == "mailto:ana@example.org"
    text = split_property(r"DESCRIPTION:a\, b\; c\\d\nline\Nnext \:x", 2)
    assert text is not None and text.value == "a, b; c\\d\nline\nnext :x"


def test_a_value_written_with_a_raw_line_break_continues_the_property() -> None:
    [calendar] = parse_calendar(
        b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:JC\nDESCRIPTION:Paper: Foo\n"
        b"second line of it\nEND:VEVENT\n",
        "x.ics",
    )
    [event] = calendar.children
    assert event.text("DESCRIPTION") == "Paper: Foo\nsecond line of it"


def test_an_event_whose_end_line_is_lost_does_not_swallow_the_next() -> None:
    [calendar] = parse_calendar(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:one\r\nBEGIN:VALARM\r\n"
        b"DESCRIPTION:Reminder\r\nBEGIN:VEVENT\r\nSUMMARY:two\r\nEND:VEVENT\r\n",
        "x.ics",
    )
    assert [event.text("SUMMARY") for event in calendar.children] == ["one", "two"]
    assert calendar.children[0].text("DESCRIPTION") == ""  # the alarm's, not the event's


def _clock() -> Clock:
    return Clock(Component("VCALENDAR", 1), [])


def test_weekly_monthly_and_counted_rules_expand_to_their_dates() -> None:
    start = When(datetime(2024, 1, 3, 16), False)  # a Wednesday
    horizon = datetime(2025, 1, 1)
    weekly = occurrences(start, "FREQ=WEEKLY;BYDAY=WE,FR;COUNT=4", horizon, _clock())
    assert [d.day for d in weekly] == [3, 5, 10, 12]
    until = occurrences(start, "FREQ=WEEKLY;INTERVAL=2;UNTIL=20240214T160000", horizon, _clock())
    assert [d.day for d in until] == [3, 17, 31, 14]
    monthly = occurrences(start, "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", horizon, _clock())
    assert [(d.month, d.day) for d in monthly] == [(1, 26), (2, 23), (3, 29)]
    second_tuesday = occurrences(start, "FREQ=MONTHLY;BYDAY=2TU;COUNT=2", horizon, _clock())
    assert [(d.month, d.day) for d in second_tuesday] == [(1, 9), (2, 13)]


def test_an_override_replaces_its_occurrence_and_an_exdate_removes_one() -> None:
    calendar = [
        "BEGIN:VCALENDAR",
        *_event(
            "DTSTART:20240103T160000",
            "RRULE:FREQ=WEEKLY;COUNT=4",
            "EXDATE:20240110T160000",
            "UID:wk",
            "SUMMARY:Journal club: Lindqvist 2004",  # a series that names its paper
        ),
        *_event(
            "DTSTART:20240118T100000",
            "RECURRENCE-ID:20240117T160000",
            "UID:wk",
            "SUMMARY:Journal club: Okafor et al. 2019",
        ),
        "END:VCALENDAR",
    ]
    names = [name for name, _ in read_ics_bytes(_ics(calendar))]
    assert names == [
        "2024-01-03 · Journal club  Lindqvist 2004.md",  # 3 and 24 January are left of it
        "2024-01-18 · Journal club  Okafor et al. 2019.md",
        "calendar.md",
    ]
    whole = dict(read_ics_bytes(_ics(calendar)))["2024-01-03 · Journal club  Lindqvist 2004.md"]
    assert "to Wednesday 24 January 2024, 16:00 (2 sessions)" in whole


def test_an_all_day_series_override_written_at_midnight_elsewhere_still_replaces_its_day() -> None:
    calendar = [
        "BEGIN:VCALENDAR",
        *_event(
            "DTSTART;VALUE=DATE:20240219",
            "RRULE:FREQ=WEEKLY;COUNT=2",
            "UID:ex",
            "SUMMARY:Seminar: Hale 2001",
        ),
        *_event(
            "DTSTART;VALUE=DATE:20240227",
            'RECURRENCE-ID;TZID="W. Europe Standard Time":20240226T000000',
            "UID:ex",
            "SUMMARY:Seminar: Hale 2001 (moved)",
        ),
        "END:VCALENDAR",
    ]
    names = [name for name, _ in read_ics_bytes(_ics(calendar))]
    assert names[:2] == [
        "2024-02-19 · Seminar  Hale 2001.md",
        "2024-02-27 · Seminar  Hale 2001 (moved).md",
    ]


def test_runs_of_sessions_apart_by_more_than_five_weeks_are_terms_named_by_season() -> None:
    def sessions(*days: str) -> list[Session]:
        return [
            Session(Component("VEVENT", 1), When(datetime.fromisoformat(d), False)) for d in days
        ]

    autumn_spring = sessions("2023-09-13", "2023-10-04", "2023-12-06", "2024-01-31", "2024-03-06")
    assert [(name, len(run)) for name, run in terms(autumn_spring)] == [
        ("Fall 2023", 3),
        ("Spring 2024", 2),
    ]
    one_term = sessions("2023-09-13", "2023-10-04", "2023-11-01")
    assert terms(one_term) == [("", [0, 1, 2])]
    # A long break inside one term does not split it.
    assert terms(sessions("2024-01-10", "2024-01-17", "2024-04-03"))[0][0] == ""


def test_the_series_label_comes_off_the_heading_and_a_label_alone_is_no_heading() -> None:
    summaries = ["Bird lab: Smith 2019", "Bird lab: Jones 2020", "GloVe: Global Vectors"]
    labels = series_labels(summaries)
    assert heading("Bird lab: Smith 2019", labels) == "Smith 2019"
    assert heading("GloVe: Global Vectors", labels) == "GloVe: Global Vectors"
    assert heading("JC: Okafor et al. 2019", labels) == "Okafor et al. 2019"
    assert heading("Reading group — Attention Is All You Need", labels) == (
        "Attention Is All You Need"
    )
    assert heading("Week 3: GloVe: Global Vectors", labels) == "GloVe: Global Vectors"
    assert heading("Neuro journal club", labels) == ""
    assert heading("Lab social", labels) == "Lab social"


def read_ics_bytes(data: bytes, name: str = "calendar.ics") -> list[tuple[str, str]]:
    """The reader's members for a calendar written to a file of this name."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return read_ics(path)
