"""Recognise one venue however a bibliography writes it.

"NeurIPS", "NIPS 2017", "Advances in Neural Information Processing Systems 33", "The
Thirty-eighth Annual Conference on Neural Information Processing Systems" and DBLP's
"Advances in … 33: Annual Conference on …, NeurIPS 2020, December 6-12, 2020, virtual"
are one venue. A venue's *key* drops what changes from one edition to the next (years,
ordinals, volume numbers, "Proceedings of the", "Volume 1: Long Papers", an acronym in
parentheses, OpenReview's "Poster") and keeps every other word. Words that name a
different event beside a conference (a workshop, demonstrations, Findings, a student
session) are never dropped, so such a venue never meets the main conference's key.
"""

from __future__ import annotations

import re
import unicodedata

_PARENTHESISED_RE = re.compile(r"\(([^()]*)\)")
# "(CVPR)", "(NeurIPS 2025)", "(EMNLP-IJCNLP)", "(IJCAI-19)": an acronym, perhaps a year.
_ACRONYM_RE = re.compile(r"^\s*([A-Za-z][\w/&-]*?)(?:[\s-]*(?:'\d{2}|\d{2}|\d{4}))?\s*$")
_SHORT_YEAR_RE = re.compile(r"['’‘]\d{2}\b")  # "NeurIPS '24", "ICML’19"
_NOT_WORD_RE = re.compile(r"[\W_]+")
_NUMBER_RE = re.compile(r"\b\d+(?:st|nd|rd|th)?\b")  # years, ordinals, volumes, days
_UNIT_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TENS_ORDINALS = "twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth"
# "Thirty-Fourth" (the hyphen is a space by now), "Eleventh", "Fortieth".
_WORD_ORDINAL_RE = re.compile(
    rf"\b(?:(?:{_TENS}) (?:{_UNIT_ORDINALS})|{_UNIT_ORDINALS}|{_TENS_ORDINALS})\b"
)
_PROCEEDINGS_RE = re.compile(r"^(?:in )?(?:the )?(?:proceedings|proc)(?: of)?\b|\bproceedings$")
_EDITION_RE = re.compile(
    r"\b(?:volume|vol|part [ivx]+|(?:long and short|long|short) papers|"
    r"main conference|main track|conference track)\b"
)
# OpenReview states the decision after the venue: "ICLR 2021 Poster", "ICLR 2023 notable top 5%".
_DECISION_RE = re.compile(r"(?: (?:poster|spotlight|oral|accept|accepted|notable top))+$")
_PUBLISHERS_RE = re.compile(r"\b(?:ieee|cvf|acm|computer society)\b")
_THE_RE = re.compile(r"\bthe\b")

# Words that set an event apart from the conference it sits beside.
SIDE_EVENT_RE = re.compile(
    r"\b(?:workshops?|demos?|demonstrations?|tutorials?|student|doctoral|companion|findings|"
    r"challenges?|shared tasks?|competitions?|satellite|adjunct|extended abstracts?|"
    r"datasets and benchmarks|submitted)\b",
    re.IGNORECASE,
)


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _drop_acronym(match: re.Match[str]) -> str:
    """An acronym in parentheses repeats the name before it: drop it (keep other asides).

    A workshop's acronym ("CVPRW") is kept: it is what makes the venue a workshop.
    """
    acronym = _ACRONYM_RE.match(match[1])
    if acronym is None or sum(c.isupper() for c in acronym[1]) < 2:
        return f" {match[1]} "
    name = acronym[1]
    if name.upper().endswith("W") and name.upper() != "WWW":
        return f" {match[1]} "
    return " "


def venue_key(name: str) -> str:
    """The words that name the venue, without what changes between its editions."""
    text = _without_accents(name).replace("\\", "").replace("{", "").replace("}", "")
    text = _PARENTHESISED_RE.sub(_drop_acronym, text).casefold()
    text = _SHORT_YEAR_RE.sub(" ", text).replace("&", " and ")
    text = " ".join(_NOT_WORD_RE.sub(" ", text).split())
    for pattern in (_NUMBER_RE, _WORD_ORDINAL_RE, _EDITION_RE, _THE_RE):
        text = " ".join(pattern.sub(" ", text).split())
    text = " ".join(_PROCEEDINGS_RE.sub(" ", text).split())
    text = " ".join(_DECISION_RE.sub(" ", text).split())
    # "IEEE/CVF Conference on …", "IEEE Conference on …" and "Conference on …" are one;
    # but "Proceedings of the IEEE" is a journal whose name is only its publisher.
    without_publishers = " ".join(_PUBLISHERS_RE.sub(" ", text).split())
    return without_publishers or text


def _names_side_event(text: str) -> bool:
    return bool(SIDE_EVENT_RE.search(text))


def venue_keys(name: str) -> list[str]:
    """Keys to look up, best first: the whole name, then shorter readings of it.

    DBLP follows the name with the acronym, place and dates ("…, ICML 2020, 13-18 July
    2020, Virtual Event"); others put a label before a colon ("KDD '20: The 26th ACM
    SIGKDD Conference …") or a subtitle after one ("…: Human Language Technologies"). A
    shorter reading is only tried when the part it leaves out names no workshop,
    Findings or other side event ("…: System Demonstrations" stays whole).
    """
    readings = [name]
    parts = name.split(",")
    # Longest first: "…Acoustics, Speech and Signal Processing, ICASSP 2020, …" is
    # ICASSP only with its second part.
    for end in range(len(parts) - 1, 0, -1):
        if _names_side_event(",".join(parts[end:])):
            break  # every shorter reading leaves this out too
        readings.append(",".join(parts[:end]))
    keys = [venue_key(text) for text in readings]
    for text in readings:
        head, colon, tail = text.partition(":")
        if not colon:
            continue
        if not _names_side_event(tail):
            keys.append(venue_key(head))
        if not _names_side_event(head):
            keys.append(venue_key(tail))
    return [key for key in dict.fromkeys(keys) if key]
