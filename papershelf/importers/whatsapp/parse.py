"""A WhatsApp chat export: each message a note of its own, read by the notes reader.

"Export chat" writes one line per message, a message's further lines below it:
``12/03/2023, 14:02 - Name: text`` on Android, ``[12/03/2023, 14:02:11] Name: text`` on
an iPhone, the date and clock in the phone's locale (``3/12/23, 2:02 PM``, ``12.03.23``,
a narrow no-break space before "PM"). Lines without a sender (the group was created,
someone joined) and placeholders for media, deleted and view-once messages say nothing
about papers and are dropped; WhatsApp's ``*bold*`` and ``_italic_`` become Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from papershelf.importers.notes.converted import parse_each
from papershelf.importers.notes.layout import is_section_label
from papershelf.importers.records import ParsedDocument

FORMAT = "whatsapp"

_MARKS_RE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_STAMP = (
    r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s(?:klo\s)?"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[\s\u202f\u00a0]?[AaPp]\.?\s?[Mm]\.?)?)"
)
_ANDROID_RE = re.compile(rf"^{_STAMP}\s[-–]\s(?P<rest>.*)$")
_IOS_RE = re.compile(rf"^\[{_STAMP}\]\s(?P<rest>.*)$")
_SENDER_RE = re.compile(r"^(?P<sender>[^:\n]{1,80}?):\s(?P<text>.*)$", re.S)
_EDITED_RE = re.compile(r"\s*<This message was edited>\s*$")
# What WhatsApp writes in place of a message that is not text (in English exports).
_PLACEHOLDER_RE = re.compile(
    # "<Media omitted>" and "IMG-….jpg (file attached)" in any language: "<Medien
    # ausgeschlossen>", "IMG-….jpg (Datei angehängt)".
    r"^(?:<[^<>]+>|\S+\.(?:jpe?g|png|gif|webp|heic|mp4|mov|3gp|opus|ogg|m4a|aac|pdf|"
    r"docx?|pptx?|xlsx?|vcf|zip|txt) \([^()]+\)|"
    r"(?:image|video|audio|sticker|GIF|document|Contact card) omitted|"
    r"This message was deleted\.?|You deleted this message\.?|null|"
    r"Waiting for this message\..*|Missed (?:voice|video) call|"
    r"<View once message omitted>|POLL:)$",
    re.I,
)
_BOLD_RE = re.compile(r"(?<![\w*])\*(?P<body>[^*\s](?:[^*\n]*[^*\s])?)\*(?![\w*])")
_ITALIC_RE = re.compile(r"(?<![\w_])_(?P<body>[^_\s](?:[^_\n]*[^_\s])?)_(?![\w_])")
_STRIKE_RE = re.compile(r"(?<![\w~])~(?P<body>[^~\s](?:[^~\n]*[^~\s])?)~(?![\w~])")
_MONO_RE = re.compile(r"```(?P<body>.+?)```", re.S)
_URL_RE = re.compile(r"\bhttps?://\S+")
# "JC: Mante et al. 2013 Nature - …", "Next week (my turn!): …": a chat's label for what
# the message shares, before a citation (one with a year).
_LEAD_LABEL_RE = re.compile(
    r"^(?P<label>[^\W\d][\w ]{0,15}?(?:\s*\([^)]{0,40}\))?):\s+(?P<rest>.*\b(?:19|20)\d{2}\b.*)$"
)
_FIELD_LABELS = frozenset({"title", "paper", "article", "preprint", "link", "url", "doi", "arxiv"})
_SNIFF_LINES = 200
_SNIFF_SHARE = 0.4  # of a head's lines starting with a timestamp (the rest: messages going on)


@dataclass
class Message:
    sender: str  # "" for what WhatsApp itself writes: "Aoife created group …"
    lines: list[str] = field(default_factory=list)


def parse(text: str, path: str) -> ParsedDocument:
    notes = [to_markdown(message) + "\n" for message in read_messages(text) if _is_said(message)]
    return parse_each(notes, path, FORMAT, "names no paper (no message shares one)", chat=True)


def looks_like_whatsapp(text: str) -> bool:
    """Most of the first lines start with a WhatsApp timestamp, the first one among them."""
    lines = [line for line in text[:50000].split("\n") if line.strip()][:_SNIFF_LINES]
    stamped = [_stamped(line) is not None for line in lines]
    return len(lines) >= 2 and stamped[0] and sum(stamped) >= _SNIFF_SHARE * len(lines)


def read_messages(text: str) -> list[Message]:
    """The chat's messages in order, each with its sender and its lines."""
    messages: list[Message] = []
    for line in text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n"):
        rest = _stamped(line)
        if rest is None:
            if messages:
                messages[-1].lines.append(_MARKS_RE.sub("", line))
            continue
        said = _SENDER_RE.match(rest)
        # On an iPhone the group's own notices come "from" the group, the text marked.
        if said and _is_person(said["sender"]) and not said["text"].startswith("\u200e"):
            sender = _MARKS_RE.sub("", said["sender"]).strip()
            messages.append(Message(sender, [_MARKS_RE.sub("", said["text"])]))
        else:
            messages.append(Message("", [_MARKS_RE.sub("", rest)]))
    return messages


def to_markdown(message: Message) -> str:
    """A message's text as Markdown: WhatsApp's ``*bold*``, ``_italic_``, ``~strike~``."""
    text = _EDITED_RE.sub("", "\n".join(message.lines)).strip()
    first, _, others = text.partition("\n")
    if (lead := _LEAD_LABEL_RE.match(first)) and not _is_field(lead["label"]):
        text = lead["rest"] + ("\n" + others if others else "")
    urls: list[str] = []

    def hold(match: re.Match[str]) -> str:
        urls.append(match[0])
        return f"\x00{len(urls) - 1}\x00"

    text = _URL_RE.sub(hold, _MONO_RE.sub(lambda m: f"`{m['body']}`", text))
    text = _BOLD_RE.sub(lambda m: f"**{m['body']}**", text)
    text = _ITALIC_RE.sub(lambda m: f"*{m['body']}*", text)
    text = _STRIKE_RE.sub(lambda m: f"~~{m['body']}~~", text)
    # Each line of a message is a line of its own, as the person wrote it.
    text = re.sub(r"(?<=\S)\n(?=\S)", "  \n", text)
    return re.sub("\x00(\\d+)\x00", lambda m: urls[int(m[1])], text)


def _is_person(sender: str) -> bool:
    """Not the start of a notice: 'Ana changed the subject from "x" to "JC: y"'."""
    return not any(mark in sender for mark in '"“”«')


def _is_field(label: str) -> bool:
    """ "Title:", "Summary:": labels the notes reader reads, not a chat's own."""
    return label.strip().casefold() in _FIELD_LABELS or is_section_label(label)


def _stamped(line: str) -> str | None:
    """What follows the timestamp of a message's first line, or None."""
    line = line.lstrip("\u200e\u200f\ufeff").rstrip()  # marks inside tell system lines
    match = _ANDROID_RE.match(line) or _IOS_RE.match(line)
    return match["rest"] if match else None


def _is_said(message: Message) -> bool:
    first = message.lines[0].strip() if message.lines else ""
    return bool(message.sender) and not (
        _PLACEHOLDER_RE.match(first) and not "".join(message.lines[1:]).strip()
    )
