"""WhatsApp chat exports (Android and iPhone), read through the notes importer."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.registry import detect
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.importers.whatsapp.parse import (
    looks_like_whatsapp,
    parse,
    read_messages,
    to_markdown,
)
from papershelf.papers.models import Paper

# Android, day first, 24-hour clock; a message going on over lines; system lines.
ANDROID = """\
03/04/2024, 10:00 - Messages and calls are end-to-end encrypted. No one outside of \
this chat can read them.
03/04/2024, 10:00 - Priya created group "Soil microbes reading"
03/04/2024, 10:02 - Tomás joined using this group's invite link
03/04/2024, 10:04 - Priya: this week's paper 👇
03/04/2024, 10:05 - Priya: *Structure and function of the global topsoil microbiome*
Bahram et al., Nature 2018
https://doi.org/10.1038/s41586-018-0386-6
03/04/2024, 10:06 - Priya: IMG-20240403-WA0001.jpg (file attached)
03/04/2024, 10:07 - Tomás: <Media omitted>
03/04/2024, 10:08 - Tomás: This message was deleted
03/04/2024, 10:08 - Tomás changed the subject from "Soil" to "JC: soil microbes 2024"
03/04/2024, 10:08 - Tomás: <Medien ausgeschlossen>
05/04/2024, 18:30 - Tomás: JC next week: Fierer & Jackson 2006 PNAS - The diversity and \
biogeography of soil bacterial communities
03/04/2024, 10:09 - Tomás: nice, _finally_ a ~short~ one <This message was edited>
"""

# iPhone, month first, 12-hour clock with a narrow no-break space, marks on system lines.
IOS = """\
[4/5/24, 9:15:02\u202fAM] Soil microbes reading: \u200eMessages and calls are end-to-end encrypted.
\u200e[4/5/24, 9:16:40\u202fAM] Priya: \u200eimage omitted
[4/5/24, 9:17:11\u202fPM] Priya: Next: "A communal catalogue reveals \
Earth's multiscale microbial diversity" https://doi.org/10.1038/nature24621
[4/5/24, 9:18:00\u202fPM] Tomás: 👍
"""


def test_messages_keep_their_sender_and_following_lines() -> None:
    messages = read_messages(ANDROID)
    said = [(m.sender, m.lines[0]) for m in messages if m.sender]
    assert said[1] == ("Priya", "*Structure and function of the global topsoil microbiome*")
    assert messages[4].lines[1:] == [
        "Bahram et al., Nature 2018",
        "https://doi.org/10.1038/s41586-018-0386-6",
    ]
    assert [m.lines[0] for m in messages if not m.sender] == [
        "Messages and calls are end-to-end encrypted. No one outside of this chat can read them.",
        'Priya created group "Soil microbes reading"',
        "Tomás joined using this group's invite link",
        'Tomás changed the subject from "Soil" to "JC: soil microbes 2024"',
    ]


def test_whatsapp_formatting_becomes_markdown_and_the_edit_mark_goes() -> None:
    last = read_messages(ANDROID)[-1]
    assert to_markdown(last) == "nice, *finally* a ~~short~~ one"


def test_each_message_citing_a_paper_is_a_paper_its_chat_label_aside_and_placeholders_not() -> None:
    document = parse(ANDROID, "WhatsApp Chat with Soil microbes reading.txt")
    assert [(entry.paper.title, entry.paper.doi) for entry in document.entries if entry.paper] == [
        ("Structure and function of the global topsoil microbiome", "10.1038/s41586-018-0386-6"),
        ("The diversity and biogeography of soil bacterial communities", ""),
    ]


def test_an_iphone_export_drops_its_marked_system_lines() -> None:
    messages = read_messages(IOS)
    # What an iPhone writes for the person (a photo, a deletion) is marked like the group's.
    assert [m.sender for m in messages] == ["", "", "Priya", "Tomás"]
    document = parse(IOS, "_chat.txt")
    assert [entry.paper.doi for entry in document.entries if entry.paper] == ["10.1038/nature24621"]


def test_chat_exports_are_told_by_their_timestamps_not_their_name() -> None:
    assert looks_like_whatsapp(ANDROID) and looks_like_whatsapp(IOS)
    assert detect(Path("notes.txt"), ANDROID).name == "whatsapp"
    diary = "03/04/2024, 10:00 - started the soil notes\nthen read a paper\nand another\n"
    assert not looks_like_whatsapp(diary + "more prose\n" * 5)
    assert detect(Path("notes.txt"), "Attention is all you need\nread it\n").name == "notes"


def test_a_chat_export_folder_imports_the_shared_papers_not_the_media(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "WhatsApp Chat with Soil microbes reading.txt").write_text(ANDROID)
    (tmp_path / "IMG-20240403-WA0001.jpg").write_bytes(b"\xff\xd8\xff")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("doi", flat=True)) == {"10.1038/s41586-018-0386-6", ""}


@pytest.mark.parametrize(
    "line",
    [
        "12/03/2023, 14:02 - Ana: hi",  # Android, day first
        "3/12/23, 2:02\u202fpm - Ana: hi",  # Android, US, 12-hour clock
        "12.03.23, 14:02 - Ana: hi",  # German
        "[12/03/2023, 14:02:11] Ana: hi",  # iPhone
        "[3/12/23, 2:02:11 PM] Ana: hi",
        "[12.3.2022 klo 14.08.18] Ana: hi",  # Finnish iPhone
        "\u200e[12/03/2023, 14:02:11] Ana: hi",
    ],
)
def test_the_timestamps_of_phones_in_many_locales_start_a_message(line: str) -> None:
    messages = read_messages(line + "\nand more\n")
    assert [(m.sender, m.lines) for m in messages] == [("Ana", ["hi", "and more", ""])]
